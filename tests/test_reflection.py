"""The reflection block in the workbench runtime: views, handlers, limits, sanitising, events, OLX."""

import itertools
import json

import pytest
from lxml import etree
from webob import Request

from leadership_xblocks import events
from leadership_xblocks.reflection import model
from tests.support.blocks import Learner, load

AUTHORED = """<leadership_reflection display_name="A hard call" min_words="5" max_words="12"
    module="Leading self" framework="BASW PCF: Professional leadership">
  <prompt><p>What did you <em>notice</em>?</p><script>alert(1)</script></prompt>
  <guidance><p>Supervisors notice <strong>pace</strong>.</p></guidance>
</leadership_reflection>"""
FIVE = 'one two three four five'
_RUN = itertools.count()


def person(name):
    """A learner id of its own for each test: preferences (the record) are per learner across blocks."""
    return f'{name}-{next(_RUN)}'


@pytest.fixture
def usage():
    return load(AUTHORED)


def record(learner, query=''):
    """(status, headers, text) of the printable record handler."""
    block = learner.block()
    response = block.runtime.handle(block, 'my_reflections', Request.blank('/' + query))
    return response.status_code, response.headers, response.body.decode('utf-8')


def test_default_block_is_usable_with_the_default_prompt():
    learner = Learner(load('<leadership_reflection/>'), person('alice'))
    html = learner.render().body_html()
    assert 'Think of a recent moment in your practice' in html
    assert '<label class="lsx-label" for=' in html and 'aria-live="polite"' in html
    assert '<div class="lsx-error" data-role="error"></div>' in html  # focused when shown: not also live
    state = learner.ok('student_view_user_state', method='GET')
    assert state == {
        'text': '',
        'submitted': False,
        'word_count': 0,
        'saved_at': None,
        'submitted_at': None,
        'min_words': 0,
        'max_words': 10000,
        'guidance': None,
        'reflections': [],
    }
    assert learner.block().validate().messages == []


def test_student_view_shows_prompt_limits_and_assets(usage):
    frag = Learner(usage, person('alice')).render()
    html = frag.body_html()
    assert '<p>What did you <em>notice</em>?</p>' in html and 'alert(1)' not in html
    assert 'Write between 5 and 12 words.' in html
    urls = [r.data for r in frag.resources if r.kind == 'url']
    assert any(u.endswith('static/reflection.js') for u in urls)
    assert any(u.endswith('static/common.js') for u in urls)
    assert 'Supervisors notice' not in html  # guidance only after submitting


def test_draft_then_submit_shows_guidance_and_completes(usage, event_log):
    learner = Learner(usage, person('alice'))
    draft = learner.ok('save_draft', {'text': 'too short'})
    assert draft['text'] == 'too short' and draft['submitted'] is False and draft['word_count'] == 2
    assert draft['guidance'] is None and draft['saved_at']
    assert learner.ok('student_view_user_state')['text'] == 'too short'
    state = learner.ok('submit', {'text': FIVE + ' six'})
    assert state['submitted'] is True and state['word_count'] == 6 and state['submitted_at']
    assert state['guidance'] == '<p>Supervisors notice <strong>pace</strong>.</p>'
    assert event_log.named('completion') == [{'completion': 1.0}]
    assert event_log.named('grade') == []  # ungraded by default
    assert [row['submitted'] for row in state['reflections']] == [True]


def test_learner_text_is_sanitised_before_it_is_stored_and_shown(usage):
    learner = Learner(usage, person('alice'))
    state = learner.ok(
        'submit',
        {
            'text': '<p onclick="steal()">I <strong>paused</strong> '
            '<img src=x onerror=alert(1)>and<script>alert(2)</script> '
            'asked <a href="javascript:x()">my</a> manager</p>'
        },
    )
    assert state['text'] == '<p>I <strong>paused</strong> and asked my manager</p>'
    assert 'script' not in json.dumps(learner.ok('student_view_user_state'))
    _status, _headers, page = record(learner)
    assert '<p>I <strong>paused</strong> and asked my manager</p>' in page
    assert 'onerror' not in page and 'javascript' not in page


