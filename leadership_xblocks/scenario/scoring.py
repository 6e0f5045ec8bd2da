"""Score one attempt: by the ending reached, the points of the route, or the fit of modes to demands."""
from . import graph

TIMEOUT = '__timeout__'  # the choice id recorded in history when time ran out


def decisions(scenario, history):
    """(step, choice or None for a timeout) for each history entry the scenario still knows."""
    for entry in history:
        step = scenario.step(entry['step'])
        if step is None:
            continue
        yield step, (None if entry['choice'] == TIMEOUT else step.choice(entry['choice']))


def attempt_score(scenario, scoring, history, ending_id):
    """The score in 0..1 of an attempt that reached `ending_id`, or None when ungraded."""
    if scoring == 'none':
        return None
    if scoring == 'ending':
        ending = scenario.ending(ending_id)
        return float(ending.score) if ending is not None and isinstance(ending.score, float) else 0.0
    if scoring == 'path':
        best = graph.best_points(scenario) or 0.0
        if best <= 0:
            return 1.0
        earned = sum(choice.points for _step, choice in decisions(scenario, history)
                     if choice is not None and isinstance(choice.points, float))
        return max(0.0, min(1.0, earned / best))
    if scoring == 'fit':
        judged = [(step, choice) for step, choice in decisions(scenario, history) if step.demands]
        if not judged:
            return 1.0
        matched = sum(1 for step, choice in judged if choice is not None and choice.mode == step.demands)
        return matched / len(judged)
    raise ValueError(f'Unknown scoring mode {scoring!r}')
