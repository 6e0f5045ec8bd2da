"""A learner's self-assessment answer in plain Python: the checks on submitted ratings, the profile
per dimension and the change since the baseline."""

from .. import activity_model as common
from ..activity_model import AnswerError
from ..i18n import gettext_noop as _


def check_ratings(model, ratings):
    """The ratings as {item_id: int} when complete and on the scale; otherwise raise `AnswerError`."""
    if not isinstance(ratings, dict):
        raise AnswerError(_('"ratings" must be an object of item ids and whole numbers.'))
    expected = model.item_ids()
    unknown = sorted(str(key) for key in ratings if key not in expected)
    if unknown:
        raise AnswerError(_('Unknown item(s): {items}.'), items=', '.join(unknown)[:500])
    missing = [item_id for item_id in expected if item_id not in ratings]
    if missing:
        raise AnswerError(_('Rate every statement before you submit: {count} still to rate.'), count=len(missing))
    minimum, maximum = model.scale.minimum, model.scale.maximum
    for item_id in expected:
        value = ratings[item_id]
        if not common.is_int(value) or not minimum <= value <= maximum:
            raise AnswerError(
                _('The rating for "{item}" must be a whole number from {minimum} to {maximum}.'),
                item=item_id,
                minimum=minimum,
                maximum=maximum,
            )
    return {item_id: ratings[item_id] for item_id in expected}


def profile(model, ratings):
    """[{'dimension', 'label', 'mean', 'count'}] per dimension, means rounded to 2 places."""
    rows = []
    for dimension in model.dimensions:
        values = [ratings[item.id] for item in dimension.items if common.is_int(ratings.get(item.id))]
        rows.append(
            {
                'dimension': dimension.id,
                'label': dimension.label,
                'count': len(values),
                'mean': round(sum(values) / len(values), 2) if values else None,
            }
        )
    return rows


def profile_means(rows):
    """{dimension_id: mean} from `profile` rows, for storing and comparing."""
    return {row['dimension']: row['mean'] for row in rows if row['mean'] is not None}


def change(model, before, after):
    """[{'dimension', 'label', 'before', 'after', 'change'}] for dimensions rated both times."""
    rows = []
    for dimension in model.dimensions:
        if dimension.id in before and dimension.id in after:
            rows.append(
                {
                    'dimension': dimension.id,
                    'label': dimension.label,
                    'before': before[dimension.id],
                    'after': after[dimension.id],
                    'change': round(after[dimension.id] - before[dimension.id], 2),
                }
            )
    return rows
