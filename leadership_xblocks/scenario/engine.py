"""A learner's play through a scenario, as pure functions over a JSON-able dict.

The block stores the dict in one user-state field; every function here returns a new
dict and never changes the one it was given, so a rejected request changes nothing.
"""

import copy

from ..errors import UserFacingError
from ..i18n import gettext_noop as _
from .scoring import TIMEOUT, attempt_score


class PlayError(UserFacingError):
    """A request that does not fit the play's current state (409 unless said otherwise)."""

    default_status = 409


def new_play():
    return {
        'attempt': 1,
        'position': None,
        'history': [],
        'entered_at': None,
        'scores': [],
        'best_score': None,
        'completed': False,
    }


def normalise(play):
    """Fill in keys missing from older saved plays."""
    fresh = new_play()
    fresh.update(copy.deepcopy(play or {}))
    return fresh


def position(scenario, play):
    """The node the learner is on: the saved one if the scenario still has it, else the start."""
    node = play.get('position')
    return node if node and scenario.is_node(node) else scenario.start


def at_ending(scenario, play):
    return scenario.ending(position(scenario, play)) is not None


def _current_step(scenario, play, step_id):
    if at_ending(scenario, play):
        raise PlayError(_('This attempt has reached an ending. Start a new attempt to play again.'))
    current = position(scenario, play)
    if step_id != current:
        raise PlayError(_('Step "{step}" is not the current step.'), step=step_id)
    return scenario.step(current)


def _seconds(play, now):
    entered = play.get('entered_at')
    return None if entered is None else max(0, round(now - entered, 1))


def _advance(scenario, scoring, play, step, choice_id, target, now):
    play = normalise(play)
    seconds = _seconds(play, now)
    play['history'].append({'step': step.id, 'choice': choice_id, 'seconds': seconds})
    play['position'] = target
    play['entered_at'] = now
    outcome = {'seconds': seconds, 'ending': None, 'score': None}
    if scenario.ending(target) is not None:
        score = attempt_score(scenario, scoring, play['history'], target)
        play['scores'].append(score)
        play['completed'] = True
        if score is not None and (play['best_score'] is None or score > play['best_score']):
            play['best_score'] = score
        outcome.update(ending=target, score=score)
    return play, outcome


def choose(scenario, scoring, play, step_id, choice_id, now):
    """Take a choice on the current step. Returns (new play, outcome)."""
    step = _current_step(scenario, play, step_id)
    choice = step.choice(choice_id)
    if choice is None:
        raise PlayError(_('Step "{step}" has no choice "{choice}".'), status=400, step=step_id, choice=choice_id)
    return _advance(scenario, scoring, play, step, choice.id, choice.target, now)


def timeout(scenario, scoring, play, step_id, now):
    """Time ran out on the current step: take its timeout branch."""
    step = _current_step(scenario, play, step_id)
    if not step.timeout:
        raise PlayError(_('Step "{step}" has no time limit.'), status=400, step=step_id)
    return _advance(scenario, scoring, play, step, TIMEOUT, step.timeout, now)


def back(scenario, play, allow_back, now):
    """Undo the last decision of this attempt. Returns (new play, the undone history entry)."""
    if not allow_back:
        raise PlayError(_('Going back is not allowed in this scenario.'), status=403)
    if at_ending(scenario, play):
        raise PlayError(_('This attempt has reached an ending, so its decisions are final.'))
    play = normalise(play)
    if not play['history']:
        raise PlayError(_('There is no decision to undo.'))
    undone = play['history'].pop()
    play['position'] = undone['step']
    play['entered_at'] = now
    return play, undone


def attempts_left(play, max_attempts):
    """None when attempts are unlimited."""
    if not max_attempts:
        return None
    return max(0, max_attempts - play.get('attempt', 1))


def review_allowed(scenario, play, max_attempts):
    """May the learner see the route review (what each step demanded)? Only at an ending,
    and then as the scenario's `review` says: after every ending, only when no attempts
    are left (never with unlimited attempts), or never."""
    if not at_ending(scenario, play):
        return False
    if scenario.review == 'ending':
        return True
    return scenario.review == 'final' and attempts_left(play, max_attempts) == 0


def restart(scenario, play, max_attempts, now):
    """Begin a new attempt, keeping scores and the best score."""
    play = normalise(play)
    if not play['history'] and not at_ending(scenario, play):
        raise PlayError(_('This attempt has not started yet.'))
    if attempts_left(play, max_attempts) == 0:
        raise PlayError(_('You have used all {count} attempts.'), count=max_attempts)
    play['attempt'] += 1
    play['history'] = []
    play['position'] = scenario.start
    play['entered_at'] = now
    return play
