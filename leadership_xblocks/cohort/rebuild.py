"""Rebuild the summary figures from the learner rows, and verify them against a full recomputation.

Used by the data migration that builds the summaries for rows written before they existed
(migration 0004, with its historical models) and by `manage.py leadership_summaries`
(`--check` to verify only). The model classes and the database alias (`using`) are
parameters so both can pass theirs.
"""

from . import figures

FIELDS = ('data', 'completed', 'score', 'consent')


def block_keys(record_model, figure_model, using='default'):
    """Every block with learner rows or summary figures."""
    keys = set(record_model.objects.using(using).values_list('block_key', flat=True).distinct())
    keys |= set(figure_model.objects.using(using).values_list('block_key', flat=True).distinct())
    return sorted(keys)


def _rows(record_model, block_key, using, lock=False):
    query = record_model.objects.using(using).filter(block_key=block_key).order_by('pk')
    if lock:
        query = query.select_for_update()
    return query.values(*FIELDS).iterator(chunk_size=1000)


def stored(figure_model, block_key, using='default'):
    rows = figure_model.objects.using(using).filter(block_key=block_key).values_list('detail', 'n', 'total')
    return {figures.from_detail(detail): (n, total) for detail, n, total in rows if n or total}


def differences(record_model, figure_model, block_key, using='default'):
    """[(figure, stored (n, total), recomputed (n, total))] wherever the summaries differ from the rows."""
    expected = figures.add_up(_rows(record_model, block_key, using))
    have = stored(figure_model, block_key, using)
    zero = (0, 0)
    return [
        (figure, have.get(figure, zero), expected.get(figure, zero))
        for figure in sorted(set(expected) | set(have), key=repr)
        if have.get(figure, zero) != expected.get(figure, zero)
    ]


def rebuild_block(record_model, figure_model, block_key, using='default'):
    """Replace a block's figures with the sums over its rows; returns how many figures it has.

    In one transaction: the figures are deleted first (which, on MariaDB, locks them, so no
    learner write can add to them meanwhile), then the rows are read with a locking read (the
    newest committed version, held until the end), then the sums inserted.
    """
    from django.db import transaction

    with transaction.atomic(using=using):
        return _rebuild(record_model, figure_model, block_key, using)


def _rebuild(record_model, figure_model, block_key, using):
    figure_model.objects.using(using).filter(block_key=block_key).delete()
    sums = figures.add_up(_rows(record_model, block_key, using, lock=True))
    figure_model.objects.using(using).bulk_create(
        [
            figure_model(
                block_key=block_key,
                figure=figures.storage_key(figure),
                kind=str(figure[0]),
                detail=figures.detail(figure),
                n=n,
                total=total,
            )
            for figure, (n, total) in sums.items()
        ],
        batch_size=500,
    )
    return len(sums)


def rebuild_all(record_model, figure_model, using='default'):
    """Rebuild every block (the data migration); returns {block key: figures}."""
    return {
        key: rebuild_block(record_model, figure_model, key, using)
        for key in block_keys(record_model, figure_model, using)
    }
