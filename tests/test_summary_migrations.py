"""The summaries on a database made by the current release: its migrations (0001, 0002), rows in it.

A second SQLite database (alias `legacy`, a file of its own) is migrated to 0002 only, filled
with learner rows through the historical model (what the released code wrote, finished
attempts and consent included), then migrated forward: the data migration must build summary
figures equal to a full recomputation, the blocks must read them, and
`manage.py leadership_summaries --check` must pass, then fail (non-zero) once a figure is
changed behind its back, until a rebuild puts it right.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from django.db.migrations.executor import MigrationExecutor

from leadership_xblocks.cohort import aggregates, figures, rebuild
from leadership_xblocks.cohort.models import CohortFigure, LearnerRecord

APP = 'leadership_cohort'
BLOCK = 'block-v1:Legacy+T+1+type@leadership_scenario+block@s'
OTHER = 'block-v1:Legacy+T+1+type@leadership_self_assessment+block@a'


def finished(attempt, ending, score, route):
    return {
        'attempt': attempt,
        'ending': ending,
        'score': score,
        'path': [{'step': s, 'choice': c, 'mode': 'urgent', 'seconds': 3.5, 'timed_out': False} for s, c in route],
        'competencies': {'safety': attempt},
    }


def legacy_rows():
    """Rows as the released code wrote them (up to 50 finished attempts, no `earlier`)."""
    rows = []
    for i in range(7):
        attempts = [
            finished(a + 1, 'good' if (i + a) % 3 else 'poor', 0.5 + a / 10, [('s1', 'now'), ('s2', 'agree')])
            for a in range(i)
        ]
        data = {
            'v': 1,
            'attempt': i + 1,
            'path': [{'step': 's1', 'choice': 'meet', 'mode': 'consensual'}],
            'finished': attempts,
        }
        rows.append(
            (BLOCK, 'leadership_scenario', f'legacy-{i}', data, bool(attempts), 0.5 if attempts else None, i % 2 == 0)
        )
    for i in range(6):
        rows.append(
            (
                OTHER,
                'leadership_self_assessment',
                f'legacy-{i}',
                {'v': 1, 'means': {'p': i, 'q': 2.5}},
                True,
                None,
                False,
            )
        )
    return rows


@pytest.fixture
def legacy(tmp_path):
    """The alias of a database made by migrations 0001 and 0002, with the legacy rows in it."""
    connections.databases['legacy'] = dict(connections.databases['default'], NAME=str(tmp_path / 'legacy.db'))
    try:
        executor = MigrationExecutor(connections['legacy'])
        executor.migrate([(APP, '0002_cpdentry')])
        old = executor.loader.project_state((APP, '0002_cpdentry')).apps.get_model(APP, 'LearnerRecord')
        for block_key, block_type, learner, data, completed, score, consent in legacy_rows():
            old.objects.using('legacy').create(
                block_key=block_key,
                block_type=block_type,
                learner=learner,
                course_key='course-v1:Legacy+T+1',
                data=data,
                completed=completed,
                score=score,
                consent=consent,
            )
        yield 'legacy'
    finally:
        connections['legacy'].close()
        del connections['legacy']
        del connections.databases['legacy']


def check(using, *args):
    out = io.StringIO()
    call_command('leadership_summaries', '--check', '--database', using, *args, stdout=out)
    return out.getvalue()


def test_the_data_migration_builds_exact_summaries_from_existing_rows(legacy):
    executor = MigrationExecutor(connections[legacy])
    executor.migrate(executor.loader.graph.leaf_nodes(APP))
    rows = LearnerRecord.objects.using(legacy)
    assert rows.count() == 13
    for key in (BLOCK, OTHER):
        assert rebuild.differences(LearnerRecord, CohortFigure, key, legacy) == []
        stored = rebuild.stored(CohortFigure, key, legacy)
        assert stored == figures.add_up(rows.filter(block_key=key).values('data', 'completed', 'score', 'consent'))
    sums = {f: v for f, v in rebuild.stored(CohortFigure, BLOCK, legacy).items() if f[0] != figures.PATH}
    paths = {f: v for f, v in rebuild.stored(CohortFigure, BLOCK, legacy).items() if f[0] == figures.PATH}
    totals = figures.scenario_totals(sums, figures.top_paths(paths))
    assert totals == aggregates.scenario_totals(rows.filter(block_key=BLOCK).values('data', 'completed', 'score'))
    assert totals['learners'] == 7 and totals['finished'] == 6 and totals['steps']['s1']['choices'] == {'meet': 7}
    assert totals['endings'] == {'good': 4, 'poor': 2} and totals['steps']['s2']['n'] == 6
    assert 'equal a full recomputation' in check(legacy)


def test_the_check_fails_on_a_changed_figure_and_a_rebuild_mends_it(legacy):
    executor = MigrationExecutor(connections[legacy])
    executor.migrate(executor.loader.graph.leaf_nodes(APP))
    figures_of = CohortFigure.objects.using(legacy)
    figures_of.filter(block_key=BLOCK, kind='choice').update(n=1000)
    figures_of.filter(block_key=OTHER, kind='mean_n').delete()
    with pytest.raises(CommandError, match='2 of 2 blocks'):
        check(legacy)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command('leadership_summaries', '--check', '--database', legacy, '--block', OTHER, stdout=out)
    assert "['mean_n', 'means']: [0, 0] != [6, 0]" in out.getvalue()
    call_command('leadership_summaries', '--database', legacy, '--block', BLOCK, stdout=io.StringIO())
    assert 'equal a full recomputation' in check(legacy, '--block', BLOCK)
    call_command('leadership_summaries', '--database', legacy, stdout=io.StringIO())
    assert '2 blocks checked' in check(legacy)
