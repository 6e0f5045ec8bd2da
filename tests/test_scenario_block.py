"""The scenario block in the workbench runtime: views, every handler, grading, events, OLX."""

import json

import pytest
from lxml import etree

from leadership_xblocks import events
from tests.scenario_samples import FIT, GREEDY, LOOP, choice, ending, scenario, step
from tests.support.blocks import Learner, load

FORBIDDEN_KEYS = {'target', 'points', 'effects', 'demands', 'timeout', 'score_of', 'mode_of'}


@pytest.fixture
def fit_block():
    return load(FIT)


def walk_keys(payload):
    if isinstance(payload, dict):
        for key, value in payload.items():
            yield key
            yield from walk_keys(value)
    elif isinstance(payload, list):
        for item in payload:
            yield from walk_keys(item)


def test_student_view_renders_the_shell_and_initial_state(fit_block):
    frag = Learner(fit_block, 'alice').render()
    html = frag.body_html()
    # one status region for news; the error box is a focused summary, so not also role=alert
    assert 'lsx-scenario' in html and 'role="status"' in html and 'role="alert"' not in html
    urls = [r.data for r in frag.resources if r.kind == 'url']
    assert any(u.endswith('static/scenario.js') for u in urls)
    assert any(u.endswith('static/leadership.css') for u in urls)


def test_state_gives_the_current_step_without_the_answer_key():
    authored_order = load(FIT.replace('scoring="fit"', 'scoring="fit" shuffle="false"'))
    state = Learner(authored_order, 'alice').ok('student_view_user_state', method='GET')
    assert state['step']['id'] == 's1'
    assert state['step']['time_limit'] == 60
    assert [c['id'] for c in state['step']['choices']] == ['now', 'meet']
    assert state['ending'] is None and state['history'] == [] and state['attempt'] == 1
    assert not FORBIDDEN_KEYS & set(walk_keys(state))
    # The mode names come with every state, all four whatever the scenario: they tell nothing of it.
    assert sorted(state.pop('modes')) == ['consensual', 'consultative', 'delegated', 'urgent']
    # "Decision 1 of 2": counted over the routes, without saying which choice leads where.
    assert state.pop('progress') == {'number': 1, 'fewest': 2, 'most': 2}
    text = json.dumps(state)
    for secret in ('s2', 'late', 'good', 'poor', 'Feedback for', 'urgent', 'consensual'):
        assert secret not in text


def test_choose_returns_feedback_of_that_choice_only(fit_block):
    learner = Learner(fit_block, 'alice')
    state = learner.ok('choose', {'step': 's1', 'choice': 'now'})
    assert state['feedback'] == '<p>Feedback for now</p>'
    assert 'Feedback for meet' not in json.dumps(state)
    assert state['step']['id'] == 's2'
    assert state['history'] == [
        {
            'step': 's1',
            'step_title': 'Step s1',
            'choice': 'now',
            'choice_label': 'Label now',
            'mode': 'urgent',
            'timed_out': False,
        }
    ]
    assert not FORBIDDEN_KEYS & set(walk_keys(state))
    assert 'Feedback for agree' not in json.dumps(state) and 'poor' not in json.dumps(state)


@pytest.mark.parametrize(
    'data, status, message',
    [
        ({'step': 's1', 'choice': 'nope'}, 400, 'has no choice "nope"'),
        ({'step': 's2', 'choice': 'agree'}, 409, 'not the current step'),
        ({'step': 's1'}, 400, '"choice" must be a non-empty string'),
        ({'step': 's1', 'choice': 7}, 400, '"choice" must be a non-empty string'),
        ({'step': ['s1'], 'choice': 'now'}, 400, '"step" must be a non-empty string'),
    ],
)
def test_bad_choices_get_4xx_and_change_nothing(fit_block, data, status, message):
    learner = Learner(fit_block, 'alice')
    before = learner.ok('student_view_user_state')
    code, payload = learner.call('choose', data)
    assert code == status and message in payload['error']
    assert learner.ok('student_view_user_state') == before


