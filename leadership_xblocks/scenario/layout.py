"""Where the Studio editor's map draws each node: layers by distance from the first step.

Presentation only (the rules live in `validation`): a node's layer is the fewest moves
from the start; nodes no route reaches go in a layer of their own after the rest. An edge
to the same or an earlier layer closes a loop and is drawn as one. Problems are attached
to the nodes they name, with the messages `validate()` gives.
"""

from collections import deque

from . import graph

PROBLEM_KEYS = ('step', 'ending', 'id')  # the parameters in which validation names a node


def _layers(scenario):
    layer = {}
    if scenario.start is not None:
        layer[scenario.start] = 0
        queue = deque([scenario.start])
        while queue:
            node = queue.popleft()
            for target, _points in graph.edges(scenario, node):
                if target not in layer:
                    layer[target] = layer[node] + 1
                    queue.append(target)
    return layer


def problem_node(problem):
    """The id of the step or ending a problem is about, or ''."""
    return next((str(problem.params[k]) for k in PROBLEM_KEYS if problem.params.get(k)), '')


def layout(scenario, problems=()):
    """{'nodes': [...], 'edges': [...], 'layers': n} for the map; problems as (level, node)."""
    layer = _layers(scenario)
    unreached = (max(layer.values()) + 1) if layer else 0
    flagged = {}
    for level, node in problems:
        if node:
            flagged.setdefault(node, set()).add(level)
    rows, nodes, seen = {}, [], set()
    for kind, items in (('step', scenario.steps), ('ending', scenario.endings)):
        for item in items:
            if not item.id or item.id in seen:
                continue
            seen.add(item.id)
            at = layer.get(item.id, unreached)
            rows[at] = rows.get(at, -1) + 1
            nodes.append(
                {
                    'id': item.id,
                    'kind': kind,
                    'title': item.title or item.id,
                    'layer': at,
                    'row': rows[at],
                    'reached': item.id in layer,
                    'levels': sorted(flagged.get(item.id, ())),
                }
            )
    edges = []
    for step in scenario.steps:
        if step.id not in seen:
            continue
        outs = [(c.target, c.mode, c.label) for c in step.choices]
        if step.timeout:
            outs.append((step.timeout, 'timeout', ''))
        for target, mode, label in outs:
            if not scenario.is_node(target):
                continue
            back = layer.get(target, unreached) <= layer.get(step.id, unreached)
            edges.append({'source': step.id, 'target': target, 'mode': mode, 'label': label, 'loop': back})
    return {'nodes': nodes, 'edges': edges, 'layers': (max(rows) + 1) if rows else 0}
