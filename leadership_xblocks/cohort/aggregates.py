"""Cohort aggregates: the rules of what counts, in plain Python (no Django, no XBlock).

Rows are as `leadership_xblocks.records` yields them (model instances or dicts with `data`,
`completed`, `score`, `consent`). `cohort.figures` turns each row into its contribution to the
block's summary figures; `scenario_totals` and `generic_totals` here recompute them from every
row (the `--check` of the summaries, and tests), while the views read the stored summaries.

Scenario record data (what `scenario/cohort.py` writes, `v` = 1)::

    {"v": 1, "attempt": 2,
     "path": [{"step": "referral", "choice": "visit_today", "mode": "urgent",
               "demand": "urgent", "seconds": 12.5, "timed_out": false}, ...],
     "finished": [{"attempt": 1, "ending": "family_safe", "score": 1.0,
                   "path": [...], "competencies": {"safety": 3}}, ...],
     "earlier": {"referral": {"step": "referral", "choice": ...}, ...}}

`path` is the current attempt so far (a finished current attempt also appears as the last
entry of `finished`). `finished` keeps the newest attempts only; `earlier` (when present)
holds, for each step, the latest decision of the older attempts dropped from it, so a row's
size is bounded however often a learner replays. The cohort path of a learner is defined as:

* at each step, the learner's *standing decision*: their most recent decision at that step
  that still stands, taken from the current attempt, else from the newest finished attempt
  that reached that step (else from `earlier`). A decision undone with "back" no longer stands. Each learner
  counts at most once per step.
* endings, scores, whole paths and competency profiles: the learner's latest finished attempt.
"""

import math
from collections import Counter

MIN_COHORT = 5  # fewer learners than this and no cohort figure is shown to learners
SCORE_BINS = 10
TOP_PATHS = 5


def effective_minimum(minimum=None):
    """The author's minimum, never below MIN_COHORT (bad values count as MIN_COHORT)."""
    try:
        value = int(minimum)
    except (TypeError, ValueError):
        return MIN_COHORT
    return max(MIN_COHORT, value)


def enough(n, minimum=None):
    return isinstance(n, int) and n >= effective_minimum(minimum)


def if_enough(value, n, minimum=None):
    """`value` when at least the minimum number of learners stand behind it, else None."""
    return value if enough(n, minimum) else None


def field(row, name, default=None):
    """Read `data`, `completed`, `score`... from a model instance or a dict."""
    if isinstance(row, dict):
        return row.get(name, default)
    return getattr(row, name, default)


def _number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if math.isnan(value) or math.isinf(value) else float(value)


def shares(counts, n, order=()):
    """[{key, count, share}] for `order` first (zeros included), then any other keys by count."""
    keys = list(order) + sorted((k for k in counts if k not in order), key=lambda k: (-counts[k], str(k)))
    return [{'key': k, 'count': counts.get(k, 0), 'share': round(counts.get(k, 0) / n, 4) if n else 0.0} for k in keys]


def numeric_means(dicts):
    """Means of numeric dicts, key by key: {'n': dicts seen, 'means': {k: mean}, 'counts': {k: n}}.

    E.g. self-assessment dimension scores or time-allocation percentages per learner.
    Non-numeric values (and booleans) are skipped, so a key's mean is over the dicts having it.
    """
    totals, counts, seen = {}, Counter(), 0
    for item in dicts:
        if not isinstance(item, dict):
            continue
        seen += 1
        for key, value in item.items():
            number = _number(value)
            if number is not None:
                totals[key] = totals.get(key, 0.0) + number
                counts[key] += 1
    return {'n': seen, 'means': {k: round(totals[k] / counts[k], 4) for k in totals}, 'counts': dict(counts)}


def mean_of_dicts(dicts):
    """{key: mean} over numeric dicts (see `numeric_means`)."""
    return numeric_means(dicts)['means']


def score_distribution(scores, bins=SCORE_BINS):
    """Scores in 0..1 in `bins` equal bins (1.0 falls in the last): {n, mean, bins: [{from, to, count}]}."""
    counts = [0] * bins
    total, n = 0.0, 0
    for score in scores:
        score = _number(score)
        if score is None:
            continue
        score = min(1.0, max(0.0, score))
        counts[min(bins - 1, int(score * bins))] += 1
        total += score
        n += 1
    return {
        'n': n,
        'mean': round(total / n, 4) if n else None,
        'bins': [{'from': round(i / bins, 4), 'to': round((i + 1) / bins, 4), 'count': counts[i]} for i in range(bins)],
    }


# Scenario records ------------------------------------------------------------------


def path_decisions(path):
    """The well-formed decisions of a recorded path (dicts with a step id)."""
    return [e for e in (path or ()) if isinstance(e, dict) and isinstance(e.get('step'), str)]


def latest_finished(data):
    finished = [f for f in (data or {}).get('finished') or () if isinstance(f, dict)]
    return finished[-1] if finished else None


def standing_decisions(data):
    """{step id: entry}: the learner's most recent decision at each step that still stands."""
    data = data or {}
    earlier = data.get('earlier')
    standing = {e['step']: e for e in path_decisions(earlier.values() if isinstance(earlier, dict) else ())}
    for attempt in data.get('finished') or ():
        if isinstance(attempt, dict):
            for entry in path_decisions(attempt.get('path')):
                standing[entry['step']] = entry
    for entry in path_decisions(data.get('path')):
        standing[entry['step']] = entry
    return standing


def scenario_totals(rows, top_paths=TOP_PATHS):
    """Everything the cohort views need about one scenario block, recomputed from all its rows
    (the views read the same figures from the summary rows: `cohort.figures`)."""
    from . import figures

    return figures.scenario_totals(*figures.recompute(rows, top_paths))


def generic_totals(rows, mean_keys=()):
    """Started, completed and score distribution of any block; plus, for each key in
    `mean_keys`, the means of the numeric dict stored under `data[key]` (time allocation,
    self-assessment dimensions...), recomputed from all its rows."""
    from . import figures

    return figures.generic_totals(figures.recompute(rows)[0], mean_keys)
