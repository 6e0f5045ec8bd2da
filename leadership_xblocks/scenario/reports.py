"""The scenario's report rows and CPD summary (see `leadership_xblocks/reports.py`)."""

from ..i18n import gettext_noop as _
from ..reports import PATH_SEPARATOR, identity, number
from . import engine
from .labels import mode_label
from .scoring import TIMEOUT


def scenario_decisions(scenario, history):
    """[{step, choice, mode}] in the order taken: titles and labels, not ids; a timeout has
    `choice` None and `mode` None. Entries for steps no longer in the scenario are skipped."""
    rows = []
    for entry in history or ():
        step = scenario.step(entry.get('step'))
        if step is None:
            continue
        choice = None if entry.get('choice') == TIMEOUT else step.choice(entry.get('choice'))
        rows.append(
            {
                'step': step.title or step.id,
                'choice': choice.label if choice is not None else None,
                'mode': (choice.mode or None) if choice is not None else None,
            }
        )
    return rows


def decision_text(decision, gettext=identity):
    """ "Step title -> choice label (mode)"; a timeout reads "Step title -> (time ran out)"."""
    if decision['choice'] is None:
        return '{step} -> ({what})'.format(step=decision['step'], what=gettext('time ran out'))
    if decision['mode']:
        return '{step} -> {choice} ({mode})'.format(
            step=decision['step'], choice=decision['choice'], mode=mode_label(decision['mode'], gettext)
        )
    return '{step} -> {choice}'.format(step=decision['step'], choice=decision['choice'])


def scenario_attempts(scenario, play):
    """Attempts the learner has actually begun (an attempt counts once a decision is made)."""
    begun = bool(play['history']) or engine.at_ending(scenario, play)
    return play['attempt'] if begun else play['attempt'] - 1


def scenario_row(scenario, state, gettext=identity):
    """One learner's scenario: the path of the latest attempt, its ending, scores, attempts."""
    play = engine.normalise(state.get('play'))
    ending = scenario.ending(engine.position(scenario, play))
    decisions = scenario_decisions(scenario, play['history'])
    return {
        gettext('Path'): PATH_SEPARATOR.join(decision_text(d, gettext) for d in decisions),
        gettext('Ending'): ending.title if ending is not None else '',
        gettext('Score'): number(play['scores'][-1]) if ending is not None and play['scores'] else '',
        gettext('Best score'): number(play['best_score']),
        gettext('Attempts'): scenario_attempts(scenario, play),
        gettext('Completed'): gettext('yes') if play['completed'] else gettext('no'),
    }


def scenario_cpd_summary(scenario, play, ending_id, score):
    """The CPD entry of an attempt that reached `ending_id`."""
    ending = scenario.ending(ending_id)
    title = ending.title if ending is not None else ending_id
    return {
        'activity': {
            'template': _('Worked through a decision scenario and reached the ending "{ending}".'),
            'params': {'ending': title},
        },
        'outcome': title,
        'score': score,
        'decisions': scenario_decisions(scenario, play['history']),
    }
