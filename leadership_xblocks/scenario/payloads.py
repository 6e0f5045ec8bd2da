"""The scenario's native-API state builders: everything a browser or mobile app receives about a
scenario is built here (each block's `payloads.py` does the same for its block).

Keeping them in one module per block makes the rule easy to check: a learner never receives
targets, points, effects, demands, other steps, endings not reached, or the feedback
of choices not taken.
"""

from ..dashboards import dashboard_common
from . import engine
from .graph import story_order
from .model import MODES
from .order import choice_order, order_seed
from .profile import competency_profile, mode_profile, modes_chosen, route_review
from .routes import competency_ranges, decisions_left, progress
from .scoring import TIMEOUT

_SPANS = {}  # id(scenario) -> (scenario, its decisions_left): the learner-independent part of `progress`
_SPANS_LIMIT = 128  # as many as body.load_scenario keeps parsed


PLAY_KEYS = frozenset(engine.new_play())


def read_play(play):
    """`play` for reading: itself when it has every key (a play the engine returned), else a normalised copy.
    The builders only read it, so the copy `engine.normalise` makes each time is not needed then."""
    return play if isinstance(play, dict) and PLAY_KEYS <= play.keys() else engine.normalise(play)


def _spans(scenario):
    """The scenario's `decisions_left`, computed once per parsed scenario (`body.load_scenario` shares one
    object per body and settings in the process; a scenario's steps do not change once parsed)."""
    entry = _SPANS.get(id(scenario))
    if entry is None or entry[0] is not scenario:
        if len(_SPANS) >= _SPANS_LIMIT:
            _SPANS.clear()
        entry = _SPANS[id(scenario)] = (scenario, decisions_left(scenario))
    return entry[1]


def _history(scenario, play):
    rows = []
    for entry in play['history']:
        step = scenario.step(entry['step'])
        if step is None:
            continue
        choice = None if entry['choice'] == TIMEOUT else step.choice(entry['choice'])
        rows.append(
            {
                'step': step.id,
                'step_title': step.title,
                'choice': entry['choice'],
                'choice_label': choice.label if choice else None,
                'mode': choice.mode if choice else None,
                'timed_out': entry['choice'] == TIMEOUT,
            }
        )
    return rows


def scenario_step(step, seed=None):
    """The current step, its choices in the learner's order (`seed`: see `order.order_seed`)."""
    return {
        'id': step.id,
        'title': step.title,
        'html': step.html,
        'choices': [{'id': c.id, 'label': c.label} for c in choice_order(step, seed)],
        'time_limit': step.time_limit if step.timeout else None,
    }


def scenario_ending(scenario, play, ending, review=False):
    """The ending reached. What each step demanded (`modes`, the demand profile, and
    `review`, the route review) is only sent when `review` is allowed: before a graded
    retry it would give the answers away."""
    history = play['history']
    ranges = competency_ranges(scenario)
    return {
        'id': ending.id,
        'title': ending.title,
        'html': ending.html,
        'debrief': scenario.debrief,
        'competencies': [
            dict(row, min=ranges[row['id']][0], max=ranges[row['id']][1])
            for row in competency_profile(scenario, history)
        ],
        'modes': mode_profile(scenario, history) if review else [],
        'modes_chosen': modes_chosen(scenario, history),
        'review': route_review(scenario, history) if review else None,
    }


def scenario_user_state(scenario, play, settings):
    """`student_view_user_state` for a scenario. `settings`: scoring, max_attempts, allow_back,
    and `learner` (anonymous id) and `block` (usage id), which seed the learner's choice order."""
    play = read_play(play)
    node = engine.position(scenario, play)
    step = scenario.step(node)
    ending = scenario.ending(node)
    left = engine.attempts_left(play, settings['max_attempts'])
    seed = order_seed(scenario, settings.get('learner', ''), settings.get('block', ''), play['attempt'])
    review = engine.review_allowed(scenario, play, settings['max_attempts'])
    return {
        'attempt': play['attempt'],
        'attempts_left': left,
        'max_attempts': settings['max_attempts'],
        'completed': play['completed'],
        'scoring': settings['scoring'],
        'content_note': scenario.content_note,
        'step': scenario_step(step, seed) if step is not None else None,
        'progress': progress(scenario, node, len(play['history']), _spans(scenario)),
        'ending': scenario_ending(scenario, play, ending, review) if ending is not None else None,
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
        'content_note': scenario.content_note,
        'scoring': settings['scoring'],
        'max_attempts': settings['max_attempts'],
        'allow_back': settings['allow_back'],
        'shuffle': scenario.shuffle is not False,
        'review': scenario.review,
        'competencies': [{'id': c.id, 'label': c.label} for c in scenario.competencies],
        'step_count': len(scenario.steps),
    }


# Cohort results and the facilitator dashboard -----------------------------------------
# Figures come from `cohort.aggregates` (computed from every learner's row); these builders
# only add titles and labels. Learner payloads carry counts and shares, never a learner id
# or name; the one exception to "endings not reached" above is the cohort's endings
# distribution at an ending, which names (by title only) the endings other learners reached.


def _share(count, n):
    return round(count / n, 4) if n else 0.0


