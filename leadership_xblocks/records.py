"""The one API the blocks use for cohort data: one row per learner per block.

The rows live in `leadership_xblocks.cohort.models.LearnerRecord` (a Django app shipped
with migrations). This module imports the model lazily: when the app is not installed
(a runtime without it), `available()` is False, reads return nothing, writes do nothing,
and the blocks work without cohort features.

Why rows and not a counter: a counter in a `user_state_summary` field is read, changed
and written back, so two LMS processes writing at once lose one update. Here each learner
writes only their own row (keyed on the unique `(block_key, learner)`), and in the same
transaction adds the difference it made to the block's summary figures with atomic database
increments (`cohort.figures`, `cohort.summaries`), so every figure always equals the sum
over the learners, however many processes serve them, and reading one costs the same
whatever the cohort's size.

Learners are anonymous ids (`compat.anonymous_user_id`), never names.
"""

import logging
import random
import time

from .cohort.aggregates import MIN_COHORT, effective_minimum, enough, if_enough  # noqa: F401 (re-exported)

log = logging.getLogger(__name__)

APP = 'leadership_xblocks.cohort'
MYSQL_RETRY_CODES = (1205, 1213)  # lock wait timeout, deadlock: the transaction was rolled back
LOCK_RETRIES = 5


def available():
    """True when the cohort app is installed in a configured Django project."""
    try:
        from django.apps import apps

        return apps.ready and apps.is_installed(APP)
    except Exception:
        # No Django, or settings not configured: a runtime without cohort data.
        return False


def _model():
    from .cohort.models import LearnerRecord

    return LearnerRecord


def _retryable(error, connection):
    """A MariaDB/MySQL deadlock outside any outer transaction (so a new try starts clean)."""
    code = error.args[0] if error.args else None
    return code in MYSQL_RETRY_CODES and not connection.in_atomic_block


def save_record(block_key, block_type, learner, course_key, data, completed=False, score=None, consent=None):
    """Create or replace this learner's one row for this block; returns the row (None if unavailable).

    In one transaction: lock the learner's row, write it, and add the difference between its old
    and new contributions to the block's summary figures (`cohort.summaries.apply`, atomic
    increments). If two first writes for the same learner race, the loser's insert hits the
    unique key: the transaction (summaries included) is rolled back and retried, and then finds
    and updates the row. `consent`: None leaves it as is; True/False is a research-consent
    decision: it is stored with its time in `consent_at` (every decision, a first "no" or a
    repeated one included; see `decision_time`). No learner (None: a Studio preview, a
    masquerade, no user id; see `LeadershipBlockMixin.record_learner`): nothing is written.
    """
    if not available() or not learner:
        return None
    from .cohort import figures, summaries

    model = _model()
    block_key, learner = str(block_key), str(learner)
    values = {
        'block_type': block_type,
        'course_key': course_key or '',
        'data': data if data is not None else {},
        'completed': bool(completed),
        'score': score,
    }
    summaries.prepare(block_key, figures.contributions(dict(values, consent=bool(consent))))

    def write():
        row = _locked_row(block_key, learner)
        old = figures.contributions(row) if row is not None else {}
        fields = dict(values)
        if consent is not None:
            fields.update(consent=bool(consent), consent_at=decision_time(learner, course_key))
        if row is None:
            row = model.objects.create(block_key=block_key, learner=learner, **fields)
        else:
            for name, value in fields.items():
                setattr(row, name, value)
            row.save(update_fields=[*fields, 'updated'])
        summaries.apply(block_key, figures.difference(old, figures.contributions(row)))
        return row

    return _atomic_with_retries(write)


def _locked_row(block_key, learner):
    """The learner's row, locked for this transaction, or None. On MariaDB/MySQL a locking read of a row
    that is not there takes a gap lock, on which many learners' first writes at once would wait: there
    it asks first whether the row exists. SQLite locks the whole database on write and PostgreSQL locks
    no missing rows, so one query does."""
    from django.db import connections, router

    model = _model()
    query = model.objects.filter(block_key=block_key, learner=learner)
    if connections[router.db_for_write(model)].vendor == 'mysql' and not query.exists():
        return None
    return query.select_for_update().first()


