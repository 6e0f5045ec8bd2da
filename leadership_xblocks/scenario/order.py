"""The order a learner sees a step's choices in: shuffled per learner, stable within an attempt.

Pure and hash-based (no global random state), so the same learner, block and attempt
always get the same order (reloads, going back), and the shortcut analysis can replay
exactly what a learner would see. Ids, events and reports keep the authored order.
"""

import hashlib


def order_seed(scenario, learner, block, attempt):
    """The seed of one learner's attempt, or None when the scenario keeps the authored order."""
    if scenario.shuffle is False:
        return None
    return f'{learner}\x1f{block}\x1f{attempt}'


def _rank(seed, step_id, choice_id):
    return hashlib.sha256(f'{seed}\x1f{step_id}\x1f{choice_id}'.encode()).digest()


def choice_order(step, seed):
    """The step's choices in the learner's order (authored order when `seed` is None or the
    step has `shuffle="false"`)."""
    if seed is None or step.shuffle is False or len(step.choices) < 2:
        return list(step.choices)
    return sorted(step.choices, key=lambda choice: _rank(seed, step.id, choice.id))
