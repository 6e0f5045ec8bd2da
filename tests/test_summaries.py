"""The summary figures stay exactly the sum over the learner rows, whatever sequence of writes made them.

Random sequences of learner writes (`records.save_record`, `set_consent`, a reset, an erasure)
through the real records API on the SQLite workbench database; after every write the stored
summaries must equal a full recomputation from the rows, figure by figure, and the totals the
views read must equal the totals recomputed from every row. A second test drives the real
scenario block (choose, timeout, back, restart) with random learners and checks the same
after each request. The concurrent proof on MariaDB is `tests/test_load_soak.py`.
"""

import itertools
import random

import pytest

from leadership_xblocks import records
from leadership_xblocks.cohort import aggregates, figures, rebuild
from leadership_xblocks.cohort.models import CohortFigure, LearnerRecord
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load

_RUNS = itertools.count()
STEPS = ('s1', 's2', 's3')
CHOICES = ('a', 'b', 'c', None)
MODES = ('urgent', 'consensual', None)


def decision(rng, step_id):
    timed_out = rng.random() < 0.15
    return {
        'step': step_id,
        'choice': '__timeout__' if timed_out else rng.choice(CHOICES),
        'mode': None if timed_out else rng.choice(MODES),
        'seconds': rng.choice([None, round(rng.uniform(0, 90), 3), 7, 'junk']),
        'timed_out': timed_out,
    }


def scenario_data(rng):
    """A random scenario record: some finished attempts, maybe `earlier`, a current path (odd entries too)."""
    finished = []
    for attempt in range(rng.randint(0, 3)):
        finished.append(
            {
                'attempt': attempt + 1,
                'ending': rng.choice(['good', 'poor', None]),
                'score': rng.random(),
                'path': [decision(rng, s) for s in rng.sample(STEPS, rng.randint(0, 3))],
                'competencies': rng.choice([{'safety': rng.randint(-3, 3), 'voice': 0.5}, {}, 'junk']),
            }
        )
    data = {'v': 1, 'attempt': len(finished) + 1, 'path': [decision(rng, s) for s in STEPS[: rng.randint(0, 3)]]}
    data['finished'] = finished
    if rng.random() < 0.3:
        data['earlier'] = {s: decision(rng, s) for s in rng.sample(STEPS, 2)}
    if rng.random() < 0.1:
        data['path'].append({'choice': 'no step'})
    return data


def generic_data(rng):
    data = {'v': 1, 'attempts': rng.randint(1, 4)}
    for key in rng.sample(['means', 'allocations'], rng.randint(0, 2)):
        data[key] = {sub: rng.choice([rng.randint(0, 100), round(rng.uniform(0, 5), 2), True, 'x']) for sub in 'pqr'}
    return data


def assert_exact(block_keys):
    for key in block_keys:
        assert rebuild.differences(LearnerRecord, CohortFigure, key) == [], key
        assert records.scenario_totals(key) == aggregates.scenario_totals(records.iter_rows(key)), key
        assert records.generic_totals(key, ('means', 'allocations')) == aggregates.generic_totals(
            records.iter_rows(key), ('means', 'allocations')
        ), key


def random_write(rng, blocks, learners):
    key, learner = rng.choice(blocks), rng.choice(learners)
    action = rng.random()
    if action < 0.7:
        data = scenario_data(rng) if key.endswith('scenario') else generic_data(rng)
        records.save_record(
            key,
            'leadership_scenario' if key.endswith('scenario') else 'leadership_time_allocation',
            learner,
            'course-v1:Prop+T+1',
            data,
            completed=rng.random() < 0.6,
            score=rng.choice([None, rng.random(), 1.7, -0.2, float('nan')]),
            consent=rng.choice([None, True, False]),
        )
    elif action < 0.85:
        records.set_consent(key, learner, rng.random() < 0.5)
    elif action < 0.95:
        records.forget_learner_in_block(key, learner)
    else:
        records.forget_people([learner], [])


@pytest.mark.parametrize('seed', range(3))
def test_random_writes_keep_the_summaries_equal_to_a_recomputation(seed):
    rng = random.Random(seed)
    run = next(_RUNS)
    blocks = [f'prop-{run}-{i}-scenario' for i in range(2)] + [f'prop-{run}-generic']
    learners = [f'prop-learner-{run}-{i}' for i in range(6)]
    for _write in range(60):
        random_write(rng, blocks, learners)
        assert_exact(blocks)
    assert any(records.count(key) for key in blocks)


def test_block_requests_keep_the_summaries_equal_to_a_recomputation():
    usage_id = load(FIT)
    rng = random.Random(7)
    group = [Learner(usage_id, f'prop-walker-{next(_RUNS)}-{i}') for i in range(6)]
    seen = set()
    for _request in range(80):
        learner = rng.choice(group)
        state = learner.ok('student_view_user_state', method='GET')
        if state['can_restart'] and (state.get('ending') or rng.random() < 0.05):
            learner.ok('restart')
        elif state.get('can_go_back') and rng.random() < 0.2:
            learner.ok('back')
        elif state['step'].get('time_limit') and rng.random() < 0.2:
            learner.ok('timeout', {'step': state['step']['id']})
        else:
            state = learner.ok(
                'choose', {'step': state['step']['id'], 'choice': rng.choice(state['step']['choices'])['id']}
            )
            seen.add(bool(state.get('ending')))
        assert_exact([usage_id])
    assert seen == {True, False}  # some learners reached an ending, and went on
    assert records.scenario_totals(usage_id)['finished'] > 0


def test_replays_keep_the_record_bounded_and_the_figures_exact():
    usage_id = load(FIT)
    learner = Learner(usage_id, f'prop-replayer-{next(_RUNS)}')
    sizes = []
    for attempt in range(12):
        # alternate routes, so older attempts' decisions differ from newer ones at s1
        learner.ok('choose', {'step': 's1', 'choice': 'now' if attempt % 3 else 'meet'})
        if attempt == 11:
            break  # the last attempt stops at s2: its s1 decision stands, s2 comes from an older attempt
        learner.ok('choose', {'step': 's2', 'choice': 'agree' if attempt < 4 else 'impose'})
        learner.ok('restart')
        sizes.append(len(str(LearnerRecord.objects.get(block_key=usage_id).data)))
    data = LearnerRecord.objects.get(block_key=usage_id).data
    assert len(data['finished']) == 5 and set(data['earlier']) == {'s1', 's2'}
    assert max(sizes[6:]) <= sizes[5] + 20  # no growth once attempts are dropped
    standing = aggregates.standing_decisions(data)
    assert standing['s1']['choice'] == 'now' and standing['s2']['choice'] == 'impose'
    totals = records.scenario_totals(usage_id)
    assert totals['steps']['s1']['choices'] == {'now': 1} and totals['steps']['s2']['choices'] == {'impose': 1}
    assert_exact([usage_id])


def test_a_stored_figure_that_drifts_is_found_and_rebuilt():
    key = f'prop-drift-{next(_RUNS)}'
    for i in range(3):
        records.save_record(key, 'leadership_self_assessment', f'd{i}', '', {'means': {'p': i}}, completed=True)
    assert rebuild.differences(LearnerRecord, CohortFigure, key) == []
    CohortFigure.objects.filter(block_key=key, kind='learners').update(n=99)
    (difference,) = rebuild.differences(LearnerRecord, CohortFigure, key)
    assert difference == (('learners',), (99, 0), (3, 0))
    assert rebuild.rebuild_block(LearnerRecord, CohortFigure, key) == len(figures.add_up(records.iter_rows(key)))
    assert rebuild.differences(LearnerRecord, CohortFigure, key) == []
