"""Cohort results for learners, learner records and the cohort app, on SQLite (the staff side is
`test_cohort_staff.py`).

The concurrency proof (many learners through several processes on MariaDB) is
`tests/test_load_mariadb.py`; here every figure is checked against what each learner did.
"""

import itertools
import json
from collections import Counter

import pytest

from leadership_xblocks import compat, records
from leadership_xblocks.cohort import aggregates
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load

_IDS = itertools.count()


def fit(extra=''):
    """The FIT sample (s1 urgent with a timeout to `late`, s2 consensual; endings good/poor)."""
    return FIT.replace('scoring="fit"', f'scoring="fit"{extra}', 1)


def learners(usage_id, count, prefix='learner'):
    run = next(_IDS)
    return [Learner(usage_id, f'{prefix}-{run}-{i}') for i in range(count)]


def walk(payload):
    if isinstance(payload, dict):
        for key, value in payload.items():
            yield key
            yield from walk(value)
    elif isinstance(payload, list):
        for item in payload:
            yield from walk(item)


def test_records_are_available_with_the_devserver_settings():
    assert records.available()
    assert records.MIN_COHORT == aggregates.MIN_COHORT == 5


# Learner-facing cohort results --------------------------------------------------------


def test_step_results_appear_from_the_fifth_learner():
    usage_id = load(fit())
    group = learners(usage_id, 6)
    picks = ['now', 'meet', 'now', 'now', 'meet', 'now']
    for index, (learner, pick) in enumerate(zip(group, picks)):
        state = learner.ok('choose', {'step': 's1', 'choice': pick})
        if index < 4:
            assert state['cohort'] is None, index
        else:
            part = state['cohort']['step']
            assert part['id'] == 's1' and part['n'] == index + 1
            counts = Counter(picks[: index + 1])
            by_choice = {row['id']: row for row in part['choices']}
            assert by_choice['now']['count'] == counts['now'] and by_choice['meet']['count'] == counts['meet']
            assert by_choice['now']['share'] == round(counts['now'] / (index + 1), 4)
            assert by_choice[pick]['yours'] and sum(1 for row in part['choices'] if row['yours']) == 1
            assert by_choice['__timeout__']['count'] == 0
            modes = {row['mode']: row['count'] for row in part['modes']}
            assert modes['urgent'] == counts['now'] and modes['consensual'] == counts['meet']
            assert state['cohort']['ending'] is None
    # The user state shows the same results for the step passed last.
    again = group[5].ok('student_view_user_state', method='GET')
    assert again['cohort']['step']['n'] == 6


def test_author_minimum_raises_the_threshold():
    usage_id = load(fit(' cohort_minimum="7"'))
    group = learners(usage_id, 7)
    shown = [learner.ok('choose', {'step': 's1', 'choice': 'now'})['cohort'] for learner in group]
    assert shown[:6] == [None] * 6
    assert shown[6]['step']['n'] == 7 and shown[6]['minimum'] == 7


def test_minimum_below_five_counts_as_five_and_fails_validation():
    usage_id = load(fit(' cohort_minimum="2"'))
    group = learners(usage_id, 5)
    shown = [learner.ok('choose', {'step': 's1', 'choice': 'now'})['cohort'] for learner in group]
    assert shown[:4] == [None] * 4 and shown[4]['minimum'] == 5

    block = group[0].block()
    from xblock.validation import Validation

    result = Validation(block.scope_ids.usage_id)
    block.validate_field_data(result, block)
    assert any('cohort results must be 5 or more' in m.text for m in result.messages)
    block.cohort_minimum = 5
    ok = Validation(block.scope_ids.usage_id)
    block.validate_field_data(ok, block)
    assert not any('cohort' in m.text for m in ok.messages)


def test_setting_off_hides_cohort_results():
    usage_id = load(fit(' cohort_results="false"'))
    for learner in learners(usage_id, 6):
        state = learner.ok('choose', {'step': 's1', 'choice': 'now'})
        assert state['cohort'] is None
    # The records are still kept (the facilitator dashboard still counts them).
    assert records.count(usage_id) == 6


