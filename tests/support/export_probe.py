"""Measure one CSV download in a process of its own, on SQLite or MariaDB (for the test and the benchmark).

    python -m tests.support.export_probe populate --db mariadb --db-name test_x --rows 5000
    python -m tests.support.export_probe measure --db mariadb --db-name test_x --way view

prints one JSON object. `populate` migrates a fresh database and writes `--rows` learner rows
for one scenario block and as many for a second block (so a query that left the block's index
would read both). `measure` downloads the first block's staff CSV as staff, once to take the
process's peak resident memory (`ru_maxrss`, less the peak before the download), then again
under tracemalloc, and reports every SELECT with the rows the database sent it (MariaDB's
`rowcount`; SQLite's driver reports -1), plus MariaDB's EXPLAIN of the first page query.

`--way view`: GET the streaming view through Django's test client (what the dashboard links).
`--way buffered`: the staff CSV over `records.iter_rows` (Django's `.iterator()`), which the
exports used before; on MariaDB mysqlclient buffers its whole result.
The blocks are `tests.support.blocks.load(FIT)`'s first ids, the same in every fresh process.
"""

import argparse
import gc
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc

STAFF = 'staff'
LEARNER_DATA = {
    'v': 1,
    'attempt': 2,
    'path': [
        {'step': f's{i}', 'choice': 'c1', 'mode': 'urgent', 'demand': 'urgent', 'seconds': 12.5, 'timed_out': False}
        for i in range(4)
    ],
    'finished': [{'attempt': 1, 'ending': 'family_safe', 'score': 1.0, 'competencies': {'safety': 3}}],
}


def setup(args):
    os.environ.update(
        DJANGO_SETTINGS_MODULE='devserver.settings',
        LEADERSHIP_DB=args.db,
        LEADERSHIP_VAR_DIR=args.var_dir,
        LEADERSHIP_SQLITE_PATH=os.path.join(args.var_dir, 'probe.db'),
        LEADERSHIP_DB_NAME=args.db_name or '',
    )
    import django

    django.setup()


WARM_UP_ROWS = 10


def blocks():
    """(measured block, warm-up block): the first two ids `load` gives, the same in every process."""
    from tests.scenario_samples import FIT
    from tests.support.blocks import load

    return str(load(FIT)), str(load(FIT))


def populate(args):
    from django.core.management import call_command

    from tests.support.downloads import bulk

    call_command('migrate', run_syncdb=True, verbosity=0, interactive=False)
    block, warm_up = blocks()
    bulk(block, args.rows, prefix='a', data=LEARNER_DATA)
    bulk(block + '-other', args.rows, prefix='b', data=LEARNER_DATA)
    bulk(warm_up, WARM_UP_ROWS, prefix='w', data=LEARNER_DATA)
    if args.consenting:  # research consent for every other learner, decided in a time-allocation block
        import datetime

        at = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)
        for prefix, count in (('a', args.rows), ('w', WARM_UP_ROWS)):
            bulk(f'{block}-consent-{prefix}', count, prefix=prefix, data={}, consent=True, consent_at=at)
    return {'block': block, 'rows': args.rows}


def chunks(way, block, kind='records'):
    if way == 'view':
        from django.test import Client

        from tests.support.downloads import view_path

        response = Client().get(view_path(kind), {'block': block, 'student': STAFF})
        assert response.status_code == 200 and response.streaming, response.status_code
        return response.streaming_content
    from leadership_xblocks import exports, records

    rows = records.iter_rows(block, fields=exports.STAFF_COLUMNS)
    return exports.csv_stream(exports.STAFF_COLUMNS, exports.staff_rows(rows))


def consume(way, block, kind='records'):
    lines = size = 0
    for chunk in chunks(way, block, kind):
        lines += chunk.count(b'\n')
        size += len(chunk)
    return lines, size


