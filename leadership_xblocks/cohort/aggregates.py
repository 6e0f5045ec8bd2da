"""Cohort aggregates computed from learner records, in plain Python (no Django, no XBlock).

Every function takes rows as `leadership_xblocks.records` yields them (model instances or
dicts with `data`, `completed`, `score`) and computes the figures from scratch, so an
aggregate is always exactly the sum over the learners' own rows.

Scenario record data (what `scenario/cohort.py` writes, `v` = 1)::

    {"v": 1, "attempt": 2,
     "path": [{"step": "referral", "choice": "visit_today", "mode": "urgent",
               "demand": "urgent", "seconds": 12.5, "timed_out": false}, ...],
     "finished": [{"attempt": 1, "ending": "family_safe", "score": 1.0,
                   "path": [...], "competencies": {"safety": 3}}, ...]}

`path` is the current attempt so far (a finished current attempt also appears as the last
entry of `finished`). The cohort path of a learner is defined as:

* at each step, the learner's *standing decision*: their most recent decision at that step
  that still stands, taken from the current attempt, else from the newest finished attempt
  that reached that step. A decision undone with "back" no longer stands. Each learner
  counts at most once per step.
* endings, scores, whole paths and competency profiles: the learner's latest finished attempt.
"""

import math
from collections import Counter

from ..scenario.scoring import TIMEOUT  # the choice id a timed-out decision carries

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


def _entries(path):
    return [e for e in (path or ()) if isinstance(e, dict) and isinstance(e.get('step'), str)]


def latest_finished(data):
    finished = [f for f in (data or {}).get('finished') or () if isinstance(f, dict)]
    return finished[-1] if finished else None


def standing_decisions(data):
    """{step id: entry}: the learner's most recent decision at each step that still stands."""
    data = data or {}
    standing = {}
    for attempt in data.get('finished') or ():
        if isinstance(attempt, dict):
            for entry in _entries(attempt.get('path')):
                standing[entry['step']] = entry
    for entry in _entries(data.get('path')):
        standing[entry['step']] = entry
    return standing


def path_key(attempt):
    """A hashable key of a finished attempt's route: ((step, choice), ...), ending."""
    return tuple((e['step'], e.get('choice')) for e in _entries(attempt.get('path'))), attempt.get('ending')


class ScenarioTotals:
    """Running totals over scenario records; `add(row)` each, then `as_dict()`."""

    def __init__(self):
        self.learners = 0
        self.completed = 0
        self.steps = {}
        self.endings = Counter()
        self.paths = Counter()
        self.finished = 0
        self.scores = []
        self.competencies = []

    def _step(self, step_id):
        if step_id not in self.steps:
            self.steps[step_id] = {
                'n': 0,
                'choices': Counter(),
                'modes': Counter(),
                'timeouts': 0,
                'seconds_total': 0.0,
                'seconds_n': 0,
            }
        return self.steps[step_id]

    def add(self, row):
        data = field(row, 'data') or {}
        if not isinstance(data, dict):
            data = {}
        self.learners += 1
        if field(row, 'completed'):
            self.completed += 1
            score = _number(field(row, 'score'))
            if score is not None:
                self.scores.append(score)
        for step_id, entry in standing_decisions(data).items():
            totals = self._step(step_id)
            totals['n'] += 1
            timed_out = bool(entry.get('timed_out')) or entry.get('choice') == TIMEOUT
            if timed_out:
                totals['timeouts'] += 1
            else:
                totals['choices'][entry.get('choice')] += 1
                if entry.get('mode'):
                    totals['modes'][entry['mode']] += 1
            seconds = _number(entry.get('seconds'))
            if seconds is not None:
                totals['seconds_total'] += seconds
                totals['seconds_n'] += 1
        last = latest_finished(data)
        if last is not None:
            self.finished += 1
            self.endings[last.get('ending')] += 1
            self.paths[path_key(last)] += 1
            self.competencies.append(last.get('competencies') or {})

    def as_dict(self, top_paths=TOP_PATHS):
        """Plain JSON-able totals (ids only; labels are added by the blocks' `payloads.py`)."""
        steps = {}
        for step_id, t in self.steps.items():
            steps[step_id] = {
                'n': t['n'],
                'choices': dict(t['choices']),
                'modes': dict(t['modes']),
                'timeouts': t['timeouts'],
                'mean_seconds': round(t['seconds_total'] / t['seconds_n'], 1) if t['seconds_n'] else None,
            }
        competency = numeric_means(self.competencies)
        return {
            'learners': self.learners,
            'completed': self.completed,
            'finished': self.finished,
            'steps': steps,
            'timeouts': sum(t['timeouts'] for t in self.steps.values()),
            'endings': dict(self.endings),
            'paths': [
                {'path': [list(p) for p in key[0]], 'ending': key[1], 'count': count}
                for key, count in sorted(self.paths.items(), key=lambda kv: (-kv[1], repr(kv[0])))[:top_paths]
            ],
            'scores': score_distribution(self.scores),
            'competencies': competency['means'],
            'competency_n': competency['n'],
        }


def scenario_totals(rows, top_paths=TOP_PATHS):
    """Everything the cohort views need about one scenario block, in one pass over its rows."""
    totals = ScenarioTotals()
    for row in rows:
        totals.add(row)
    return totals.as_dict(top_paths=top_paths)


def generic_totals(rows, mean_keys=()):
    """Started, completed and score distribution of any block; plus, for each key in
    `mean_keys`, the means of the numeric dict stored under `data[key]` (time allocation,
    self-assessment dimensions...)."""
    learners = completed = 0
    scores = []
    dicts = {key: [] for key in mean_keys}
    for row in rows:
        learners += 1
        if field(row, 'completed'):
            completed += 1
            score = _number(field(row, 'score'))
            if score is not None:
                scores.append(score)
        data = field(row, 'data') or {}
        for key in mean_keys:
            value = data.get(key) if isinstance(data, dict) else None
            if isinstance(value, dict):
                dicts[key].append(value)
    return {
        'learners': learners,
        'completed': completed,
        'scores': score_distribution(scores),
        'means': {key: numeric_means(values) for key, values in dicts.items()},
    }
