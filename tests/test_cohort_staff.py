"""The cohort for staff: the handler refuses learners, the dashboard region, the aggregates the
dashboard shows (equal to the sum over learners) and present mode. Learner-facing results and the
records are in `test_cohort.py`."""

import json
import random
from collections import Counter

import pytest

from leadership_xblocks import compat, records
from leadership_xblocks.cohort import aggregates
from tests.scenario_samples import choice, ending, scenario, step
from tests.support.blocks import Learner, load
from tests.test_cohort import _IDS, fit, learners, walk

# Staff --------------------------------------------------------------------------------


def snapshot(learner):
    anon = compat.anonymise(learner.user_id)
    return learner.ok('student_view_user_state', method='GET'), records.get_record(learner.usage_id, anon)


@pytest.mark.parametrize('method, body', [('GET', None), ('POST', {}), ('POST', {'view': 'present', 'step': 's1'})])
def test_staff_handler_refuses_learners_and_changes_nothing(method, body):
    usage_id = load(fit())
    learner = Learner(usage_id, f'nonstaff-{next(_IDS)}')
    learner.ok('choose', {'step': 's1', 'choice': 'now'})
    before = snapshot(learner)
    status, payload = learner.call('staff_dashboard', body, method=method)
    assert status == 403 and 'staff' in payload['error']
    assert set(payload) == {'error'}
    assert snapshot(learner) == before
    assert records.count(usage_id) == 1


def test_workbench_staff_comes_from_the_environment(monkeypatch):
    usage_id = load(fit())
    monkeypatch.setenv(compat.WORKBENCH_STAFF_ENV, 'facilitator, trainer')
    assert Learner(usage_id, 'facilitator').call('staff_dashboard', method='GET')[0] == 200
    assert Learner(usage_id, 'trainer').call('staff_dashboard', method='GET')[0] == 200
    assert Learner(usage_id, 'staff').call('staff_dashboard', method='GET')[0] == 403
    monkeypatch.delenv(compat.WORKBENCH_STAFF_ENV)
    assert Learner(usage_id, 'staff').call('staff_dashboard', method='GET')[0] == 200


def test_staff_see_the_dashboard_region_and_learners_do_not():
    usage_id = load(fit())
    staff = Learner(usage_id, 'staff').render()
    assert 'Facilitator dashboard' in staff.body_html() and 'data-lsx-dashboard' in staff.body_html()
    assert 'staff_dashboard' in staff.body_html()
    assert any(r.data.endswith('static/dashboard.js') for r in staff.resources if r.kind == 'url')
    learner = Learner(usage_id, 'a-learner').render()
    assert 'Facilitator dashboard' not in learner.body_html() and 'staff_dashboard' not in learner.body_html()
    assert not any(r.data.endswith('static/dashboard.js') for r in learner.resources if r.kind == 'url')


def play_randomly(learner, rng):
    """Play FIT to an ending with random choices, timeouts, undos and restarts; return the
    learner's own account: standing decisions per step and the latest finished attempt."""
    learner.ok('student_view_user_state', method='GET')
    options = {'s1': ['now', 'meet', None], 's2': ['agree', 'impose'], 'late': ['sorry']}
    state = None
    for _round in range(rng.choice([1, 1, 2])):
        if state is not None and state['can_restart']:
            state = learner.ok('restart')
        while True:
            state = state if state is not None and state['step'] else learner.ok('student_view_user_state')
            if state['ending']:
                break
            step_id = state['step']['id']
            pick = rng.choice(options[step_id])
            if pick is None:
                state = learner.ok('timeout', {'step': step_id})
            else:
                state = learner.ok('choose', {'step': step_id, 'choice': pick})
            if state['step'] and state['can_go_back'] and rng.random() < 0.25:
                state = learner.ok('back')
    return learner.ok('student_view_user_state')


