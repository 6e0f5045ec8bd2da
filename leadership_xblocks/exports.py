"""CSV exports of the cohort rows (`records.LearnerRecord`), streamed row by row.

No XBlock imports here; the handlers live in `common/exports.py`. Both exports are
generators of bytes: rows come from the database in chunks (`records.iter_rows`, the dict
form of `records.iter_records`), each CSV line is written as its row arrives, and lines are
handed on in small chunks, so memory stays flat however many learners there are. Columns
are documented in `docs/data-dictionary.md`; learners appear only as anonymous ids.

* Staff export: every row of the block.
* Research export: only learners whose latest research-consent decision in the course is
  "yes" (see `consenting_records`), and only structured values (see `research_data`).
"""

import csv
import json
import re

from . import records
from .cells import formula_safe

STAFF_COLUMNS = (
    'learner',
    'block_type',
    'block_key',
    'course_key',
    'completed',
    'score',
    'consent',
    'consent_at',
    'created',
    'updated',
    'data',
)
RESEARCH_COLUMNS = (
    'learner',
    'block_type',
    'block_key',
    'course_key',
    'completed',
    'score',
    'consented_at',
    'created',
    'updated',
    'data',
)
# Keys whose values are a learner's own words, dropped from research data whatever they hold.
FREE_TEXT_KEYS = frozenset({'text', 'model_text', 'reflection', 'comment', 'comments', 'notes', 'answer_text'})
CHUNK_BYTES = 64 * 1024
IDENTIFIER = re.compile(r'^[A-Za-z0-9_.:+-]{1,64}$')  # no spaces, no '@' (emails)


class _Line:
    """A file-like object whose `write` returns what it was given, so `writerow` returns the line."""

    def write(self, value):
        return value


def safe_cell(value):
    """One CSV cell as text: ISO dates, true/false, JSON for structures, formulas defused."""
    if value is None:
        return ''
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if hasattr(value, 'isoformat'):
        return value.isoformat()
    if isinstance(value, (dict, list, tuple)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(',', ':'))
    return formula_safe(str(value))


def csv_stream(header, rows, chunk_bytes=CHUNK_BYTES):
    """Yield the CSV (UTF-8 bytes, RFC 4180 line ends) in chunks of about `chunk_bytes`."""
    writer = csv.writer(_Line())
    buffer = [writer.writerow(header)]
    size = len(buffer[0])
    for row in rows:
        line = writer.writerow([safe_cell(value) for value in row])
        buffer.append(line)
        size += len(line)
        if size >= chunk_bytes:
            yield ''.join(buffer).encode('utf-8')
            buffer, size = [], 0
    if buffer:
        yield ''.join(buffer).encode('utf-8')


def _get(record, name):
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


def staff_rows(rows):
    for record in rows:
        yield [_get(record, column) for column in STAFF_COLUMNS]


def research_data(value):
    """Keep only structured values: numbers, true/false, null and identifiers (letters,
    digits and `_.:+-`, at most 64 characters). Any other text, which may be free text a
    learner wrote, is dropped, and so is every value under a key of `FREE_TEXT_KEYS`;
    dicts and lists are filtered recursively."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return value if IDENTIFIER.match(value) else None
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            if key in FREE_TEXT_KEYS:
                continue
            cleaned = research_data(item)
            if cleaned is not None or item is None:
                kept[str(key)] = cleaned
        return kept
    if isinstance(value, (list, tuple)):
        return [cleaned for cleaned in (research_data(item) for item in value) if cleaned is not None]
    return None


def research_rows(rows):
    for record in rows:
        yield [
            research_data(_get(record, 'data') or {}) if column == 'data' else _get(record, column)
            for column in RESEARCH_COLUMNS
        ]


def _decisions(course_key):
    """Research-consent decisions in the course: rows with `consent_at` set.

    `records.save_record(consent=...)` and `records.set_consent` stamp `consent_at` on every
    decision, later than the learner's previous one; the time-allocation block is where learners are asked.
    """
    return records._model().objects.filter(course_key=str(course_key or ''), consent_at__isnull=False)


def consenting_learners(course_key):
    """A queryset of the anonymous ids whose latest research-consent decision in the course is yes.

    If a learner decided in several blocks, the latest decision counts, so withdrawing consent
    anywhere in the course removes them from every block's research export.
    """
    from django.db.models import F, OuterRef, Subquery

    latest = _decisions(course_key).filter(learner=OuterRef('learner')).order_by('-consent_at', '-pk').values('pk')[:1]
    return (
        _decisions(course_key)
        .filter(consent=True)
        .annotate(latest_decision=Subquery(latest))
        .filter(pk=F('latest_decision'))
        .values('learner')
    )


def consenting_records(block_key, course_key, chunk_size=500):
    """The block's rows of consenting learners, each with `consented_at` (when they said yes), streamed."""
    if not records.available():
        return iter(())
    from django.db.models import OuterRef, Subquery

    consented_at = (
        _decisions(course_key)
        .filter(learner=OuterRef('learner'))
        .order_by('-consent_at', '-pk')
        .values('consent_at')[:1]
    )
    query = (
        records._model()
        .objects.filter(block_key=str(block_key), learner__in=consenting_learners(course_key))
        .annotate(consented_at=Subquery(consented_at))
        .order_by('pk')
        .values(*RESEARCH_COLUMNS)
    )
    return query.iterator(chunk_size=chunk_size)


def staff_csv(block_key, chunk_size=500):
    """The staff export of a block: a generator of CSV bytes (rows as dicts of the columns only)."""
    return csv_stream(
        STAFF_COLUMNS, staff_rows(records.iter_rows(block_key, fields=STAFF_COLUMNS, chunk_size=chunk_size))
    )


def research_csv(block_key, course_key, chunk_size=500):
    """The research export of a block: a generator of CSV bytes (consenting learners only)."""
    return csv_stream(RESEARCH_COLUMNS, research_rows(consenting_records(block_key, course_key, chunk_size)))


def filename(block_key, kind):
    """`leadership-<kind>-<block id, filesystem safe>.csv`."""
    safe = re.sub(r'[^A-Za-z0-9_.-]+', '-', str(block_key)).strip('-.')[-80:] or 'block'
    return f'leadership-{kind}-{safe}.csv'
