"""On MariaDB the streaming download holds one page of rows at a time, and each page stays on the index.

mysqlclient's default cursor loads a query's whole result into the process, so Django's
`.iterator()` streams nothing there; the exports read keyset pages instead
(`exports.keyset_pages`). The download runs in a process of its own
(`tests/support/export_probe.py`) on a fresh database of 5,000 rows for the block, 5,000 for
another block and, in a third, a research-consent decision of each of the block's learners;
every SELECT of the learner table is recorded with the rows MariaDB sent it.
"""

import uuid

import pytest

from leadership_xblocks import exports
from tests.support.export_probe import run
from tests.support.live_server import _mariadb_connect, mariadb_available

pytestmark = [pytest.mark.mariadb, pytest.mark.slow]

ROWS = 5000


@pytest.fixture(scope='module')
def database(tmp_path_factory):
    if not mariadb_available():
        pytest.fail('MariaDB is not answering on 127.0.0.1:3306 (`make test` starts it)', pytrace=False)
    name = f'test_streaming_{uuid.uuid4().hex[:10]}'
    conn = _mariadb_connect()
    conn.cursor().execute(f'CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci')
    var_dir = str(tmp_path_factory.mktemp('export-probe'))
    try:
        run('populate', 'mariadb', var_dir, db_name=name, rows=ROWS, consenting=True)
        yield name, var_dir
    finally:
        conn.cursor().execute(f'DROP DATABASE IF EXISTS `{name}`')
        conn.close()


def test_the_view_never_holds_more_than_a_page_of_rows(database):
    name, var_dir = database
    result = run('measure', 'mariadb', var_dir, db_name=name, way='view')
    assert result['lines'] == ROWS + 1
    queries = result['queries']
    assert len(queries) == ROWS // exports.CHUNK_ROWS + 1  # the last page comes back empty
    assert all(q['limit'] and 0 <= q['rows'] <= exports.CHUNK_ROWS for q in queries), queries
    assert sum(q['rows'] for q in queries) == ROWS


def test_a_buffered_iterator_would_hold_every_row_and_more_memory(database):
    """The meter can tell: the `.iterator()` the exports used before gets all rows in one result."""
    name, var_dir = database
    buffered = run('measure', 'mariadb', var_dir, db_name=name, way='buffered')
    view = run('measure', 'mariadb', var_dir, db_name=name, way='view')
    assert [q['rows'] for q in buffered['queries']] == [ROWS]
    assert buffered['bytes'] == view['bytes']
    assert view['traced_peak_bytes'] < buffered['traced_peak_bytes'] / 2, (view, buffered)


def test_each_page_is_read_through_the_block_index(database):
    name, var_dir = database
    (plan,) = run('measure', 'mariadb', var_dir, db_name=name, way='view')['explain']['page']
    assert plan['key'] != 'PRIMARY' and plan['key_columns'][:1] == ['block_key'], plan
    assert plan['type'] in ('ref', 'range'), plan
    assert 'filesort' not in (plan['Extra'] or ''), plan
    assert int(plan['rows']) <= ROWS + 10, plan  # one block's entries, not the table's 10,010 rows


def test_the_research_download_looks_decisions_up_a_page_at_a_time_through_the_learner_index(database):
    """Joining every row to its learner's latest decision in one query took over ten minutes here."""
    name, var_dir = database
    result = run('measure', 'mariadb', var_dir, db_name=name, way='view', kind='research')
    assert result['lines'] == ROWS + 1
    pages = ROWS // exports.CHUNK_ROWS
    rows = [q['rows'] for q in result['queries']]
    # the course's decision blocks, then per page: the block's rows and their learners' decisions
    assert len(rows) == 1 + 2 * pages + 1 and max(rows) <= exports.CHUNK_ROWS, rows
    (plan,) = result['explain']['decisions']
    # by learner: the unique (block_key, learner), or the (learner, course_key) index of migration 0003
    assert 'learner' in plan['key_columns'], plan
    assert int(plan['rows']) <= 2 * exports.CHUNK_ROWS, plan
