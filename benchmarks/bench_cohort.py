"""Cohort-scale benchmark: what a learner's and a facilitator's requests cost with N learners in the block.

    python -m benchmarks.bench_cohort                 (from the repository root, in a dev venv)
    python -m benchmarks.bench_cohort sqlite          (one database only: sqlite or mariadb)

For each database (the workbench on a temporary SQLite file; a new MariaDB database on
127.0.0.1:3306, dropped afterwards) the shipped example scenario gets N = 10, 1,000, 10,000
and 50,000 learner rows (random plays, `tests.support.cohort_rows`) and its summaries are
built; then, for ROUNDS new learners each, the median time of student_view,
student_view_user_state and choose, and of the facilitator's dashboard and present mode.
It prints each median, its ratio to N = 10 and the growth exponent between the two largest N
(log(t50,000 / t10,000) / log 5: 0 is flat, 1 is linear). Targets: every operation at
N = 50,000 within 1.5x of N = 10. Each database runs in its own process (Django is set up once
per process). Not a test: timings are printed, not asserted.
"""

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = (10, 1_000, 10_000, 50_000)
ROUNDS = 15
STAFF = 'bench-staff'
OPERATIONS = ('student_view', 'student_view_user_state', 'choose', 'dashboard', 'present')
SCENARIO = os.path.join(REPO, 'leadership_xblocks', 'scenarios', 'scenario_example_duty.xml')


def setup(database):
    tmp = tempfile.mkdtemp(prefix='leadership-bench-cohort-')
    env = {
        'DJANGO_SETTINGS_MODULE': 'devserver.settings',
        'LEADERSHIP_DB': database,
        'LEADERSHIP_VAR_DIR': tmp,
        'LEADERSHIP_SQLITE_PATH': os.path.join(tmp, 'bench.db'),
        'LEADERSHIP_WORKBENCH_STAFF': STAFF,
    }
    name = None
    if database == 'mariadb':
        from tests.support.live_server import _mariadb_connect

        name = f'bench_cohort_{uuid.uuid4().hex[:8]}'
        conn = _mariadb_connect()
        conn.cursor().execute(f'CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci')
        conn.close()
        env['LEADERSHIP_DB_NAME'] = name
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command('migrate', run_syncdb=True, verbosity=0)
    return name


def drop(name):
    if name:
        from django.db import connections

        from tests.support.live_server import _mariadb_connect

        connections.close_all()
        conn = _mariadb_connect()
        conn.cursor().execute(f'DROP DATABASE IF EXISTS `{name}`')
        conn.close()


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - start


def measure(usage_id, step_id, choice_id, size):
    """{operation: median seconds} over ROUNDS new learners (and ROUNDS facilitator requests)."""
    from tests.support.blocks import Learner

    times = {name: [] for name in OPERATIONS}
    staff = Learner(usage_id, STAFF)
    for round_ in range(ROUNDS):
        learner = Learner(usage_id, f'bench-{size}-{round_}')
        times['student_view'].append(timed(learner.render))
        times['student_view_user_state'].append(timed(learner.ok, 'student_view_user_state', method='GET'))
        times['choose'].append(timed(learner.ok, 'choose', {'step': step_id, 'choice': choice_id}))
        times['dashboard'].append(timed(staff.ok, 'staff_dashboard', method='GET'))
        times['present'].append(timed(staff.ok, 'staff_dashboard', {'view': 'present', 'step': step_id}))
    return {name: statistics.median(values) for name, values in times.items()}


def run(database):
    """Measure every size on one database; prints one JSON line {size: {operation: seconds}}."""
    sys.path.insert(0, REPO)
    name = setup(database)
    try:
        from leadership_xblocks.cohort import rebuild
        from leadership_xblocks.cohort.models import CohortFigure, LearnerRecord
        from leadership_xblocks.scenario import olx
        from tests.support.blocks import load
        from tests.support.cohort_rows import insert_rows, scenario_rows

        xml = open(SCENARIO, encoding='utf-8').read()
        scenario, _attrs = olx.parse_text(xml, sanitize=False)
        first = scenario.steps[0]
        usage_id = load(xml)
        rows = scenario_rows(xml, SIZES[-1])
        results, have = {}, 0
        for size in SIZES:
            insert_rows(usage_id, 'leadership_scenario', rows[have:size], prefix='pre', start=have)
            have = size
            rebuild.rebuild_block(LearnerRecord, CohortFigure, usage_id)
            measure(usage_id, first.id, first.choices[0].id, f'warm{size}')  # warm caches, as a running server is
            results[size] = measure(usage_id, first.id, first.choices[0].id, size)
        print(json.dumps(results))
    finally:
        drop(name)


def report(database, results):
    base, top, below = results[str(SIZES[0])], results[str(SIZES[-1])], results[str(SIZES[-2])]
    print(f'\n{database}: median ms with N learners in the block (ratio to N = {SIZES[0]}); growth exponent')
    print(f'{"operation":<26}' + ''.join(f'{f"N={n:,}":>18}' for n in SIZES) + f'{"exponent":>10}')
    for operation in OPERATIONS:
        cells = []
        for size in SIZES:
            value = results[str(size)][operation]
            cells.append(f'{value * 1e3:8.1f} ({value / base[operation]:4.2f}x)')
        exponent = math.log(top[operation] / below[operation]) / math.log(SIZES[-1] / SIZES[-2])
        print(f'{operation:<26}' + ''.join(f'{cell:>18}' for cell in cells) + f'{exponent:>10.2f}')
    worst = max(top[op] / base[op] for op in OPERATIONS)
    print(f'worst ratio at N = {SIZES[-1]:,}: {worst:.2f}x  target <= 1.5x')


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--run':
        return run(sys.argv[2])
    databases = sys.argv[1:] or ['sqlite', 'mariadb']
    print('cohort-scale benchmark (workbench runtime, one new learner per round, one run)')
    for database in databases:
        done = subprocess.run(
            [sys.executable, '-m', 'benchmarks.bench_cohort', '--run', database],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print(f'{database}: failed\n{done.stderr[-3000:]}')
            continue
        report(database, json.loads(done.stdout.strip().splitlines()[-1]))
    print('\nCSV download: not measured here (the streaming export is another change; see the README).')


if __name__ == '__main__':
    main()
