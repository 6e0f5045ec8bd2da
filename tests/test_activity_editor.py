"""The activity blocks' Studio editor (common/activity_studio.py) on the time-allocation block: the form
model round trip for every shipped block, `editor_check` giving the model's own problems, refusing bad
input with a 4xx and learners with a 403, and a save with errors refused by Studio's save."""

import copy
import json
import pathlib

import pytest
from lxml import etree

from leadership_xblocks.common.activity import problem_text
from leadership_xblocks.common.olx_body import canonical_body
from leadership_xblocks.form_input import FormError
from leadership_xblocks.time_allocation import form, model
from tests.support.blocks import Learner, load, studio_save

SCENARIOS = pathlib.Path(__file__).resolve().parent.parent / 'leadership_xblocks' / 'scenarios'
TWO = (
    '<leadership_time_allocation><prompt><p>Your month?</p></prompt>'
    '<function id="plan">Planning</function><function id="crisis">Crises</function></leadership_time_allocation>'
)


def shipped(tag):
    found = []
    for path in sorted(SCENARIOS.rglob('*.xml')):
        for element in etree.parse(str(path)).iter(tag):
            found.append(pytest.param(element, id=f'{path.relative_to(SCENARIOS)}:{element.sourceline}'))
    return found


@pytest.mark.parametrize('element', shipped(model.ROOT_TAG))
def test_every_shipped_time_allocation_survives_the_form_and_back(element):
    content = model.parse_element(element, sanitize=True)
    as_form = form.to_form(content)
    back = form.from_form(form.read_form(copy.deepcopy(as_form)))
    assert back == content
    text = model.to_text(content)
    assert model.to_text(back) == text and canonical_body(model, model.to_text(back)) == canonical_body(model, text)
    assert form.to_form(back) == as_form


def test_there_are_shipped_time_allocations_to_round_trip():
    assert len(shipped(model.ROOT_TAG)) >= 3


@pytest.mark.parametrize('bad', [[], {'prompt': 3}, {'functions': 'x'}, {'functions': [1]}, {'functions': [{'id': 2}]}])
def test_read_form_refuses_what_is_not_a_form(bad):
    with pytest.raises(FormError):
        form.read_form(bad)


@pytest.fixture
def block():
    return load(TWO)


def messages(report):
    return [p['message'] for p in report['problems']]


def test_check_gives_the_models_own_problems_for_the_form(block):
    staff = Learner(block, 'staff')
    as_form = staff.ok('editor_check', {'olx': TWO})['form']
    assert as_form == {
        'prompt': '<p>Your month?</p>',
        'functions': [{'id': 'plan', 'label': 'Planning'}, {'id': 'crisis', 'label': 'Crises'}],
    }
    as_form['functions'].append({'id': 'plan', 'label': ''})
    report = staff.ok('editor_check', {'form': as_form})
    expected = model.validate(model.parse_text(report['olx'], sanitize=False))
    assert messages(report) == [problem_text(p, str) for p in expected]  # Studio's validation words
    assert 'Duplicate function id "plan".' in ' '.join(messages(report))
    assert report['olx'].count('<function') == 3


def test_check_sanitises_the_form_like_a_save(block):
    as_form = {
        'prompt': '<p>Hi</p><script>alert(1)</script>',
        'functions': [{'id': 'a', 'label': 'A'}, {'id': 'b', 'label': 'B'}],
    }
    report = Learner(block, 'staff').ok('editor_check', {'form': as_form})
    assert '<script' not in report['olx'] and '<script' not in report['form']['prompt']
    assert '<p>Hi</p>' in report['form']['prompt']


def test_an_olx_syntax_error_is_reported_with_no_form(block):
    report = Learner(block, 'staff').ok('editor_check', {'olx': '<leadership_time_allocation><function'})
    assert report['form'] is None and 'well-formed' in report['problems'][0]['message']


@pytest.mark.parametrize('data', [{}, {'form': 'x'}, {'form': {'functions': [{'id': 1}]}}, {'olx': 5}])
def test_check_refuses_bad_input_with_a_message(block, data):
    code, payload = Learner(block, 'staff').call('editor_check', data)
    assert code == 400 and isinstance(payload['error'], str) and payload['error']


def test_the_editor_is_for_authors_only(block):
    code, payload = Learner(block, 'a-learner').call('editor_check', {'olx': TWO})
    assert code == 403 and 'course authors' in payload['error']


def test_studio_view_is_the_editor_with_the_form_and_the_olx(block):
    frag = Learner(block, 'staff').render('studio_view')
    html = frag.body_html()
    assert 'role="tablist"' in html and 'Content (OLX)' in html
    urls = [r.data for r in frag.resources if r.kind == 'url']
    assert any(u.endswith('static/activity_editor.js') for u in urls)
    assert any(u.endswith('static/editor_common.js') for u in urls)
    init = json.loads(Learner(block, 'staff').block().studio_view().json_init_args['json'])
    assert init['report']['form']['functions'][0] == {'id': 'plan', 'label': 'Planning'}
    assert [lst['name'] for lst in init['schema']['lists']] == ['functions']
    assert 'id="plan"' in init['report']['olx']


def test_a_save_with_errors_is_refused_and_changes_nothing(block):
    staff = Learner(block, 'staff').block()
    bad = '<leadership_time_allocation><function id="only">One</function></leadership_time_allocation>'
    response = studio_save(staff, {'body': bad})
    assert response.status_code == 400 and 'at least two functions' in response.body.decode()
    assert 'id="plan"' in Learner(block, 'staff').block().body
