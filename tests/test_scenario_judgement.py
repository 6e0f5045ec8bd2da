"""Scenario judgement in the model: multi-mode demands, step weights, shuffled order, content notes,
route review settings and the shortcut analysis (plain Python, no XBlock runtime)."""

import pytest

from leadership_xblocks.scenario import graph, olx, shortcuts, validation
from leadership_xblocks.scenario.order import choice_order, order_seed
from leadership_xblocks.scenario.profile import mode_profile, route_review
from leadership_xblocks.scenario.scoring import attempt_score
from tests.scenario_samples import FIT, GREEDY, JUDGED, choice, ending, scenario, step


def parse(xml):
    return olx.parse_text(xml)[0]


def messages(xml, scoring=None, level=validation.ERROR):
    s, attrs = olx.parse_text(xml)
    return [p.message for p in validation.validate(s, scoring or attrs.get('scoring', 'ending')) if p.level == level]


def take(*pairs):
    return [{'step': s, 'choice': c} for s, c in pairs]


# multi-mode demands ------------------------------------------------------------


def test_any_listed_mode_fits_a_step_demanding_several():
    s = parse(JUDGED)
    assert s.step('p3').fitting_modes == ('consultative', 'delegated')
    route = [('p1', 'b1'), ('p2', 'd2')]
    assert attempt_score(s, 'fit', take(*route, ('p3', 'c3')), 'done') == 1.0  # consultative fits
    assert attempt_score(s, 'fit', take(*route, ('p3', 'd3')), 'done') == 1.0  # delegated fits too
    assert attempt_score(s, 'fit', take(*route, ('p3', 'a3')), 'done') == 0.5  # consensual does not


def test_an_unknown_mode_in_a_demand_list_is_a_named_error():
    xml = scenario(step('a', choice('x', 'e'), demands='urgent hasty'), ending('e'))
    assert messages(xml) == [
        'Step "a" demands unknown mode "hasty": use one of urgent, consultative, consensual, delegated.'
    ]


def test_the_demand_profile_counts_a_multi_mode_step_under_each_mode_it_accepts():
    s = parse(JUDGED)
    history = take(('p1', 'a1'), ('p2', 'd2'), ('p3', 'd3'))
    assert mode_profile(s, history) == [
        {'demand': 'urgent', 'met': 0, 'total': 1},
        {'demand': 'consultative', 'met': 1, 'total': 1},
        {'demand': 'consensual', 'met': 1, 'total': 1},
        {'demand': 'delegated', 'met': 1, 'total': 1},
    ]


# weights ------------------------------------------------------------------------


def test_fit_scoring_weighs_each_judged_step():
    s = parse(JUDGED)  # p1 and p2 weigh 1, p3 weighs 2
    assert attempt_score(s, 'fit', take(('p1', 'b1'), ('p2', 'a2'), ('p3', 'a3')), 'done') == 0.25
    assert attempt_score(s, 'fit', take(('p1', 'a1'), ('p2', 'a2'), ('p3', 'c3')), 'done') == 0.5


def test_path_scoring_counts_points_times_the_step_weight_and_finds_the_best_weighted_route():
    # unweighted, the best route is big -> b1 (6 of 11 is worse than small -> c1); weighting b by 20
    # makes a -> big -> b1 the best route: 5 + 20 = 25 points.
    weighted = GREEDY.replace('<step id="b" title="Step b"', '<step id="b" title="Step b" weight="20"')
    s = parse(weighted)
    assert graph.best_points(parse(GREEDY)) == 11.0 and graph.best_points(s) == 25.0
    assert attempt_score(s, 'path', take(('a', 'big'), ('b', 'b1')), 'end') == 1.0
    assert attempt_score(s, 'path', take(('a', 'small'), ('c', 'c1')), 'end') == pytest.approx(11 / 25)


@pytest.mark.parametrize('value', ['-1', 'heavy', 'nan', 'inf'])
def test_a_negative_or_non_numeric_weight_is_a_named_error(value):
    xml = scenario(step('a', choice('x', 'e'), extra=f' weight="{value}"'), ending('e'))
    assert messages(xml) == [
        f'Step "a" has weight "{float(value) if value in ("-1", "nan", "inf") else value}": '
        'it must be a number of 0 or more.'
    ]


