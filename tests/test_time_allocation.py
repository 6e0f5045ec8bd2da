"""The time-allocation block in the workbench runtime: totals, consent, the cohort mean, events, OLX."""

import http.cookiejar
import itertools
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from lxml import etree

from leadership_xblocks import compat, events, records
from leadership_xblocks.time_allocation import model
from tests.support.blocks import Learner, load, studio_save
from tests.support.live_server import handler_request

_RUN = itertools.count()

TWO = """<leadership_time_allocation display_name="Two functions" module="Leading systems">
  <prompt><p>Your <em>week</em></p><script>x()</script></prompt>
  <function id="plan">Planning</function>
  <function id="fire">Firefighting</function>
</leadership_time_allocation>"""


def person(name):
    return f'{name}-{next(_RUN)}'


def answer(plan, consent=True, model_name='host'):
    return {'allocations': {'plan': plan, 'fire': 100 - plan}, 'model': model_name, 'consent': consent}


@pytest.fixture
def usage():
    return load(TWO)


def test_default_block_lists_the_seven_functions_and_the_models():
    learner = Learner(load('<leadership_time_allocation/>'), person('alice'))
    state = learner.ok('student_view_user_state', method='GET')
    assert [f['id'] for f in state['functions']] == [
        'planning',
        'crisis',
        'budgeting',
        'performance',
        'staff_support',
        'partnership',
        'direct_practice',
    ]
    assert set(state['functions'][0]) == {'id', 'label'}
    assert [m['id'] for m in state['models']] == [
        'distributed',
        'compassionate',
        'servant',
        'collaborative',
        'systems',
        'host',
    ]
    assert state['total'] == 100 and state['submitted'] is False and state['allocations'] is None
    assert state['consent'] == {'given': False, 'at': None}
    assert state['cohort'] == {'available': False, 'minimum': 5, 'count': None, 'means': None}
    html = learner.render().body_html()
    assert html.count('type="number"') == 7 and html.count('<label for=') == 8  # 7 shares + own words
    assert '<legend>May your answer be used for research?</legend>' in html
    # The error summary takes focus (read once), so it is not also a live region.
    assert '<div class="lsx-error" data-role="error"></div>' in html and 'role="status"' in html
    assert learner.block().validate().messages == []


def test_submit_stores_the_answer_and_completes(usage, event_log):
    learner = Learner(usage, person('alice'))
    state = learner.ok('submit', {'allocations': {'plan': 12.5, 'fire': 87.5}, 'model': 'systems', 'consent': False})
    assert state['submitted'] is True and state['allocations'] == {'plan': 12.5, 'fire': 87.5}
    assert state['model'] == 'systems' and state['model_text'] == ''
    assert state['consent']['given'] is False and state['consent']['at']
    assert state['cohort']['available'] is False and state['cohort']['means'] is None
    assert event_log.named('completion') == [{'completion': 1.0}]
    assert learner.ok('student_view_user_state') == state


def test_own_words_for_the_model_are_kept_as_plain_text(usage):
    learner = Learner(usage, person('alice'))
    state = learner.ok('submit', answer(50, model_name='  <i>Relational</i>, with   a bit of host '))
    assert state['model'] == 'own' and state['model_text'] == 'Relational, with a bit of host'


