"""The Studio editor's server side: the form model round trip, the map layout, and the editor's
handlers (editor_check, editor_preview) in the workbench runtime, refusing bad input with a 4xx."""

import copy
import gzip
import pathlib

import pytest
from lxml import etree
from webob import Request

from leadership_xblocks.scenario import form, layout, olx, validation
from tests.scenario_samples import choice, ending, scenario, step
from tests.support.blocks import Learner, load

# Three steps; the third can send the learner back to the first.
LOOP = scenario(
    step('a', choice('on', 'b', mode='consultative'), choice('stop', 'end')),
    step('b', choice('next', 'c', mode='consensual')),
    step('c', choice('again', 'a', mode='delegated'), choice('done', 'end')),
    ending('end'),
)
SCENARIOS = pathlib.Path(__file__).resolve().parent.parent / 'leadership_xblocks' / 'scenarios'


def shipped_scenarios():
    """Every <leadership_scenario> element of the shipped workbench pages and the course."""
    found = []
    for path in sorted(SCENARIOS.rglob('*.xml')):
        tree = etree.parse(str(path))
        for element in tree.iter('leadership_scenario'):
            found.append(pytest.param(element, id=f'{path.relative_to(SCENARIOS)}:{element.sourceline}'))
    return found


@pytest.mark.parametrize('element', shipped_scenarios())
def test_every_shipped_scenario_survives_the_form_and_back(element):
    scenario = olx.parse_element(element, sanitize=True)
    shuffle, review = scenario.shuffle, scenario.review
    model = form.to_form(scenario)
    back = form.from_form(form.read_form(copy.deepcopy(model)), shuffle=shuffle, review=review)
    assert back == scenario
    assert olx.to_text(back) == olx.to_text(scenario)
    assert form.to_form(back) == model


def test_there_are_shipped_scenarios_to_round_trip():
    assert len(shipped_scenarios()) >= 10


def test_values_validation_must_name_survive_the_form():
    text = LOOP.replace('<step id="a"', '<step id="a" weight="heavy" time_limit="soon" timeout="a"', 1)
    scenario = olx.parse_text(text)[0]
    back = form.from_form(form.read_form(form.to_form(scenario)))
    assert back.step('a').weight == 'heavy' and back.step('a').time_limit == 'soon'
    messages = {p.message for p in validation.validate(back, 'ending')}
    assert 'Step "a" has weight "heavy": it must be a number of 0 or more.' in messages


@pytest.mark.parametrize(
    'bad',
    [[], {'steps': 'abc'}, {'steps': [3]}, {'steps': [{'id': 4}]}, {'steps': [{'choices': [{'effects': 'x'}]}]}],
)
def test_read_form_refuses_what_is_not_a_form(bad):
    with pytest.raises(form.FormError):
        form.read_form(bad)


def test_layout_puts_nodes_in_layers_from_the_start_and_marks_loops():
    scenario = olx.parse_text(LOOP)[0]
    drawn = layout.layout(scenario)
    layers = {n['id']: n['layer'] for n in drawn['nodes']}
    assert layers[scenario.start] == 0
    assert any(edge['loop'] for edge in drawn['edges'])
    assert all(not e['loop'] for e in drawn['edges'] if layers[e['target']] > layers[e['source']])


# the handlers --------------------------------------------------------------------------------


@pytest.fixture
def block():
    return load(LOOP)


def test_check_gives_the_messages_of_validate_and_the_map(block):
    model = Learner(block, 'staff').ok('editor_check', {'olx': LOOP, 'settings': {'scoring': 'ending'}})['form']
    model['steps'][0]['choices'][0]['target'] = 'nowhere'
    model['steps'].append(dict(model['steps'][0], id='orphan', choices=[]))
    report = Learner(block, 'staff').ok('editor_check', {'form': model, 'settings': {'scoring': 'ending'}})
    expected = validation.validate(form.from_form(form.read_form(model)), 'ending')
    assert [p['message'] for p in report['problems']] == [p.message for p in expected]
    flagged = {p['node'] for p in report['problems']}
    assert 'orphan' in flagged
    nodes = {n['id']: n for n in report['map']['nodes']}
    assert 'error' in nodes['orphan']['levels'] and not nodes['orphan']['reached']
    assert report['olx'].startswith('<leadership_scenario') and report['playable'] is False


