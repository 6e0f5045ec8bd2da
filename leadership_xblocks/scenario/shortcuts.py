"""Shortcut analysis for authors: could a learner pass without judgement?

Simulated learners play the scenario with the same functions the block's handlers use
(`order.choice_order` for the order they see, `scoring.attempt_score` at the ending, a
choice's `target` to move on, as `engine.choose` does), each following one strategy:
always the first or last choice in the order they see, the longest or shortest label,
a uniformly random choice, or always one decision mode. The timer never runs out for
them. `strategy_scores` gives each strategy's mean score; `shortcut_warnings` turns the
worrying ones into messages for `validation.validate` (warnings, never errors: an author
may have reasons).
"""

import random

from ..i18n import gettext_noop as _
from . import graph
from .model import MODES
from .order import choice_order, order_seed
from .scoring import attempt_score

STRATEGIES = ('first', 'last', 'longest', 'shortest', 'random') + tuple(f'mode:{mode}' for mode in MODES)
SHORTCUTS = ('first', 'last', 'longest', 'shortest', 'random')  # judged against the pass threshold
MODE_LIMIT = 0.6  # a single-mode strategy above this is warned about
SIMULATED_BLOCK = 'shortcut-analysis'  # the block id simulated learners' orders are seeded with
STRATEGY_LABELS = {
    'first': _('Always the first choice shown'),
    'last': _('Always the last choice shown'),
    'longest': _('Always the longest label'),
    'shortest': _('Always the shortest label'),
    'random': _('A choice at random'),
    'mode:urgent': _('Always an urgent choice'),
    'mode:consultative': _('Always a consultative choice'),
    'mode:consensual': _('Always a consensual choice'),
    'mode:delegated': _('Always a delegated choice'),
}
PASS_THRESHOLD = 0.5  # the default pass level shortcuts are judged against
MOVE_BUDGET = 300000  # simulated moves per analysis: very large scenarios get fewer learners


def simulated_learner(seed, index):
    """The anonymous id of simulated learner `index` (a test can play the block as them)."""
    return f'shortcut-{seed}-{index}'


def learner_random(seed, index, strategy):
    """The random source of one simulated learner's strategy (its own, not the global one)."""
    return random.Random(f'{seed}\x1f{index}\x1f{strategy}')


def pick(strategy, choices, rng):
    """The choice a strategy takes from `choices`, listed in the order the learner sees them."""
    if strategy == 'first':
        return choices[0]
    if strategy == 'last':
        return choices[-1]
    if strategy == 'longest':
        return max(choices, key=lambda c: len(c.label))  # ties: the first seen
    if strategy == 'shortest':
        return min(choices, key=lambda c: len(c.label))
    if strategy == 'random':
        return rng.choice(choices)
    if strategy.startswith('mode:'):
        of_mode = [c for c in choices if c.mode == strategy[5:]]
        return rng.choice(of_mode or choices)
    raise ValueError(f'Unknown strategy {strategy!r}')


def play_strategy(scenario, scoring, strategy, learner, block, rng, best_route=None):
    """One simulated learner's first attempt, as the handlers would play it; its score (0
    when no ending is reached within a generous number of moves, as can happen in a loop).
    `best_route`: `graph.best_points(scenario)`, computed once by the caller (`path`)."""
    seed = order_seed(scenario, learner, block, 1)
    history = []
    node = scenario.start
    for _move in range(10 * len(scenario.steps) + 10):
        step = scenario.step(node)
        if step is None:
            break
        choice = pick(strategy, choice_order(step, seed), rng)
        history.append({'step': step.id, 'choice': choice.id})
        node = choice.target
        if scenario.ending(node) is not None:
            return attempt_score(scenario, scoring, history, node, best_route) or 0.0
    return 0.0


def _deterministic(scenario, strategy):
    """True when every simulated learner would play the strategy the same way (no shuffling
    anywhere, so no learner's order differs)."""
    shuffled = scenario.shuffle is not False and any(s.shuffle is not False for s in scenario.steps)
    return strategy in ('first', 'last', 'longest', 'shortest') and not shuffled