@pytest.mark.parametrize(
    'data, message',
    [
        (
            {'allocations': {'plan': 40, 'fire': 50}, 'model': 'host', 'consent': True},
            'Your shares add up to 90: they must add up to 100.',
        ),
        ({'allocations': {'plan': 60, 'fire': 50}, 'model': 'host', 'consent': True}, 'add up to 110'),
        (
            {'allocations': {'plan': 120, 'fire': -20}, 'model': 'host', 'consent': True},
            'The share for "plan" must be from 0 to 100.',
        ),
        (
            {'allocations': {'plan': 50, 'fire': 50, 'lunch': 0}, 'model': 'host', 'consent': True},
            'Unknown function(s): lunch.',
        ),
        (
            {'allocations': {'plan': '50', 'fire': 50}, 'model': 'host', 'consent': True},
            'The share for "plan" must be a number.',
        ),
        ({'allocations': [50, 50], 'model': 'host', 'consent': True}, '"allocations" must be an object'),
        ({'allocations': {'plan': 50, 'fire': 50}, 'model': 7, 'consent': True}, '"model" must be a string.'),
        ({'allocations': {'plan': 50, 'fire': 50}, 'model': '  ', 'consent': True}, 'Name the leadership model'),
        ({'allocations': {'plan': 50, 'fire': 50}, 'model': 'x' * 300, 'consent': True}, 'at most 200 characters'),
        (
            {'allocations': {'plan': 50, 'fire': 50}, 'model': 'host', 'consent': 'yes'},
            '"consent" must be true or false.',
        ),
        ({'allocations': {'plan': 50, 'fire': 50}, 'model': 'host'}, 'Missing field(s): consent.'),
        ({}, 'Missing field(s): allocations, model, consent.'),
    ],
)
def test_bad_answers_get_400_and_change_nothing(usage, event_log, data, message):
    learner = Learner(usage, person('alice'))
    learner.ok('submit', answer(30, consent=False))
    before = learner.ok('student_view_user_state')
    row_before = records.get_record(str(usage), compat.anonymise(learner.user_id))
    code, payload = learner.call('submit', data)
    assert code == 400 and message in payload['error']
    assert learner.ok('student_view_user_state') == before
    assert records.get_record(str(usage), compat.anonymise(learner.user_id)) == row_before
    assert len(event_log.named(events.TIME_ALLOCATION_SUBMITTED)) == 1


def test_malformed_requests(usage):
    learner = Learner(usage, person('alice'))
    assert learner.call('submit', body=b'{"allocations":')[0] == 400
    assert learner.call('set_consent', method='GET')[0] == 405
    code, payload = learner.call('set_consent', {'consent': 1})
    assert code == 400 and 'true or false' in payload['error']
    assert learner.ok('student_view_user_state')['consent'] == {'given': False, 'at': None}


def test_the_mean_of_others_appears_only_from_five_consenting_learners(usage):
    learners = [Learner(usage, person(f'learner{i}')) for i in range(6)]
    plans = [10, 20, 30, 40, 50, 60]
    for learner, plan in zip(learners[:4], plans):
        state = learner.ok('submit', answer(plan))
        assert state['cohort']['available'] is False and state['cohort']['means'] is None
    # A learner who does not consent is not counted, however many answer.
    Learner(usage, person('private')).ok('submit', answer(99, consent=False))
    fifth = learners[4].ok('submit', answer(50))
    assert fifth['cohort']['available'] is False  # only 4 *other* consenting learners
    sixth = learners[5].ok('submit', answer(60))
    assert sixth['cohort'] == {'available': True, 'minimum': 5, 'count': 5, 'means': {'plan': 30.0, 'fire': 70.0}}
    # Each learner's own answer is left out of the mean they see.
    first = learners[0].ok('student_view_user_state')
    assert first['cohort']['count'] == 5 and first['cohort']['means'] == {'plan': 40.0, 'fire': 60.0}
    # Withdrawing consent takes the answer out of everyone else's mean at once; giving it back returns it.
    learners[1].ok('set_consent', {'consent': False})
    assert learners[0].ok('student_view_user_state')['cohort']['available'] is False
    assert learners[5].ok('student_view_user_state')['cohort']['available'] is False
    learners[1].ok('set_consent', {'consent': True})
    assert learners[5].ok('student_view_user_state')['cohort']['means'] == {'plan': 30.0, 'fire': 70.0}


