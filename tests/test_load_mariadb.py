"""Load test: cohort aggregates stay exact with many learners answering at once.

The workbench runs under gunicorn with several worker processes (gthread) on a fresh
MariaDB database (created, migrated and dropped by `LiveServer`), on a free loopback port.
LEARNERS simulated learners, one thread each with its own `?student=` id and cookie jar,
start together and each completes the example scenario with random choices (some take the
timeout, some undo a decision first). A facilitator polls present mode meanwhile.
The cohort path is each learner's final path (one attempt each, undone decisions dropped). Afterwards:

* no request failed (every response 200 and JSON);
* every aggregate of the facilitator dashboard (learners started and completed, per-step
  answer, choice, mode and timeout counts, endings) equals the sum over the learners' own
  final paths, and the database holds exactly one row per learner.

It prints learners per second and the p95 latency of `choose`, and writes them to
`artifacts/load-test.json`. It never skips: without MariaDB on 127.0.0.1:3306 it fails.
"""

import json
import random
import statistics
import time
from collections import Counter

import pytest

from tests.support import ARTIFACTS
from tests.support.http_learner import Client, decide, failed, find_scenario, run_cohort
from tests.support.live_server import LiveServer, _mariadb_connect, mariadb_available

pytestmark = [pytest.mark.mariadb, pytest.mark.slow]

LEARNERS = 50
WORKERS = 4
THREADS = 4
STAFF = 'load-facilitator'
MAX_MOVES = 40  # per learner: bounds the walk even if a scenario loops
RUN_TIMEOUT = 90  # the whole concurrent phase must end by then


def play(base, path, usage_id, student, seed, start, log, results):
    """One learner: open the page (CSRF cookie), then play to an ending. Records the final state."""
    rng = random.Random(seed)
    client = Client(base, student, log)
    start.wait(timeout=RUN_TIMEOUT)
    began = time.perf_counter()
    if not client.open(path):
        return
    state = client.handler(usage_id, 'student_view_user_state', {})
    undone = False
    for _move in range(MAX_MOVES):
        if state is None or state.get('ending'):
            break
        state = decide(client, usage_id, state['step'], rng)
        if state is not None and state.get('can_go_back') and not undone and rng.random() < 0.2:
            undone = True
            state = client.handler(usage_id, 'back', {})
    results[student] = {'state': state, 'seconds': time.perf_counter() - began}


def poll_present(base, path, usage_id, stop, log, seen):
    """The facilitator's projector: present mode every half second while learners play."""
    client = Client(base, STAFF, log)
    opened = client.open(path)
    for _poll in range(int(RUN_TIMEOUT / 0.5)):
        if stop.is_set() or not opened:
            break
        payload = client.handler(usage_id, 'staff_dashboard', {'view': 'present'})
        if payload is not None:
            seen.append(payload['present']['n'])
        stop.wait(0.5)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(share * len(ordered) + 0.5)) - 1))]


def expected_totals(final_states):
    """The aggregates as the sum over each learner's own final path and ending."""
    steps = {}
    endings = Counter()
    for state in final_states:
        for entry in state['history']:
            totals = steps.setdefault(entry['step'], {'n': 0, 'choices': Counter(), 'modes': Counter(), 'timeouts': 0})
            totals['n'] += 1
            if entry['timed_out']:
                totals['timeouts'] += 1
            else:
                totals['choices'][entry['choice']] += 1
                totals['modes'][entry['mode']] += 1
        endings[state['ending']['id']] += 1
    return steps, endings


def database_rows(db_name, usage_id):
    conn = _mariadb_connect(db_name)
    try:
        cursor = conn.cursor()
        cursor.execute(
            'SELECT COUNT(*), SUM(completed), COUNT(DISTINCT learner) FROM leadership_cohort_learnerrecord '
            'WHERE block_key = %s',
            (usage_id,),
        )
        return cursor.fetchone()
    finally:
        conn.close()


