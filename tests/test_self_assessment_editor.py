"""The self-assessment's Studio editor (common/activity_studio.py with self_assessment/form.py): every
shipped self-assessment through the form and back unchanged, the nested dimensions and statements,
`editor_check` giving the model's own problems (the profile key's too), input refused with a 4xx and
learners with a 403, and a save with errors refused by Studio's save."""

import copy
import json

import pytest
from lxml import etree

from leadership_xblocks.common.activity import problem_text
from leadership_xblocks.common.olx_body import canonical_body
from leadership_xblocks.form_input import FormError
from leadership_xblocks.self_assessment import form, model
from tests.support.blocks import Learner, load, studio_save
from tests.test_activity_editor import messages, shipped

SMALL = (
    '<leadership_self_assessment profile_key="pre"><scale min="1" max="3"><label value="1">Rarely</label>'
    '<label value="3">Often</label></scale><dimension id="self" label="Self"><item id="s1">I rest.</item>'
    '<item id="s2">I ask.</item></dimension></leadership_self_assessment>'
)


@pytest.mark.parametrize('element', shipped(model.ROOT_TAG))
def test_every_shipped_self_assessment_survives_the_form_and_a_save_unchanged(element):
    usage = load(etree.tostring(element, with_tail=False, encoding='unicode'))
    staff = Learner(usage, 'staff')
    body, view = staff.block().body, staff.block().student_view_data()
    report = json.loads(staff.block().studio_view().json_init_args['json'])['report']
    assert report['olx'] == body and not [p for p in report['problems'] if p['level'] == 'error']
    as_form = report['form']
    assert form.to_form(form.from_form(form.read_form(copy.deepcopy(as_form)))) == as_form
    again = staff.ok('editor_check', {'form': as_form})
    # The stored body itself, except where it holds double-escaped markup, which the model's reading of a
    # statement unescapes once more (reflection_hostile_demo.xml): there learners see the same before and after.
    same = canonical_body(model, body)
    assert again['olx'] == same and again['form'] == as_form and again['fields'] == {'body': same}
    assert (same == body) == ('double-escaped' not in body)
    assert studio_save(staff.block(), again['fields']).status_code == 200
    assert staff.block().body == same and staff.block().student_view_data() == view


def test_there_are_shipped_self_assessments_to_round_trip():
    assert len(shipped(model.ROOT_TAG)) >= 4


@pytest.mark.parametrize(
    'bad',
    [
        [],
        {'intro': 3},
        {'labels': 'x'},
        {'dimensions': [1]},
        {'dimensions': [{'items': 'x'}]},
        {'dimensions': [{'id': 'a', 'items': [{'text': 2}]}]},
    ],
)
def test_read_form_refuses_what_is_not_a_form(bad):
    with pytest.raises(FormError):
        form.read_form(bad)


@pytest.fixture
def usage():
    return load(SMALL)


def test_the_form_holds_the_scale_and_the_nested_statements(usage):
    as_form = Learner(usage, 'staff').ok('editor_check', {'olx': SMALL})['form']
    assert as_form == {
        'intro': '',
        'scale_min': '1',
        'scale_max': '3',
        'labels': [{'value': '1', 'label': 'Rarely'}, {'value': '3', 'label': 'Often'}],
        'dimensions': [
            {'id': 'self', 'label': 'Self', 'items': [{'id': 's1', 'text': 'I rest.'}, {'id': 's2', 'text': 'I ask.'}]}
        ],
    }
    init = json.loads(Learner(usage, 'staff').block().studio_view().json_init_args['json'])
    dimensions = init['schema']['lists'][1]
    assert dimensions['name'] == 'dimensions' and dimensions['lists'][0]['name'] == 'items'
    assert [c['name'] for c in dimensions['lists'][0]['columns']] == ['id', 'text']


def test_a_new_dimension_and_moved_statements_reach_the_olx(usage):
    staff = Learner(usage, 'staff')
    as_form = staff.ok('editor_check', {'olx': SMALL})['form']
    as_form['dimensions'][0]['items'].reverse()
    as_form['dimensions'].append({'id': 'team', 'label': 'Team', 'items': [{'id': 't1', 'text': 'We  talk.'}]})
    report = staff.ok('editor_check', {'form': as_form})
    olx = report['olx']
    assert olx.index('id="s2"') < olx.index('id="s1"') < olx.index('<dimension id="team" label="Team">')
    assert '<item id="t1">We talk.</item>' in olx
    assert 'Line 10: Dimension "team" has a single item: its profile rests on one answer.' in messages(report)


def test_check_gives_the_models_own_problems(usage):
    staff = Learner(usage, 'staff')
    as_form = staff.ok('editor_check', {'olx': SMALL})['form']
    as_form['scale_max'] = 'x'
    as_form['dimensions'][0]['items'][1]['id'] = 's1'
    report = staff.ok('editor_check', {'form': as_form})
    expected = model.validate(model.parse_text(report['olx'], sanitize=False))
    assert messages(report) == [problem_text(p, str) for p in expected]
    joined = ' '.join(messages(report))
    assert 'both must be whole numbers' in joined and 'Duplicate item id "s1"' in joined


def test_deleting_every_dimension_warns_that_the_defaults_come_back(usage):
    staff = Learner(usage, 'staff')
    as_form = dict(staff.ok('editor_check', {'olx': SMALL})['form'], dimensions=[])
    report = staff.ok('editor_check', {'form': as_form})
    assert 'There are no dimensions: saved like this, learners get the four default dimensions.' in messages(report)
    assert report['olx'].count('<dimension') == len(model.DEFAULT_DIMENSIONS)
    assert not any('no dimensions' in m for m in messages(staff.ok('editor_check', {'olx': SMALL})))


def test_check_reports_a_profile_key_that_is_too_long(usage):
    report = Learner(usage, 'staff').ok('editor_check', {'olx': SMALL, 'settings': {'profile_key': 'k' * 101}})
    assert 'The profile key is longer than 100 characters.' in messages(report)


def test_check_sanitises_the_intro_like_a_save(usage):
    staff = Learner(usage, 'staff')
    as_form = dict(staff.ok('editor_check', {'olx': SMALL})['form'], intro='<p>Hi</p><script>alert(1)</script>')
    report = staff.ok('editor_check', {'form': as_form})
    assert '<script' not in report['olx'] and report['form']['intro'] == '<p>Hi</p>'


def test_a_save_with_errors_is_refused_and_changes_nothing(usage):
    staff = Learner(usage, 'staff')
    as_form = staff.ok('editor_check', {'olx': SMALL})['form']
    as_form['dimensions'][0]['items'] = []
    fields = staff.ok('editor_check', {'form': as_form})['fields']
    response = studio_save(staff.block(), fields)
    assert response.status_code == 400 and 'Dimension \\"self\\" has no items to rate.' in response.body.decode()
    assert 'id="s2"' in Learner(usage, 'staff').block().body
