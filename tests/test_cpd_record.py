"""The learner's CPD record: every block type adds to it through the `user_info` scope, and the
`leadership_cpd_record` block shows it and downloads it as a printable, escaped HTML document."""

import datetime
import itertools
import json

import pytest
from lxml import html as lxml_html
from webob import Request

from leadership_xblocks.cpd_record import document as cpd_document
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load

MODULE_1 = 'module="Leading self" framework="BASW PCF: Professional leadership"'
MODULE_2 = 'module="Leading teams" framework="Social Work England: Professional standards"'
SCENARIO = FIT.replace('display_name="Test"', f'display_name="Duty call" {MODULE_1}')
REFLECTION = (
    f'<leadership_reflection display_name="Reflecting on the call" {MODULE_1}>'
    '<prompt><p>What shaped your decision?</p></prompt></leadership_reflection>'
)
SELF_ASSESSMENT = """<leadership_self_assessment display_name="{name}" profile_key="lsw" {module}>
  <scale min="1" max="5"/>
  <dimension id="self" label="Leading self"><item id="s1">I notice my stress.</item></dimension>
  <dimension id="teams" label="Leading teams"><item id="t1">I share decisions.</item></dimension>
</leadership_self_assessment>"""
TIME_ALLOCATION = (
    f'<leadership_time_allocation display_name="What leaders do" {MODULE_2}>'
    '<function id="planning">Long-term planning</function>'
    '<function id="crisis">Crisis management</function></leadership_time_allocation>'
)


_PEOPLE = itertools.count()


def by_class(page, name, tag='*'):
    return page.xpath(f'//{tag}[contains(concat(" ", normalize-space(@class), " "), " {name} ")]')


@pytest.fixture
def alice():
    """A learner id of this test only: user_info is shared by every block the learner meets."""
    return f'alice{next(_PEOPLE)}'


def entries(usage_id, user):
    return Learner(usage_id, user).block().cpd_entries()


def download(usage_id, user):
    learner = Learner(usage_id, user)
    block = learner.block()
    return block.runtime.handle(block, 'download', Request.blank('/', method='GET'))


@pytest.fixture
def course():
    """Each block loaded as its own workbench scenario: they share nothing but the learner."""
    return {
        'scenario': load(SCENARIO),
        'reflection': load(REFLECTION),
        'before': load(SELF_ASSESSMENT.format(name='Profile: before', module=MODULE_1)),
        'after': load(
            SELF_ASSESSMENT.format(
                name='Profile: after', module='module="Leading teams" framework="BASW PCF: Professional leadership"'
            )
        ),
        'time': load(TIME_ALLOCATION),
        'record': load('<leadership_cpd_record/>'),
    }


@pytest.fixture
def alice_did_everything(course, alice):
    learner = {name: Learner(usage, alice) for name, usage in course.items()}
    learner['scenario'].ok('choose', {'step': 's1', 'choice': 'now'})
    learner['scenario'].ok('choose', {'step': 's2', 'choice': 'agree'})
    learner['reflection'].ok(
        'submit', {'text': '<p>I rang my manager first.</p><p>Next time I would ask the family.</p>'}
    )
    learner['before'].ok('submit', {'ratings': {'s1': 2, 't1': 3}})
    learner['after'].ok('submit', {'ratings': {'s1': 4, 't1': 3}})
    learner['time'].ok('submit', {'allocations': {'planning': 40, 'crisis': 60}, 'model': 'host', 'consent': False})
    return course


# The user_info scope in the workbench --------------------------------------------------


def test_the_workbench_store_shares_user_info_across_blocks_and_keeps_learners_apart(course, alice):
    from workbench.models import XBlockState

    reflection = Learner(course['reflection'], alice).block()
    reflection.leadership_cpd_entries = {'x': {'title': 'Set in one block'}}
    reflection.save()
    # a block of another type, in another workbench scenario, sees it; another learner does not
    assert entries(course['record'], alice) == {'x': {'title': 'Set in one block'}}
    assert entries(course['scenario'], alice) == {'x': {'title': 'Set in one block'}}
    assert entries(course['record'], alice + '-other') == {}
    rows = XBlockState.objects.filter(scope='all', user_id=alice)
    assert rows.count() == 1 and rows[0].scenario is None
    assert 'leadership_cpd_entries' in json.loads(rows[0].state)