def _atomic_with_retries(write):
    """Run `write` in a transaction; retry once a lost race for a first insert (the unique key
    then finds the winner's row) and up to LOCK_RETRIES times a MariaDB deadlock or lock timeout."""
    from django.db import IntegrityError, OperationalError, connection, transaction

    integrity_retries, lock_retries = 1, LOCK_RETRIES
    while True:
        try:
            with transaction.atomic():
                return write()
        except IntegrityError:
            if integrity_retries <= 0:
                raise
            integrity_retries -= 1
        except OperationalError as error:
            if lock_retries <= 0 or not _retryable(error, connection):
                raise
            lock_retries -= 1
            log.info('Retrying learner record write after %s', error)
            time.sleep(random.uniform(0.005, 0.05) * (LOCK_RETRIES - lock_retries))


def decision_time(learner, course_key):
    """Now, or just after the learner's latest consent decision in the course if the clock has
    not moved on since, so the newest decision always has the newest `consent_at`."""
    import datetime

    from django.db.models import Max
    from django.utils import timezone

    now = timezone.now()
    latest = (
        _model().objects.filter(learner=str(learner), course_key=course_key or '').aggregate(at=Max('consent_at'))['at']
    )
    return max(now, latest + datetime.timedelta(microseconds=1)) if latest is not None else now


def set_consent(block_key, learner, consent):
    """Record a research-consent decision, with its time, on the learner's existing row; False if there is no row."""
    if not available() or not learner:
        return False
    from .cohort import figures, summaries

    def write():
        row = _model().objects.select_for_update().filter(block_key=str(block_key), learner=str(learner)).first()
        if row is None:
            return False
        old = figures.contributions(row)
        row.consent, row.consent_at = bool(consent), decision_time(learner, row.course_key)
        row.save(update_fields=['consent', 'consent_at', 'updated'])
        summaries.apply(row.block_key, figures.difference(old, figures.contributions(row)))
        return True

    return _atomic_with_retries(write)


def _delete_rows(query):
    """Delete the learner rows of `query`, taking each one's contributions out of its block's summaries."""
    from .cohort import figures, summaries

    def delete():
        rows = list(query.select_for_update().order_by('pk'))
        for row in rows:
            summaries.apply(row.block_key, figures.difference(figures.contributions(row), {}))
        return query.filter(pk__in=[row.pk for row in rows]).delete()[0] if rows else 0

    return _atomic_with_retries(delete)


def get_record(block_key, learner):
    """This learner's row for this block as a dict, or None."""
    if not available():
        return None
    row = _model().objects.filter(block_key=str(block_key), learner=str(learner)).first()
    return as_dict(row) if row is not None else None


def as_dict(row):
    return {
        'block_key': row.block_key,
        'block_type': row.block_type,
        'learner': row.learner,
        'course_key': row.course_key,
        'data': row.data,
        'completed': row.completed,
        'score': row.score,
        'consent': row.consent,
        'consent_at': row.consent_at,
        'created': row.created,
        'updated': row.updated,
    }


def iter_records(block_key, chunk_size=500, **filters):
    """Every row of a block (model instances), streamed from the database in chunks."""
    if not available():
        return iter(())
    query = _model().objects.filter(block_key=str(block_key), **filters).order_by('pk')
    return query.iterator(chunk_size=chunk_size)


def iter_rows(block_key, fields=('data', 'completed', 'score'), chunk_size=500, **filters):
    """Every row of a block as dicts of `fields` only (lighter than `iter_records` for aggregates)."""
    if not available():
        return iter(())
    query = _model().objects.filter(block_key=str(block_key), **filters).order_by('pk').values(*fields)
    return query.iterator(chunk_size=chunk_size)


