"""Benchmark of the scenario block, printed as ratios measured in one run (not a test).

    python -m benchmarks.bench_scenario        (from the repository root, in a dev venv)
    python -m benchmarks.bench_scenario views  (only student_view and choose against their floors)

Compares, in the xblock-sdk workbench runtime on SQLite:
* student_view of a 30-step scenario against helloworld_demo (a block that renders a constant);
* choose on that scenario against thumbs' vote (a JSON handler that writes learner state);
* parse + validate of 10, 100 and 1,000 steps;
* the learner page's own JS + CSS, gzipped.
Each request builds a fresh runtime and block, as the LMS does.

Each ratio is printed twice: of the wall time, and of this process's CPU time (which leaves out
waiting for the disk, SQLite's commits, and for the CPU, so is steadier on a shared machine).
The workbench stores every field in SQL and asks for each one separately (whether it is set, then
its value), so a block that reads fields pays a query or two per field where the floors read none.
The LMS reads content and settings from the modulestore in memory and a block's learner state
through a per-request cache. The `field rows read once per request` lines measure the same
requests with the workbench's rows each read once per request (writes unchanged), as a guide to
what the blocks' own code costs beyond the floors. The two `bound` lines measure, in the same run, what
any block pays here before code of its own: a view that reads only its title, and `choose` with the
cohort app switched off.
"""

import gzip
import json
import os
import statistics
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUNDS = 7


def setup_django():
    tmp = tempfile.mkdtemp(prefix='leadership-bench-')
    os.environ.update(
        DJANGO_SETTINGS_MODULE='devserver.settings',
        LEADERSHIP_DB='sqlite',
        LEADERSHIP_VAR_DIR=tmp,
        LEADERSHIP_SQLITE_PATH=os.path.join(tmp, 'bench.db'),
        LEADERSHIP_SDK_SAMPLES='1',
    )
    sys.path.insert(0, REPO)
    import django

    django.setup()
    from django.core.management import call_command

    call_command('migrate', run_syncdb=True, verbosity=0)


def chain(steps, choices=3):
    """A scenario of `steps` steps, each with `choices` choices leading to the next step."""
    parts = ['<leadership_scenario scoring="path">', '<competency id="c">Competency</competency>']
    for i in range(steps):
        target = f's{i + 1}' if i + 1 < steps else 'end'
        options = ''.join(
            f'<choice id="c{j}" mode="{("urgent", "consultative", "consensual")[j % 3]}" target="{target}" '
            f'points="{j}"><label>Option {j} at step {i}</label><feedback><p>Feedback {j} at step {i}: '
            f'what this decision reflects.</p></feedback><effect competency="c" value="1"/></choice>'
            for j in range(choices)
        )
        parts.append(
            f'<step id="s{i}" title="Step {i}" demands="urgent"><p>Situation {i}: a paragraph of '
            f'<em>context</em> for the learner to weigh.</p>{options}</step>'
        )
    parts.append(
        '<ending id="end" title="The end" score="1"><p>Debrief.</p></ending>'
        '<debrief><p>Shown at every ending.</p></debrief></leadership_scenario>'
    )
    return ''.join(parts)


def load(xml, slug):
    from workbench.runtime import WorkbenchRuntime

    runtime = WorkbenchRuntime('author')
    runtime.id_generator.set_scenario(slug)
    return runtime.parse_xml_string(xml)


ROW_CACHE = False  # True: the `field rows read once per request` variant


