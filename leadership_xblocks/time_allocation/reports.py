"""The time allocation's report row (see `leadership_xblocks/reports.py`)."""

from ..reports import identity, number


def time_allocation_row(model, models, state, gettext=identity):
    """One learner's allocation: a share per function, the leadership model, consent, date.

    The block promises learners who do not consent that their answer serves only their own
    view, so for them the report says whether they submitted and nothing of the answer.
    `model`: the block's `time_allocation.model.TimeAllocation` (translated);
    `models`: [(id, translated label)] of the leadership models offered."""
    answer = state.get('answer') or {}
    consent = state.get('consent') or {}
    shared = bool(consent.get('given'))
    allocations = (answer.get('allocations') or {}) if shared else {}
    row = {gettext('Submitted'): gettext('yes') if answer.get('allocations') is not None else gettext('no')}
    for function in model.functions:
        row[gettext('{function} (%)').format(function=function.label)] = number(allocations.get(function.id), 2)
    labels = dict(models)
    chosen = answer.get('model') if shared else None
    row[gettext('Leadership model')] = (answer.get('model_text') if shared else '') or labels.get(chosen, chosen or '')
    row[gettext('Research consent')] = gettext('yes') if consent.get('given') else gettext('no')
    row[gettext('Submitted at')] = answer.get('submitted_at') or ''
    return row
