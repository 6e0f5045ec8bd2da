"""The self-assessment's report row (see `leadership_xblocks/reports.py`)."""

from ..reports import PATH_SEPARATOR, identity, number
from .answers import profile


def self_assessment_row(model, state, gettext=identity):
    """One learner's self-assessment: a mean per dimension, every rating, attempts, date.

    `model` is the block's `self_assessment.model.SelfAssessment` (translated)."""
    answer = state.get('answer') or {}
    ratings = answer.get('ratings') or {}
    row = {
        gettext('Submitted'): gettext('yes') if ratings else gettext('no'),
        gettext('Attempts'): answer.get('attempts', 0),
        gettext('Submitted at'): answer.get('submitted_at') or '',
    }
    for line in profile(model, ratings):
        row[gettext('{dimension} (mean)').format(dimension=line['label'])] = number(line['mean'], 2)
    rated = []
    for item, _dimension in model.items:
        value = ratings.get(item.id)
        if value is None:
            continue
        label = model.scale.label(value)
        rated.append(f'{item.text}: {value} ({label})' if label else f'{item.text}: {value}')
    row[gettext('Ratings')] = PATH_SEPARATOR.join(rated)
    return row
