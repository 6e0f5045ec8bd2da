"""What the learner page says about the routes through a scenario without giving any away:
how many decisions a route from here can still take (for "Decision 3 of 5"), and the lowest
and highest total each competency can reach (the scale a competency change is shown on).

Acyclic scenarios only (validation refuses cycles before a learner sees one).
"""

from .graph import _topological, edges


def decisions_left(scenario):
    """{node: (fewest, most) decisions on a route from it to an ending}; endings are (0, 0)."""
    spans = {ending.id: (0, 0) for ending in scenario.endings}
    for node in reversed(_topological(scenario)):
        options = [spans[target] for target, _points in edges(scenario, node) if target in spans]
        if options:
            spans[node] = (1 + min(o[0] for o in options), 1 + max(o[1] for o in options))
    return spans


def progress(scenario, node, decided, spans=None):
    """{number, fewest, most}: the decision the learner is at (1-based) and how many decisions
    routes through it take in all, or None at an ending or an unknown node. `spans`: the
    scenario's `decisions_left`, when the caller keeps them."""
    span = (spans if spans is not None else decisions_left(scenario)).get(node)
    if scenario.step(node) is None or span is None:
        return None
    return {'number': decided + 1, 'fewest': decided + span[0], 'most': decided + span[1]}


def competency_ranges(scenario):
    """{competency id: (lowest, highest)} total any route from the start can give."""
    ranges = {}
    order = list(reversed(_topological(scenario)))
    for competency in scenario.competencies:
        low = {ending.id: 0 for ending in scenario.endings}
        high = dict(low)
        for node in order:
            step = scenario.step(node)
            options = []
            for choice in step.choices if step else ():
                if choice.target in low:
                    value = sum(
                        e.value for e in choice.effects if e.competency == competency.id and isinstance(e.value, int)
                    )
                    options.append((value + low[choice.target], value + high[choice.target]))
            if step and step.timeout in low:
                options.append((low[step.timeout], high[step.timeout]))
            if options:
                low[node], high[node] = min(o[0] for o in options), max(o[1] for o in options)
        start = scenario.start
        ranges[competency.id] = (low.get(start, 0), high.get(start, 0))
    return ranges