def test_a_zero_weight_step_does_not_count():
    s = parse(JUDGED.replace('<step id="p1" title="Step p1"', '<step id="p1" title="Step p1" weight="0"'))
    assert messages(olx.to_text(s, {'scoring': 'fit'})) == []
    assert attempt_score(s, 'fit', take(('p1', 'a1'), ('p2', 'd2'), ('p3', 'c3')), 'done') == 1.0


# root settings: review and shuffle --------------------------------------------------


def test_an_unknown_review_value_and_bad_shuffle_values_are_named_errors():
    base = scenario(step('a', choice('x', 'e')), ending('e'))
    assert messages(base.replace('scoring="ending"', 'scoring="ending" review="always"')) == [
        'Unknown review "always": use one of ending, final, never.'
    ]
    assert messages(base.replace('scoring="ending"', 'scoring="ending" shuffle="maybe"')) == [
        'The scenario has shuffle "maybe": use true or false.'
    ]
    assert messages(scenario(step('a', choice('x', 'e'), extra=' shuffle="no"'), ending('e'))) == [
        'Step "a" has shuffle "no": use true or false.'
    ]


def test_route_review_rows_say_what_was_demanded_chosen_fitted_and_earned():
    xml = FIT.replace('points="0"', 'points="2"', 1)  # "now" earns 2
    s = parse(xml)
    rows = route_review(s, take(('s1', 'now'), ('s2', 'impose')))
    assert rows[0] == {
        'step': 's1',
        'step_title': 'Step s1',
        'demanded': ['urgent'],
        'choice_label': 'Label now',
        'mode': 'urgent',
        'timed_out': False,
        'fitted': True,
        'points': 2.0,
        'effects': [{'id': 'safety', 'label': 'Safety', 'value': 2}],
    }
    assert rows[1]['fitted'] is False and rows[1]['demanded'] == ['consensual'] and rows[1]['effects'] == []
    timed_out = route_review(s, [{'step': 's1', 'choice': '__timeout__'}, {'step': 'late', 'choice': 'sorry'}])
    assert timed_out[0]['timed_out'] is True and timed_out[0]['fitted'] is False and timed_out[0]['points'] == 0.0
    assert timed_out[1]['demanded'] == [] and timed_out[1]['fitted'] is None


# order -------------------------------------------------------------------------------


def test_choice_order_is_stable_per_learner_and_attempt_and_differs_between_them():
    s = parse(JUDGED)
    orders = {}
    for learner in range(30):
        for attempt in (1, 2):
            seed = order_seed(s, f'learner-{learner}', 'block-1', attempt)
            order = tuple(c.id for st in s.steps for c in choice_order(st, seed))
            assert order == tuple(c.id for st in s.steps for c in choice_order(st, seed))  # reproducible
            orders[learner, attempt] = order
    assert len(set(orders.values())) > 50  # 60 orders out of 24^3 possible: nearly all distinct
    assert orders[0, 1] != orders[0, 2] and orders[0, 1] != orders[1, 1]
    other_block = order_seed(s, 'learner-0', 'block-2', 1)
    assert tuple(c.id for st in s.steps for c in choice_order(st, other_block)) != orders[0, 1]


def test_shuffle_false_keeps_the_authored_order_on_the_scenario_or_on_one_step():
    authored = parse(JUDGED.replace('scoring="fit"', 'scoring="fit" shuffle="false"'))
    assert authored.shuffle is False and order_seed(authored, 'x', 'b', 1) is None
    for learner in range(10):
        seed = order_seed(authored, f'l{learner}', 'b', 1)
        assert [c.id for c in choice_order(authored.step('p1'), seed)] == ['a1', 'b1', 'c1', 'd1']
    one_step = parse(JUDGED.replace('<step id="p2" title="Step p2"', '<step id="p2" title="Step p2" shuffle="false"'))
    seeds = [order_seed(one_step, f'l{i}', 'b', 1) for i in range(10)]
    assert all([c.id for c in choice_order(one_step.step('p2'), seed)] == ['a2', 'b2', 'c2', 'd2'] for seed in seeds)
    assert len({tuple(c.id for c in choice_order(one_step.step('p1'), seed)) for seed in seeds}) > 1


# OLX -----------------------------------------------------------------------------------