def _plan(query):
    from django.db import connection

    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute('EXPLAIN ' + sql, params)
        names = [c[0] for c in cursor.description]
        plans = [dict(zip(names, row)) for row in cursor.fetchall()]
        for plan in plans:  # the chosen index's columns, whatever the migrations named it
            cursor.execute(
                'SELECT column_name FROM information_schema.statistics WHERE table_schema = DATABASE() '
                'AND table_name = %s AND index_name = %s ORDER BY seq_in_index',
                [plan['table'], plan['key'] or ''],
            )
            plan['key_columns'] = [row[0] for row in cursor.fetchall()]
        return plans


def explain(block, kind):
    """MariaDB's plan of a page from the middle of the block (as `exports._page` asks for it) and,
    for the research export, of that page's decision lookup (`exports.latest_decisions`)."""
    from django.db import connection

    from leadership_xblocks import exports
    from leadership_xblocks.cohort.models import LearnerRecord

    if connection.vendor != 'mysql':
        return None
    ids = LearnerRecord.objects.filter(block_key=block).order_by('pk').values_list('id', flat=True)
    middle = ids[ids.count() // 2]
    page = LearnerRecord.objects.filter(block_key=block, pk__gt=middle).values('id', *exports.STAFF_COLUMNS)
    plans = {'page': _plan(page.order_by('pk')[: exports.CHUNK_ROWS])}
    if kind == 'research':
        learners = [row['learner'] for row in page.order_by('pk')[: exports.CHUNK_ROWS]]
        decisions = exports._decisions('').filter(block_key__in=exports.decision_blocks(''), learner__in=learners)
        plans['decisions'] = _plan(decisions.values_list('learner', 'consent', 'consent_at', 'pk'))
    return plans


def measure(args):
    from django.db import connection

    block, warm_up = blocks()
    consume(args.way, warm_up, args.kind)  # warm up (imports, URL resolver, compiled queries) on a few rows
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queries = []

    def record(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith('SELECT') and 'leadership_cohort_learnerrecord' in sql:
            queries.append({'rows': context['cursor'].cursor.rowcount, 'limit': ' LIMIT ' in sql.upper()})
        return result

    started = time.perf_counter()
    with connection.execute_wrapper(record):
        lines, size = consume(args.way, block, args.kind)
    seconds = time.perf_counter() - started
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    gc.collect()
    tracemalloc.start()
    consume(args.way, block, args.kind)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        'lines': lines,
        'bytes': size,
        'seconds': round(seconds, 3),
        'rss_growth_kib': rss_kib,
        'traced_peak_bytes': peak,
        'queries': queries,
        'explain': explain(block, args.kind),
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument('command', choices=('populate', 'measure'))
    parser.add_argument('--db', choices=('sqlite', 'mariadb'), default='sqlite')
    parser.add_argument('--db-name')
    parser.add_argument('--var-dir', default=tempfile.gettempdir())
    parser.add_argument('--rows', type=int, default=1000)
    parser.add_argument('--way', choices=('view', 'buffered'), default='view')
    parser.add_argument('--kind', choices=('records', 'research'), default='records')  # research: view only
    parser.add_argument('--consenting', action='store_true', help='populate: consent for every learner of the block')
    args = parser.parse_args(argv)
    setup(args)
    result = populate(args) if args.command == 'populate' else measure(args)
    json.dump(result, sys.stdout, default=str)
    sys.stdout.write('\n')


def run(command, db, var_dir, db_name=None, python=None, **options):
    """Run the probe in a fresh process (from the repository root); returns its JSON."""
    import subprocess

    from . import REPO_ROOT

    argv = [python or sys.executable, '-m', 'tests.support.export_probe', command, '--db', db, '--var-dir', var_dir]
    if db_name:
        argv += ['--db-name', db_name]
    for name, value in options.items():
        flag = f'--{name.replace("_", "-")}'
        argv += [flag] if value is True else [flag, str(value)]
    env = {k: v for k, v in os.environ.items() if not k.startswith(('LEADERSHIP_', 'PYTEST_', 'WORKBENCH_'))}
    done = subprocess.run(argv, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=1200, check=False)
    if done.returncode != 0:
        raise RuntimeError(f'export probe {command} failed:\n{done.stdout}\n{done.stderr[-4000:]}')
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == '__main__':
    main()
