"""Score one attempt: by the ending reached, the points of the route, or the fit of modes to demands.

Step weights (`weight`, default 1) scale a step's part in `path` and `fit` scoring.
"""

from . import graph

TIMEOUT = '__timeout__'  # the choice id recorded in history when time ran out


def decisions(scenario, history):
    """(step, choice or None for a timeout) for each history entry the scenario still knows."""
    for entry in history:
        step = scenario.step(entry['step'])
        if step is None:
            continue
        yield step, (None if entry['choice'] == TIMEOUT else step.choice(entry['choice']))


def fits(step, choice):
    """True when the choice's mode is one the step demands; None when the step is not judged."""
    if not step.fitting_modes:
        return None
    return choice is not None and choice.mode in step.fitting_modes


def attempt_score(scenario, scoring, history, ending_id, best_route=None):
    """The score in 0..1 of an attempt that reached `ending_id`, or None when ungraded.

    `best_route`: `graph.best_points(scenario)` when the caller has it already (`path` only).
    """
    if scoring == 'none':
        return None
    if scoring == 'ending':
        ending = scenario.ending(ending_id)
        return float(ending.score) if ending is not None and isinstance(ending.score, float) else 0.0
    if scoring == 'path':
        best = (graph.best_points(scenario) if best_route is None else best_route) or 0.0
        if best <= 0:
            return 1.0
        earned = sum(step.credited_points(choice) for step, choice in decisions(scenario, history))
        return max(0.0, min(1.0, earned / best))
    if scoring == 'fit':
        judged = [(step, choice) for step, choice in decisions(scenario, history) if step.fitting_modes]
        total = sum(step.weight_value for step, _choice in judged)
        if total <= 0:
            return 1.0
        return sum(step.weight_value for step, choice in judged if fits(step, choice)) / total
    raise ValueError(f'Unknown scoring mode {scoring!r}')
