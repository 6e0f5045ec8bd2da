"""The four shipped modules: every scenario is sound teaching material and every page renders."""

import importlib.resources
from collections import deque

import pytest
from lxml import etree

from leadership_xblocks.scenario import graph, olx, validation

COURSE = importlib.resources.files('leadership_xblocks.scenarios') / 'course'
SCENARIO_FILES = sorted((COURSE / 'leadership_scenario').iterdir(), key=lambda p: p.name)


def load(path):
    root = etree.fromstring(path.read_bytes())
    return olx.parse_element(root, sanitize=True), root


def fewest_decisions(scenario):
    """The smallest number of decisions on any route from the start to an ending."""
    depth = {scenario.start: 0}
    queue = deque([scenario.start])
    while queue:
        node = queue.popleft()
        if scenario.ending(node) is not None:
            return depth[node]
        for target, _points in graph.edges(scenario, node):
            if target not in depth:
                depth[target] = depth[node] + 1
                queue.append(target)
    return None


def test_eight_scenarios_ship():
    assert len(SCENARIO_FILES) == 8


@pytest.mark.parametrize('path', SCENARIO_FILES, ids=lambda p: p.name)
def test_each_scenario_validates_cleanly_and_teaches(path):
    scenario, root = load(path)
    problems = validation.validate(scenario, root.get('scoring', 'ending'))
    assert [p.message for p in problems] == []  # no errors and no warnings: every node reachable
    assert fewest_decisions(scenario) >= 6
    demands = {mode for step in scenario.steps for mode in step.fitting_modes}
    assert {'urgent', 'consensual'} <= demands
    assert all(choice.feedback for step in scenario.steps for choice in step.choices)
    assert len(scenario.endings) >= 3 and len({e.score for e in scenario.endings}) >= 2
    assert scenario.debrief
    assert root.get('module') and root.get('framework')


def test_each_module_has_a_timed_decision():
    modules = {}
    for path in SCENARIO_FILES:
        scenario, root = load(path)
        modules.setdefault(root.get('module'), []).append(any(s.time_limit for s in scenario.steps))
    assert len(modules) == 4
    assert sum(any(timed) for timed in modules.values()) >= 2


def test_every_module_page_renders_in_the_workbench(client):
    index = client.get('/').content.decode()
    for number, title in enumerate(['Leading self', 'Leading teams', 'Leading systems', 'Leading change'], 1):
        assert f'Module {number}: {title}' in index
    for number in range(4):
        response = client.get(f'/scenario/leadership_scenario.{number}/?student=reader')
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("data-block-type='leadership_scenario'") >= 2
        assert 'not available yet' not in html and 'Traceback' not in html
