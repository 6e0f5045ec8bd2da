"""The stored summary figures of each block: applied by atomic increments, read without scanning rows.

`apply(block_key, delta)` runs inside the transaction that locks the learner's row (see
`records.save_record`): one `UPDATE ... SET n = n + CASE ...` over the figures' unique index,
so concurrent learners add to the same rows without a read-modify-write in Python. A figure
seen for the first time is inserted with zeros first (`INSERT IGNORE` / `ON CONFLICT DO
NOTHING` through `bulk_create(ignore_conflicts=True)`), which is safe when two processes
insert it at once; the update then adds to whichever row won.

`read(block_key)` loads a block's figures, whose number is bounded by the block's content
(steps, choices, endings, score bins...), never by its learners; the most common paths, the
one kind whose number can grow with the cohort, come from an ordered query on the
`(block_key, kind, n, figure)` index that stops after `limit` rows.
"""

import functools

from . import figures

KNOWN_LIMIT = 50_000  # figure keys this process remembers as stored (then it asks the database again)
_known = set()


def _model():
    from .models import CohortFigure

    return CohortFigure


def _insert_missing(block_key, keyed):
    """Insert the figures of `keyed` ({storage key: figure}) that are not stored yet, with zeros."""
    model = _model()
    wanted = [key for key in keyed if (block_key, key) not in _known]
    if not wanted:
        return
    stored = set(model.objects.filter(block_key=block_key, figure__in=wanted).values_list('figure', flat=True))
    missing = [key for key in wanted if key not in stored]
    if missing:
        model.objects.bulk_create(
            [
                model(block_key=block_key, figure=key, kind=str(keyed[key][0])[:16], detail=figures.detail(keyed[key]))
                for key in sorted(missing)
            ],
            ignore_conflicts=True,
        )
    if len(_known) > KNOWN_LIMIT:
        _known.clear()
    _known.update((block_key, key) for key in wanted)


def prepare(block_key, new):
    """Make sure the figures of a coming write exist (call before its transaction: inserts are committed
    on their own, so the transaction's update only takes row locks on existing rows)."""
    if new:
        _insert_missing(str(block_key), {figures.storage_key(f): f for f in new})


def _names(connection):
    """The figures' table and its columns, quoted for `connection`, for the two statements written out here
    (Django's expressions cost more to build than these statements take to run)."""
    model = _model()
    quote = connection.ops.quote_name
    columns = {
        f: quote(model._meta.get_field(f).column) for f in ('block_key', 'kind', 'figure', 'detail', 'n', 'total')
    }
    return quote(model._meta.db_table), columns


def _increment_sql(connection, count):
    """`UPDATE ... SET n = n + CASE figure WHEN %s THEN %s ... ELSE 0 END, total = total + CASE ...
    WHERE block_key = %s AND figure IN (...)` for `count` figures (what `Case`/`When` would build)."""
    table, c = _names(connection)
    whens = ' '.join(['WHEN %s THEN %s'] * count)
    return (
        f'UPDATE {table} SET {c["n"]} = {c["n"]} + CASE {c["figure"]} {whens} ELSE 0 END, '
        f'{c["total"]} = {c["total"]} + CASE {c["figure"]} {whens} ELSE 0 END '
        f'WHERE {c["block_key"]} = %s AND {c["figure"]} IN ({", ".join(["%s"] * count)})'
    )


def _figures_sql(connection):
    """Every figure of a block but the paths: two ranges of the (block_key, kind, ...) index."""
    table, c = _names(connection)
    return (
        f'SELECT {c["detail"]}, {c["n"]}, {c["total"]} FROM {table} '
        f'WHERE {c["block_key"]} = %s AND ({c["kind"]} < %s OR {c["kind"]} > %s)'
    )


def _connection(write=False):
    from django.db import connections, router

    return connections[(router.db_for_write if write else router.db_for_read)(_model())]


def apply(block_key, delta):
    """Add `delta` ({figure: (dn, dtotal)}) to the block's stored figures, atomically in the database."""
    if not delta:
        return
    model = _model()
    block_key = str(block_key)
    keyed = {figures.storage_key(f): (f, d) for f, d in delta.items()}
    keys = sorted(keyed)

    def update(subset):
        connection = _connection(write=True)
        params = [v for key in subset for v in (key, keyed[key][1][0])]
        params += [v for key in subset for v in (key, keyed[key][1][1])]
        params += [block_key, *subset]
        with connection.cursor() as cursor:
            cursor.execute(_increment_sql(connection, len(subset)), params)
            return cursor.rowcount  # rows matched (Django asks MySQL/MariaDB for found rows, not changed ones)

    if update(keys) < len(keys):  # a figure not prepared (first write of a figure, or after a rebuild)
        stored = set(model.objects.filter(block_key=block_key, figure__in=keys).values_list('figure', flat=True))
        missing = [key for key in keys if key not in stored]
        for key in missing:
            _known.discard((block_key, key))
        _insert_missing(block_key, {key: keyed[key][0] for key in missing})
        update(missing)


@functools.lru_cache(maxsize=KNOWN_LIMIT)
def _figure(detail):
    """A stored figure's detail text decoded (a tuple, so sharing it between requests is safe)."""
    return figures.from_detail(detail)


def read(block_key, path_limit=figures.TOP_PATHS):
    """({figure: (n, total)} of every figure but the paths, [(path figure, n)] of the top paths);
    `path_limit` 0: no paths, and one query instead of two (the learner's cohort results show none)."""
    model = _model()
    connection = _connection()
    with connection.cursor() as cursor:
        cursor.execute(_figures_sql(connection), [str(block_key), figures.PATH, figures.PATH])
        rows = cursor.fetchall()
    sums = {_figure(detail): (n, total) for detail, n, total in rows if n or total}
    if not path_limit:
        return sums, []
    top = (
        model.objects.filter(block_key=str(block_key), kind=figures.PATH, n__gt=0)
        .order_by('-n', '-figure')
        .values_list('detail', 'n')[:path_limit]
    )
    return sums, [(_figure(detail), n) for detail, n in top]


def forget_block_cache():
    _known.clear()
