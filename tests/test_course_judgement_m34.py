"""Modules 3 and 4: the shipped scenarios measure judgement, not test-taking habits.

Each scenario is checked three ways: its authored OLX (label balance, where the key sits, varied
and weighted demands, limited attempts, the nation it is set in), every route through its graph
(the exemplary route reaches full marks, no route with a wrong call does, and each ending only
describes decisions taken on every route into it), and shortcut strategies, both analysed with
`strategy_scores` and played as learners through the block's own handlers.
"""

import importlib.resources
import random
import statistics

import pytest
from lxml import etree

from leadership_xblocks.scenario import olx, scoring, shortcuts
from leadership_xblocks.scenario.shortcuts import strategy_scores
from tests.support.blocks import Learner, load

COURSE = importlib.resources.files('leadership_xblocks.scenarios') / 'course' / 'leadership_scenario'
POSITIONAL = ('first', 'last', 'longest', 'shortest', 'random')
MODE_STRATEGIES = ('mode:urgent', 'mode:consultative', 'mode:consensual', 'mode:delegated')

# file: (nation named in the intro, words the framework must contain)
NATIONS = {
    'm3_amhp_assessment.xml': ('England', ('Social Work England professional standards', 'BASW')),
    'm3_icb_seat.xml': ('England', ('Social Work England professional standards', 'BASW')),
    'm4_family_centres.xml': ('Wales', ('Social Care Wales Code of Professional Practice',)),
    'm4_pandemic_team.xml': ('Northern Ireland', ('NISCC Standards of Conduct and Practice',)),
}
CONTENT_NOTES = {'m3_amhp_assessment.xml', 'm4_pandemic_team.xml'}  # suicide risk, restraint; neglect
EXEMPLARY = {
    'm3_amhp_assessment.xml': [
        ('referral', 'gather_first'),
        ('planning', 'share_tasks'),
        ('door', 'ask_krystyna'),
        ('balcony', 'act_now'),
        ('interview', 'weigh_all'),
        ('decision', 'stay_home'),
        ('home_plan', 'write_together'),
    ],
    'm3_icb_seat.xml': [
        ('heard_late', 'listen_first'),
        ('shared_voice', 'convene'),
        ('programme_director', 'problem_first'),
        ('board_meeting', 'co_design'),
        ('design_group', 'host_it'),
        ('winter', 'protect_core'),
    ],
    'm4_family_centres.xml': [
        ('savings_target', 'understand_first'),
        ('who_decides', 'reshape'),
        ('options', 'agree_criteria'),
        ('impact', 'commission_assessment'),
        ('contested_call', 'decide_explain'),
        ('telling_people', 'stay_through'),
        ('staff_change', 'delegate_design'),
        ('one_year_on', 'evaluate_together'),
    ],
    'm4_pandemic_team.xml': [
        ('lockdown_night', 'interim_plan'),
        ('triage', 'share_rag'),
        ('shielding', 'talk_each'),
        ('outbreak', 'act_now'),
        ('after_outbreak', 'agree_together'),
        ('recovery', 'keep_together'),
    ],
}
# ending: (one of these decisions is on every route into it, none of these is on any route into it)
ENDING_FACTS = {
    'm3_amhp_assessment.xml': {
        'admitted_far': ({('decision_pressed', 'apply_now')}, set()),
        'admitted_with_dignity': ({('admission_plan', 'agree_family')}, set()),
        'home_treatment_safe': (
            {('home_plan', 'write_together'), ('loose_ends', 'agree_now')},
            {('decision', 'admit_explained'), ('decision', 'apply_and_go')},
        ),
    },
    'm3_icb_seat.xml': {
        'seat_earned': ({('winter', 'protect_core'), ('winter', 'priya_leads')}, set()),
    },
    'm4_family_centres.xml': {
        ending: ({('contested_call', 'decide_explain')}, set())
        for ending in ('changed_together', 'savings_with_scars', 'repaired_late')
    }
    | {
        ending: (
            {('contested_call', 'pass_to_cabinet'), ('contested_call', 'one_more_round')},
            {('contested_call', 'decide_explain')},
        )
        for ending in ('closures_imposed', 'imposed_but_learning')
    },
    'm4_pandemic_team.xml': {
        'team_held': ({('outbreak', 'act_now')}, set()),
        'service_held_team_worn': ({('outbreak', 'act_now')}, set()),
        'lessons_hard_way': (
            {('weekend_gap', 'learn_together'), ('weekend_gap', 'new_rule'), ('weekend_gap', 'to_governance')},
            {('outbreak', 'act_now')},
        ),
    },
}
FILES = sorted(NATIONS)