def test_malformed_bodies_get_400(fit_block):
    learner = Learner(fit_block, 'alice')
    assert learner.call('choose', body=b'{not json')[0] == 400
    assert learner.call('choose', body=b'[1, 2]')[0] == 400
    assert learner.call('choose', method='GET')[0] == 405
    assert learner.ok('student_view_user_state')['history'] == []


def test_out_of_turn_after_an_ending(fit_block):
    learner = Learner(fit_block, 'alice')
    learner.ok('choose', {'step': 's1', 'choice': 'now'})
    learner.ok('choose', {'step': 's2', 'choice': 'agree'})
    code, payload = learner.call('choose', {'step': 's2', 'choice': 'agree'})
    assert code == 409 and 'reached an ending' in payload['error']
    code, _payload = learner.call('back', {})
    assert code == 409


def test_ending_shows_debrief_profiles_and_score():
    learner = Learner(load(FIT.replace('scoring="fit"', 'scoring="fit" review="ending"')), 'alice')
    learner.ok('choose', {'step': 's1', 'choice': 'meet'})
    state = learner.ok('choose', {'step': 's2', 'choice': 'agree'})
    assert state['step'] is None
    ending_state = state['ending']
    assert ending_state['id'] == 'good' and ending_state['debrief'] == '<p>Shown at every ending</p>'
    # the change, and the scale it sits on: the lowest and highest totals the routes can give
    assert ending_state['competencies'] == [{'id': 'safety', 'label': 'Safety', 'value': -1, 'min': -1, 'max': 2}]
    assert ending_state['modes'] == [
        {'demand': 'urgent', 'met': 0, 'total': 1},
        {'demand': 'consensual', 'met': 1, 'total': 1},
    ]
    assert state['score'] == 0.5 and state['best_score'] == 0.5 and state['completed'] is True


def test_timeout_takes_the_timeout_branch_and_only_where_timed(fit_block):
    learner = Learner(fit_block, 'alice')
    state = learner.ok('timeout', {'step': 's1'})
    assert state['step']['id'] == 'late' and state['history'][0]['timed_out'] is True
    code, payload = learner.call('timeout', {'step': 'late'})
    assert code == 400 and 'no time limit' in payload['error']


def test_back_undoes_and_can_be_switched_off():
    usage = load(FIT)
    learner = Learner(usage, 'alice')
    learner.ok('choose', {'step': 's1', 'choice': 'now'})
    state = learner.ok('back', {})
    assert state['step']['id'] == 's1' and state['history'] == [] and state['can_go_back'] is False
    code, _payload = learner.call('back', {})
    assert code == 409
    no_back = Learner(load(FIT.replace('scoring="fit"', 'scoring="fit" allow_back="false"')), 'bob')
    no_back.ok('choose', {'step': 's1', 'choice': 'now'})
    code, payload = no_back.call('back', {})
    assert code == 403 and 'not allowed' in payload['error']
    assert no_back.ok('student_view_user_state')['step']['id'] == 's2'


def test_restart_respects_max_attempts_and_best_score_never_drops(event_log):
    usage = load(FIT.replace('scoring="fit"', 'scoring="fit" max_attempts="2" weight="4"'))
    learner = Learner(usage, 'alice')
    code, _payload = learner.call('restart', {})
    assert code == 409  # nothing to restart yet
    learner.ok('choose', {'step': 's1', 'choice': 'now'})
    first = learner.ok('choose', {'step': 's2', 'choice': 'agree'})
    assert first['score'] == 1.0 and first['attempts_left'] == 1
    second = learner.ok('restart', {})
    assert second['attempt'] == 2 and second['attempts_left'] == 0 and second['best_score'] == 1.0
    learner.ok('choose', {'step': 's1', 'choice': 'meet'})
    worse = learner.ok('choose', {'step': 's2', 'choice': 'impose'})
    assert worse['score'] == 0.0 and worse['best_score'] == 1.0 and worse['can_restart'] is False
    code, payload = learner.call('restart', {})
    assert code == 409 and 'used all 2 attempts' in payload['error']
    grades = event_log.named('grade')
    assert grades == [{'value': 4.0, 'max_value': 4.0}, {'value': 4.0, 'max_value': 4.0}]
    assert event_log.named('completion') == [{'completion': 1.0}, {'completion': 1.0}]


