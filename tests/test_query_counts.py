"""The database load of the learner page: the exact SQL queries of a scenario's view and of a decision.

The workbench stores every field in SQL, one query to ask whether a field is set and one more to read
it when it is (`workbench/runtime.py`, `WorkbenchDjangoKeyValueStore`), so each field a request reads
shows here; a field read that is added or a summary query that comes back fails these counts.
"""

import re
from collections import Counter

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from tests.scenario_samples import choice, ending, scenario, step
from tests.support.blocks import Learner, load

BODY = scenario(
    '<competency id="c">Competency</competency>',
    step('s0', choice('a', 's1', mode='urgent'), choice('b', 's1', mode='consensual')),
    step('s1', choice('a', 'end', mode='urgent'), choice('b', 'end', mode='consultative')),
    ending('end'),
    scoring='path',
)
# `scenario()` sets display_name and scoring: has + get each; `body` too; shuffle and review are
# defaults (has only); the runtime itself asks for `name` when it wraps the fragment.
VIEW_FIELD_QUERIES = 2 + 2 + 2 + 1 + 1 + 1


def queries(action):
    reset_queries()  # Django's query log keeps the last 9,000: once full, a capture would see none
    with CaptureQueriesContext(connection) as captured:
        action()
    return Counter(_kind(q['sql']) for q in captured.captured_queries)


def _kind(sql):
    """'SELECT workbench_xblockstate', 'UPDATE leadership_cohort_cohortfigure', 'BEGIN', ..."""
    verb = sql.split(None, 1)[0].upper()
    table = re.search(r'(?:FROM|INTO|UPDATE)\s+"([a-z_]+)"', sql)
    return f'{verb} {table.group(1)}' if table else verb


@pytest.fixture
def block():
    usage_id = load(BODY)
    for name, choice_id in (('first', 'a'), ('other', 'b')):  # from here on, the figures of both choices exist
        Learner(usage_id, name).ok('student_view_user_state')
        Learner(usage_id, name).ok('choose', {'step': 's0', 'choice': choice_id})
    return usage_id


def test_the_learner_page_reads_its_fields_and_nothing_else(block):
    counts = queries(Learner(block, 'second').render)
    assert counts == {'SELECT workbench_xblockstate': VIEW_FIELD_QUERIES}


def test_a_decision_writes_one_row_in_one_transaction_and_reads_the_summary_once(block):
    learner = Learner(block, 'second')
    learner.ok('student_view_user_state')
    counts = queries(lambda: learner.ok('choose', {'step': 's0', 'choice': 'b'}))
    cohort = {kind: n for kind, n in counts.items() if 'leadership_cohort' in kind or kind in ('BEGIN', 'COMMIT')}
    assert cohort == {
        'BEGIN': 1,  # the learner's row and the summary increments, together
        'SELECT leadership_cohort_learnerrecord': 1,  # the row to lock (none yet)
        'INSERT leadership_cohort_learnerrecord': 1,
        'UPDATE leadership_cohort_cohortfigure': 1,  # every figure's increment in one statement
        'COMMIT': 1,
        'SELECT leadership_cohort_cohortfigure': 1,  # the cohort results: one query, no paths
    }
    # the fields it reads: body, scoring, play (has + get each), shuffle, review, attempt_log,
    # attempt_earlier, max_attempts, allow_back, cohort_results, cohort_minimum (has); then the
    # runtime's save of the one field that changed, `play`
    assert counts['SELECT workbench_xblockstate'] == 3 * 2 + 8 + 1
    assert counts['UPDATE workbench_xblockstate'] == 1


def test_a_returning_learner_s_decision_locks_and_updates_their_row(block):
    learner = Learner(block, 'first')
    learner.ok('back')
    learner.ok('student_view_user_state')
    counts = queries(lambda: learner.ok('choose', {'step': 's0', 'choice': 'b'}))  # a new decision, after going back
    assert counts['BEGIN'] == counts['COMMIT'] == 1
    # the row, locked (MariaDB/MySQL ask first whether it exists: see `records._locked_row`)
    assert counts['SELECT leadership_cohort_learnerrecord'] == (2 if connection.vendor == 'mysql' else 1)
    assert counts['UPDATE leadership_cohort_learnerrecord'] == 1
    assert counts['UPDATE leadership_cohort_cohortfigure'] == 1
    assert counts['SELECT leadership_cohort_cohortfigure'] == 1
