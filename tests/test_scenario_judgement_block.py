"""Scenario judgement through the scenario block's own handlers: per-learner order, route review settings,
content notes, weights and bad OLX, and the shortcut analysis agreeing with what the handlers give."""

import json

import pytest
from lxml import etree

from leadership_xblocks.scenario import olx, shortcuts
from tests.scenario_samples import FIT, JUDGED, choice, ending, scenario, step
from tests.support.blocks import Learner, load


def with_root(xml, attrs):
    return xml.replace('scoring="fit"', f'scoring="fit" {attrs}', 1)


def order(state):
    return [c['id'] for c in state['step']['choices']]


def play_to_end(learner, pick_first=True):
    state = learner.ok('student_view_user_state')
    while state['step']:
        choices = state['step']['choices']
        state = learner.ok('choose', {'step': state['step']['id'], 'choice': choices[0 if pick_first else -1]['id']})
    return state


# order ------------------------------------------------------------------------------------


def test_each_learner_sees_their_own_order_stable_across_reloads_and_going_back():
    usage = load(JUDGED)
    orders = set()
    for name in ('alice', 'bob', 'carol', 'dan', 'erin', 'fay'):
        learner = Learner(usage, name)
        first = order(learner.ok('student_view_user_state'))
        assert order(learner.ok('student_view_user_state', method='GET')) == first  # reload
        assert sorted(first) == ['a1', 'b1', 'c1', 'd1']
        learner.ok('choose', {'step': 'p1', 'choice': 'a1'})
        assert order(learner.ok('back', {})) == first  # back to the same step, same order
        orders.add(tuple(first))
    assert len(orders) > 1


def test_a_new_attempt_gets_a_new_order():
    usage = load(JUDGED)
    changed = 0
    for name in ('alice', 'bob', 'carol', 'dan'):
        learner = Learner(usage, name)
        before = [order(learner.ok('student_view_user_state'))]
        state = learner.ok('choose', {'step': 'p1', 'choice': 'a1'})
        before.append(order(state))
        state = learner.ok('restart', {})
        after = [order(state)]
        after.append(order(learner.ok('choose', {'step': 'p1', 'choice': 'a1'})))
        changed += before != after
    assert changed >= 3  # 1 chance in 576 per learner of the same orders on both steps


def test_events_and_history_keep_choice_ids_whatever_the_order():
    learner = Learner(load(JUDGED), 'alice')
    state = learner.ok('choose', {'step': 'p1', 'choice': 'c1'})
    assert state['history'][0]['choice'] == 'c1' and state['history'][0]['choice_label'] == 'Label c1'


@pytest.mark.parametrize(
    'xml',
    [
        with_root(JUDGED, 'shuffle="false"'),
        JUDGED.replace('<step id="p1" title="Step p1"', '<step id="p1" title="Step p1" shuffle="false"'),
    ],
)
def test_shuffle_false_keeps_the_authored_order_for_everyone(xml):
    usage = load(xml)
    for name in ('alice', 'bob', 'carol', 'dan', 'erin'):
        assert order(Learner(usage, name).ok('student_view_user_state')) == ['a1', 'b1', 'c1', 'd1']


def test_native_view_data_says_whether_choices_are_shuffled():
    data = Learner(load(with_root(JUDGED, 'shuffle="false"')), 'alice').block().student_view_data()
    assert data['shuffle'] is False and data['review'] == 'final'
    assert Learner(load(JUDGED), 'alice').block().student_view_data()['shuffle'] is True


# route review ---------------------------------------------------------------------------------

DEMAND_WORDS = ('urgent', 'consultative', 'consensual', 'delegated')


def no_demands_in(ending_state):
    """The ending payload reveals no demand (the learner's own modes are in `modes_chosen` keys,
    so those keys are left out of the check)."""
    visible = dict(ending_state, modes_chosen=None)
    return (
        ending_state['review'] is None
        and ending_state['modes'] == []
        and not any(word in json.dumps(visible) for word in DEMAND_WORDS)
    )


def test_review_after_every_ending_shows_each_decision():
    learner = Learner(load(with_root(JUDGED, 'review="ending"')), 'alice')
    learner.ok('choose', {'step': 'p1', 'choice': 'b1'})
    learner.ok('choose', {'step': 'p2', 'choice': 'a2'})
    state = learner.ok('choose', {'step': 'p3', 'choice': 'd3'})
    review = state['ending']['review']
    assert [(r['step'], r['demanded'], r['mode'], r['fitted']) for r in review] == [
        ('p1', ['urgent'], 'urgent', True),
        ('p2', ['consensual'], 'urgent', False),
        ('p3', ['consultative', 'delegated'], 'delegated', True),
    ]
    assert review[0]['step_title'] == 'Step p1' and review[2]['choice_label'] == 'Label d3'
    assert state['score'] == 0.75  # weights 1 + 2 of 4
    assert state['ending']['modes'][0] == {'demand': 'urgent', 'met': 1, 'total': 1}


def test_review_final_waits_until_no_attempts_are_left_and_never_leaks_demands_before():
    learner = Learner(load(with_root(JUDGED, 'review="final" max_attempts="2"')), 'alice')
    first = play_to_end(learner)
    assert no_demands_in(first['ending'])
    learner.ok('restart', {})
    last = play_to_end(learner)
    assert last['attempts_left'] == 0 and len(last['ending']['review']) == 3