def test_without_consent_the_cohort_row_keeps_nothing_of_the_answer(usage):
    learner = Learner(usage, person('alice'))
    learner.ok('submit', answer(25, consent=False, model_name='my own secret model'))
    row = records.get_record(str(usage), compat.anonymise(learner.user_id))
    assert row['consent'] is False and row['completed'] is True
    assert row['data'] == {'v': 1}
    learner.ok('set_consent', {'consent': True})
    row = records.get_record(str(usage), compat.anonymise(learner.user_id))
    assert row['consent'] is True and row['consent_at'] is not None
    assert row['data'] == {
        'v': 1,
        'allocations': {'plan': 25, 'fire': 75},
        'model': 'own',
        'model_text': 'my own secret model',
    }
    learner.ok('set_consent', {'consent': False})
    assert records.get_record(str(usage), compat.anonymise(learner.user_id))['data'] == {'v': 1}


def test_consent_is_explicit_revocable_and_timestamped(usage, event_log):
    learner = Learner(usage, person('alice'))
    before_answer = learner.ok('set_consent', {'consent': True})
    assert before_answer['consent']['given'] is True and before_answer['consent']['at']
    assert before_answer['submitted'] is False
    learner.ok('submit', answer(40, consent=True))  # same choice: no new decision
    withdrawn = learner.ok('set_consent', {'consent': False})
    assert withdrawn['consent']['given'] is False
    learner.ok('set_consent', {'consent': False})  # repeated: nothing changes
    history = learner.block().consent['history']
    assert [h['given'] for h in history] == [True, False] and all(h['at'] for h in history)
    changes = event_log.named(events.RESEARCH_CONSENT_CHANGED)
    assert [c['consent'] for c in changes] == [True, False]
    assert set(changes[0]) == {'block_type', 'anonymous_user_id', 'consent', 'at'}


def test_events_leave_out_the_answer_without_consent_and_never_carry_free_text(usage, event_log):
    Learner(usage, person('alice')).ok('submit', answer(30, consent=False, model_name='private words'))
    Learner(usage, person('bob')).ok('submit', answer(70, consent=True, model_name='other private words'))
    no, yes = event_log.named(events.TIME_ALLOCATION_SUBMITTED)
    assert set(no) == {'block_type', 'anonymous_user_id', 'consent'} and no['consent'] is False
    assert yes['allocations'] == {'plan': 70, 'fire': 30} and yes['model'] == 'own' and yes['consent'] is True
    dumped = json.dumps(event_log.events)
    assert 'private' not in dumped and 'alice' not in dumped and 'bob' not in dumped


def test_two_learners_do_not_see_each_others_answers(usage):
    alice, bob = Learner(usage, person('alice')), Learner(usage, person('bob'))
    alice.ok('submit', answer(11, model_name='alice model words'))
    bob_state = bob.ok('student_view_user_state')
    assert bob_state['allocations'] is None and 'alice' not in json.dumps(bob_state)
    bob.ok('submit', answer(77, consent=False))
    alice_state = alice.ok('student_view_user_state')
    assert alice_state['allocations'] == {'plan': 11, 'fire': 89} and alice_state['model_text'] == 'alice model words'
    assert alice_state['consent']['given'] is True and bob.ok('student_view_user_state')['consent']['given'] is False


class HttpLearner:
    """One learner's browser against the live workbench: a cookie jar and the CSRF token."""

    def __init__(self, base, student):
        self.base, self.student, self.csrf = base, student, ''
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), urllib.request.ProxyHandler({})
        )

    def url(self, path):
        return f'{self.base}{path}?{urllib.parse.urlencode({"student": self.student})}'

    def page(self, path):
        with self.opener.open(self.url(path), timeout=60) as response:
            body = response.read().decode('utf-8')
        self.csrf = next((c.value for c in self.jar if c.name == 'csrftoken'), '')
        return body

    def post(self, usage_id, handler, data):
        request = handler_request(self.base, self.url(f'/handler/{usage_id}/{handler}/'), self.csrf, data)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, error.read()[:300]