def iter_course_records(course_key, chunk_size=500, **filters):
    """Every row of a course (e.g. one learner's rows: `learner=...`), streamed, block by block."""
    if not available():
        return iter(())
    query = _model().objects.filter(course_key=str(course_key), **filters).order_by('block_key', 'pk')
    return query.iterator(chunk_size=chunk_size)


def count(block_key, **filters):
    """How many rows a block has (e.g. `count(key, completed=True)`)."""
    if not available():
        return 0
    return _model().objects.filter(block_key=str(block_key), **filters).count()


# CPD record entries (`leadership_xblocks.cohort.models.CPDEntry`) -----------------------------


def _cpd_model():
    from .cohort.models import CPDEntry

    return CPDEntry


def save_cpd_entry(owner, learner, block_key, course_key, entry):
    """Create or replace one block's entry in a learner's CPD record (an atomic upsert of its own row)."""
    if not available() or not owner:
        return None
    model = _cpd_model()
    defaults = {'learner': str(learner or ''), 'course_key': course_key or '', 'entry': entry}
    return _atomic_with_retries(
        lambda: model.objects.update_or_create(owner=str(owner), block_key=str(block_key), defaults=defaults)[0]
    )


def cpd_entries(owner):
    """{block key: entry} of a learner's CPD record ({} without the app or an owner)."""
    if not available() or not owner:
        return {}
    rows = _cpd_model().objects.filter(owner=str(owner)).order_by('pk').values_list('block_key', 'entry')
    return dict(rows)


def forget_learner_in_block(block_key, learner):
    """Delete a learner's row (answers and consent) and CPD entry of one block; returns rows deleted."""
    if not available() or not learner:
        return 0
    deleted = _delete_rows(_model().objects.filter(block_key=str(block_key), learner=str(learner)))
    cpd_deleted, _kinds = _cpd_model().objects.filter(block_key=str(block_key), learner=str(learner)).delete()
    return deleted + cpd_deleted


def forget_people(learners, owners):
    """Delete every row of these anonymous ids and every CPD entry of these owners (erasure)."""
    if not available():
        return 0
    learners, owners = [str(x) for x in learners if x], [str(x) for x in owners if x]
    deleted = _delete_rows(_model().objects.filter(learner__in=learners))
    cpd_deleted, _kinds = _cpd_model().objects.filter(owner__in=owners).delete()
    more, _kinds = _cpd_model().objects.filter(learner__in=learners).delete()
    return deleted + cpd_deleted + more


# Summary figures (`leadership_xblocks.cohort.summaries`): what the cohort views read -------------


def block_figures(block_key, paths=True):
    """({figure: (n, total)}, top paths) of a block from its summary rows; empty without the app.
    `paths` False: no paths (one query less)."""
    if not available():
        return {}, []
    from .cohort import figures, summaries

    return summaries.read(block_key, figures.TOP_PATHS if paths else 0)


def scenario_totals(block_key, paths=True):
    """The scenario's cohort figures (`cohort.figures.scenario_totals`), read from its summary rows only;
    `paths` False: without the most common paths, which only the facilitator dashboard shows."""
    from .cohort import figures

    return figures.scenario_totals(*block_figures(block_key, paths))


def generic_totals(block_key, mean_keys=()):
    """Any block's cohort figures (`cohort.figures.generic_totals`), read from its summary rows only."""
    from .cohort import figures

    return figures.generic_totals(block_figures(block_key, paths=False)[0], mean_keys)


def consented_others(block_key, key, learner):
    """(count, {sub key: total}) of `data[key]` over the other completed, consenting learners of a block."""
    from .cohort import figures

    if not available():
        return 0, {}
    sums = block_figures(block_key, paths=False)[0]
    own = _model().objects.filter(block_key=str(block_key), learner=str(learner)).first() if learner else None
    if own is not None:
        sums = figures.difference(figures.contributions(own), sums)  # the block's figures less the learner's own
    return figures.consented_sums(sums, key)
