"""The reflection's Studio editor (common/activity_studio.py with reflection/form.py): every shipped
reflection through the form and back unchanged, `editor_check` giving the model's own problems with
the word limits in its OLX, input refused with a 4xx and learners with a 403, and the save writing the
block's own fields (prompt, guidance, min_words, max_words)."""

import copy
import json

import pytest
from lxml import etree

from leadership_xblocks.common.activity import problem_text
from leadership_xblocks.form_input import FormError
from leadership_xblocks.reflection import form, model
from tests.support.blocks import Learner, load, studio_save
from tests.test_activity_editor import messages, shipped

CONTENT = ('prompt', 'guidance', 'min_words', 'max_words')
AUTHORED = (
    '<leadership_reflection display_name="A hard call" min_words="5" max_words="40">'
    '<prompt><p>What did you <em>notice</em>?</p></prompt><guidance><p>Pace.</p></guidance></leadership_reflection>'
)


def stored(block):
    return {name: getattr(block, name) for name in CONTENT}


@pytest.mark.parametrize('element', shipped(model.ROOT_TAG))
def test_every_shipped_reflection_survives_the_form_and_a_save_unchanged(element):
    usage = load(etree.tostring(element, with_tail=False, encoding='unicode'))
    staff = Learner(usage, 'staff')
    before, view = stored(staff.block()), staff.block().student_view_data()
    report = json.loads(staff.block().studio_view().json_init_args['json'])['report']
    assert report['problems'] == [] or all(p['level'] == 'warning' for p in report['problems'])
    as_form = report['form']
    assert form.to_form(form.from_form(form.read_form(copy.deepcopy(as_form)))) == as_form
    again = staff.ok('editor_check', {'form': as_form})
    assert again['olx'] == report['olx'] and again['form'] == as_form
    assert again['fields'] == before  # the form saves exactly what the block holds
    assert studio_save(staff.block(), again['fields']).status_code == 200
    assert stored(staff.block()) == before and staff.block().student_view_data() == view


def test_there_are_shipped_reflections_to_round_trip():
    assert len(shipped(model.ROOT_TAG)) >= 6


def test_the_default_texts_survive_the_editor_and_stay_translatable():
    content = model.parse_text(model.to_text(model.Reflection()))
    assert (content.prompt, content.guidance) == (model.DEFAULT_PROMPT, model.DEFAULT_GUIDANCE)


def test_emptied_texts_stay_empty_instead_of_becoming_the_defaults():
    content = model.parse_text(model.to_text(model.Reflection(prompt='', guidance='')))
    assert (content.prompt, content.guidance) == ('', '')
    assert 'The prompt is empty' in ' '.join(p.template for p in model.validate(content))


def test_a_reflection_with_no_texts_exports_and_imports_with_no_texts():
    """Before the editor, such a block exported nothing and came back with the default texts."""
    block = Learner(load('<leadership_reflection><prompt/></leadership_reflection>'), 'author').block()
    node = etree.Element('x')
    block.add_xml_to_node(node)
    again = Learner(load(etree.tostring(node, encoding='unicode')), 'author').block()
    assert (again.prompt, again.guidance) == ('', '')
    assert 'The prompt is empty' in ' '.join(m.text for m in again.validate().messages)


@pytest.mark.parametrize('bad', [[], {'prompt': 3}, {'min_words': 5}, {'guidance': ['x']}])
def test_read_form_refuses_what_is_not_a_form(bad):
    with pytest.raises(FormError):
        form.read_form(bad)


@pytest.fixture
def usage():
    return load(AUTHORED)


def test_the_olx_tab_holds_the_texts_and_the_word_limits(usage):
    report = Learner(usage, 'staff').ok('editor_check', {'olx': model.to_text(model.Reflection(min_words=3))})
    assert report['form']['min_words'] == '3' and report['form']['max_words'] == '0'
    init = json.loads(Learner(usage, 'staff').block().studio_view().json_init_args['json'])
    assert 'min_words="5" max_words="40"' in init['report']['olx']
    assert [row['name'] for row in init['settings']] == ['display_name', 'weight', 'module', 'framework']
    assert [t['name'] for t in init['schema']['texts']] == list(CONTENT)


def test_check_gives_the_models_own_problems(usage):
    staff = Learner(usage, 'staff')
    as_form = dict(staff.ok('editor_check', {'olx': AUTHORED})['form'], prompt='<p> </p>', min_words='50')
    report = staff.ok('editor_check', {'form': as_form})
    expected = model.validate(model.parse_text(report['olx'], sanitize=False))
    assert messages(report) == [problem_text(p, str) for p in expected]
    joined = ' '.join(messages(report))
    assert 'The prompt is empty' in joined and 'min_words (50) is more than max_words (40).' in joined


def test_a_word_limit_that_is_not_a_number_gets_the_models_message_and_nothing_to_save(usage):
    staff = Learner(usage, 'staff')
    as_form = dict(staff.ok('editor_check', {'olx': AUTHORED})['form'], max_words='lots')
    report = staff.ok('editor_check', {'form': as_form})
    assert report['fields'] is None and report['form']['max_words'] == 'lots'
    assert 'max_words is "lots": it must be a whole number, 0 (no limit) or more.' in messages(report)


def test_check_sanitises_the_form_like_a_save(usage):
    staff = Learner(usage, 'staff')
    as_form = dict(staff.ok('editor_check', {'olx': AUTHORED})['form'], guidance='<p>Hi</p><script>alert(1)</script>')
    report = staff.ok('editor_check', {'form': as_form})
    assert '<script' not in report['olx'] and report['fields']['guidance'] == '<p>Hi</p>'


def test_an_olx_syntax_error_is_reported_with_no_form_and_nothing_to_save(usage):
    report = Learner(usage, 'staff').ok('editor_check', {'olx': '<leadership_reflection><prompt>'})
    assert report['form'] is None and report['fields'] is None
    assert 'not well-formed' in report['problems'][0]['message']


def test_a_save_from_the_editor_changes_what_learners_see(usage):
    staff = Learner(usage, 'staff')
    as_form = dict(staff.ok('editor_check', {'olx': AUTHORED})['form'], prompt='<p>A new question?</p>', max_words='0')
    fields = staff.ok('editor_check', {'form': as_form})['fields']
    assert studio_save(staff.block(), fields).status_code == 200
    html = Learner(usage, 'learner-1').render().body_html()
    assert 'A new question?' in html and 'What did you' not in html
    assert staff.block().max_words == 0


def test_a_save_with_errors_is_refused_with_the_models_message_and_changes_nothing(usage):
    response = studio_save(Learner(usage, 'staff').block(), {'prompt': '', 'guidance': '', 'min_words': 3})
    assert response.status_code == 400 and 'The prompt is empty' in response.body.decode()
    assert 'notice' in Learner(usage, 'staff').block().prompt
