"""CSV exports of the cohort rows (`records.LearnerRecord`), streamed row by row.

No XBlock imports here; the handlers live in `common/exports.py`, the streaming view in
`cohort/views.py`. Both exports are generators of bytes: rows come from the database one page
at a time (`keyset_pages`), each CSV line is written as its row arrives, and lines are handed
on in small chunks, so memory stays flat however many learners there are, on MariaDB too
(whose driver buffers a whole result: Django's `.iterator()` streams only on SQLite, PostgreSQL
and Oracle). Columns are documented in `docs/data-dictionary.md`; learners appear only as
anonymous ids.

* Staff export: every row of the block.
* Research export: only learners whose latest research-consent decision in the course is
  "yes" (see `consenting_records`, `latest_decisions`), and only structured values (see `research_data`).
"""

import csv
import json
import re

from . import records
from .cells import formula_safe

# Who, where and what: the columns both exports begin with.
ROW_COLUMNS = ('learner', 'block_type', 'block_key', 'course_key', 'completed', 'score')
STAFF_COLUMNS = ROW_COLUMNS + ('consent', 'consent_at', 'created', 'updated', 'data')
RESEARCH_COLUMNS = ROW_COLUMNS + ('consented_at', 'created', 'updated', 'data')
# Keys whose values are a learner's own words, dropped from research data whatever they hold.
FREE_TEXT_KEYS = frozenset({'text', 'model_text', 'reflection', 'comment', 'comments', 'notes', 'answer_text'})
CHUNK_BYTES = 64 * 1024
CHUNK_ROWS = 500  # rows per database page
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


def decision_blocks(course_key):
    """The blocks of the course where learners made consent decisions (in practice its
    time-allocation blocks): one pass over the course's rows, once per research download."""
    return sorted(set(_decisions(course_key).values_list('block_key', flat=True).distinct()))


def latest_decisions(learners, course_key, blocks):
    """{learner: (consent, consent_at)}: each of these learners' latest decision in the course.

    Looked up block by block through the unique (block_key, learner) index, so a page of
    learners costs a page of index reads however large the course is. If a learner decided in
    several blocks the latest decision counts (latest `consent_at`, then latest id), so
    withdrawing consent anywhere in the course removes them from every block's research export.
    """
    latest = {}
    rows = _decisions(course_key).filter(block_key__in=blocks, learner__in=learners)
    for learner, consent, at, pk in rows.values_list('learner', 'consent', 'consent_at', 'pk'):
        if learner not in latest or (at, pk) > latest[learner][0]:
            latest[learner] = ((at, pk), consent)
    return {learner: (consent, order[0]) for learner, (order, consent) in latest.items()}


def consenting_records(block_key, course_key, chunk_size=CHUNK_ROWS):
    """The block's rows of consenting learners, each with `consented_at` (when they said yes), streamed.

    Page by page: a page of the block's rows, then the latest decisions of that page's learners.
    (One query joining every row to its learner's latest decision is quadratic on MariaDB
    without an index on `learner`: 5,000 learners took over ten minutes.)
    """
    if not records.available():
        return
    blocks = decision_blocks(course_key)
    if not blocks:
        return
    columns = [c for c in RESEARCH_COLUMNS if c != 'consented_at']
    query = records._model().objects.filter(block_key=str(block_key)).values('id', *columns)
    for page in keyset_page_lists(query, chunk_size):
        decisions = latest_decisions([row['learner'] for row in page], course_key, blocks)
        for row in page:
            consent, at = decisions.get(row['learner'], (False, None))
            if consent:
                yield dict(row, consented_at=at)
        page.clear()  # free this page's rows before the next page is read


def _page(query, last, chunk_size):
    """One keyset page: `... AND id > <last> ORDER BY id LIMIT <chunk_size>`, without a result cache."""
    page = query.filter(pk__gt=last) if last is not None else query
    return page.order_by('pk')[:chunk_size].iterator()


def keyset_pages(query, chunk_size=CHUNK_ROWS):
    """Every row of a `.values('id', ...)` query, fetched `chunk_size` at a time in id order.

    Each page is its own query (`_page`), which an index on the filtered column serves directly
    (InnoDB keeps the primary key in every secondary index, so `block_key`'s index is ordered by
    (block_key, id)). A row written during the download appears at most once; a row updated
    meanwhile comes as it is when its page is read. Rows pass on one by one as the driver gives them.
    """
    last = None
    while True:
        fetched = 0
        for row in _page(query, last, chunk_size):
            fetched += 1
            last = row['id']
            yield row
        if fetched < chunk_size:
            return


def keyset_page_lists(query, chunk_size=CHUNK_ROWS):
    """The pages of `keyset_pages` as lists, for work that needs a whole page at once."""
    last = None
    while True:
        rows = list(_page(query, last, chunk_size))
        full = len(rows) == chunk_size  # before the caller may empty the list
        if rows:
            last = rows[-1]['id']
            yield rows
        if not full:
            return


def staff_records(block_key, chunk_size=CHUNK_ROWS):
    """The block's rows as dicts of the staff columns (and `id`), streamed page by page."""
    if not records.available():
        return iter(())
    query = records._model().objects.filter(block_key=str(block_key)).values('id', *STAFF_COLUMNS)
    return keyset_pages(query, chunk_size)


def staff_csv(block_key, chunk_size=CHUNK_ROWS):
    """The staff export of a block: a generator of CSV bytes."""
    return csv_stream(STAFF_COLUMNS, staff_rows(staff_records(block_key, chunk_size)))


def research_csv(block_key, course_key, chunk_size=CHUNK_ROWS):
    """The research export of a block: a generator of CSV bytes (consenting learners only)."""
    return csv_stream(RESEARCH_COLUMNS, research_rows(consenting_records(block_key, course_key, chunk_size)))


def filename(block_key, kind):
    """`leadership-<kind>-<block id, filesystem safe>.csv`."""
    safe = re.sub(r'[^A-Za-z0-9_.-]+', '-', str(block_key)).strip('-.')[-80:] or 'block'
    return f'leadership-{kind}-{safe}.csv'


KINDS = ('records', 'research')


def body(kind, block_key, course_key, chunk_size=CHUNK_ROWS):
    """The CSV bytes generator of a download kind: 'records' (staff) or 'research'."""
    if kind == 'research':
        return research_csv(block_key, course_key, chunk_size)
    return staff_csv(block_key, chunk_size)


def download(kind, block_key, course_key):
    """The webob response of a CSV download (headers from `api.download_response`, the one place
    for them): the handlers return it, the streaming view streams its body with its headers."""
    from .api import download_response

    disposition = f'attachment; filename="{filename(block_key, kind)}"'
    return download_response('text/csv', disposition, app_iter=body(kind, block_key, course_key))