# Entries from every block type ----------------------------------------------------------


def test_every_block_type_adds_its_entry(alice_did_everything, alice):
    course = alice_did_everything
    record = entries(course['record'], alice)
    by_type = {}
    for key, entry in record.items():
        assert key == entry['block_id']
        by_type.setdefault(entry['block_type'], []).append(entry)
    assert sorted(by_type) == [
        'leadership_reflection',
        'leadership_scenario',
        'leadership_self_assessment',
        'leadership_time_allocation',
    ]
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    for entry in record.values():
        assert entry['date'] == today
        datetime.datetime.fromisoformat(entry['recorded_at'])
        assert entry['title'] and entry['module'] and entry['framework']
        assert entry['activity']['template']

    scenario = by_type['leadership_scenario'][0]
    assert scenario['module'] == 'Leading self' and scenario['framework'] == 'BASW PCF: Professional leadership'
    assert scenario['outcome'] == 'Ending good' and scenario['score'] == 1.0
    assert scenario['decisions'] == [
        {'step': 'Step s1', 'choice': 'Label now', 'mode': 'urgent'},
        {'step': 'Step s2', 'choice': 'Label agree', 'mode': 'consensual'},
    ]

    reflection = by_type['leadership_reflection'][0]
    assert [line for line in reflection['reflection'].split('\n') if line] == [
        'I rang my manager first.',
        'Next time I would ask the family.',
    ]
    assert reflection['words'] == 12 and reflection['prompt'] == 'What shaped your decision?'

    profiles = {e['title']: e for e in by_type['leadership_self_assessment']}
    assert profiles['Profile: after']['profile'] == [
        {'dimension': 'Leading self', 'lang': 'en', 'before': 2.0, 'after': 4.0},
        {'dimension': 'Leading teams', 'lang': 'en', 'before': 3.0, 'after': 3.0},
    ]
    assert profiles['Profile: after']['module'] == 'Leading teams'

    allocation = by_type['leadership_time_allocation'][0]
    assert allocation['allocation'] == [
        {'function': 'Long-term planning', 'lang': 'en', 'percent': 40.0},
        {'function': 'Crisis management', 'lang': 'en', 'percent': 60.0},
    ]


def test_the_record_block_shows_entries_grouped_by_module_with_their_framework(alice_did_everything, alice):
    html = Learner(alice_did_everything['record'], alice).render().body_html()
    page = lxml_html.fromstring(html)
    modules = [h.text_content() for h in by_class(page, 'lsx-cpd-module-title')]
    assert modules == ['Leading self', 'Leading teams']
    frameworks = [p.text_content() for p in by_class(page, 'lsx-cpd-framework')]
    assert 'BASW PCF: Professional leadership' in frameworks[0]
    # module 2 holds "Profile: after" (BASW PCF) and "What leaders do" (SWE): both frameworks, in that order
    assert frameworks[1].endswith('BASW PCF: Professional leadership; Social Work England: Professional standards')
    titles = [h.text_content() for h in by_class(page, 'lsx-cpd-entry-title')]
    assert titles == ['Duty call', 'Reflecting on the call', 'Profile: before', 'Profile: after', 'What leaders do']
    text = page.text_content()
    assert 'Label now' in text and 'mode: urgent' in text and 'mode: consensual' in text
    assert 'Next time I would ask the family.' in text
    assert 'How I rated my leadership' in text and '+2' in text
    assert 'How I estimated leaders share their time' in text and '60%' in text
    assert '5 activities recorded.' in text
    link = by_class(page, 'lsx-button', 'a')[0]
    assert link.get('href').startswith('/handler/') and '/download/' in link.get('href')
    assert page.xpath('//section[@aria-labelledby]') and page.xpath('//table/caption')
    assert all(th.get('scope') in ('col', 'row') for th in page.xpath('//th'))


