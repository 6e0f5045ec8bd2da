"""What the self-assessment block sends to the browser and native apps."""

from .answers import profile


def self_assessment_content(model):
    """What a learner needs to rate: statements, dimensions and the labelled scale."""
    return {
        'intro': model.intro,
        'items': [{'id': item.id, 'text': item.text, 'dimension': dimension.id} for item, dimension in model.items],
        'dimensions': [{'id': d.id, 'label': d.label} for d in model.dimensions],
        'scale': {
            'min': model.scale.minimum,
            'max': model.scale.maximum,
            'labels': [{'value': value, 'label': label} for value, label in model.scale.points()],
        },
    }


def self_assessment_user_state(model, answer, comparison, profile_key):
    """`student_view_user_state`: the content, the learner's ratings and profile, and the change
    since their first rating under the same `profile_key` (`comparison`, built by the block)."""
    answer = answer or {}
    ratings = answer.get('ratings') or None
    state = self_assessment_content(model)
    state.update(
        {
            'ratings': ratings,
            'submitted': ratings is not None,
            'submitted_at': answer.get('submitted_at'),
            'attempts': answer.get('attempts', 0),
            'profile': profile(model, ratings) if ratings else None,
            'profile_key': profile_key,
            'comparison': comparison if ratings else None,
        }
    )
    return state


def self_assessment_view_data(model, settings):
    data = self_assessment_content(model)
    data.update({key: settings[key] for key in ('display_name', 'profile_key', 'module', 'framework')})
    return data