def test_path_grading_uses_the_best_route_not_the_greedy_one(event_log):
    learner = Learner(load(GREEDY), 'alice')
    learner.ok('choose', {'step': 'a', 'choice': 'big'})
    state = learner.ok('choose', {'step': 'b', 'choice': 'b1'})
    assert state['score'] == pytest.approx(6 / 11)
    assert event_log.named('grade')[-1]['value'] == pytest.approx(6 / 11)


def test_ungraded_scenarios_publish_completion_but_no_grade(event_log):
    usage = load(FIT.replace('scoring="fit"', 'scoring="none"'))
    learner = Learner(usage, 'alice')
    assert learner.block().has_score is False and learner.block().max_score() is None
    learner.ok('choose', {'step': 's1', 'choice': 'now'})
    state = learner.ok('choose', {'step': 's2', 'choice': 'agree'})
    assert state['score'] is None
    assert event_log.named('grade') == [] and event_log.named('completion') == [{'completion': 1.0}]


def test_loops_play_in_the_block():
    learner = Learner(load(LOOP), 'alice')
    for _ in range(2):
        assert learner.ok('choose', {'step': 'a', 'choice': 'retry'})['step']['id'] == 'a'
    assert learner.ok('choose', {'step': 'a', 'choice': 'go'})['ending']['id'] == 'end'


def test_learners_have_their_own_state(fit_block):
    alice, bob = Learner(fit_block, 'alice'), Learner(fit_block, 'bob')
    alice.ok('choose', {'step': 's1', 'choice': 'now'})
    assert bob.ok('student_view_user_state')['step']['id'] == 's1'
    bob.ok('timeout', {'step': 's1'})
    assert alice.ok('student_view_user_state')['step']['id'] == 's2'
    assert bob.ok('student_view_user_state')['step']['id'] == 'late'


def test_tracking_events_name_the_decision_without_personal_data(fit_block, event_log):
    learner = Learner(fit_block, 'alice')
    learner.ok('student_view_user_state', method='GET')
    learner.ok('choose', {'step': 's1', 'choice': 'meet'})
    learner.ok('back', {})
    learner.ok('timeout', {'step': 's1'})
    learner.ok('choose', {'step': 'late', 'choice': 'sorry'})
    learner.ok('restart', {})
    names = [name for name, _payload in event_log.events if name.startswith('edx.leadership')]
    assert names == [
        events.SCENARIO_CHOICE_MADE,
        events.SCENARIO_STEP_UNDONE,
        events.SCENARIO_TIMEOUT_TAKEN,
        events.SCENARIO_CHOICE_MADE,
        events.SCENARIO_ENDING_REACHED,
        events.SCENARIO_ATTEMPT_RESTARTED,
    ]
    assert set(names) <= events.ALL_EVENTS
    choice_made = event_log.named(events.SCENARIO_CHOICE_MADE)[0]
    assert {k: choice_made[k] for k in ('step', 'choice', 'mode', 'demand', 'attempt')} == {
        'step': 's1',
        'choice': 'meet',
        'mode': 'consensual',
        'demand': 'urgent',
        'attempt': 1,
    }
    assert isinstance(choice_made['seconds'], (int, float))
    everything = json.dumps(event_log.events)
    assert 'alice' not in everything and 'user@example.com' not in everything
    assert len(choice_made['anonymous_user_id']) == 32


def test_invalid_content_shows_not_available_and_handlers_refuse():
    usage = load(scenario(step('a', choice('x', 'ghost')), ending('e')))
    learner = Learner(usage, 'alice')
    html = learner.render().body_html()
    assert 'not available yet' in html and 'Traceback' not in html and 'ghost' not in html
    code, payload = learner.call('student_view_user_state', method='GET')
    assert code == 409 and 'not available yet' in payload['error']
    assert learner.call('choose', {'step': 'a', 'choice': 'x'})[0] == 409
    messages = [m.text for m in learner.block().validate().messages]
    assert any('ghost' in m for m in messages)


