"""The learner's competency profile and decision-mode profile for one attempt."""
from .model import MODES
from .scoring import decisions


def competency_profile(scenario, history):
    """[{id, label, value}] for every declared competency, summing the effects of the choices made."""
    totals = {c.id: 0 for c in scenario.competencies}
    for _step, choice in decisions(scenario, history):
        for effect in (choice.effects if choice is not None else ()):
            if effect.competency in totals and isinstance(effect.value, int):
                totals[effect.competency] += effect.value
    return [{'id': c.id, 'label': c.label, 'value': totals[c.id]} for c in scenario.competencies]


def mode_profile(scenario, history):
    """For each kind of demand met on the route: how often the learner answered in that mode.

    [{demand, met, total}] in the order of MODES, only for demands that occurred.
    """
    met = {mode: 0 for mode in MODES}
    total = {mode: 0 for mode in MODES}
    for step, choice in decisions(scenario, history):
        if step.demands in total:
            total[step.demands] += 1
            if choice is not None and choice.mode == step.demands:
                met[step.demands] += 1
    return [{'demand': mode, 'met': met[mode], 'total': total[mode]} for mode in MODES if total[mode]]


def modes_chosen(scenario, history):
    """How many decisions were made in each mode (timeouts are not decisions)."""
    counts = {mode: 0 for mode in MODES}
    for _step, choice in decisions(scenario, history):
        if choice is not None and choice.mode in counts:
            counts[choice.mode] += 1
    return counts
