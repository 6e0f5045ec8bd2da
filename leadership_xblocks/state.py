"""The native-API state builders: everything a browser or mobile app receives is built here.

Keeping them in one module makes the rule easy to check: a learner never receives
targets, points, effects, demands, other steps, endings not reached, or the feedback
of choices not taken.
"""
from .scenario import engine
from .scenario.profile import competency_profile, mode_profile, modes_chosen
from .scenario.scoring import TIMEOUT


def _history(scenario, play):
    rows = []
    for entry in play['history']:
        step = scenario.step(entry['step'])
        if step is None:
            continue
        choice = None if entry['choice'] == TIMEOUT else step.choice(entry['choice'])
        rows.append({
            'step': step.id,
            'step_title': step.title,
            'choice': entry['choice'],
            'choice_label': choice.label if choice else None,
            'mode': choice.mode if choice else None,
            'timed_out': entry['choice'] == TIMEOUT,
        })
    return rows


def scenario_step(step):
    return {
        'id': step.id,
        'title': step.title,
        'html': step.html,
        'choices': [{'id': c.id, 'label': c.label} for c in step.choices],
        'time_limit': step.time_limit if step.timeout else None,
    }


def scenario_ending(scenario, play, ending):
    history = play['history']
    return {
        'id': ending.id,
        'title': ending.title,
        'html': ending.html,
        'debrief': scenario.debrief,
        'competencies': competency_profile(scenario, history),
        'modes': mode_profile(scenario, history),
        'modes_chosen': modes_chosen(scenario, history),
    }


def scenario_user_state(scenario, play, settings):
    """`student_view_user_state` for a scenario. `settings`: scoring, max_attempts, allow_back."""
    play = engine.normalise(play)
    node = engine.position(scenario, play)
    step = scenario.step(node)
    ending = scenario.ending(node)
    left = engine.attempts_left(play, settings['max_attempts'])
    return {
        'attempt': play['attempt'],
        'attempts_left': left,
        'max_attempts': settings['max_attempts'],
        'completed': play['completed'],
        'scoring': settings['scoring'],
        'step': scenario_step(step) if step is not None else None,
        'ending': scenario_ending(scenario, play, ending) if ending is not None else None,
        'history': _history(scenario, play),
        'score': play['scores'][-1] if ending is not None and play['scores'] else None,
        'best_score': play['best_score'],
        'can_go_back': bool(settings['allow_back'] and step is not None and play['history']),
        'can_restart': bool((play['history'] or ending is not None) and left != 0),
    }


def scenario_view_data(scenario, settings):
    """`student_view_data`: what a native app needs before the learner starts (no answer key)."""
    return {
        'display_name': settings['display_name'],
        'intro': scenario.intro,
        'scoring': settings['scoring'],
        'max_attempts': settings['max_attempts'],
        'allow_back': settings['allow_back'],
        'competencies': [{'id': c.id, 'label': c.label} for c in scenario.competencies],
        'step_count': len(scenario.steps),
    }
