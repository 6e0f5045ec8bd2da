"""A pre-populated cohort: learner rows as the scenario block writes them, for volume tests and benchmarks.

`scenario_rows(scenario_xml, count)` walks the scenario at random `count` times (choices by the
scenario's own targets, some timeouts, some learners stopped half-way, some replays) and returns
rows shaped as `scenario/cohort.py` writes them. `insert_rows` stores them in bulk with
the ORM; `mysql_insert` with one MySQLdb connection (a live server's database, outside Django);
both leave the summaries to `leadership_summaries` / `rebuild.rebuild_block`.
"""

import datetime
import json
import random

from leadership_xblocks.scenario import olx

TIMEOUT = '__timeout__'


def _walk(scenario, rng):
    node, path = scenario.start, []
    for _move in range(40):
        step = scenario.step(node)
        if step is None:
            return path, node
        if step.timeout and rng.random() < 0.1:
            path.append({'step': step.id, 'choice': TIMEOUT, 'mode': None, 'seconds': None, 'timed_out': True})
            node = step.timeout
            continue
        choice = rng.choice(step.choices)
        seconds = round(rng.uniform(2, 60), 1)
        path.append({'step': step.id, 'choice': choice.id, 'mode': choice.mode or None, 'seconds': seconds})
        path[-1]['timed_out'] = False
        node = choice.target
    return path, None


def scenario_rows(scenario_xml, count, seed=1):
    """`count` rows {data, completed, score} of learners who played the scenario (no learner ids)."""
    scenario, _attrs = olx.parse_text(scenario_xml, sanitize=False)
    rng = random.Random(seed)
    rows = []
    for _learner in range(count):
        finished = []
        for attempt in range(rng.choice([0, 1, 1, 1, 2, 3])):
            path, node = _walk(scenario, rng)
            ending = scenario.ending(node)
            if ending is not None:
                score = ending.score if isinstance(ending.score, float) else 1.0
                finished.append(
                    {'attempt': attempt + 1, 'ending': ending.id, 'score': score, 'path': path, 'competencies': {}}
                )
        current = _walk(scenario, rng)[0][: rng.randint(0, 3)]
        data = {'v': 1, 'attempt': len(finished) + 1, 'path': current, 'finished': finished}
        best = max((f['score'] for f in finished), default=None)
        rows.append({'data': data, 'completed': bool(finished), 'score': best})
    return rows


def insert_rows(block_key, block_type, rows, prefix='pre', course_key='course-v1:Volume+T+1', start=0):
    """Store `rows` for `block_key` in the default database (ORM bulk insert, no summaries); learners are
    named `<prefix>-<start + i>`."""
    from leadership_xblocks.cohort.models import LearnerRecord

    LearnerRecord.objects.bulk_create(
        [
            LearnerRecord(
                block_key=block_key,
                block_type=block_type,
                learner=f'{prefix}-{start + i}',
                course_key=course_key,
                data=row['data'],
                completed=row['completed'],
                score=row['score'],
                consent=row.get('consent', False),
            )
            for i, row in enumerate(rows)
        ],
        batch_size=2000,
    )


def mysql_insert(connection, block_key, block_type, rows, prefix='pre', course_key='course-v1:Volume+T+1'):
    """The same through a MySQLdb connection, in batches (a live server's database)."""
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    sql = (
        'INSERT INTO leadership_cohort_learnerrecord (block_key, block_type, learner, course_key, data, completed, '
        'score, consent, consent_at, created, updated) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, NULL, %s, %s)'
    )
    values = [
        (
            block_key,
            block_type,
            f'{prefix}-{i}',
            course_key,
            json.dumps(row['data']),
            row['completed'],
            row['score'],
            False,
            now,
            now,
        )
        for i, row in enumerate(rows)
    ]
    cursor = connection.cursor()
    for start in range(0, len(values), 2000):
        cursor.executemany(sql, values[start : start + 2000])
    connection.commit()
