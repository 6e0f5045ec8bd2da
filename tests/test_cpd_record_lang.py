"""The CPD record marks each profile row's dimension and each allocation row's function with the language
its label was shown in when the learner recorded it (WCAG 3.1.2, language of parts): a default label
translated for a Welsh learner is Welsh, wherever the record is read later; an authored one keeps the
course's language. Entries recorded before rows had a language still render, unmarked."""

import itertools

import pytest
from django.test import override_settings
from django.utils import translation
from lxml import html as lxml_html
from webob import Request

from leadership_xblocks.self_assessment import model as sa_model
from leadership_xblocks.time_allocation import model as ta_model
from tests.support.blocks import Learner, load

AUTHORED_ASSESSMENT = """<leadership_self_assessment display_name="Authored profile" module="Leading self">
  <scale min="1" max="5"/>
  <dimension id="space" label="Creating the space"><item id="s1">I make room to talk.</item></dimension>
  <dimension id="invite" label="Inviting others in"><item id="i1">I invite families in.</item></dimension>
</leadership_self_assessment>"""
AUTHORED_ALLOCATION = (
    '<leadership_time_allocation display_name="Authored allocation" module="Leading systems">'
    '<function id="planning">Budget meetings</function>'
    '<function id="crisis">Home visits</function></leadership_time_allocation>'
)
_PEOPLE = itertools.count()


@pytest.fixture
def learner_id():
    return f'cpdlang{next(_PEOPLE)}'


def default_ratings():
    return {item.id: 3 for item, _dimension in sa_model.SelfAssessment().items}


def default_allocations():
    ids = [f.id for f in ta_model.TimeAllocation().functions]
    return {key: (100 if index == 0 else 0) for index, key in enumerate(ids)}


def allocate(allocations):
    return {'allocations': allocations, 'model': 'host', 'consent': False}


def marked_rows(page):
    """[(row header text, its lang or None)] of every profile and allocation table in the record."""
    return [(th.text_content(), th.get('lang')) for th in page.xpath('//table//th[@scope="row"]')]


def record_pages(record, learner_id, language, parse=True):
    """The record block's view and its printable document, read in `language` (parsed unless `parse` is False)."""
    learner = Learner(record, learner_id)
    with translation.override(language):
        view = learner.render().body_html()
        block = learner.block()
        download = block.runtime.handle(block, 'download', Request.blank('/', method='GET')).text
    if not parse:
        return [view, download]
    return [lxml_html.fromstring(view), lxml_html.fromstring(download.encode('utf-8'))]


def test_default_rows_recorded_in_welsh_stay_welsh_and_authored_rows_keep_the_course_language(learner_id):
    defaults = load('<leadership_self_assessment module="Leading self"/>')
    default_time = load('<leadership_time_allocation module="Leading systems"/>')
    authored, authored_time = load(AUTHORED_ASSESSMENT), load(AUTHORED_ALLOCATION)
    record = load('<leadership_cpd_record/>')
    with translation.override('cy'):  # the learner works in the Welsh interface, on an English course
        Learner(defaults, learner_id).ok('submit', {'ratings': default_ratings()})
        Learner(authored, learner_id).ok('submit', {'ratings': {'s1': 2, 'i1': 4}})
        Learner(default_time, learner_id).ok('submit', allocate(default_allocations()))
        Learner(authored_time, learner_id).ok('submit', allocate({'planning': 30, 'crisis': 70}))
    entries = Learner(record, learner_id).block().cpd_entries()
    assert entries[str(defaults)]['profile'][0] == {
        'dimension': 'Arwain eich hun',
        'lang': 'cy',
        'before': None,
        'after': 3.0,
    }
    assert {row['lang'] for row in entries[str(defaults)]['profile']} == {'cy'}
    assert [(r['dimension'], r['lang']) for r in entries[str(authored)]['profile']] == [
        ('Creating the space', 'en'),
        ('Inviting others in', 'en'),
    ]
    assert {row['lang'] for row in entries[str(default_time)]['allocation']} == {'cy'}
    assert [(r['function'], r['lang']) for r in entries[str(authored_time)]['allocation']] == [
        ('Budget meetings', 'en'),
        ('Home visits', 'en'),
    ]

    welsh_rows = [(r['dimension'], 'cy') for r in entries[str(defaults)]['profile']]
    welsh_rows += [(r['function'], 'cy') for r in entries[str(default_time)]['allocation']]
    english_rows = [('Creating the space', 'en'), ('Inviting others in', 'en')]
    english_rows += [('Budget meetings', 'en'), ('Home visits', 'en')]
    # Read later in English, and in Welsh: each row header keeps the language it was recorded in.
    for language in ('en', 'cy'):
        for page in record_pages(record, learner_id, language):
            rows = marked_rows(page)
            assert sorted(rows) == sorted(welsh_rows + english_rows), language

    # Native apps get the same language with each row.
    payload = Learner(record, learner_id).ok('student_view_user_state', method='GET')
    sent = {e['title']: e for m in payload['modules'] for e in m['entries']}
    assert [r['lang'] for r in sent['Authored profile']['profile']] == ['en', 'en']
    assert {r['lang'] for r in sent['Leadership self-assessment']['profile']} == {'cy'}
    assert [r['lang'] for r in sent['Authored allocation']['allocation']] == ['en', 'en']