def read(name):
    text = (COURSE / name).read_text(encoding='utf-8')
    root = etree.fromstring(text.encode('utf-8'))
    return olx.parse_element(root, sanitize=True), root, text


def routes(scenario):
    """Every route from the start to an ending, as a list of (step, choice) and the ending id."""
    found = []

    def walk(node, route):
        step = scenario.step(node)
        if step is None:
            found.append((route, node))
            return
        for choice in step.choices:
            walk(choice.target, route + [(step, choice)])

    walk(scenario.start, [])
    return found


def route_score(scenario, kind, route, ending):
    history = [{'step': step.id, 'choice': choice.id} for step, choice in route]
    return scoring.attempt_score(scenario, kind, history, ending)


def fits(step, choice):
    return choice.mode in step.fitting_modes


@pytest.fixture(scope='module', params=FILES)
def shipped(request):
    scenario, root, text = read(request.param)
    return request.param, scenario, root, text


def test_labels_are_balanced_and_the_key_is_neither_first_nor_longest_by_habit(shipped):
    _name, scenario, _root, _text = shipped
    judged = [step for step in scenario.steps if step.fitting_modes]
    for step in scenario.steps:
        lengths = [len(choice.label) for choice in step.choices]
        assert max(lengths) <= 1.3 * statistics.median(lengths), (step.id, lengths)
    first = sum(fits(step, step.choices[0]) for step in judged)
    longest = sum(fits(step, max(step.choices, key=lambda c: len(c.label))) for step in judged)
    shortest = sum(fits(step, min(step.choices, key=lambda c: len(c.label))) for step in judged)
    assert first <= len(judged) * 0.4 and longest <= len(judged) * 0.45 and shortest <= len(judged) * 0.45
    positions = {index for step in judged for index, choice in enumerate(step.choices) if fits(step, choice)}
    assert positions >= {0, 1, 2}


def test_demands_vary_and_duties_weigh_more(shipped):
    _name, scenario, _root, _text = shipped
    demanded = [mode for step in scenario.steps for mode in step.fitting_modes]
    assert {'urgent', 'consensual'} <= set(demanded) and len(set(demanded)) >= 3
    assert max(demanded.count(mode) for mode in set(demanded)) <= 0.5 * len(demanded)
    assert any(step.weight_value >= 2 for step in scenario.steps)
    assert all(step.fitting_modes for step in scenario.steps)


def test_across_modules_3_and_4_timed_steps_do_not_always_want_urgent_and_some_steps_accept_two_modes():
    steps = [step for name in FILES for step in read(name)[0].steps]
    timed = [step for step in steps if step.time_limit]
    assert len(timed) >= 3 and any('urgent' not in step.fitting_modes for step in timed)
    assert sum(len(step.fitting_modes) > 1 for step in steps) >= 3


def test_graded_with_limited_attempts_and_the_review_only_at_the_end(shipped):
    name, scenario, root, _text = shipped
    assert root.get('scoring') in ('fit', 'path')
    assert 1 <= int(root.get('max_attempts')) <= 3
    assert root.get('review') == 'final' and root.get('allow_back') == 'false'
    assert bool(scenario.content_note) == (name in CONTENT_NOTES)


def test_set_in_one_nation_with_its_standards_and_dated_law(shipped):
    name, scenario, root, _text = shipped
    nation, framework_words = NATIONS[name]
    assert f'Set in {nation}' in scenario.intro
    assert 'as at December 2026' in scenario.intro
    assert all(words in root.get('framework') for words in framework_words)
    cite = (
        'Miller RS and Geoghegan L (Eds) (2022) <cite>Leadership and Social Work in the UK: Valuing '
        'its Potential: A roundtable discussion</cite>. Birmingham: BASW / University of Birmingham.'
    )
    assert cite in scenario.debrief


def test_every_choice_names_its_leadership_idea(shipped):
    _name, scenario, _root, _text = shipped
    for step in scenario.steps:
        for choice in step.choices:
            assert 'Leadership idea:' in choice.feedback, (step.id, choice.id)


def test_every_route_is_long_enough_and_only_the_right_calls_score_full_marks(shipped):
    name, scenario, root, _text = shipped
    kind = root.get('scoring')
    found = routes(scenario)
    assert min(len(route) for route, _ending in found) >= 6
    assert len({ending.score for ending in scenario.endings}) >= 3
    for route, ending in found:
        all_fit = all(fits(step, choice) for step, choice in route)
        score = route_score(scenario, kind, route, ending)
        assert (score == pytest.approx(1.0)) == all_fit, ([(s.id, c.id) for s, c in route], score)
    exemplary = EXEMPLARY[name]
    steps = dict((step.id, step) for step in scenario.steps)
    route = [(steps[step_id], steps[step_id].choice(choice_id)) for step_id, choice_id in exemplary]
    assert route_score(scenario, kind, route, route[-1][1].target) == pytest.approx(1.0)