def test_dashboard_aggregates_equal_the_sum_over_learners():
    usage_id = load(fit())
    rng = random.Random(5)
    group = learners(usage_id, 12)
    for learner in group[:10]:
        play_randomly(learner, rng)
    group[10].ok('choose', {'step': 's1', 'choice': 'meet'})  # started, not finished
    group[11].ok('timeout', {'step': 's1'})

    # Each learner's own account, from their own record.
    expected_steps, endings, paths, completed, scores = {}, Counter(), Counter(), 0, []
    for learner in group:
        data = records.get_record(usage_id, compat.anonymise(learner.user_id))['data']
        state = learner.ok('student_view_user_state')
        for step_id, entry in aggregates.standing_decisions(data).items():
            totals = expected_steps.setdefault(step_id, {'n': 0, 'choices': Counter(), 'modes': Counter(), 't': 0})
            totals['n'] += 1
            if entry['timed_out']:
                totals['t'] += 1
            else:
                totals['choices'][entry['choice']] += 1
                totals['modes'][entry['mode']] += 1
        if state['completed']:
            completed += 1
            scores.append(state['best_score'])
            last = data['finished'][-1]
            endings[last['ending']] += 1
            paths[tuple((e['step'], e['choice']) for e in last['path'])] += 1

    payload = Learner(usage_id, 'staff').ok('staff_dashboard', {})
    dash = payload['dashboard']
    assert payload['available'] and dash['kind'] == 'scenario'
    assert dash['learners'] == {'started': 12, 'completed': completed}
    for row in dash['steps']:
        exp = expected_steps.get(row['id'], {'n': 0, 'choices': Counter(), 'modes': Counter(), 't': 0})
        assert row['n'] == exp['n'], row['id']
        assert {c['id']: c['count'] for c in row['choices'] if not c.get('timed_out')} == {
            c['id']: exp['choices'].get(c['id'], 0) for c in row['choices'] if not c.get('timed_out')
        }
        assert row['timeouts'] == exp['t']
        assert {m['mode']: m['count'] for m in row['modes'] if not m.get('timed_out')} == {
            m['mode']: exp['modes'].get(m['mode'], 0) for m in row['modes'] if not m.get('timed_out')
        }
    assert dash['timeouts'] == sum(e['t'] for e in expected_steps.values())
    assert {e['id']: e['count'] for e in dash['endings']} == {'good': endings['good'], 'poor': endings['poor']}
    assert sum(p['count'] for p in dash['paths']) <= completed
    assert dash['paths'][0]['count'] == max(paths.values())
    assert dash['scores']['n'] == len(scores) and sum(b['count'] for b in dash['scores']['bins']) == len(scores)
    assert dash['scores']['mean'] == pytest.approx(sum(scores) / len(scores), abs=1e-4)
    assert dash['competencies']['n'] == completed
    text = json.dumps(payload)
    for learner in group:
        assert learner.user_id not in text and compat.anonymise(learner.user_id) not in text


def test_present_mode_shows_one_step_from_the_minimum():
    usage_id = load(fit())
    staff = Learner(usage_id, 'staff')
    group = learners(usage_id, 5)
    for learner in group[:4]:
        learner.ok('choose', {'step': 's1', 'choice': 'now'})
    present = staff.ok('staff_dashboard', {'view': 'present', 'step': 's1'})['present']
    assert present['step'] == {'id': 's1', 'title': 'Step s1'} and present['n'] == 4
    assert not present['enough'] and present['choices'] is None and present['modes'] is None
    assert [s['id'] for s in present['steps']] == ['s1', 's2', 'late']
    group[4].ok('choose', {'step': 's1', 'choice': 'meet'})
    present = staff.ok('staff_dashboard', {'view': 'present', 'step': 's1'})['present']
    assert present['enough'] and present['n'] == 5
    assert {c['id']: (c['count'], c['share']) for c in present['choices']} == {
        'now': (4, 0.8),
        'meet': (1, 0.2),
        '__timeout__': (0, 0.0),
    }
    assert not set(walk(present)) & {'yours', 'learner', 'anonymous_user_id'}
    # An unknown step falls back to the first; a bad one is refused.
    assert staff.ok('staff_dashboard', {'view': 'present', 'step': 'nope'})['present']['step']['id'] == 's1'
    assert staff.call('staff_dashboard', {'view': 'present', 'step': 7})[0] == 400
    assert staff.call('staff_dashboard', {'view': 'sideways'})[0] == 400


def test_a_scenario_without_the_staff_learners_is_empty():
    usage_id = load(scenario(step('a', choice('x', 'end')), ending('end')))
    dash = Learner(usage_id, 'staff').ok('staff_dashboard', method='GET')['dashboard']
    assert dash['learners'] == {'started': 0, 'completed': 0}
    assert dash['steps'][0]['n'] == 0 and dash['paths'] == [] and dash['scores']['n'] == 0


def test_the_dashboard_present_mode_and_editor_get_the_mode_titles_from_the_server():
    usage_id = load(fit())
    staff = Learner(usage_id, 'staff')
    titles = {'urgent': 'Urgent', 'consultative': 'Consultative', 'consensual': 'Consensual', 'delegated': 'Delegated'}
    assert staff.ok('staff_dashboard', {})['dashboard']['mode_names'] == titles
    assert staff.ok('staff_dashboard', {'view': 'present', 'step': 's1'})['present']['mode_names'] == titles
    init = json.loads(staff.block().studio_view().json_init_args['json'])
    assert init['mode_names'] == titles