def _cohort_step_rows(step, totals, own=None):
    """Per-choice and per-mode rows of one step; `own` (the learner's entry) marks theirs."""
    n = totals['n']
    own_choice = (own or {}).get('choice')
    choices = [
        {
            'id': c.id,
            'label': c.label,
            'count': totals['choices'].get(c.id, 0),
            'share': _share(totals['choices'].get(c.id, 0), n),
            'yours': own_choice == c.id,
        }
        for c in step.choices
    ]
    modes_offered = [m for m in MODES if any(c.mode == m for c in step.choices)]
    own_mode = next((c.mode for c in step.choices if c.id == own_choice), None)
    modes = [
        {
            'mode': m,
            'count': totals['modes'].get(m, 0),
            'share': _share(totals['modes'].get(m, 0), n),
            'yours': own_mode == m,
        }
        for m in modes_offered
    ]
    if step.timeout or totals['timeouts']:
        row = {'count': totals['timeouts'], 'share': _share(totals['timeouts'], n), 'yours': own_choice == TIMEOUT}
        choices.append(dict(row, id=TIMEOUT, label=None, timed_out=True))
        modes.append(dict(row, mode=None, timed_out=True))
    return {'id': step.id, 'title': step.title, 'n': n, 'choices': choices, 'modes': modes}


def scenario_cohort(scenario, play, totals, minimum):
    """The learner's cohort results (`cohort` in the user state), or None when there is none to show.

    `step`: how the cohort answered the step the learner passed last, once at least
    `minimum` learners (the learner included) answered it. `ending` (at an ending): the
    cohort's endings and mean competency profile beside the learner's own, once at least
    `minimum` learners finished an attempt.
    """
    play = read_play(play)
    history = play['history']
    step_part = ending_part = None
    if history:
        last = history[-1]
        step = scenario.step(last['step'])
        step_totals = totals['steps'].get(last['step'])
        if step is not None and step_totals and step_totals['n'] >= minimum:
            step_part = _cohort_step_rows(step, step_totals, own=last)
    ending = scenario.ending(engine.position(scenario, play))
    if ending is not None and totals['finished'] >= minimum:
        n = totals['finished']
        own = {row['id']: row['value'] for row in competency_profile(scenario, history)}
        ending_part = {
            'n': n,
            'endings': [
                {
                    'title': e.title,
                    'count': totals['endings'].get(e.id, 0),
                    'share': _share(totals['endings'].get(e.id, 0), n),
                    'yours': e.id == ending.id,
                }
                for e in scenario.endings
                if totals['endings'].get(e.id) or e.id == ending.id
            ],
            'competencies': [
                {'id': c.id, 'label': c.label, 'yours': own.get(c.id, 0), 'mean': totals['competencies'].get(c.id)}
                for c in scenario.competencies
            ],
        }
    if step_part is None and ending_part is None:
        return None
    return {'minimum': minimum, 'step': step_part, 'ending': ending_part}


def scenario_dashboard(scenario, totals, display_name, minimum):
    """The facilitator dashboard of a scenario (staff only): counts, never learner ids."""
    data = dashboard_common('leadership_scenario', display_name, totals, minimum)
    titles = {node.id: node.title for node in list(scenario.steps) + list(scenario.endings)}
    steps = []
    for step in story_order(scenario):
        step_totals = totals['steps'].get(step.id) or {
            'n': 0,
            'choices': {},
            'modes': {},
            'timeouts': 0,
            'mean_seconds': None,
        }
        row = _cohort_step_rows(step, step_totals)
        for choice, model in zip(row['choices'], step.choices):
            choice['mode'] = model.mode
        row.update(
            demands=step.demands or None, timeouts=step_totals['timeouts'], mean_seconds=step_totals['mean_seconds']
        )
        steps.append(row)
    finished = totals['finished']
    labels = {(s.id, c.id): c.label for s in scenario.steps for c in s.choices}
    data.update(
        {
            'kind': 'scenario',
            'steps': steps,
            'timeouts': totals['timeouts'],
            'finished': finished,
            'endings': [
                {
                    'id': e.id,
                    'title': e.title,
                    'count': totals['endings'].get(e.id, 0),
                    'share': _share(totals['endings'].get(e.id, 0), finished),
                }
                for e in scenario.endings
            ],
            'paths': [
                {
                    'count': p['count'],
                    'share': _share(p['count'], finished),
                    'ending': titles.get(p['ending'], p['ending']),
                    'decisions': [
                        {'step': titles.get(s, s), 'choice': labels.get((s, c)), 'timed_out': c == TIMEOUT}
                        for s, c in p['path']
                    ],
                }
                for p in totals['paths']
            ],
            'competencies': {
                'n': totals['competency_n'],
                'rows': [
                    {'id': c.id, 'label': c.label, 'mean': totals['competencies'].get(c.id)}
                    for c in scenario.competencies
                ],
            },
        }
    )
    return data


def scenario_present(scenario, totals, step_id, minimum):
    """'Present' mode: one step's results, large and name-free; figures only from `minimum` answers."""
    step = scenario.step(step_id) or (scenario.steps[0] if scenario.steps else None)
    result = {
        'steps': [{'id': s.id, 'title': s.title} for s in story_order(scenario)],
        'minimum': minimum,
        'step': None,
        'n': 0,
        'enough': False,
        'choices': None,
        'modes': None,
    }
    if step is None:
        return result
    step_totals = totals['steps'].get(step.id) or {'n': 0, 'choices': {}, 'modes': {}, 'timeouts': 0}
    result.update(step={'id': step.id, 'title': step.title}, n=step_totals['n'], enough=step_totals['n'] >= minimum)
    if result['enough']:
        rows = _cohort_step_rows(step, step_totals)
        for row in rows['choices'] + rows['modes']:
            row.pop('yours', None)
        result.update(choices=rows['choices'], modes=rows['modes'])
    return result