def test_playing_again_replaces_the_entry_and_keeps_its_first_date(course, alice):
    learner = Learner(course['scenario'], alice)
    learner.ok('choose', {'step': 's1', 'choice': 'now'})
    learner.ok('choose', {'step': 's2', 'choice': 'agree'})
    first = entries(course['record'], alice)[course['scenario']]
    learner.ok('restart')
    learner.ok('choose', {'step': 's1', 'choice': 'meet'})
    learner.ok('choose', {'step': 's2', 'choice': 'impose'})
    record = entries(course['record'], alice)
    assert len(record) == 1
    assert record[course['scenario']]['outcome'] == 'Ending poor'
    assert record[course['scenario']]['first_recorded'] == first['first_recorded']


def test_nothing_is_recorded_before_an_ending(course, alice):
    Learner(course['scenario'], alice).ok('choose', {'step': 's1', 'choice': 'now'})
    Learner(course['reflection'], alice).ok('save_draft', {'text': '<p>draft</p>'})
    assert entries(course['record'], alice) == {}


# The record block --------------------------------------------------------------------------


def test_default_olx_renders_an_empty_record_with_no_download(course, alice):
    html = Learner(course['record'], alice).render().body_html()
    assert 'My CPD record' in html and 'Your record is empty for now' in html and 'role="status"' in html
    assert '/download/' not in html
    response = download(course['record'], alice)
    assert response.status_code == 200 and 'No activities have been recorded yet.' in response.text


def test_download_is_a_clean_printable_attachment(alice_did_everything, alice):
    response = download(alice_did_everything['record'], alice)
    assert response.status_code == 200
    assert response.content_type == 'text/html' and response.charset == 'utf-8'
    assert response.headers['Content-Disposition'] == 'attachment; filename=cpd-record.html'
    assert response.headers['Content-Security-Policy'].startswith("default-src 'none'")
    text = response.text
    assert text.startswith('<!DOCTYPE html>')
    assert '@media print' in text and '@page' in text
    assert '<script' not in text.lower() and '<link' not in text.lower()  # self-contained, nothing to load
    page = lxml_html.fromstring(text.encode('utf-8'))
    assert page.get('lang') == 'en'
    assert page.xpath('//h1')[0].text_content().startswith('Continuing professional development record')
    assert [h.text_content() for h in by_class(page, 'lsx-cpd-module-title', 'h2')] == ['Leading self', 'Leading teams']
    assert len(by_class(page, 'lsx-cpd-entry-title', 'h3')) == 5
    assert f'XBlock User ({alice})' in page.text_content()  # the learner's own name, on their own record
    assert page.xpath('//time[@datetime]')


def test_everything_in_the_record_is_escaped(course, alice):
    block = Learner(course['reflection'], alice).block()
    block.display_name = 'Call <script>alert(1)</script> & co'
    block.module = '<img src=x onerror=alert(2)>'
    block.record_cpd(
        {
            'activity': {'template': 'Did <b>{what}</b>', 'params': {'what': '<i>x</i>'}},
            'reflection': 'Risk <b>bold</b> & "quotes"',
            'decisions': [{'step': '<u>s</u>', 'choice': '<em>c</em>', 'mode': 'urgent'}],
        }
    )
    block.save()
    for body in (Learner(course['record'], alice).render().body_html(), download(course['record'], alice).text):
        assert '<script>alert' not in body and '<img' not in body and '<b>' not in body and '<em>' not in body
        assert '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co' in body
        assert 'Risk &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;' in body


