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
    return {'block': block, 'rows': args.rows}


def chunks(way, block):
    if way == 'view':
        from django.test import Client

        from tests.support.downloads import view_path

        response = Client().get(view_path('records'), {'block': block, 'student': STAFF})
        assert response.status_code == 200 and response.streaming, response.status_code
        return response.streaming_content
    from leadership_xblocks import exports, records

    rows = records.iter_rows(block, fields=exports.STAFF_COLUMNS)
    return exports.csv_stream(exports.STAFF_COLUMNS, exports.staff_rows(rows))


def consume(way, block):
    lines = size = 0
    for chunk in chunks(way, block):
        lines += chunk.count(b'\n')
        size += len(chunk)
    return lines, size


def explain(block):
    from django.db import connection

    from leadership_xblocks import exports
    from leadership_xblocks.cohort.models import LearnerRecord

    if connection.vendor != 'mysql':
        return None
    # a page from the middle of the block, as `exports.keyset_pages` asks for it
    ids = LearnerRecord.objects.filter(block_key=block).order_by('pk').values_list('id', flat=True)
    middle = ids[ids.count() // 2]
    page = LearnerRecord.objects.filter(block_key=block, pk__gt=middle).values('id', *exports.STAFF_COLUMNS)
    sql, params = page.order_by('pk')[: exports.CHUNK_ROWS].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute('EXPLAIN ' + sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def measure(args):
    from django.db import connection

    block, warm_up = blocks()
    consume(args.way, warm_up)  # warm up (imports, URL resolver, compiled queries) on a few rows
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
        lines, size = consume(args.way, block)
    seconds = time.perf_counter() - started
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    gc.collect()
    tracemalloc.start()
    consume(args.way, block)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        'lines': lines,
        'bytes': size,
        'seconds': round(seconds, 3),
        'rss_growth_kib': rss_kib,
        'traced_peak_bytes': peak,
        'queries': queries,
        'explain': explain(block),
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument('command', choices=('populate', 'measure'))
    parser.add_argument('--db', choices=('sqlite', 'mariadb'), default='sqlite')
    parser.add_argument('--db-name')
    parser.add_argument('--var-dir', default=tempfile.gettempdir())
    parser.add_argument('--rows', type=int, default=1000)
    parser.add_argument('--way', choices=('view', 'buffered'), default='view')
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
        argv += [f'--{name.replace("_", "-")}', str(value)]
    env = {k: v for k, v in os.environ.items() if not k.startswith(('LEADERSHIP_', 'PYTEST_', 'WORKBENCH_'))}
    done = subprocess.run(argv, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=1200, check=False)
    if done.returncode != 0:
        raise RuntimeError(f'export probe {command} failed:\n{done.stdout}\n{done.stderr[-4000:]}')
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == '__main__':
    main()