def test_check_sanitises_the_form_like_a_save(block):
    model = Learner(block, 'staff').ok('editor_check', {'olx': LOOP})['form']
    model['intro'] = '<p>Hi</p><script>alert(1)</script>'
    report = Learner(block, 'staff').ok('editor_check', {'form': model})
    assert '<script' not in report['olx'] and '<script' not in report['form']['intro']


@pytest.mark.parametrize(
    'data, status',
    [
        ({}, 400),
        ({'form': 'x'}, 400),
        ({'form': {'steps': [{'id': 1}]}}, 400),
        ({'olx': LOOP, 'settings': {'shuffle': 'yes'}}, 400),
        ({'olx': LOOP, 'settings': []}, 400),
    ],
)
def test_check_refuses_bad_input_with_a_message(block, data, status):
    code, payload = Learner(block, 'staff').call('editor_check', data)
    assert code == status and isinstance(payload['error'], str) and payload['error']


def test_editor_handlers_are_for_authors_only(block):
    for handler in ('editor_check', 'editor_preview'):
        code, payload = Learner(block, 'a-learner').call(handler, {'olx': LOOP})
        assert code == 403 and 'course authors' in payload['error']


def test_a_syntax_error_is_reported_not_raised(block):
    report = Learner(block, 'staff').ok('editor_check', {'olx': '<leadership_scenario><step'})
    assert report['form'] is None and 'well-formed' in report['problems'][0]['message']


def test_preview_plays_from_any_step_and_stores_nothing(block):
    scenario = olx.parse_text(LOOP)[0]
    second = scenario.steps[1]
    choice = second.choices[0]
    staff = Learner(block, 'staff')
    first = staff.ok('editor_preview', {'olx': LOOP, 'node': second.id})
    assert first['view']['id'] == second.id and [c['id'] for c in first['view']['choices']] == [
        c.id for c in second.choices
    ]
    assert 'target' not in first['view']['choices'][0]
    moved = staff.ok('editor_preview', {'olx': LOOP, 'node': second.id, 'choice': choice.id})
    assert moved['view']['id'] == choice.target and moved['feedback'] == choice.feedback
    assert staff.block().play is None
    assert staff.call('editor_preview', {'olx': LOOP, 'node': 'nowhere'})[0] == 400
    assert staff.call('editor_preview', {'olx': LOOP, 'node': second.id, 'choice': 'nope'})[0] == 400


def test_studio_view_is_the_editor_with_its_report(block):
    frag = Learner(block, 'staff').render('studio_view')
    html = frag.body_html()
    assert 'role="tablist"' in html and 'data-role="map"' in html and 'Scenario (OLX)' in html
    urls = [r.data for r in frag.resources if r.kind == 'url']
    assert any(u.endswith('static/scenario_editor.js') for u in urls)


def test_the_editors_own_js_and_css_stay_under_30_kb_gzipped(capsys):
    from leadership_xblocks import public_static
    from leadership_xblocks.common.editor import SHARED_CSS, SHARED_JS
    from leadership_xblocks.scenario.studio import EDITOR_CSS, EDITOR_JS

    folder = public_static('leadership_xblocks.scenario')
    shared = tuple(name for name in SHARED_JS + SHARED_CSS if name.startswith('editor'))  # the editors' shared files
    raw = b''.join(folder.joinpath(name).read_bytes() for name in shared + EDITOR_JS + EDITOR_CSS)
    packed = len(gzip.compress(raw, 9))
    with capsys.disabled():
        print(f'\nscenario editor JS + CSS: {len(raw)} bytes, {packed} gzipped ({packed / len(raw):.2f} of raw)')
    assert packed < 30 * 1024


class StudioPermissions:
    """Studio's `studio_user_permissions` service (cms/djangoapps/contentstore/utils.py,
    StudioPermissionsService): `can_write(course_key)` is the user's write access to the course."""

    def __init__(self, writable):
        self.writable = writable
        self.asked = []

    def can_write(self, course_key):
        self.asked.append(course_key)
        return self.writable


def test_where_studio_offers_its_permissions_they_decide_not_the_staff_list(block):
    staff = Learner(block, 'staff').block()
    permissions = StudioPermissions(writable=True)
    staff.runtime._services['studio_user_permissions'] = permissions
    request = Request.blank('/', method='POST', body=b'{"olx": ""}', content_type='application/json')
    response = staff.runtime.handle(staff, 'editor_check', request)
    # a workbench usage id belongs to no course, so no course can be written: refused before reading
    assert response.status_code == 403 and permissions.asked == []