def test_ending_compares_the_cohort_endings_and_competencies():
    usage_id = load(fit())
    group = learners(usage_id, 5)
    routes = [('now', 'agree'), ('now', 'agree'), ('meet', 'impose'), ('now', 'impose'), ('meet', 'agree')]
    last = None
    for learner, (first, second) in zip(group, routes):
        learner.ok('choose', {'step': 's1', 'choice': first})
        last = learner.ok('choose', {'step': 's2', 'choice': second})
    ending_part = last['cohort']['ending']
    assert ending_part['n'] == 5
    endings = {row['title']: row for row in ending_part['endings']}
    assert endings['Ending good']['count'] == 3 and endings['Ending poor']['count'] == 2
    assert endings['Ending good']['yours'] and not endings['Ending poor']['yours']
    # Safety: now = +2, meet = -1 -> 2, 2, -1, 2, -1 -> mean 0.8; the last learner chose meet.
    (safety,) = ending_part['competencies']
    assert safety['mean'] == pytest.approx(0.8) and safety['yours'] == -1
    assert last['cohort']['step']['id'] == 's2' and last['cohort']['step']['n'] == 5


def test_learner_payloads_carry_no_names_or_ids():
    usage_id = load(fit())
    group = learners(usage_id, 6, prefix='named-person')
    payloads = []
    for learner in group:
        payloads.append(learner.ok('choose', {'step': 's1', 'choice': 'now'}))
        payloads.append(learner.ok('choose', {'step': 's2', 'choice': 'agree'}))
    payloads.append(group[0].ok('student_view_user_state', method='GET'))
    assert payloads[-2]['cohort']['ending'] is not None
    text = json.dumps(payloads)
    for learner in group:
        assert learner.user_id not in text
        assert compat.anonymise(learner.user_id) not in text
    assert 'named-person' not in text and 'XBlock User' not in text
    keys = set(walk([p['cohort'] for p in payloads]))
    assert not keys & {'learner', 'learners', 'anonymous_user_id', 'user', 'username', 'name', 'user_id'}
    # Endings only by title, and only those reached; no scores, targets or debriefs of others'.
    assert 'Debrief poor' not in text and 'target' not in keys


# Records ------------------------------------------------------------------------------


def test_the_record_follows_choose_timeout_back_and_restart():
    usage_id = load(fit())
    learner = Learner(usage_id, f'rec-{next(_IDS)}')
    anon = compat.anonymise(learner.user_id)
    learner.ok('student_view_user_state', method='GET')
    learner.ok('timeout', {'step': 's1'})
    row = records.get_record(usage_id, anon)
    assert row['block_type'] == 'leadership_scenario' and row['course_key'] == ''
    assert row['data']['path'] == [
        {
            'step': 's1',
            'choice': '__timeout__',
            'mode': None,
            'demand': 'urgent',
            'seconds': row['data']['path'][0]['seconds'],
            'timed_out': True,
        }
    ]
    learner.ok('back')
    assert records.get_record(usage_id, anon)['data']['path'] == []
    learner.ok('choose', {'step': 's1', 'choice': 'now'})
    learner.ok('choose', {'step': 's2', 'choice': 'impose'})
    row = records.get_record(usage_id, anon)
    assert row['completed'] and row['score'] == 0.5
    (finished,) = row['data']['finished']
    assert finished['ending'] == 'poor' and finished['score'] == 0.5 and finished['attempt'] == 1
    assert [(e['step'], e['choice'], e['mode']) for e in finished['path']] == [
        ('s1', 'now', 'urgent'),
        ('s2', 'impose', 'urgent'),
    ]
    assert finished['competencies'] == {'safety': 2}
    learner.ok('restart')
    row = records.get_record(usage_id, anon)
    assert row['data']['attempt'] == 2 and row['data']['path'] == [] and row['completed']
    assert records.count(usage_id) == 1


