"""What the time-allocation block sends to the browser and native apps."""

from . import model as time_allocation_model


def time_allocation_content(model, models):
    """Functions, the total to reach and the leadership models offered (`models`: [(id, label)])."""
    return {
        'prompt': model.prompt,
        'functions': [{'id': f.id, 'label': f.label} for f in model.functions],
        'total': time_allocation_model.TOTAL,
        'models': [{'id': model_id, 'label': label} for model_id, label in models],
    }


def time_allocation_user_state(model, models, answer, consent, cohort):
    """`student_view_user_state`. `cohort`: `{'means': {...}, 'count': n}` once enough other
    consenting learners answered, else None; only sent after the learner has submitted."""
    answer = answer or {}
    consent = consent or {}
    submitted = answer.get('allocations') is not None
    state = time_allocation_content(model, models)
    state.update(
        {
            'allocations': answer.get('allocations'),
            'model': answer.get('model'),
            'model_text': answer.get('model_text', ''),
            'submitted': submitted,
            'submitted_at': answer.get('submitted_at'),
            'consent': {'given': bool(consent.get('given')), 'at': consent.get('at')},
            'cohort': {
                'available': bool(submitted and cohort),
                'minimum': time_allocation_model.MIN_COHORT,
                'count': cohort['count'] if submitted and cohort else None,
                'means': cohort['means'] if submitted and cohort else None,
            },
        }
    )
    return state


def time_allocation_view_data(model, models, settings):
    data = time_allocation_content(model, models)
    data.update({key: settings[key] for key in ('display_name', 'module', 'framework')})
    return data