def test_author_view_outlines_steps_choices_and_targets(fit_block):
    html = Learner(fit_block, 'author').render('author_view').body_html()
    assert 'Step s1' in html and 'Label now' in html and '<code>s2</code>' in html and 'Ending poor' in html


def test_export_writes_readable_olx_that_reimports_identically(fit_block):
    block = Learner(fit_block, 'author').block()
    node = etree.Element('leadership_scenario')
    block.add_xml_to_node(node)
    exported = etree.tostring(node, encoding='unicode')
    assert 'scoring="fit"' in exported and '<step id="s1"' in exported and 'time_limit="60"' in exported
    again = Learner(load(exported), 'author').block()
    assert again.scenario == block.scenario and again.scoring == block.scoring
    node2 = etree.Element('leadership_scenario')
    again.add_xml_to_node(node2)
    assert etree.tostring(node2, encoding='unicode') == exported


def test_import_sanitises_authored_html():
    from tests.test_scenario_model import HOSTILE

    learner = Learner(load(HOSTILE), 'alice')
    body = learner.block().body
    for bad in ('<script', 'onerror', 'onclick', 'javascript:', '<iframe', 'onload'):
        assert bad not in body
    state_text = json.dumps(learner.ok('choose', {'step': 'a', 'choice': 'x'}))
    assert 'javascript:' not in state_text


def test_studio_save_validates_and_sanitises(fit_block):
    block = Learner(fit_block, 'author').block()
    bad = scenario(step('a', choice('x', 'ghost')), ending('e'))
    request_body = {'values': {'body': bad}, 'defaults': []}
    from webob import Request

    response = block.runtime.handle(
        block, 'submit_studio_edits', Request.blank('/', method='POST', body=json.dumps(request_body).encode())
    )
    assert response.status_code == 400 and b'ghost' in response.body
    assert Learner(fit_block, 'author').block().body == block.body  # nothing saved
    broken = '<leadership_scenario><step id="a">'
    response = block.runtime.handle(
        block,
        'submit_studio_edits',
        Request.blank('/', method='POST', body=json.dumps({'values': {'body': broken}, 'defaults': []}).encode()),
    )
    assert response.status_code == 400 and b'well-formed' in response.body
    good = scenario(step('a', choice('x', 'e'), text='<p onclick="x()">Hi</p><script>bad()</script>'), ending('e'))
    response = block.runtime.handle(
        block,
        'submit_studio_edits',
        Request.blank(
            '/',
            method='POST',
            body=json.dumps({'values': {'body': good, 'scoring': 'ending'}, 'defaults': []}).encode(),
        ),
    )
    assert response.status_code == 200
    saved = Learner(fit_block, 'author').block()
    assert 'onclick' not in saved.body and 'bad()' not in saved.body and '<p>Hi</p>' in saved.body
    assert saved.scoring == 'ending'


def test_default_content_is_a_playable_scenario():
    learner = Learner(load('<leadership_scenario/>'), 'alice')
    assert learner.block().playable
    state = learner.ok('student_view_user_state')
    assert state['step']['choices']


def test_student_view_data_for_apps_has_no_answer_key(fit_block):
    data = Learner(fit_block, 'alice').block().student_view_data()
    assert data['step_count'] == 3 and data['scoring'] == 'fit'
    assert not FORBIDDEN_KEYS & set(walk_keys(data))


def test_shipped_demo_scenarios_are_valid():
    from leadership_xblocks.common.workbench import demo_pages

    pages = demo_pages('scenario_')
    assert pages
    for title, xml in pages:
        block = Learner(load(xml), 'author').block()
        # the demos are one- to three-step examples: the shortcut analysis warns about them, rightly
        assert [p for p in block.problems if not p.template.startswith('Shortcut:')] == [], title
