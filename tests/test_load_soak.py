"""Soak test: a cohort of 50,000 learners on MariaDB, several gunicorn processes, learners playing at once.

The workbench runs under gunicorn (WORKERS processes x THREADS threads) on a fresh MariaDB
database. Before anyone plays, the example scenario's block gets PRE_POPULATED learner rows
(random plays of the same scenario, `tests.support.cohort_rows`) and its summaries are built
with `manage.py leadership_summaries`. Then LEARNERS simulated learners play concurrently for
ROUNDS attempts each, choosing at random, taking timeouts, undoing decisions with "back" and
restarting (after an ending, and sometimes half-way), while a facilitator polls the dashboard
and present mode. Afterwards:

* no request failed;
* `manage.py leadership_summaries --check` finds the summaries equal to a full recomputation
  over all 50,000 + LEARNERS rows (it exits non-zero otherwise);
* nothing was lost: each learner's row holds exactly the path of the last state their browser
  saw, and as many finished attempts as the endings they reached; the dashboard counts every row.
"""

import os
import random
import subprocess

import pytest

from leadership_xblocks import compat
from tests.support import REPO_ROOT
from tests.support.cohort_rows import mysql_insert, scenario_rows
from tests.support.http_learner import Client, decide, find_scenario, run_cohort
from tests.support.live_server import LiveServer, _mariadb_connect, mariadb_available

pytestmark = [pytest.mark.mariadb, pytest.mark.slow]

PRE_POPULATED = 50_000
LEARNERS = 24
ROUNDS = 2
WORKERS = 3
THREADS = 4
STAFF = 'soak-facilitator'
RUN_TIMEOUT = 150
SCENARIO = REPO_ROOT / 'leadership_xblocks' / 'scenarios' / 'scenario_example_duty.xml'


def manage(server, *args):
    env = dict(server.environment(), PYTHONPATH=str(REPO_ROOT))
    return subprocess.run(
        [server.python, os.path.join('devserver', 'manage.py'), *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def move(client, usage_id, state, rng):
    """One decision, maybe undone: returns the new state (None after a failed request)."""
    state = decide(client, usage_id, state['step'], rng)
    if state is not None and state.get('can_go_back') and rng.random() < 0.25:
        state = client.handler(usage_id, 'back', {})
    return state


def play(base, path, usage_id, student, seed, start, log, results):
    """ROUNDS attempts with restarts (one half-way at times); records the last state and endings reached."""
    rng = random.Random(seed)
    client = Client(base, student, log)
    start.wait(timeout=RUN_TIMEOUT)
    if not client.open(path):
        return
    state = client.handler(usage_id, 'student_view_user_state', {})
    endings = 0
    for attempt in range(ROUNDS):
        for _move in range(30):
            if state is None or state.get('ending'):
                break
            state = move(client, usage_id, state, rng)
            if state is not None and state['can_restart'] and not state.get('ending') and rng.random() < 0.05:
                state = client.handler(usage_id, 'restart', {})  # gives up half-way
        if state is None:
            return
        endings += bool(state.get('ending'))
        if attempt + 1 < ROUNDS and state['can_restart']:
            state = client.handler(usage_id, 'restart', {})
    if state is not None and rng.random() < 0.5:  # half stop in the middle of a new attempt
        state = client.handler(usage_id, 'restart', {}) if state['can_restart'] else state
        if state is not None and state.get('step'):
            state = move(client, usage_id, state, rng)
    results[student] = {'state': state, 'endings': endings}


def poll(base, path, usage_id, stop, log, seen):
    client = Client(base, STAFF, log)
    client.open(path)
    while not stop.is_set():
        for body in ({}, {'view': 'present'}):
            payload = client.handler(usage_id, 'staff_dashboard', body)
            if payload is not None:
                seen.append(payload)
        stop.wait(1.0)


def learner_rows(db_name, usage_id):
    import json

    conn = _mariadb_connect(db_name)
    try:
        cursor = conn.cursor()
        cursor.execute(
            'SELECT learner, data FROM leadership_cohort_learnerrecord WHERE block_key = %s AND learner NOT LIKE %s',
            (usage_id, 'pre-%'),
        )
        return {learner: json.loads(data) for learner, data in cursor.fetchall()}
    finally:
        conn.close()


def test_soak_with_a_50000_learner_cohort_keeps_the_summaries_exact():
    assert mariadb_available(), 'MariaDB must answer on 127.0.0.1:3306 (make mariadb)'
    server = LiveServer(db='mariadb', workers=WORKERS, threads=THREADS, env={'LEADERSHIP_WORKBENCH_STAFF': STAFF})
    with server:
        path, usage_id = find_scenario(server.url, STAFF)
        conn = _mariadb_connect(server.db_name)
        try:
            mysql_insert(conn, usage_id, 'leadership_scenario', scenario_rows(SCENARIO.read_text(), PRE_POPULATED))
        finally:
            conn.close()
        built = manage(server, 'leadership_summaries', '--block', usage_id)
        assert built.returncode == 0, built.stderr

        log, results, seen, elapsed, unfinished = run_cohort(
            server, path, usage_id, play, poll, [(f'soak-{i:03d}', 5000 + i) for i in range(LEARNERS)], RUN_TIMEOUT
        )
        assert len(results) == LEARNERS and not unfinished

        checked = manage(server, 'leadership_summaries', '--check')
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert 'equal a full recomputation' in checked.stdout

        rows = learner_rows(server.db_name, usage_id)
        assert len(rows) == LEARNERS
        for student, result in results.items():
            data = rows[compat.anonymise(student)]  # the workbench's anonymous id (same SECRET_KEY)
            seen_path = [(e['step'], e['choice']) for e in result['state']['history']]
            assert [(e['step'], e['choice']) for e in data['path']] == seen_path, student
            assert len(data['finished']) == result['endings'], student  # ROUNDS at most: all kept whole

        staff = Client(server.url, STAFF, log)
        staff.open(path)
        dashboard = staff.handler(usage_id, 'staff_dashboard', {})['dashboard']
        assert dashboard['learners']['started'] == PRE_POPULATED + LEARNERS
        assert seen and all(p.get('available') for p in seen)
        chooses = sorted(e['seconds'] for e in log if e['kind'] == 'choose')
        print(
            f'\nsoak: {LEARNERS} learners x {ROUNDS} attempts beside {PRE_POPULATED:,} rows in {elapsed:.1f} s, '
            f'{len(log)} requests, choose median {chooses[len(chooses) // 2] * 1000:.0f} ms, '
            f'p95 {chooses[int(len(chooses) * 0.95)] * 1000:.0f} ms; {WORKERS} gunicorn workers x {THREADS} threads'
        )