def test_save_record_retries_once_when_two_first_writes_race(monkeypatch):
    from django.db import IntegrityError

    from leadership_xblocks.cohort.models import LearnerRecord

    real = LearnerRecord.objects.create
    calls = []

    def racing(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            real(**kwargs)  # a row lands inside our transaction...
            raise IntegrityError('duplicate key')  # ...and the insert fails: all of it must be rolled back
        return real(**kwargs)

    monkeypatch.setattr(LearnerRecord.objects, 'create', racing)
    row = records.save_record('race-block', 'leadership_scenario', 'race-learner', '', {'v': 1}, completed=True)
    assert len(calls) == 2 and row.completed and row.data == {'v': 1}
    assert records.count('race-block') == 1
    # the failed try's row and summaries were rolled back, the retry's applied: the learner counts once
    assert records.generic_totals('race-block')['learners'] == 1
    assert records.generic_totals('race-block')['completed'] == 1


def test_consent_is_stamped_when_it_changes():
    records.save_record('consent-block', 'leadership_reflection', 'c1', 'course-v1:x', {}, consent=True)
    first = records.get_record('consent-block', 'c1')
    assert first['consent'] and first['consent_at'] is not None
    records.save_record('consent-block', 'leadership_reflection', 'c1', 'course-v1:x', {'a': 1})
    assert records.get_record('consent-block', 'c1')['consent_at'] == first['consent_at']
    assert records.set_consent('consent-block', 'c1', False)
    assert not records.get_record('consent-block', 'c1')['consent']
    assert not records.set_consent('consent-block', 'nobody', True)
    assert [r.learner for r in records.iter_course_records('course-v1:x')] == ['c1']


# Aggregate helpers ------------------------------------------------------------------------


def test_helpers():
    assert aggregates.effective_minimum(None) == 5 and aggregates.effective_minimum(3) == 5
    assert aggregates.effective_minimum('9') == 9
    assert aggregates.if_enough('x', 4) is None and aggregates.if_enough('x', 5) == 'x'
    assert aggregates.if_enough('x', 6, minimum=7) is None
    means = aggregates.numeric_means([{'a': 1, 'b': 10}, {'a': 3, 'b': 'x'}, {'a': True}, 'junk'])
    assert means == {'n': 3, 'means': {'a': 2.0, 'b': 10.0}, 'counts': {'a': 2, 'b': 1}}
    assert aggregates.mean_of_dicts([{'planning': 20, 'crisis': 30}, {'planning': 40, 'crisis': 10}]) == {
        'planning': 30.0,
        'crisis': 20.0,
    }
    dist = aggregates.score_distribution([0.0, 0.05, 0.5, 1.0, None, 'x'])
    assert dist['n'] == 4 and dist['bins'][0]['count'] == 2 and dist['bins'][5]['count'] == 1
    assert dist['bins'][9]['count'] == 1
    totals = aggregates.generic_totals(
        [
            {'data': {'allocation': {'planning': 10}}, 'completed': True, 'score': 1.0},
            {'data': {'allocation': {'planning': 30}}, 'completed': False, 'score': None},
        ],
        mean_keys=('allocation',),
    )
    assert totals['learners'] == 2 and totals['completed'] == 1
    assert totals['means']['allocation']['means'] == {'planning': 20.0}


# The Django app -----------------------------------------------------------------------------


def test_app_is_registered_for_the_lms_and_studio():
    from importlib.metadata import entry_points

    from leadership_xblocks.cohort.apps import CohortConfig

    for group in ('lms.djangoapp', 'cms.djangoapp'):
        (entry,) = [ep for ep in entry_points(group=group) if ep.name == 'leadership_cohort']
        assert entry.value == 'leadership_xblocks.cohort.apps:CohortConfig'
        assert entry.load() is CohortConfig
    assert CohortConfig.name == 'leadership_xblocks.cohort'
    assert set(CohortConfig.plugin_app) == {'url_config', 'settings_config', 'signals_config'}
    # URLs for the LMS only (the streaming downloads); Studio gets none.
    assert set(CohortConfig.plugin_app['url_config']) == {'lms.djangoapp'}


def test_migrations_match_the_model():
    from django.core.management import call_command

    # Exits with status 1 (SystemExit) if the model has changes without a migration.
    call_command('makemigrations', 'leadership_cohort', check=True, dry_run=True, verbosity=0)
