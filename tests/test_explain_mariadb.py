"""Every query a learner request makes stays on an index on MariaDB with 50,000 rows in the block.

The in-process Django default database is switched to a fresh MariaDB database (migrated by
the project's migrations), a scenario block gets 50,000 learner rows and a time-allocation
block 20,000 more, and their summaries are built (beside 60,000 figures of 3,000 other
blocks, so the summary table is as large as a platform's). Then real requests of one learner (the
learner page, `student_view_user_state`, choose, timeout, back, restart, a time-allocation
submit and consent change) and of a facilitator (dashboard, present mode) run through the
workbench runtime while every SQL statement is captured. Each statement on the cohort tables
is run again under EXPLAIN: none may scan a table or a whole index, sort its result, or
expect to read more than a few rows. Against the issue's finding (past about 10,000 rows the
planner scanned the table by primary key), this holds at any size because every query is an
equality on a unique or composite index prefix, or an ordered index range read with a LIMIT.
"""

import contextlib
import uuid

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from leadership_xblocks.cohort import rebuild
from leadership_xblocks.cohort.models import CohortFigure, LearnerRecord
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load
from tests.support.cohort_rows import insert_rows, scenario_rows
from tests.support.live_server import MARIADB, _mariadb_connect, mariadb_available

pytestmark = [pytest.mark.mariadb, pytest.mark.slow]

ROWS = 50_000
TIME_ALLOCATION = (
    '<leadership_time_allocation display_name="T"><function id="plan">Planning</function>'
    '<function id="fire">Firefighting</function></leadership_time_allocation>'
)
MAX_ROWS_READ = 200  # the optimiser's estimate per table; a scan of the block would say ~50,000


@contextlib.contextmanager
def mariadb_default():
    """The default connection on a new, migrated MariaDB database for the duration (dropped after)."""
    from django.core.management import call_command

    name = f'test_summaries_{uuid.uuid4().hex[:8]}'
    server = _mariadb_connect()
    server.cursor().execute(f'CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci')
    saved = connections.databases['default']
    connections['default'].close()
    connections.databases['default'] = dict(
        saved,
        ENGINE='django.db.backends.mysql',
        NAME=name,
        USER=MARIADB['user'],
        PASSWORD=MARIADB['password'],
        HOST=MARIADB['host'],
        PORT=str(MARIADB['port']),
        OPTIONS={
            'charset': 'utf8mb4',
            'init_command': "SET sql_mode='STRICT_TRANS_TABLES'",
            'isolation_level': 'read committed',
        },
    )
    del connections['default']
    try:
        call_command('migrate', run_syncdb=True, verbosity=0)
        yield name
    finally:
        connections['default'].close()
        connections.databases['default'] = saved
        del connections['default']
        server.cursor().execute(f'DROP DATABASE IF EXISTS `{name}`')
        server.close()


def cohort_statements(queries):
    """The captured statements that touch the cohort tables (the workbench's own field storage aside)."""
    return [q['sql'] for q in queries if 'leadership_cohort_' in q['sql'] and not q['sql'].startswith('SAVEPOINT')]


def explain(sql):
    with connections['default'].cursor() as cursor:
        cursor.execute('EXPLAIN ' + sql)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def problems(sql):
    found = []
    for plan in explain(sql):
        if plan.get('table') is None:  # e.g. an INSERT's VALUES, "No tables used"
            continue
        extra = plan.get('Extra') or ''
        if plan['type'] in ('ALL', 'index') or plan.get('key') is None:
            found.append(f'scans {plan["table"]} ({plan["type"]}, key {plan.get("key")})')
        if 'filesort' in extra or 'temporary' in extra:
            found.append(f'sorts {plan["table"]} ({extra})')
        if int(plan.get('rows') or 0) > MAX_ROWS_READ:
            found.append(f'expects to read {plan["rows"]} rows of {plan["table"]}')
    return found


def other_blocks_figures(blocks=3000, each=20):
    """The summary table as a platform with many blocks has it: 60,000 figures of other blocks."""
    CohortFigure.objects.bulk_create(
        [
            CohortFigure(
                block_key=f'block-v1:Other+T+1+type@x+block@b{b}',
                figure=f'choice:{b}-{f}',
                kind='choice',
                detail=f'["choice","s{f}","c"]',
                n=f,
            )
            for b in range(blocks)
            for f in range(each)
        ],
        batch_size=5000,
    )


def learner_requests(scenario, allocation, staff):
    learner = Learner(scenario, 'explain-learner')
    learner.render()
    learner.ok('student_view_user_state', method='GET')
    learner.ok('choose', {'step': 's1', 'choice': 'now'})
    learner.ok('back')
    learner.ok('timeout', {'step': 's1'})
    learner.ok('choose', {'step': 'late', 'choice': 'sorry'})
    learner.ok('restart')
    learner.ok('choose', {'step': 's1', 'choice': 'meet'})
    Learner(scenario, staff).ok('staff_dashboard', method='GET')
    Learner(scenario, staff).ok('staff_dashboard', {'view': 'present', 'step': 's1'})
    person = Learner(allocation, 'explain-learner')
    person.render()
    person.ok('submit', {'allocations': {'plan': 40, 'fire': 60}, 'model': 'host', 'consent': True})
    person.ok('set_consent', {'consent': False})
    person.ok('student_view_user_state', method='GET')


def test_every_learner_query_stays_on_an_index_at_50000_rows(monkeypatch):
    assert mariadb_available(), 'MariaDB must answer on 127.0.0.1:3306 (make mariadb)'
    monkeypatch.setenv('LEADERSHIP_WORKBENCH_STAFF', 'explain-staff')
    with mariadb_default():
        scenario, allocation = load(FIT), load(TIME_ALLOCATION)
        insert_rows(scenario, 'leadership_scenario', scenario_rows(FIT, ROWS))
        allocations = [
            {
                'data': {'v': 1, 'allocations': {'plan': i % 100, 'fire': 100 - i % 100}},
                'completed': True,
                'score': None,
                'consent': i % 3 > 0,
            }
            for i in range(20_000)
        ]
        insert_rows(allocation, 'leadership_time_allocation', allocations)
        for key in (scenario, allocation):
            rebuild.rebuild_block(LearnerRecord, CohortFigure, key)
        other_blocks_figures()
        with connections['default'].cursor() as cursor:
            cursor.execute('ANALYZE TABLE leadership_cohort_learnerrecord, leadership_cohort_cohortfigure')
            cursor.fetchall()
        assert LearnerRecord.objects.filter(block_key=scenario).count() == ROWS
        with CaptureQueriesContext(connections['default']) as captured:
            learner_requests(scenario, allocation, 'explain-staff')
        statements = cohort_statements(captured.captured_queries)
        kinds = {sql.split()[0] for sql in statements}
        assert {'SELECT', 'UPDATE', 'INSERT'} <= kinds, kinds
        report = {sql: problems(sql) for sql in statements if not sql.startswith('INSERT')}
        assert len(report) >= 10, report  # the reads and updates of every request above were captured
        bad = {sql[:1500]: found for sql, found in report.items() if found}
        assert not bad, '\n\n'.join(f'{sql}\n  -> {found}' for sql, found in bad.items())
        # and the figures the learner saw are still exact after all that
        for key in (scenario, allocation):
            assert rebuild.differences(LearnerRecord, CohortFigure, key) == []