@pytest.mark.parametrize('attrs', ['review="never" max_attempts="1"', 'max_attempts="0"'])
def test_review_never_or_final_with_unlimited_attempts_shows_no_review(attrs):
    state = play_to_end(Learner(load(with_root(JUDGED, attrs)), 'alice'))
    assert no_demands_in(state['ending'])


# content notes ---------------------------------------------------------------------------------

NOTE = (
    '<content_note><p onclick="x()">This scenario describes <strong>self-harm</strong>.</p>'
    '<script>x()</script></content_note>'
)


def test_content_note_is_sanitised_and_sent_to_the_browser_and_native_apps():
    usage = load(JUDGED.replace('<step id="p1"', NOTE + '<step id="p1"'))
    learner = Learner(usage, 'alice')
    expected = '<p>This scenario describes <strong>self-harm</strong>.</p>'
    assert learner.ok('student_view_user_state')['content_note'] == expected
    assert learner.block().student_view_data()['content_note'] == expected
    assert learner.block().body.count('<content_note>') == 1 and 'onclick' not in learner.block().body
    assert Learner(load(JUDGED), 'bob').ok('student_view_user_state')['content_note'] == ''


# bad OLX ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    'xml, named',
    [
        (scenario(step('a', choice('x', 'e'), demands='urgent sloppy'), ending('e')), 'unknown mode "sloppy"'),
        (scenario(step('a', choice('x', 'e'), extra=' weight="-2"'), ending('e')), 'weight "-2.0"'),
        (scenario(step('a', choice('x', 'e'), extra=' weight="lots"'), ending('e')), 'weight "lots"'),
        (scenario(step('a', choice('x', 'e')), ending('e'), extra=' review="sometimes"'), 'Unknown review "sometimes"'),
    ],
)
def test_bad_olx_gets_a_named_error_and_the_learner_view_stays_unavailable(xml, named):
    learner = Learner(load(xml), 'alice')
    assert 'not available yet' in learner.render().body_html()
    assert learner.call('student_view_user_state', method='GET')[0] == 409
    assert any(named in m.text for m in learner.block().validate().messages)


# Studio, author preview, export -------------------------------------------------------------------


def test_studio_saves_a_scenario_with_shortcut_warnings_and_validate_shows_them():
    from webob import Request

    block = Learner(load(JUDGED), 'author').block()
    request = Request.blank('/', method='POST', body=json.dumps({'values': {'body': FIT}, 'defaults': []}).encode())
    assert block.runtime.handle(block, 'submit_studio_edits', request).status_code == 200
    saved = Learner(block.scope_ids.usage_id, 'author').block()
    assert 'Label meet' in saved.body
    assert any(m.text.startswith('Shortcut:') and m.type == 'warning' for m in saved.validate().messages)


def test_author_preview_shows_the_shortcut_table():
    html = Learner(load(with_root(FIT, 'shuffle="false"')), 'author').render('author_view').body_html()
    assert 'Shortcut check' in html and 'Always the first choice shown' in html and '<code>first</code>' in html
    assert '100%' in html and 'Too high: this shortcut passes' in html
    clean = Learner(load(JUDGED), 'author').render('author_view').body_html()
    assert 'Too high' not in clean and 'weight' in clean


def test_export_round_trips_shuffle_review_weight_and_the_content_note():
    xml = with_root(JUDGED, 'shuffle="false" review="never"').replace(
        '<step id="p1" title="Step p1"', NOTE + '<step id="p1" title="Step p1" shuffle="false" weight="3"'
    )
    block = Learner(load(xml), 'author').block()
    node = etree.Element('leadership_scenario')
    block.add_xml_to_node(node)
    exported = etree.tostring(node, encoding='unicode')
    for text in (
        'shuffle="false"',
        'review="never"',
        'weight="3"',
        'demands="consultative delegated" weight="2"',
        '<content_note><p>This scenario',
    ):
        assert text in exported
    again = Learner(load(exported), 'author').block()
    assert again.scenario == block.scenario and (again.shuffle, again.review) == (False, 'never')
    assert again.scenario.step('p1').shuffle is False and again.scenario.content_note


# the shortcut analysis agrees with the handlers ---------------------------------------------------


@pytest.mark.parametrize('strategy', shortcuts.STRATEGIES)
def test_strategy_scores_agree_with_learners_playing_the_handlers(strategy):
    usage = load(JUDGED)
    model = olx.parse_text(JUDGED)[0]
    learners = [Learner(usage, f'{strategy}-{i}') for i in range(12)]
    anonymous = [learner.block().anonymous_id() for learner in learners]
    scores = []
    for index, learner in enumerate(learners):
        rng = shortcuts.learner_random(0, index, strategy)
        state = learner.ok('student_view_user_state')
        while state['step']:
            step = model.step(state['step']['id'])
            seen = [step.choice(c['id']) for c in state['step']['choices']]
            taken = shortcuts.pick(strategy, seen, rng)
            state = learner.ok('choose', {'step': step.id, 'choice': taken.id})
        scores.append(state['score'])
    expected = shortcuts.strategy_scores(model, 'fit', block=str(usage), learner_ids=anonymous)[strategy]
    assert sum(scores) / len(scores) == pytest.approx(expected)
    assert len(set(scores)) > 1 or strategy.startswith('mode:')  # the learners' orders really differ


def test_the_default_content_passes_the_shortcut_analysis():
    block = Learner(load('<leadership_scenario/>'), 'author').block()
    assert block.playable and list(block.problems) == []