def test_concurrent_learners_keep_every_aggregate_exact():
    if not mariadb_available():
        pytest.fail(
            'The load test needs MariaDB on 127.0.0.1:3306 (user root, no password); it is not answering. '
            'Start it with `make mariadb` (make test does this).',
            pytrace=False,
        )
    server = LiveServer(db='mariadb', workers=WORKERS, threads=THREADS, env={'LEADERSHIP_WORKBENCH_STAFF': STAFF})
    with server:
        assert server.host == '127.0.0.1'
        path, usage_id = find_scenario(server.url, STAFF)
        log, results, seen, elapsed, unfinished = run_cohort(
            server,
            path,
            usage_id,
            play,
            poll_present,
            [(f'load-{i:03d}', 1000 + i) for i in range(LEARNERS)],
            RUN_TIMEOUT,
        )
        assert not unfinished, 'some learners did not finish in time'
        assert len(results) == LEARNERS
        finals = [result['state'] for result in results.values()]
        assert all(state and state['ending'] and state['completed'] for state in finals)

        staff = Client(server.url, STAFF, log)
        staff.open(path)
        payload = staff.handler(usage_id, 'staff_dashboard', {})
        assert payload is not None and payload['available'], log[-1]
        dashboard = payload['dashboard']
        steps, endings = expected_totals(finals)

        assert dashboard['learners'] == {'started': LEARNERS, 'completed': LEARNERS}
        assert dashboard['finished'] == LEARNERS
        for row in dashboard['steps']:
            exp = steps.get(row['id'], {'n': 0, 'choices': Counter(), 'modes': Counter(), 'timeouts': 0})
            assert row['n'] == exp['n'], row['id']
            assert row['timeouts'] == exp['timeouts'], row['id']
            assert {c['id']: c['count'] for c in row['choices'] if not c.get('timed_out')} == {
                c['id']: exp['choices'].get(c['id'], 0) for c in row['choices'] if not c.get('timed_out')
            }, row['id']
            assert {m['mode']: m['count'] for m in row['modes'] if not m.get('timed_out')} == {
                m['mode']: exp['modes'].get(m['mode'], 0) for m in row['modes'] if not m.get('timed_out')
            }, row['id']
            assert sum(c['count'] for c in row['choices']) == row['n']
        assert set(steps) <= {row['id'] for row in dashboard['steps']}
        assert dashboard['timeouts'] == sum(s['timeouts'] for s in steps.values())
        assert {e['id']: e['count'] for e in dashboard['endings'] if e['count']} == dict(endings)
        assert sum(p['count'] for p in dashboard['paths']) <= LEARNERS
        assert dashboard['scores']['n'] == LEARNERS
        assert database_rows(server.db_name, usage_id) == (LEARNERS, LEARNERS, LEARNERS)
        # The facilitator's projector was answered throughout (its failures would be in `failures`).
        assert seen and max(seen) <= LEARNERS

        chooses = [entry['seconds'] for entry in log if entry['kind'] == 'choose']
        report = {
            'learners': LEARNERS,
            'workers': WORKERS,
            'threads_per_worker': THREADS,
            'database': 'mariadb',
            'requests': len(log),
            'failed_requests': len(failed(log)),
            'seconds': round(elapsed, 2),
            'learners_per_second': round(LEARNERS / elapsed, 2),
            'choose_requests': len(chooses),
            'choose_p50_ms': round(statistics.median(chooses) * 1000, 1),
            'choose_p95_ms': round(percentile(chooses, 0.95) * 1000, 1),
            'present_polls': len(seen),
        }
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / 'load-test.json').write_text(json.dumps(report, indent=2) + '\n', encoding='utf-8')
        print(
            f'\nload test: {LEARNERS} learners in {report["seconds"]} s = '
            f'{report["learners_per_second"]} learners/s; '
            f'choose p95 {report["choose_p95_ms"]} ms (p50 {report["choose_p50_ms"]} ms) over '
            f'{len(chooses)} requests; {WORKERS} gunicorn workers x {THREADS} threads on MariaDB'
        )