def test_a_missed_weighted_duty_costs_more_than_a_minor_call(shipped):
    _name, scenario, root, _text = shipped
    kind = root.get('scoring')
    heavy = {step.id for step in scenario.steps if step.weight_value >= 2}
    worst_with_heavy_miss, best_with_light_miss = 1.0, 0.0
    for route, ending in routes(scenario):
        misses = [step.id for step, choice in route if not fits(step, choice)]
        if len(misses) != 1:
            continue
        score = route_score(scenario, kind, route, ending)
        if misses[0] in heavy:
            worst_with_heavy_miss = min(worst_with_heavy_miss, score)
        else:
            best_with_light_miss = max(best_with_light_miss, score)
    assert worst_with_heavy_miss < best_with_light_miss


def test_endings_describe_only_decisions_taken_on_every_route_into_them(shipped):
    name, scenario, _root, _text = shipped
    facts = ENDING_FACTS[name]
    reached = set()
    for route, ending in routes(scenario):
        reached.add(ending)
        if ending in facts:
            one_of, never = facts[ending]
            taken = {(step.id, choice.id) for step, choice in route}
            assert taken & one_of, (ending, sorted(taken))
            assert not taken & never, (ending, sorted(taken & never))
    assert reached == {ending.id for ending in scenario.endings}


def test_no_shortcut_strategy_passes(shipped):
    _name, scenario, root, _text = shipped
    scores = strategy_scores(scenario, root.get('scoring'), learners=200, seed=0)
    assert set(scores) == set(POSITIONAL + MODE_STRATEGIES)
    for strategy in POSITIONAL:
        assert scores[strategy] <= 0.5, (strategy, scores)
    for strategy in MODE_STRATEGIES:
        assert scores[strategy] <= 0.6, (strategy, scores)


# Playing through the block's own handlers, as a learner who games the exercise would.


def play(usage, learner_id, chooser):
    """Play one attempt through the handlers; returns (score, the choice ids in the order shown)."""
    learner = Learner(usage, learner_id)
    state = learner.ok('student_view_user_state')
    orders = []
    while state.get('ending') is None:
        choices = state['step']['choices']
        orders.append([c['id'] for c in choices])
        state = learner.ok('choose', {'step': state['step']['id'], 'choice': chooser(state['step'], choices)['id']})
    return state['score'], orders


@pytest.fixture(scope='module')
def usages():
    return {name: load(read(name)[2]) for name in FILES}


@pytest.mark.parametrize('name', FILES)
def test_shortcuts_played_through_the_handlers_do_not_pass_and_agree_with_the_analysis(usages, name):
    """Ten learners per strategy: position, length, random, and the single mode the analysis
    rates highest. A sample this small wanders, so the bounds allow about two standard errors."""
    scenario, root, _text = read(name)
    analysed = strategy_scores(scenario, root.get('scoring'), learners=200, seed=0)
    riskiest_mode = max(MODE_STRATEGIES, key=analysed.get)
    for strategy in ('first', 'longest', 'random', riskiest_mode):
        rng = random.Random(strategy)

        def chooser(step, choices, strategy=strategy, rng=rng):
            shown = [scenario.step(step['id']).choice(c['id']) for c in choices]  # in the order shown
            return {'id': shortcuts.pick(strategy, shown, rng).id}

        played = [play(usages[name], f'{strategy}-{n}', chooser)[0] for n in range(10)]
        mean = statistics.mean(played)
        assert mean <= (0.65 if strategy in POSITIONAL else 0.75), (strategy, played)
        assert abs(mean - analysed[strategy]) <= 0.2, (strategy, mean, analysed[strategy])


@pytest.mark.parametrize('name', FILES)
def test_the_exemplary_route_reaches_full_marks_through_the_handlers(usages, name):
    route = dict(EXEMPLARY[name])
    score, _orders = play(
        usages[name], 'exemplary', lambda step, choices: next(c for c in choices if c['id'] == route[step['id']])
    )
    assert score == pytest.approx(1.0)


@pytest.mark.parametrize('name', FILES)
def test_two_learners_see_the_choices_in_different_orders(usages, name):
    route = dict(EXEMPLARY[name])
    seen = [
        play(
            usages[name], f'order-{n}', lambda step, choices: next(c for c in choices if c['id'] == route[step['id']])
        )[1]
        for n in range(2)
    ]
    assert seen[0] != seen[1]
    assert [sorted(order) for order in seen[0]] == [sorted(order) for order in seen[1]]