@pytest.mark.mariadb
def test_the_mean_stays_exact_with_learners_answering_at_once_across_processes(live_server_factory):
    """Several gunicorn worker processes on MariaDB: every learner counts once, none is lost."""
    server = live_server_factory(db='mariadb', workers=4, threads=4)
    path = '/scenario/leadership_time_allocation.0/'
    page = HttpLearner(server.url, 'probe').page(path)
    usage_id = re.search(r"data-usage='([^']+)' data-block-type='leadership_time_allocation'", page).group(1)
    plans = [5 * i for i in range(16)]
    learners = [HttpLearner(server.url, f'rush-{i}') for i in range(len(plans))]
    for learner in learners:
        learner.page(path)
    start, results = threading.Barrier(len(learners)), []

    def submit(learner, plan):
        start.wait(timeout=60)
        results.append(
            learner.post(
                usage_id,
                'submit',
                {'allocations': {'planning': plan, 'crisis': 100 - plan}, 'model': 'distributed', 'consent': True},
            )
        )

    threads = [threading.Thread(target=submit, args=pair) for pair in zip(learners, plans)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [status for status, _body in results] == [200] * len(plans), results
    viewer = HttpLearner(server.url, 'viewer')
    viewer.page(path)
    status, state = viewer.post(
        usage_id, 'submit', {'allocations': {'planning': 100}, 'model': 'host', 'consent': False}
    )
    assert status == 200
    assert state['cohort']['count'] == len(plans)
    assert state['cohort']['means']['planning'] == round(sum(plans) / len(plans), 1)
    assert state['cohort']['means']['crisis'] == round(100 - sum(plans) / len(plans), 1)
    assert state['cohort']['means']['budgeting'] == 0.0


def test_olx_export_round_trip(usage):
    block = Learner(usage, 'author').block()
    node = etree.Element('x')
    block.add_xml_to_node(node)
    text = etree.tostring(node, encoding='unicode')
    assert '<function id="fire">Firefighting</function>' in text and 'x()' not in text
    assert '<prompt><p>Your <em>week</em></p></prompt>' in text and node.get('module') == 'Leading systems'
    again = Learner(load(text), 'author').block()
    assert again.body == block.body and again.display_name == 'Two functions'


def test_bad_authored_content_is_reported_and_unavailable():
    learner = Learner(
        load(
            '<leadership_time_allocation><function id="a">A</function>'
            '<function id="a">B</function></leadership_time_allocation>'
        ),
        person('alice'),
    )
    texts = [m.text for m in learner.block().validate().messages]
    assert any('Duplicate function id "a".' in t for t in texts)
    assert 'not available yet' in learner.render().body_html()
    assert learner.call('submit', {'allocations': {'a': 100}, 'model': 'host', 'consent': True})[0] == 409
    assert 'Problems to fix' in learner.render('author_view').body_html()


def test_studio_edits_are_canonicalised_and_validated(usage):
    block = Learner(usage, 'author').block()

    def save(values):
        return studio_save(block, values)

    ok = save(
        {
            'body': '<leadership_time_allocation><function id="x">X <b>y</b></function>'
            '<function id="z">Z</function></leadership_time_allocation>'
        }
    )
    assert ok.status_code == 200 and '<function id="x">X y</function>' in block.body
    assert model.DEFAULT_PROMPT in block.body  # no <prompt>: the default one, written out
    assert (
        save(
            {'body': '<leadership_time_allocation><function id="x">X</function></leadership_time_allocation>'}
        ).status_code
        == 400
    )
    assert '<function id="z">Z</function>' in block.body


def test_student_view_data_and_cpd_record(usage):
    learner = Learner(usage, person('alice'))
    data = learner.block().student_view_data()
    assert data['functions'] == [{'id': 'plan', 'label': 'Planning'}, {'id': 'fire', 'label': 'Firefighting'}]
    assert data['module'] == 'Leading systems' and data['total'] == 100
    learner.ok('submit', answer(20))
    entry = learner.block().cpd_entries()[str(usage)]
    assert entry['allocation'] == [
        {'function': 'Planning', 'lang': 'en', 'percent': 20},
        {'function': 'Firefighting', 'lang': 'en', 'percent': 80},
    ]