def strategy_scores(scenario, scoring, learners=200, seed=0, block=SIMULATED_BLOCK, learner_ids=None):
    """{strategy: mean score} over `learners` simulated learners per strategy ({} when ungraded).

    Learner `i` has the anonymous id `simulated_learner(seed, i)` (or `learner_ids[i]`) and
    sees the choices in the order the block `block` would show that learner.
    """
    if scoring == 'none' or not scenario.steps:
        return {}
    learners = max(10, min(learners, MOVE_BUDGET // (len(STRATEGIES) * len(scenario.steps))))
    ids = list(learner_ids) if learner_ids is not None else [simulated_learner(seed, i) for i in range(learners)]
    best_route = graph.best_points(scenario) if scoring == 'path' else None
    scores = {}
    for strategy in STRATEGIES:
        count = 1 if _deterministic(scenario, strategy) else len(ids)
        total = sum(
            play_strategy(scenario, scoring, strategy, ids[i], block, learner_random(seed, i, strategy), best_route)
            for i in range(count)
        )
        scores[strategy] = total / count
    return scores


def _best_to_go(scenario, scoring):
    """{node: the best score or points still reachable from it}, or None when not computable."""
    if scoring == 'ending':
        best = {e.id: e.score if isinstance(e.score, float) else 0.0 for e in scenario.endings}
        changed = True
        while changed:  # values only grow and are bounded, so this settles (loops allowed)
            changed = False
            for step in scenario.steps:
                options = [best[t] for t, _points in graph.edges(scenario, step.id) if t in best]
                if options and max(options) > best.get(step.id, -1.0):
                    best[step.id] = max(options)
                    changed = True
        return best
    if scoring == 'path' and graph.find_cycle(scenario) is None:
        return graph.best_points_from(scenario)
    return None


def choice_values(scenario, scoring, step, best=None):
    """{choice id: how good it is} on one step, or None when the step does not rank its choices.

    `fit`: 1 for a fitting mode, 0 otherwise (judged steps only). `ending`: the best ending
    score still reachable after the choice. `path`: its points plus the best points after it.
    `best`: `_best_to_go(scenario, scoring)` when the caller has it already.
    """
    if scoring == 'fit':
        if not step.fitting_modes:
            return None
        return {c.id: float(c.mode in step.fitting_modes) for c in step.choices}
    best = best if best is not None else _best_to_go(scenario, scoring)
    if best is None:
        return None
    return {
        c.id: (step.credited_points(c) if scoring == 'path' else 0.0) + best.get(c.target, 0.0) for c in step.choices
    }


def best_choice_positions(scenario, scoring):
    """(steps ranking their choices, steps whose best choice is listed first, steps whose
    best choice has the uniquely longest label), in authored order."""
    ranked = first = longest = 0
    best = _best_to_go(scenario, scoring)
    for step in scenario.steps:
        values = choice_values(scenario, scoring, step, best)
        if not values or len(set(values.values())) < 2:
            continue
        top = max(values.values())
        ranked += 1
        first += values[step.choices[0].id] == top
        lengths = sorted((len(c.label), c.id) for c in step.choices)
        if lengths[-1][0] > lengths[-2][0]:
            longest += values[lengths[-1][1]] == top
    return ranked, first, longest


def passing_shortcuts(scenario, scores, threshold=PASS_THRESHOLD):
    """The strategies whose score is too high: positional, length and random ones at or above
    `threshold`, single-mode ones above `MODE_LIMIT` (for modes the scenario offers: any other
    mode plays at random)."""
    offered = {f'mode:{c.mode}' for step in scenario.steps for c in step.choices}
    return [
        strategy
        for strategy, score in scores.items()
        if (strategy in SHORTCUTS and score >= threshold) or (strategy in offered and score > MODE_LIMIT)
    ]


def shortcut_warnings(scenario, scoring, threshold=PASS_THRESHOLD, scores=None):
    """[(untranslated template, params)] for every shortcut that would pass, and for best
    choices that are mostly first or longest. Messages name the strategy and its score."""
    if scores is None:
        scores = strategy_scores(scenario, scoring)
    warnings = []
    for strategy in passing_shortcuts(scenario, scores, threshold):
        params = {'strategy': strategy, 'score': f'{scores[strategy]:.2f}'}
        if strategy in SHORTCUTS:
            warnings.append(
                (
                    _(
                        'Shortcut: the strategy "{strategy}" scores {score} on average, at or above '
                        'the pass level of {threshold}, without any judgement.'
                    ),
                    dict(params, threshold=f'{threshold:.2f}'),
                )
            )
        else:
            warnings.append(
                (
                    _(
                        'Shortcut: the strategy "{strategy}" (always the same decision mode) scores '
                        '{score} on average, above {limit}.'
                    ),
                    dict(params, limit=f'{MODE_LIMIT:.2f}'),
                )
            )
    ranked, first, longest = best_choice_positions(scenario, scoring)
    if ranked and first * 2 > ranked:
        warnings.append(
            (
                _('Shortcut: the best choice is listed first on {count} of {total} steps.'),
                {'count': first, 'total': ranked},
            )
        )
    if ranked and longest * 2 > ranked:
        warnings.append(
            (
                _('Shortcut: the best choice has the longest label on {count} of {total} steps.'),
                {'count': longest, 'total': ranked},
            )
        )
    return warnings