def row_cached_store():
    """The workbench's key-value store with each stored row (a block's fields of one scope) read once."""
    from workbench.models import XBlockState
    from workbench.runtime import WorkbenchDjangoKeyValueStore
    from xblock.fields import Scope

    class RowCachedStore(WorkbenchDjangoKeyValueStore):
        def __init__(self):
            self.rows = {}

        def _row(self, key):
            scope = key.scope.attr_name if key.scope in (Scope.parent, Scope.children) else key.scope.block.attr_name
            ident = (scope, key.block_scope_id, key.user_id)
            if ident not in self.rows:
                record = XBlockState.get_for_key(key)
                self.rows[ident] = (record, json.loads(record.state))
            return self.rows[ident]

        def get(self, key):
            return self._row(key)[1][key.field_name]

        def has(self, key):
            return key.field_name in self._row(key)[1]

        def set(self, key, value):
            record, state = self._row(key)
            state[key.field_name] = value
            record.state = self._to_json_str(state)
            record.save()

    return RowCachedStore()


def fresh_block(usage_id, user):
    from workbench.runtime import WorkbenchRuntime
    from xblock.runtime import KvsFieldData

    runtime = WorkbenchRuntime(user)
    if ROW_CACHE:
        runtime._services['field-data'] = KvsFieldData(row_cached_store())
    return runtime.get_block(usage_id)


def render(usage_id, user):
    block = fresh_block(usage_id, user)
    return block.runtime.render(block, 'student_view')


def handle(usage_id, user, handler, data):
    from webob import Request

    block = fresh_block(usage_id, user)
    request = Request.blank('/', method='POST', body=json.dumps(data).encode('utf-8'), content_type='application/json')
    response = block.runtime.handle(block, handler, request)
    assert response.status_code == 200, response.body
    return response


def per_call(function, calls):
    """(wall seconds, CPU seconds of this process) per call. The CPU time leaves out waiting for the
    disk (SQLite's commits) and for the CPU, which other jobs on a shared machine make noisy."""
    start, cpu = time.perf_counter(), time.process_time()
    for args in calls:
        function(*args)
    return (time.perf_counter() - start) / len(calls), (time.process_time() - cpu) / len(calls)


def medians(pairs):
    """[(ratio, ours, floor) of the wall times, the same of the CPU times]: medians over the rounds."""
    return [
        (
            statistics.median(o[k] / f[k] for o, f in pairs),
            statistics.median(o[k] for o, _ in pairs),
            statistics.median(f[k] for _, f in pairs),
        )
        for k in (0, 1)
    ]


def compare(ours, floor, rounds=ROUNDS):
    """Medians over interleaved rounds of (ours per call / floor per call), wall and CPU."""
    pairs = []
    for _ in range(rounds):
        a, b = floor(), ours()
        pairs.append((b, a))
    return medians(pairs)


def bench_views():
    hello = load('<helloworld_demo/>', 'bench-hello')
    scenario = load(chain(30), 'bench-scenario')
    users = [f'viewer{i}' for i in range(40)]
    for user in users:  # warm up: first views start each learner's clock
        render(scenario, user)
        render(hello, user)
    return compare(
        lambda: per_call(render, [(scenario, u) for u in users]), lambda: per_call(render, [(hello, u) for u in users])
    )


def bench_handlers():
    scenario = load(chain(30), 'bench-choose')
    thumbs = load('<thumbs/>', 'bench-thumbs')
    counter = iter(range(10**6))

    def walk_round():
        user = f'learner{next(counter)}'
        handle(scenario, user, 'student_view_user_state', {})
        calls = [(scenario, user, 'choose', {'step': f's{i}', 'choice': f'c{i % 3}'}) for i in range(30)]
        return per_call(handle, calls)

    def vote_round():
        user = f'voter{next(counter)}'
        return per_call(handle, [(thumbs, user, 'vote', {'voteType': 'up' if i % 2 else 'down'}) for i in range(30)])

    def mean(times):
        return tuple(statistics.mean(t[k] for t in times) for k in (0, 1))

    walk_round(), vote_round()  # warm up
    pairs = []
    for _ in range(ROUNDS):
        floor = mean([vote_round() for _ in range(3)])
        pairs.append((mean([walk_round() for _ in range(3)]), floor))
    return medians(pairs)