@pytest.mark.parametrize(
    'data, status, message',
    [
        ({'text': 'one two'}, 400, 'Your reflection has 2 words: write at least 5.'),
        ({'text': ' '.join(['w'] * 13)}, 400, 'Your reflection has 13 words: the limit is 12.'),
        ({'text': ''}, 400, 'Write your reflection before you submit it.'),
        ({'text': 42}, 400, '"text" must be a string.'),
        ({'text': ['a', 'list']}, 400, '"text" must be a string.'),
        ({}, 400, 'Missing field(s): text.'),
        ({'text': 'x' * (model.MAX_TEXT_CHARS + 1)}, 413, 'the limit is 10000 words'),
    ],
)
def test_bad_submissions_get_4xx_and_change_nothing(usage, event_log, data, status, message):
    learner = Learner(usage, person('alice'))
    learner.ok('save_draft', {'text': 'my draft'})
    before = learner.ok('student_view_user_state')
    code, payload = learner.call('submit', data)
    assert code == status and message in payload['error']
    assert learner.ok('student_view_user_state') == before
    assert event_log.named(events.REFLECTION_SUBMITTED) == [] and event_log.named('completion') == []


def test_drafts_may_exceed_the_authors_maximum_but_never_the_hard_cap(usage):
    learner = Learner(usage, person('alice'))
    assert learner.ok('save_draft', {'text': ' '.join(['w'] * 40)})['word_count'] == 40
    code, payload = learner.call('save_draft', {'text': 'w ' * (model.HARD_MAX_WORDS + 1)})
    assert code == 413 and '10001 words' in payload['error']
    assert learner.ok('student_view_user_state')['word_count'] == 40


def test_submit_is_final(usage):
    learner = Learner(usage, person('alice'))
    learner.ok('submit', {'text': FIVE})
    for handler in ('submit', 'save_draft'):
        code, payload = learner.call(handler, {'text': FIVE + ' changed'})
        assert code == 409 and 'already submitted' in payload['error']
    assert learner.ok('student_view_user_state')['text'] == FIVE


def test_malformed_requests(usage):
    learner = Learner(usage, person('alice'))
    assert learner.call('submit', body=b'{broken')[0] == 400
    assert learner.call('submit', body=b'"text"')[0] == 400
    assert learner.call('submit', method='GET')[0] == 405
    assert learner.ok('student_view_user_state')['saved_at'] is None


def test_events_carry_counts_and_no_text_or_names(usage, event_log):
    learner = Learner(usage, person('alice'))
    learner.ok('save_draft', {'text': 'a private first thought'})
    learner.ok('submit', {'text': 'my private final reflection text'})
    drafts = event_log.named(events.REFLECTION_DRAFT_SAVED)
    submits = event_log.named(events.REFLECTION_SUBMITTED)
    assert len(drafts) == 1 and len(submits) == 1
    assert submits[0]['words'] == 5 and submits[0]['min_words'] == 5 and submits[0]['max_words'] == 12
    assert set(submits[0]) == {'block_type', 'anonymous_user_id', 'words', 'min_words', 'max_words'}
    dumped = json.dumps(event_log.events)
    assert 'private' not in dumped and 'alice' not in dumped
    assert all(name in events.ALL_EVENTS or name in ('completion', 'grade') for name, _p in event_log.events)


def test_weight_makes_it_graded(event_log):
    learner = Learner(load('<leadership_reflection weight="2"/>'), person('alice'))
    learner.ok('submit', {'text': FIVE})
    assert event_log.named('grade') == [{'value': 2.0, 'max_value': 2.0}]


def test_two_learners_do_not_see_each_others_reflections(usage):
    alice, bob = Learner(usage, person('alice')), Learner(usage, person('bob'))
    alice.ok('submit', {'text': 'alice wrote this about her team'})
    bob.ok('save_draft', {'text': 'bob has a draft'})
    bob_state = bob.ok('student_view_user_state')
    assert bob_state['text'] == 'bob has a draft' and 'alice' not in json.dumps(bob_state)
    assert 'bob' not in json.dumps(alice.ok('student_view_user_state'))
    assert 'alice wrote' not in record(bob)[2] and 'bob has' not in record(alice)[2]
    assert 'alice wrote' not in bob.render().body_html()