def test_export_round_trips_every_new_attribute_and_the_content_note():
    xml = (
        JUDGED.replace('scoring="fit"', 'scoring="fit" shuffle="false" review="ending"')
        .replace('<step id="p1" title="Step p1"', '<step id="p1" title="Step p1" shuffle="false" weight="2.5"')
        .replace(
            '<step id="p2"',
            '<content_note><p>This scenario mentions <strong>self-harm</strong>.</p></content_note><step id="p2"',
        )
    )
    s = parse(xml)
    assert s.content_note == '<p>This scenario mentions <strong>self-harm</strong>.</p>'
    assert s.shuffle is False and s.review == 'ending'
    assert s.step('p1').shuffle is False and s.step('p1').weight == 2.5
    text = olx.to_text(s, {'scoring': 'fit', 'shuffle': 'false', 'review': 'ending'})
    again = parse(text)
    assert again == s and again.shuffle is False and again.review == 'ending'
    assert 'demands="consultative delegated" weight="2"' in text and 'weight="2.5" shuffle="false"' in text
    assert 'weight="1"' not in text and 'shuffle="true"' not in text  # defaults are left out


def test_the_content_note_is_sanitised():
    s = parse(
        scenario(
            '<content_note><p onclick="x()">Note</p><script>bad()</script></content_note>',
            step('a', choice('x', 'e')),
            ending('e'),
        )
    )
    assert s.content_note == '<p>Note</p>'


# shortcut analysis -------------------------------------------------------------------------


def test_strategy_scores_cover_every_strategy_and_are_exact_without_shuffling():
    s = parse(JUDGED.replace('scoring="fit"', 'scoring="fit" shuffle="false"'))
    scores = shortcuts.strategy_scores(s, 'fit')
    assert tuple(scores) == shortcuts.STRATEGIES
    # authored order: first = a1 (consultative, misses), a2 (urgent, misses), a3 (consensual, misses)
    assert scores['first'] == 0.0
    assert scores['last'] == 0.75  # d1 misses p1; d2 (consensual) fits p2 and d3 (delegated) p3: 3 of 4
    assert scores['mode:urgent'] == 0.25 and scores['mode:consultative'] == 0.5
    assert shortcuts.strategy_scores(s, 'none') == {}


def test_a_scenario_no_shortcut_passes_gets_no_warnings():
    s = parse(JUDGED)
    scores = shortcuts.strategy_scores(s, 'fit')
    assert max(scores[k] for k in shortcuts.SHORTCUTS) < 0.5
    assert max(v for k, v in scores.items() if k.startswith('mode:')) <= 0.6
    assert shortcuts.shortcut_warnings(s, 'fit') == [] and messages(JUDGED, level=validation.WARNING) == []


def test_shortcut_warnings_name_the_strategy_and_its_score():
    s = parse(FIT.replace('scoring="fit"', 'scoring="fit" shuffle="false"'))
    warnings = messages(FIT.replace('scoring="fit"', 'scoring="fit" shuffle="false"'), level=validation.WARNING)
    assert (
        'Shortcut: the strategy "first" scores 1.00 on average, at or above the pass level of 0.50, '
        'without any judgement.' in warnings
    )
    assert 'Shortcut: the best choice is listed first on 2 of 2 steps.' in warnings
    assert shortcuts.strategy_scores(s, 'fit')['first'] == 1.0
    longest = parse(
        scenario(
            step('a', choice('x', 'b'), choice('y', 'e0', mode='consensual'), demands='urgent'),
            step('b', choice('z', 'e1', mode='consensual'), choice('w', 'e1', mode='urgent'), demands='urgent'),
            ending('e0'),
            ending('e1'),
            scoring='fit',
        )
        .replace('Label x', 'A much longer label x')
        .replace('Label w', 'A much longer label w')
    )
    texts = [t.format(**p) for t, p in shortcuts.shortcut_warnings(longest, 'fit')]
    assert 'Shortcut: the best choice has the longest label on 2 of 2 steps.' in texts
    assert any('"longest" scores 1.00' in t for t in texts)


def test_single_mode_strategies_warn_above_the_mode_limit_only_for_modes_offered():
    s = parse(GREEDY)
    texts = [t.format(**p) for t, p in shortcuts.shortcut_warnings(s, 'path')]
    assert any('"mode:consensual" (always the same decision mode) scores 1.00' in t for t in texts)
    assert not any('mode:delegated' in t for t in texts)  # no delegated choice: it plays at random


def test_shortcut_warnings_are_not_computed_for_a_broken_scenario():
    xml = scenario(step('a', choice('x', 'ghost')), ending('e'))
    assert not any(m.startswith('Shortcut') for m in messages(xml, level=validation.WARNING))