def title_block_class():
    """A block whose learner view shows its title and nothing else: the least a titled view can read."""
    from markupsafe import escape
    from web_fragments.fragment import Fragment
    from xblock.core import XBlock
    from xblock.fields import Scope, String

    class TitleOnlyBlock(XBlock):
        display_name = String(default='Title', scope=Scope.settings)

        def student_view(self, context=None):
            return Fragment(f'<h3>{escape(self.display_name)}</h3>')

    return TitleOnlyBlock


def bench_bounds():
    """What a block pays here before any code of its own: a view that reads one set field (its title),
    and `choose` with the cohort app switched off (no learner row, no summary increments or read)."""
    from xblock.core import XBlock

    from leadership_xblocks import records

    @XBlock.register_temp_plugin(title_block_class(), 'bench_title')
    def title_view():
        hello = load('<helloworld_demo/>', 'bench-hello-bound')
        titled = load('<bench_title display_name="A scenario"/>', 'bench-title')
        users = [f'bound{i}' for i in range(40)]
        for user in users:
            render(titled, user), render(hello, user)
        return compare(
            lambda: per_call(render, [(titled, u) for u in users]),
            lambda: per_call(render, [(hello, u) for u in users]),
        )

    available = records.available
    records.available = lambda: False
    try:
        no_cohort = bench_handlers()
    finally:
        records.available = available
    return title_view(), no_cohort


def bench_parse():
    from leadership_xblocks.scenario import olx, validation

    results = {}
    for size in (10, 100, 1000):
        text = chain(size)
        repeats = max(1, 2000 // size)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(repeats):
                scenario, attrs = olx.parse_text(text, sanitize=True)
                problems = validation.validate(scenario, attrs['scoring'])
            times.append((time.perf_counter() - start) / repeats)
            assert not validation.errors(problems)
        results[size] = statistics.median(times)
    return results


def asset_size():
    from leadership_xblocks import public_static

    static = public_static('leadership_xblocks.scenario')
    names = ('common.js', 'scenario.js', 'leadership.css')
    raw = b''.join(static.joinpath(name).read_bytes() for name in names)
    return len(raw), len(gzip.compress(raw, 9))


def print_ratio(name, results, tail):
    (ratio, ours, floor), (cpu_ratio, cpu_ours, cpu_floor) = results
    print(
        f'{name}: {ratio:.2f}x ({ours * 1e3:.2f} ms vs {floor * 1e3:.2f} ms); CPU time '
        f'{cpu_ratio:.2f}x ({cpu_ours * 1e3:.2f} ms vs {cpu_floor * 1e3:.2f} ms)  {tail}'
    )


def print_views(note=''):
    for name, target, results in (
        ('student_view, 30 steps / helloworld_demo', 1.15, bench_views()),
        ('choose, 30 steps / thumbs vote', 1.5, bench_handlers()),
    ):
        print_ratio(name + note, results, f'target <= {target}x')


def print_bounds():
    title, no_cohort = bench_bounds()
    print_ratio('bound: a view reading only its title / helloworld_demo', title, '(the least a titled view costs)')
    print_ratio('bound: choose with the cohort app off / thumbs vote', no_cohort, '(no learner row, no figures)')


def main():
    global ROW_CACHE
    setup_django()
    print('leadership_scenario benchmark (workbench runtime, SQLite, one run)')
    print_views()
    ROW_CACHE = True
    print_views(', field rows read once per request')
    ROW_CACHE = False
    print_bounds()
    if sys.argv[1:] == ['views']:
        return
    parse = bench_parse()
    raw, zipped = asset_size()
    print(
        'parse + validate: '
        + ', '.join(f'{n} steps {t * 1e3:.2f} ms' for n, t in parse.items())
        + f'; 1,000 / 100 steps = {parse[1000] / parse[100]:.1f}x  target <= 12x'
    )
    print(f'learner JS + CSS: {raw / 1024:.1f} KB raw, {zipped / 1024:.1f} KB gzipped  target <= 15 KB')


if __name__ == '__main__':
    main()
