"""The learner's competency profile and decision-mode profile for one attempt."""

from .model import MODES
from .scoring import decisions, fits


def competency_profile(scenario, history):
    """[{id, label, value}] for every declared competency, summing the effects of the choices made."""
    totals = {c.id: 0 for c in scenario.competencies}
    for _step, choice in decisions(scenario, history):
        for effect in choice.effects if choice is not None else ():
            if effect.competency in totals and isinstance(effect.value, int):
                totals[effect.competency] += effect.value
    return [{'id': c.id, 'label': c.label, 'value': totals[c.id]} for c in scenario.competencies]


def mode_profile(scenario, history):
    """For each kind of demand met on the route: how often the learner's choice fitted it.

    [{demand, met, total}] in the order of MODES, only for demands that occurred. A step
    demanding several modes counts once under each; it is met when the choice fitted.
    """
    met = {mode: 0 for mode in MODES}
    total = {mode: 0 for mode in MODES}
    for step, choice in decisions(scenario, history):
        fitted = fits(step, choice)
        for mode in step.fitting_modes:
            if mode in total:
                total[mode] += 1
                met[mode] += bool(fitted)
    return [{'demand': mode, 'met': met[mode], 'total': total[mode]} for mode in MODES if total[mode]]


def modes_chosen(scenario, history):
    """How many decisions were made in each mode (timeouts are not decisions)."""
    counts = {mode: 0 for mode in MODES}
    for _step, choice in decisions(scenario, history):
        if choice is not None and choice.mode in counts:
            counts[choice.mode] += 1
    return counts


def route_review(scenario, history):
    """Step by step, for the learner to see where credit was lost: what the moment demanded,
    the mode chosen, whether it fitted, and the choice's points (times the step's weight)
    and effects. Only for the ending payload when `engine.review_allowed` says so.

    [{step, step_title, demanded: [modes], choice_label, mode, timed_out, fitted (None
    when nothing was demanded), points, effects: [{id, label, value}]}]
    """
    labels = {c.id: c.label for c in scenario.competencies}
    rows = []
    for step, choice in decisions(scenario, history):
        rows.append(
            {
                'step': step.id,
                'step_title': step.title,
                'demanded': list(step.fitting_modes),
                'choice_label': choice.label if choice is not None else None,
                'mode': choice.mode if choice is not None else None,
                'timed_out': choice is None,
                'fitted': fits(step, choice),
                'points': step.credited_points(choice),
                'effects': [
                    {'id': e.competency, 'label': labels.get(e.competency, e.competency), 'value': e.value}
                    for e in (choice.effects if choice is not None else ())
                ],
            }
        )
    return rows