def test_record_lists_every_reflection_of_the_learner_across_blocks(usage):
    other = load('<leadership_reflection display_name="Second reflection"/>')
    alice = Learner(usage, person('alice'))
    alice.ok('submit', {'text': '<p>First</p><p>answer has five words</p>'})
    Learner(other, alice.user_id).ok('save_draft', {'text': 'second draft'})
    summaries = alice.ok('student_view_user_state')['reflections']
    assert [(r['title'], r['submitted'], r['this_block']) for r in summaries] == [
        ('A hard call', True, True),
        ('Second reflection', False, False),
    ]
    status, headers, page = record(alice)
    assert status == 200 and headers['Content-Type'].startswith('text/html')
    assert headers['Content-Disposition'] == 'attachment; filename="my-leadership-reflections.html"'
    assert "default-src 'none'" in headers['Content-Security-Policy']
    assert '<h2 lang="en">A hard call</h2>' in page and '<h2 lang="en">Second reflection</h2>' in page
    assert 'Module: <span lang="en">Leading self (BASW PCF: Professional leadership)</span>' in page
    assert 'What did you notice?' in page and '2 reflections.' in page and 'Draft, last saved' in page
    _status, headers, text = record(alice, '?format=txt&inline=1')
    assert headers['Content-Type'].startswith('text/plain')
    assert headers['Content-Disposition'].startswith('inline; filename="my-leadership-reflections.txt"')
    assert 'First\n' in text and 'answer has five words' in text and 'second draft' in text and '<p>' not in text


def test_record_of_a_learner_without_reflections():
    status, _headers, page = record(Learner(load('<leadership_reflection/>'), person('nobody')))
    assert status == 200 and 'You have not written any reflections yet.' in page


def test_olx_export_round_trip(usage):
    block = Learner(usage, person('author')).block()
    node = etree.Element('x')
    block.add_xml_to_node(node)
    assert node.tag == 'leadership_reflection'
    assert node.get('min_words') == '5' and node.get('module') == 'Leading self'
    assert etree.tostring(node.find('prompt'), encoding='unicode').startswith(
        '<prompt><p>What did you <em>notice</em>?</p></prompt>'
    )
    again = Learner(load(etree.tostring(node, encoding='unicode')), 'author').block()
    assert (again.prompt, again.guidance, again.min_words, again.max_words, again.framework) == (
        block.prompt,
        block.guidance,
        5,
        12,
        'BASW PCF: Professional leadership',
    )


def test_default_block_exports_no_content():
    block = Learner(load('<leadership_reflection/>'), person('author')).block()
    node = etree.Element('x')
    block.add_xml_to_node(node)
    assert etree.tostring(node, encoding='unicode') == '<leadership_reflection/>'


def test_bad_authored_content_is_reported_and_not_shown_to_learners():
    usage = load('<leadership_reflection min_words="50" max_words="10"><prompt> </prompt></leadership_reflection>')
    learner = Learner(usage, person('alice'))
    block = learner.block()
    texts = [m.text for m in block.validate().messages]
    assert 'min_words (50) is more than max_words (10).' in texts
    assert 'The prompt is empty: learners need a question to reflect on.' in ' '.join(texts)
    assert 'not available yet' in learner.render().body_html()
    code, payload = learner.call('submit', {'text': FIVE})
    assert code == 409 and 'not available' in payload['error']
    assert 'Problems to fix' in learner.render('author_view').body_html()


def test_studio_edits_are_sanitised_and_validated(usage):
    block = Learner(usage, person('author')).block()
    request = Request.blank(
        '/',
        method='POST',
        content_type='application/json',
        body=json.dumps(
            {
                'values': {'prompt': '<p>New <b onmouseover="x()">prompt</b></p><script>1</script>', 'max_words': 20},
                'defaults': [],
            }
        ).encode('utf-8'),
    )
    response = block.runtime.handle(block, 'submit_studio_edits', request)
    assert response.status_code == 200
    assert block.prompt == '<p>New <b>prompt</b></p>' and block.max_words == 20
    bad = Request.blank(
        '/',
        method='POST',
        content_type='application/json',
        body=json.dumps({'values': {'min_words': 30}, 'defaults': []}).encode('utf-8'),
    )
    response = block.runtime.handle(block, 'submit_studio_edits', bad)
    assert response.status_code == 400 and block.min_words == 5


def test_student_view_data_for_native_apps(usage):
    data = Learner(usage, person('alice')).block().student_view_data()
    assert data == {
        'display_name': 'A hard call',
        'prompt': '<p>What did you <em>notice</em>?</p>',
        'min_words': 5,
        'max_words': 12,
        'has_guidance': True,
        'module': 'Leading self',
        'framework': 'BASW PCF: Professional leadership',
    }


def test_submitting_adds_an_entry_to_the_cpd_record(usage):
    learner = Learner(usage, person('alice'))
    learner.ok('submit', {'text': '<p>First paragraph here</p><p>second one</p>'})
    entries = learner.block().cpd_entries()
    entry = entries[str(usage)]
    assert entry['module'] == 'Leading self' and entry['words'] == 5
    assert entry['reflection'].split('\n')[0] == 'First paragraph here'
