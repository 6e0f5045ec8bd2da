"""Open edX's Problem Responses report at MOOC scale: our rows cost the same per learner at any N.

    python -m benchmarks.bench_reports     (from the repository root, in a dev venv)

The report is an instructor task (edx-platform `lms/djangoapps/instructor_task/tasks_helper/grades.py`,
`ProblemResponses`): it hands each block's `generate_report_data` an iterator of learners' user
states and writes the rows it yields. This is the platform's own machinery for very large
cohorts, run in the background by Celery rather than in a request. Measured in one run, for a
30-step scenario whose learners each took a whole route of 30 decisions:

* the time per row at N = 1,000 and 50,000 learners (target: the same, about 1x);
* the peak of traced Python memory while the rows are drawn one by one, as the task draws them
  (target: flat: the block keeps nothing of a learner once their row is yielded).

The user states are the real state one learner's requests left in the workbench store, given to
N usernames.
"""

import collections
import json
import statistics
import time
import tracemalloc

from .bench_scenario import chain, fresh_block, handle, load, setup_django

UserState = collections.namedtuple('UserState', 'username state')
SIZES = (1000, 50000)


def played_state(usage_id, user, steps):
    """The user_state fields one learner's whole route left, as the platform's iterator gives them."""
    from xblock.fields import Scope

    handle(usage_id, user, 'student_view_user_state', {})
    for i in range(steps):
        handle(usage_id, user, 'choose', {'step': f's{i}', 'choice': f'c{i % 3}'})
    block = fresh_block(usage_id, user)
    state = {
        name: field.read_json(block)
        for name, field in block.fields.items()
        if field.scope == Scope.user_state and field.is_set_on(block)
    }
    return json.loads(json.dumps(state))


def states(state, n):
    return (UserState(f'learner{i}', state) for i in range(n))


def per_row(block, state, n):
    """Seconds per row of drawing n rows one at a time."""
    start = time.perf_counter()
    rows = sum(1 for _ in block.generate_report_data(states(state, n)))
    assert rows == n
    return (time.perf_counter() - start) / n


def peak_memory(block, state, n):
    """Peak traced bytes while n rows are drawn one at a time (a separate pass: tracing is slow)."""
    tracemalloc.start()
    for _ in block.generate_report_data(states(state, n)):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main():
    setup_django()
    usage_id = load(chain(30), 'bench-report')
    state = played_state(usage_id, 'reporter', 30)
    block = fresh_block(usage_id, 'staff')
    per_row(block, state, 200)  # warm up
    results = {}
    for n in SIZES:
        results[n] = statistics.median(per_row(block, state, n) for _ in range(3)), peak_memory(block, state, n)
    small, large = SIZES
    print('Problem Responses report rows (generate_report_data, 30-step scenario, one run)')
    for n in SIZES:
        seconds, peak = results[n]
        print(f'  N = {n:>6,}: {seconds * 1e6:7.1f} us a row, peak traced memory {peak / 1e3:8.1f} kB')
    print(
        f'  {large:,} / {small:,}: time per row {results[large][0] / results[small][0]:.2f}x, '
        f'peak memory {results[large][1] / results[small][1]:.2f}x  (target: about 1x each)'
    )


if __name__ == '__main__':
    main()
