"""A learner row's contribution to its block's summary figures, and the totals built from them.

Plain Python (no Django, no XBlock). Every cohort figure is a sum over learners, so each row
contributes a small dict `{figure: (n, total)}` and a block's figures are the sum of its rows'
contributions. A learner write applies `difference(old, new)` to the stored summary rows
(`cohort.summaries`), and `--check` compares them with `add_up(rows)`: both use this one
definition, so the summaries equal a full recomputation by construction.

A figure is a tuple: its kind, then ids (see `contributions`). Totals are integers in
millionths (`SCALE`), so sums are exact and independent of the order learners wrote in.
"""

import functools
import hashlib
import json
from collections import defaultdict

from ..scenario.scoring import TIMEOUT  # the choice id a timed-out decision carries
from .aggregates import SCORE_BINS, TOP_PATHS, _number, latest_finished, path_decisions, standing_decisions

SCALE = 1_000_000
PATH = 'path'  # the one kind not read in full: the top paths come from an ordered, bounded query


def fixed(value):
    return int(round(value * SCALE))


def contributions(row):
    """{figure: (n, total)} of one row (`data`, `completed`, `score`, `consent`), zeros left out."""
    data = row.get('data') if isinstance(row, dict) else getattr(row, 'data', None)
    data = data if isinstance(data, dict) else {}
    completed, consent = bool(_get(row, 'completed')), bool(_get(row, 'consent'))
    out = defaultdict(lambda: [0, 0])

    def add(figure, total=0):
        out[figure][0] += 1
        out[figure][1] += total

    add(('learners',))
    score = _number(_get(row, 'score'))
    if completed:
        add(('completed',))
        if score is not None:
            score = min(1.0, max(0.0, score))
            add(('score',), fixed(score))
            add(('bin', min(SCORE_BINS - 1, int(score * SCORE_BINS))))
    _scenario(data, add)
    for key, value in data.items():
        if isinstance(value, dict):
            _means(('mean_n', key), ('mean', key), value, add)
            if consent and completed:
                _means(('cmean_n', key), ('cmean', key), value, add)
    return {figure: tuple(value) for figure, value in out.items()}


def _get(row, name):
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


def _means(count_figure, prefix, values, add):
    add(count_figure)
    for sub, value in values.items():
        number = _number(value)
        if number is not None:
            add(prefix + (sub,), fixed(number))


def _scenario(data, add):
    """Standing decisions per step, and the latest finished attempt (see `aggregates`)."""
    for step_id, entry in standing_decisions(data).items():
        add(('step', step_id))
        if bool(entry.get('timed_out')) or entry.get('choice') == TIMEOUT:
            add(('timeout', step_id))
        else:
            add(('choice', step_id, entry.get('choice')))
            if entry.get('mode'):
                add(('mode', step_id, entry['mode']))
        seconds = _number(entry.get('seconds'))
        if seconds is not None:
            add(('seconds', step_id), fixed(seconds))
    last = latest_finished(data)
    if last is not None:
        add(('finished',))
        add(('ending', last.get('ending')))
        route = [[e['step'], e.get('choice')] for e in path_decisions(last.get('path'))]
        add((PATH, json.dumps([route, last.get('ending')], separators=(',', ':'))))
        competencies = last.get('competencies') or {}
        if isinstance(competencies, dict):
            _means(('comp_n',), ('comp',), competencies, add)


def difference(old, new):
    """{figure: (dn, dtotal)} turning the contributions `old` into `new` (unchanged figures left out)."""
    out = {}
    for figure in set(old) | set(new):
        before, after = old.get(figure, (0, 0)), new.get(figure, (0, 0))
        delta = (after[0] - before[0], after[1] - before[1])
        if delta != (0, 0):
            out[figure] = delta
    return out


def add_up(rows):
    """The full recomputation: {figure: (n, total)} summed over `rows`, zeros left out."""
    sums = defaultdict(lambda: [0, 0])
    for row in rows:
        for figure, (n, total) in contributions(row).items():
            sums[figure][0] += n
            sums[figure][1] += total
    return {figure: tuple(value) for figure, value in sums.items() if tuple(value) != (0, 0)}


def recompute(rows, limit=TOP_PATHS):
    """({figure: (n, total)} but the paths, top paths) summed over every row: what `summaries.read` returns."""
    sums = add_up(rows)
    paths = {f: value for f, value in sums.items() if f[0] == PATH}
    return {f: value for f, value in sums.items() if f[0] != PATH}, top_paths(paths, limit)