def test_the_native_api_returns_the_grouped_record(alice_did_everything, alice):
    payload = Learner(alice_did_everything['record'], alice).ok('student_view_user_state', method='GET')
    assert [m['module'] for m in payload['modules']] == ['Leading self', 'Leading teams']
    first = payload['modules'][0]['entries'][0]
    assert first['title'] == 'Duty call' and first['decisions'][0]['mode'] == 'urgent'
    datetime.date.fromisoformat(first['date'])
    json.dumps(payload)


def test_record_summaries_are_bounded(course, alice):
    block = Learner(course['reflection'], alice).block()
    entry = block.record_cpd(
        {'reflection': 'x' * 100000, 'decisions': [{'step': 's' * 2000}] * 500, 'unknown': 'dropped', 'score': True}
    )
    assert len(entry['reflection']) < 61000 and entry['reflection'].endswith('[...]')
    assert len(entry['decisions']) == 200 and len(entry['decisions'][0]['step']) == 500
    assert 'unknown' not in entry and 'score' not in entry


def test_grouping_puts_activities_without_a_module_last():
    groups = cpd_document.grouped(
        {
            'a': {'title': 'A', 'module': '', 'first_recorded': '2026-01-01T00:00:00+00:00'},
            'b': {'title': 'B', 'module': 'M2', 'first_recorded': '2026-01-02T00:00:00+00:00'},
            'c': {'title': 'C', 'module': 'M1', 'first_recorded': '2026-01-03T00:00:00+00:00', 'framework': 'F'},
            'd': {'title': 'D', 'module': 'M2', 'first_recorded': '2026-01-04T00:00:00+00:00', 'framework': 'G'},
        }
    )
    assert [(g['module'], g['frameworks'], [e['title'] for e in g['entries']]) for g in groups] == [
        ('M2', ['G'], ['B', 'D']),
        ('M1', ['F'], ['C']),
        ('Other activities', [], ['A']),
    ]


# The workbench demo page ------------------------------------------------------------------


def test_the_demo_page_has_a_scenario_a_reflection_and_the_record(client, workbench_reset, alice):
    from workbench.scenarios import get_scenarios

    names = [name for name in get_scenarios() if name.startswith('leadership_cpd_record.')]
    assert names == ['leadership_cpd_record.0']
    response = client.get(f'/scenario/{names[0]}/?student={alice}')
    assert response.status_code == 200
    body = response.content.decode('utf-8')
    for block_type in ('leadership_scenario', 'leadership_reflection', 'leadership_cpd_record'):
        assert f'data-block-type="{block_type}"' in body or f"data-block-type='{block_type}'" in body
    assert 'Your record is empty for now' in body


def test_cpd_record_offers_native_app_data():
    from tests.support.blocks import Learner, load

    block = Learner(load('<leadership_cpd_record/>'), 'alice').block()
    data = block.student_view_data()
    assert data['display_name'] and '/download' in data['download_url']
    assert block.has_support(block.student_view, 'multi_device')


def test_an_ending_quoted_in_the_activity_sentence_keeps_the_course_language():
    entry = {
        'lang': 'en',
        'activity': {
            'template': 'Worked through a decision scenario and reached the ending "{ending}".',
            'params': {'ending': 'Safe'},
        },
    }
    parts = cpd_document.entry_view(entry, lambda text: text)['activity_parts']
    assert [p for p in parts if p['lang']] == [{'text': 'Safe', 'lang': 'en'}]
    assert ''.join(p['text'] for p in parts) == 'Worked through a decision scenario and reached the ending "Safe".'
    # a number the interface formats, and a template whose value is missing, are the interface's words
    words = {'lang': 'en', 'activity': {'template': 'Wrote a reflection of {words} words.', 'params': {'words': 7}}}
    assert all(not p['lang'] for p in cpd_document.entry_view(words, str)['activity_parts'])
    broken = {'lang': 'en', 'activity': {'template': 'Reached "{ending}".', 'params': {}}}
    assert cpd_document.entry_view(broken, str)['activity_parts'] == [{'text': 'Reached "{ending}".', 'lang': ''}]