@override_settings(LEADERSHIP_CONTENT_LANGUAGE='fr')
def test_authored_rows_take_the_course_language_and_defaults_the_interface_s(learner_id):
    authored, defaults = load(AUTHORED_ALLOCATION), load('<leadership_time_allocation/>')
    with translation.override('en'):
        Learner(authored, learner_id).ok('submit', allocate({'planning': 100}))
        Learner(defaults, learner_id).ok('submit', allocate(default_allocations()))
    entries = Learner(authored, learner_id).block().cpd_entries()
    assert {r['lang'] for r in entries[str(authored)]['allocation']} == {'fr'}
    assert {r['lang'] for r in entries[str(defaults)]['allocation']} == {'en'}


def test_a_later_profile_marks_its_rows_too(learner_id):
    before = load(AUTHORED_ASSESSMENT.replace('module=', 'profile_key="k" module='))
    after = load(AUTHORED_ASSESSMENT.replace('module=', 'profile_key="k" module='))
    with translation.override('cy'):
        Learner(before, learner_id).ok('submit', {'ratings': {'s1': 2, 'i1': 4}})
        Learner(after, learner_id).ok('submit', {'ratings': {'s1': 4, 'i1': 4}})
    entry = Learner(after, learner_id).block().cpd_entries()[str(after)]
    assert entry['profile'] == [
        {'dimension': 'Creating the space', 'lang': 'en', 'before': 2.0, 'after': 4.0},
        {'dimension': 'Inviting others in', 'lang': 'en', 'before': 4.0, 'after': 4.0},
    ]


def test_an_entry_recorded_before_rows_had_a_language_still_renders_unmarked(learner_id):
    reflection, record = load('<leadership_reflection display_name="Old entry"/>'), load('<leadership_cpd_record/>')
    block = Learner(reflection, learner_id).block()
    block.leadership_cpd_entries = {  # the user_info field, as entries were stored before rows had `lang`
        'old': {
            'block_id': 'old',
            'title': 'Old profile',
            'lang': 'en',
            'profile': [{'dimension': 'Leading <self>', 'before': 1, 'after': 2}],
            'allocation': [{'function': 'Planning & co', 'percent': 100}],
        }
    }
    block.save()
    for language in ('en', 'cy'):
        for page in record_pages(record, learner_id, language):
            assert marked_rows(page) == [('Leading <self>', None), ('Planning & co', None)]
    # a row's lang that is not text (a hand-edited or corrupt entry) is dropped, not rendered
    rows = [{'dimension': 'A', 'lang': {'x': 1}}, {'dimension': 'B', 'lang': ' cy '}, {'dimension': 'C', 'lang': '"x'}]
    kept = block.record_cpd({'profile': rows})
    assert kept['profile'] == [
        {'dimension': 'A', 'before': None, 'after': None},
        {'dimension': 'B', 'before': None, 'after': None, 'lang': 'cy'},
        {'dimension': 'C', 'before': None, 'after': None, 'lang': '"x'},
    ]
    block.save()
    for body in record_pages(record, learner_id, 'en', parse=False):
        rows = marked_rows(lxml_html.fromstring(body.encode('utf-8')))
        assert [row for row in rows if row[0] in 'ABC'] == [('A', None), ('B', 'cy'), ('C', '"x')]
        assert '<th scope="row" lang="&quot;x">C</th>' in body  # escaped as every other value
