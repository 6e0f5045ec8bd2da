"""The one API the blocks use for cohort data: one row per learner per block.

The rows live in `leadership_xblocks.cohort.models.LearnerRecord` (a Django app shipped
with migrations). This module imports the model lazily: when the app is not installed
(a runtime without it), `available()` is False, reads return nothing, writes do nothing,
and the blocks work without cohort features.

Why rows and not a counter: a counter in a `user_state_summary` field is read, changed
and written back, so two LMS processes writing at once lose one update. Here each learner
writes only their own row (an atomic upsert on the unique `(block_key, learner)`), and
every aggregate is computed from the rows (`leadership_xblocks.cohort.aggregates`), so it
always equals the sum over the learners, however many processes serve them.

Learners are anonymous ids (`compat.anonymous_user_id`), never names.
"""
import logging

from .cohort.aggregates import MIN_COHORT, effective_minimum, enough, if_enough  # noqa: F401 (re-exported)

log = logging.getLogger(__name__)

APP = 'leadership_xblocks.cohort'
MYSQL_RETRY_CODES = (1205, 1213)  # lock wait timeout, deadlock: the transaction was rolled back


def available():
    """True when the cohort app is installed in a configured Django project."""
    try:
        from django.apps import apps  # pylint: disable=import-outside-toplevel

        return apps.ready and apps.is_installed(APP)
    except Exception:  # pylint: disable=broad-exception-caught
        # No Django, or settings not configured: a runtime without cohort data.
        return False


def _model():
    from .cohort.models import LearnerRecord  # pylint: disable=import-outside-toplevel

    return LearnerRecord


def _retryable(error, connection):
    """A MariaDB/MySQL deadlock outside any outer transaction (so a new try starts clean)."""
    code = error.args[0] if error.args else None
    return code in MYSQL_RETRY_CODES and not connection.in_atomic_block


def save_record(block_key, block_type, learner, course_key, data, completed=False, score=None, consent=None):
    """Create or replace this learner's one row for this block; returns the row (None if unavailable).

    An atomic upsert (`update_or_create` inside `transaction.atomic`, which locks the row).
    If two first writes for the same learner race, the loser's insert hits the unique key:
    it is retried once, and then finds and updates the row. `consent`: None leaves it as is;
    True/False is a research-consent decision: it is stored with its time in `consent_at`
    (every decision, a first "no" or a repeated one included; see `decision_time`).
    """
    if not available():
        return None
    # pylint: disable-next=import-outside-toplevel
    from django.db import IntegrityError, OperationalError, connection, transaction

    model = _model()
    defaults = {'block_type': block_type, 'course_key': course_key or '', 'data': data if data is not None else {},
                'completed': bool(completed), 'score': score}
    integrity_retries, lock_retries = 1, 2
    while True:
        try:
            with transaction.atomic():
                row, _created = model.objects.update_or_create(
                    block_key=str(block_key), learner=str(learner), defaults=defaults)
                if consent is not None:
                    row.consent, row.consent_at = bool(consent), decision_time(learner, course_key)
                    row.save(update_fields=['consent', 'consent_at'])
            return row
        except IntegrityError:
            if integrity_retries <= 0:
                raise
            integrity_retries -= 1
        except OperationalError as error:
            if lock_retries <= 0 or not _retryable(error, connection):
                raise
            lock_retries -= 1
            log.info('Retrying learner record write after %s', error)


def decision_time(learner, course_key):
    """Now, or just after the learner's latest consent decision in the course if the clock has
    not moved on since, so the newest decision always has the newest `consent_at`."""
    import datetime  # pylint: disable=import-outside-toplevel

    from django.db.models import Max  # pylint: disable=import-outside-toplevel
    from django.utils import timezone  # pylint: disable=import-outside-toplevel

    now = timezone.now()
    latest = _model().objects.filter(learner=str(learner), course_key=course_key or '').aggregate(
        at=Max('consent_at'))['at']
    return max(now, latest + datetime.timedelta(microseconds=1)) if latest is not None else now


def set_consent(block_key, learner, consent):
    """Record a research-consent decision, with its time, on the learner's existing row; False if there is no row."""
    if not available():
        return False
    from django.db import transaction  # pylint: disable=import-outside-toplevel

    with transaction.atomic():
        rows = _model().objects.select_for_update().filter(block_key=str(block_key), learner=str(learner))
        row = rows.first()
        if row is None:
            return False
        row.consent, row.consent_at = bool(consent), decision_time(learner, row.course_key)
        row.save(update_fields=['consent', 'consent_at', 'updated'])
    return True


def get_record(block_key, learner):
    """This learner's row for this block as a dict, or None."""
    if not available():
        return None
    row = _model().objects.filter(block_key=str(block_key), learner=str(learner)).first()
    return as_dict(row) if row is not None else None


def as_dict(row):
    return {'block_key': row.block_key, 'block_type': row.block_type, 'learner': row.learner,
            'course_key': row.course_key, 'data': row.data, 'completed': row.completed, 'score': row.score,
            'consent': row.consent, 'consent_at': row.consent_at, 'created': row.created, 'updated': row.updated}


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
