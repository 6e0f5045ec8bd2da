"""Data-driven payload fixtures: each folder of `tests/data/payloads/` is one case, as in
drag-and-drop-v2's `tests/unit/data/<case>/` and ora2's `test/data/`:

* `block.xml`: the OLX loaded into the workbench (a `vertical_demo` holding several blocks: the
  last one is the block under test);
* `steps.json`: `[[handler, data], ...]` a learner calls first, in order (`"0:submit"` calls the
  first child of a vertical);
* `expected.json`: exactly what the learner receives: `student_view_data`, then
  `student_view_user_state`, then the response of every step. Times are replaced by `"<time>"`.

Every case also checks the hidden-answer property on everything the learner received: no answer
key (targets, points, effects, demands, ending scores, weights) and, for a scenario, no text of an
ending not reached or feedback of a choice not taken.

Regenerate after a deliberate change of a payload, then review the diff:
`LEADERSHIP_REGENERATE_FIXTURES=1 make test-fast PYTEST_ARGS=tests/test_payload_fixtures.py`.
"""

import json
import os
import re

import pytest

from leadership_xblocks.scenario import olx
from tests.support import REPO_ROOT
from tests.support.blocks import Learner

CASES = REPO_ROOT / 'tests' / 'data' / 'payloads'
REGENERATE = os.environ.get('LEADERSHIP_REGENERATE_FIXTURES') == '1'
# Keys whose values change with the clock.
TIME_KEYS = re.compile(r'(_at|^at|^date|^first_recorded|^recorded_at|^generated.*)$')
ANSWER_KEYS = {'target', 'targets', 'points', 'effect', 'effects', 'demands', 'demand', 'weight', 'score_of'}


def case_names():
    return sorted(path.name for path in CASES.iterdir() if (path / 'block.xml').is_file())


def load_case(name, xml):
    """Load the OLX with ids fixed by the case's name, so every run gives the same ids."""
    from workbench.runtime import WorkbenchRuntime

    runtime = WorkbenchRuntime('author')
    runtime.id_generator.set_scenario(f'fixture-{name}')
    return runtime.parse_xml_string(xml)


def children(usage_id):
    block = Learner(usage_id, 'author').block()
    return list(getattr(block, 'children', None) or [])


def without_times(value, key=''):
    if isinstance(value, dict):
        return {k: without_times(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [without_times(v) for v in value]
    if value and isinstance(value, str) and TIME_KEYS.search(key):
        return '<time>'
    return value


def play(name):
    folder = CASES / name
    usage = load_case(name, (folder / 'block.xml').read_text(encoding='utf-8'))
    parts = children(usage) or [usage]
    user = f'fixture-{name}'  # a learner of their own: learner-wide state (journal, CPD record) stays in the case
    learner = Learner(parts[-1], user)
    received = []
    for handler, data in json.loads((folder / 'steps.json').read_text(encoding='utf-8')):
        target = learner
        if ':' in handler:
            index, handler = handler.split(':', 1)
            target = Learner(parts[int(index)], user)
        received.append({'handler': handler, 'response': target.ok(handler, data)})
    return {
        'student_view_data': learner.block().student_view_data(),
        'student_view_user_state': learner.ok('student_view_user_state', {}),
        'steps': received,
    }


def keys_of(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from keys_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from keys_of(item)


def scenario_secrets(xml, received):
    """Texts of a scenario the learner must not have received: endings not reached, feedback of
    choices not taken (a choice is taken when a history entry names it)."""
    if '<leadership_scenario' not in xml:
        return []
    scenario = olx.parse_text(xml)[0]
    text = json.dumps(received, ensure_ascii=False)
    taken = set(values_of(received, 'choice'))
    secrets = [ending.html for ending in scenario.endings if f'"{ending.id}"' not in text]
    secrets += [c.feedback for step in scenario.steps for c in step.choices if c.id not in taken]
    return [secret for secret in secrets if secret]


def values_of(value, wanted):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == wanted and isinstance(item, str):
                yield item
            yield from values_of(item, wanted)
    elif isinstance(value, list):
        for item in value:
            yield from values_of(item, wanted)


@pytest.mark.parametrize('name', case_names())
def test_payloads_match_the_fixture(name):
    folder = CASES / name
    got = without_times(play(name))
    expected_file = folder / 'expected.json'
    if REGENERATE:
        expected_file.write_text(json.dumps(got, indent=2, ensure_ascii=False, sort_keys=True) + '\n', encoding='utf-8')
    assert got == json.loads(expected_file.read_text(encoding='utf-8'))


@pytest.mark.parametrize('name', case_names())
def test_no_payload_carries_an_answer_key(name):
    xml = (CASES / name / 'block.xml').read_text(encoding='utf-8')
    received = json.loads((CASES / name / 'expected.json').read_text(encoding='utf-8'))
    assert not ANSWER_KEYS & set(keys_of(received)), sorted(ANSWER_KEYS & set(keys_of(received)))
    text = json.dumps(received, ensure_ascii=False)
    leaked = [secret for secret in scenario_secrets(xml, received) if json.dumps(secret)[1:-1] in text]
    assert leaked == []


def test_every_block_type_has_a_case_under_test():
    """The block under test (the last `leadership_*` element of each case) covers every block type."""
    tested = {re.findall(r'<(leadership_\w+)', (CASES / n / 'block.xml').read_text())[-1] for n in case_names()}
    assert tested == {
        'leadership_scenario',
        'leadership_reflection',
        'leadership_self_assessment',
        'leadership_time_allocation',
        'leadership_cpd_record',
    }


def test_the_answer_key_check_can_fail():
    """A payload naming a target, or carrying an untaken choice's feedback, is caught."""
    xml = (CASES / 'scenario_start' / 'block.xml').read_text(encoding='utf-8')
    assert ANSWER_KEYS & set(keys_of({'step': {'choices': [{'id': 'a', 'target': 'safe'}]}}))
    leaked = {'feedback': '<p>A quick call closes down curiosity.</p>'}
    assert '<p>A quick call closes down curiosity.</p>' in scenario_secrets(xml, leaked)
