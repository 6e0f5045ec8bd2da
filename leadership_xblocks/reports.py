"""Readable report rows and CPD summaries, in plain Python (no XBlock imports).

* `report_rows(user_state_iterator, build_row, limit_responses)` is what every block's
  `generate_report_data` returns: Open edX's Problem Responses report passes an iterator
  of user-state objects with `.username` and `.state` (the block's user_state fields as a
  dict) and writes one CSV row per yielded `(username, {column: value})`. Each row is an
  `OrderedDict`, because the report keeps a block's column order only for that type and
  sorts the columns of any other mapping (edx-platform,
  `lms/djangoapps/instructor_task/tasks_helper/grades.py`, `ProblemResponses._build_student_data`);
  its column names and text are `cells.formula_safe`, as the report is a CSV staff open
  in a spreadsheet.
* `<block>_row(...)` turns one learner's state into readable columns. Column names and
  fixed words go through the block's gettext (the report is read by people); values are
  plain text or numbers.
* `<block>_cpd_summary(...)` builds the summary a block hands to `CPDMixin.record_cpd`.
"""

from collections import OrderedDict

from .activities import self_assessment as self_assessment_model
from .cells import formula_safe
from .i18n import gettext_noop as _
from .sanitize import plain_text
from .scenario import engine
from .scenario.scoring import TIMEOUT

MODE_LABELS = {
    'urgent': _('urgent'),
    'consultative': _('consultative'),
    'consensual': _('consensual'),
    'delegated': _('delegated'),
}
PATH_SEPARATOR = ' | '


def _identity(text):
    return text


def report_row(row):
    """A row as the report needs it: columns in the order built, names and text formula-safe."""
    return OrderedDict((formula_safe(name), formula_safe(value)) for name, value in row.items())


def report_rows(user_state_iterator, build_row, limit_responses=None):
    """Yield `(username, report_row(build_row(state)))` per learner, at most `limit_responses` rows."""
    if limit_responses is not None and limit_responses <= 0:
        return
    count = 0
    for user_state in user_state_iterator:
        yield user_state.username, report_row(build_row(dict(user_state.state or {})))
        count += 1
        if limit_responses is not None and count >= limit_responses:
            return


def mode_label(mode, gettext=_identity):
    return gettext(MODE_LABELS[mode]) if mode in MODE_LABELS else (mode or '')


def number(value, digits=3):
    """A score as a rounded number, or '' when there is none (the CSV shows an empty cell)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ''
    return round(float(value), digits)


# Scenario ------------------------------------------------------------------------


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


def decision_text(decision, gettext=_identity):
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


def scenario_row(scenario, state, gettext=_identity):
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


# Reflection ------------------------------------------------------------------------


def _text_with_breaks(html):
    """Learner HTML (sanitised) as plain text, keeping paragraph and line breaks."""
    for tag in ('</p>', '<br>', '<br/>', '<br />', '</li>', '</blockquote>'):
        html = html.replace(tag, tag + '\n')
    return '\n'.join(line.strip() for line in plain_text(html).split('\n') if line.strip())


def reflection_row(state, gettext=_identity):
    """One learner's reflection: status, words, the text (plain, with line breaks), dates."""
    answer = state.get('answer') or {}
    if answer.get('submitted'):
        status = gettext('submitted')
    elif answer.get('text'):
        status = gettext('draft')
    else:
        status = gettext('not started')
    return {
        gettext('Status'): status,
        gettext('Words'): answer.get('words', 0) if answer.get('text') else 0,
        gettext('Reflection'): _text_with_breaks(answer.get('text') or ''),
        gettext('Submitted at'): answer.get('submitted_at') or '',
        gettext('Last saved at'): answer.get('saved_at') or '',
    }


# Self-assessment ---------------------------------------------------------------------


def self_assessment_row(model, state, gettext=_identity):
    """One learner's self-assessment: a mean per dimension, every rating, attempts, date.

    `model` is the block's `activities.self_assessment.SelfAssessment` (translated)."""
    answer = state.get('answer') or {}
    ratings = answer.get('ratings') or {}
    row = {
        gettext('Submitted'): gettext('yes') if ratings else gettext('no'),
        gettext('Attempts'): answer.get('attempts', 0),
        gettext('Submitted at'): answer.get('submitted_at') or '',
    }
    for line in self_assessment_model.profile(model, ratings):
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


# Time allocation -----------------------------------------------------------------------


def time_allocation_row(model, models, state, gettext=_identity):
    """One learner's allocation: a share per function, the leadership model, consent, date.

    The block promises learners who do not consent that their answer serves only their own
    view, so for them the report says whether they submitted and nothing of the answer.
    `model`: the block's `activities.time_allocation.TimeAllocation` (translated);
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
