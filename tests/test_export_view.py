"""The streaming download view: mounted as the LMS mounts plugin URLs, staff first, every refusal a clear 4xx.

The view is GET `/leadership-xblocks/export/<kind>.csv?block=<usage id>` (in the workbench the
user is `?student=`, as for handlers). `tests/test_exports.py` runs every export test through
it as well as through the handlers; here is what only the view does.
"""

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext

from leadership_xblocks import exports
from leadership_xblocks.cohort.apps import CohortConfig
from leadership_xblocks.cohort.models import LearnerRecord
from tests.scenario_samples import FIT
from tests.support.blocks import load
from tests.support.downloads import bulk, download, view_path
from tests.test_exports import STAFF, consent_row, rows_of


@pytest.fixture
def block_key():
    LearnerRecord.objects.all().delete()
    yield load(FIT)
    LearnerRecord.objects.all().delete()


def get(kind, **query):
    return Client().get(view_path(kind), query)


def test_the_plugin_url_is_mounted_where_the_lms_mounts_it():
    from devserver.urls import plugin_url_patterns

    (pattern,) = [p for p in plugin_url_patterns('lms.djangoapp') if p.namespace == 'leadership_xblocks']
    assert pattern.pattern.regex.pattern == CohortConfig.plugin_app['url_config']['lms.djangoapp']['regex']
    assert not [p for p in plugin_url_patterns('cms.djangoapp') if p.namespace == 'leadership_xblocks']
    assert view_path('records') == '/leadership-xblocks/export/records.csv'
    assert view_path('research') == '/leadership-xblocks/export/research.csv'
    assert Client().get('/leadership-xblocks/export/answers.csv', {'student': STAFF}).status_code == 404


def test_the_view_streams_a_page_at_a_time(block_key):
    bulk(block_key, 3 * exports.CHUNK_ROWS)
    response = get('records', block=block_key, student=STAFF)
    assert isinstance(response, StreamingHttpResponse)
    assert response['Content-Type'] == 'text/csv; charset=utf-8'
    assert response['Cache-Control'] == 'private, no-store' and response['X-Content-Type-Options'] == 'nosniff'
    chunks = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as first:
        first_chunk = next(chunks)
    with CaptureQueriesContext(connection) as rest:
        rest_lines = sum(chunk.count(b'\n') for chunk in chunks)
    # the first bytes leave after one page has been read, not the whole block
    assert len([q for q in first.captured_queries if 'learnerrecord' in q['sql']]) == 1
    assert len([q for q in rest.captured_queries if 'learnerrecord' in q['sql']]) == 3  # two more pages, one empty
    assert first_chunk.count(b'\n') + rest_lines == 3 * exports.CHUNK_ROWS + 1


@pytest.mark.parametrize(
    'query',
    [
        {},
        {'block': 'not-a-block'},
        {'block': 'x' * 300},
        {'block': ['a', 'b']},
    ],
    ids=['no block', 'unknown block', 'too long', 'repeated'],
)
@pytest.mark.parametrize('kind', exports.KINDS)
def test_learners_get_403_before_any_query_whatever_they_send(block_key, kind, query):
    bulk(block_key, 3)
    with CaptureQueriesContext(connection) as queries:
        response = get(kind, student='alice', **query)
    assert response.status_code == 403
    assert response.json() == {'error': 'Only course staff can download this data.'}
    assert queries.captured_queries == []


def test_a_known_block_is_also_refused_to_learners_before_any_query(block_key):
    with CaptureQueriesContext(connection) as queries:
        response = get('records', block=block_key, student='alice')
    assert response.status_code == 403 and queries.captured_queries == []


@pytest.mark.parametrize(
    'query, message',
    [
        ({}, 'Name the block once, as "block" in the query string.'),
        ({'block': ['a', 'b']}, 'Name the block once, as "block" in the query string.'),
        ({'block': ''}, '"block" must be a non-empty string of at most 255 characters.'),
        ({'block': 'x' * 256}, '"block" must be a non-empty string of at most 255 characters.'),
        ({'block': 'a\x01b'}, 'The request contains control characters that cannot be stored.'),
    ],
    ids=['missing', 'repeated', 'empty', 'too long', 'control character'],
)
def test_bad_parameters_get_400_with_a_clear_message(block_key, query, message):
    response = get('records', student=STAFF, **query)
    assert response.status_code == 400
    assert response['Content-Type'] == 'application/json; charset=utf-8'
    assert response.json() == {'error': message}


def test_an_unknown_block_or_one_without_downloads_is_404(block_key):
    cpd_record = load('<leadership_cpd_record/>')
    for block in ('test-999.leadership_scenario.d0.u0', cpd_record):
        response = get('research', block=block, student=STAFF)
        assert response.status_code == 404
        assert response.json() == {'error': 'There is no block with learner downloads at this address.'}


def test_only_get_is_served(block_key):
    response = Client().post(f'{view_path("records")}?block={block_key}&student={STAFF}')
    assert response.status_code == 405
    assert response.json() == {'error': 'Use GET to download this file.'}
    assert Client().post(f'{view_path("records")}?block={block_key}&student=alice').status_code == 403


def test_errors_are_in_the_requested_language(block_key):
    response = get('records', student='alice', lang='cy')
    assert response.json() == {'error': "Dim ond staff y cwrs sy'n gallu lawrlwytho'r data hyn."}


@pytest.mark.slow  # about 7 s each: a thousand rows and their consent decisions
@pytest.mark.parametrize('kind', exports.KINDS)
def test_the_view_sends_exactly_the_handlers_bytes_across_many_pages(block_key, kind):
    bulk(block_key, 2 * exports.CHUNK_ROWS + 7, consent=True)
    for i in range(0, 2 * exports.CHUNK_ROWS + 7, 3):
        consent_row(f'l{i:06d}', bool(i % 2), exports_time(i))
    via_view = download(block_key, STAFF, kind, via='view')
    via_handler = download(block_key, STAFF, kind, via='handler')
    assert via_view.streaming and via_view.headers['Content-Disposition'] == via_handler.headers['Content-Disposition']
    assert via_view.body == via_handler.body
    rows = rows_of(via_view.body.decode('utf-8'))
    learners = [r['learner'] for r in rows]
    assert len(learners) == len(set(learners))  # no row twice across page boundaries
    if kind == 'records':
        assert len(rows) == 2 * exports.CHUNK_ROWS + 7
    else:
        assert learners == [f'l{i:06d}' for i in range(0, 2 * exports.CHUNK_ROWS + 7, 3) if i % 2]


def test_pages_of_any_size_give_the_same_rows(block_key):
    bulk(block_key, 23)
    for i in range(0, 23, 2):
        consent_row(f'l{i:06d}', True, exports_time(i))
    for kind in exports.KINDS:
        whole = b''.join(exports.body(kind, block_key, '', chunk_size=1000))
        assert whole.count(b'\n') == (24 if kind == 'records' else 13)
        for size in (1, 5, 11, 12, 22, 23, 24):
            assert b''.join(exports.body(kind, block_key, '', chunk_size=size)) == whole, (kind, size)


def exports_time(i):
    import datetime

    return datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC) + datetime.timedelta(seconds=i)