@functools.lru_cache(maxsize=50_000)
def storage_key(figure):
    """The unique key of a figure in its block: its kind and a hash of its parts (lower-case hex, so a
    case-insensitive collation such as MariaDB's utf8mb4_unicode_ci cannot merge ids differing in case).
    Remembered per process: each decision asks for the key of every figure of the learner's record."""
    return f'{figure[0]}:' + hashlib.sha256(detail(figure).encode('utf-8')).hexdigest()


def detail(figure):
    """A figure as the JSON text stored beside its key (`from_detail` reads it back)."""
    return json.dumps(list(figure), separators=(',', ':'))


def from_detail(text):
    return tuple(json.loads(text))


def top_paths(path_figures, limit=TOP_PATHS):
    """[(figure, n)] of the most common paths: by count, ties by storage key descending (as the index reads)."""
    ranked = sorted(((storage_key(f), f, n) for f, (n, _t) in path_figures.items() if n > 0), reverse=True)
    ranked.sort(key=lambda item: -item[2])
    return [(figure, n) for _key, figure, n in ranked[:limit]]


# Totals as the views read them (the blocks' `payloads.py`) -------------------------------------------------


def _mean(total, n, digits):
    return round(total / SCALE / n, digits) if n else None


def _counter(sums, kind, *prefix):
    size = len(prefix) + 1
    return {
        f[size]: n for f, (n, _t) in sums.items() if f[0] == kind and f[1:size] == prefix and len(f) == size + 1 and n
    }


def _per_step(sums, kinds):
    """{(kind, step id): {id: n}} of the figures (kind, step, id) of `kinds`: what `_counter` gives for each
    step, in one pass over the figures instead of one per step and kind."""
    grouped = defaultdict(dict)
    for f, (n, _t) in sums.items():
        if f[0] in kinds and len(f) == 3 and n:
            grouped[(f[0], f[1])][f[2]] = n
    return grouped


def scenario_totals(sums, paths):
    """The scenario figures (`aggregates.scenario_totals` format) from summed figures and the top paths."""
    steps = {}
    per_step = _per_step(sums, ('choice', 'mode'))
    for figure, (n, _total) in sums.items():
        if figure[0] == 'step' and n:
            step_id = figure[1]
            seconds_n, seconds_total = sums.get(('seconds', step_id), (0, 0))
            steps[step_id] = {
                'n': n,
                'choices': per_step.get(('choice', step_id), {}),
                'modes': per_step.get(('mode', step_id), {}),
                'timeouts': sums.get(('timeout', step_id), (0, 0))[0],
                'mean_seconds': _mean(seconds_total, seconds_n, 1),
            }
    totals = _common(sums)
    totals.update(
        finished=sums.get(('finished',), (0, 0))[0],
        steps=steps,
        timeouts=sum(step['timeouts'] for step in steps.values()),
        endings=_counter(sums, 'ending'),
        paths=[{'path': route, 'ending': ending, 'count': n} for (route, ending), n in _decode_paths(paths)],
        competencies=_means_of(sums, 'comp'),
        competency_n=sums.get(('comp_n',), (0, 0))[0],
    )
    return totals


def _decode_paths(paths):
    return [(tuple(json.loads(figure[1])), n) for figure, n in paths]


def _means_of(sums, kind, *prefix, digits=4):
    size = len(prefix) + 1
    return {
        f[size]: _mean(total, n, digits)
        for f, (n, total) in sums.items()
        if f[0] == kind and f[1:size] == prefix and len(f) == size + 1 and n
    }


def _common(sums):
    score_n, score_total = sums.get(('score',), (0, 0))
    return {
        'learners': sums.get(('learners',), (0, 0))[0],
        'completed': sums.get(('completed',), (0, 0))[0],
        'scores': {
            'n': score_n,
            'mean': _mean(score_total, score_n, 4),
            'bins': [
                {
                    'from': round(i / SCORE_BINS, 4),
                    'to': round((i + 1) / SCORE_BINS, 4),
                    'count': sums.get(('bin', i), (0, 0))[0],
                }
                for i in range(SCORE_BINS)
            ],
        },
    }


def generic_totals(sums, mean_keys=()):
    """Any block's figures (`aggregates.generic_totals` format) from summed figures."""
    totals = _common(sums)
    totals['means'] = {
        key: {
            'n': sums.get(('mean_n', key), (0, 0))[0],
            'means': _means_of(sums, 'mean', key),
            'counts': _counter(sums, 'mean', key),
        }
        for key in mean_keys
    }
    return totals


def consented_sums(sums, key):
    """(learners, {sub key: total}) of the completed, consenting rows' `data[key]` dicts (floats)."""
    return sums.get(('cmean_n', key), (0, 0))[0], {
        f[2]: total / SCALE for f, (n, total) in sums.items() if f[0] == 'cmean' and f[1] == key and len(f) == 3 and n
    }
