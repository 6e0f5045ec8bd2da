"""Staff and research CSV exports: staff only, anonymous ids, consent rules, streamed in flat memory.

Every download test runs twice: through the block's handler and through the streaming view
the dashboard links where it is installed (`via`, see `tests/support/downloads.py`).
"""

import csv
import datetime
import gc
import io
import re
import tracemalloc

import pytest

from leadership_xblocks import exports, records
from leadership_xblocks.cohort.models import LearnerRecord
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load
from tests.support.downloads import VIAS, bulk, download


def test_the_cohort_app_is_installed_for_these_tests():
    assert records.available(), 'devserver.settings must install leadership_xblocks.cohort'


STAFF = 'staff'  # the workbench's staff user id (LEADERSHIP_WORKBENCH_STAFF default)
T0 = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clean_records():
    LearnerRecord.objects.all().delete()
    yield
    LearnerRecord.objects.all().delete()


@pytest.fixture
def block_key(clean_records):
    return load(FIT)


@pytest.fixture(params=VIAS)
def via(request):
    return request.param


def call(usage_id, user, handler, via):
    return download(usage_id, user, handler.removeprefix('download_'), via)


def body_of(response):
    return b''.join(response.app_iter).decode('utf-8')


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def stream_peak(block_key, via):
    """(lines, bytes, peak traced memory) while consuming the staff download of a block as staff."""
    response = call(block_key, STAFF, 'download_records', via)
    assert response.status_code == 200
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        lines = size = 0
        for chunk in response.app_iter:
            lines += chunk.count(b'\n')
            size += len(chunk)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return lines, size, peak


# Access ----------------------------------------------------------------------------------


@pytest.mark.parametrize('handler', ['download_records', 'download_research'])
def test_learners_get_403_and_no_data(block_key, handler, via):
    bulk(block_key, 3)
    response = call(block_key, 'alice', handler, via)
    assert response.status_code == 403
    assert response.content_type == 'application/json'
    assert 'staff' in response.json['error']
    assert 'l000001' not in response.body.decode('utf-8')


def test_staff_download_is_a_csv_attachment_with_every_row(block_key, via):
    bulk(block_key, 3)
    response = call(block_key, STAFF, 'download_records', via)
    assert response.status_code == 200
    assert response.content_type == 'text/csv' and response.charset == 'utf-8'
    assert re.match(
        r'attachment; filename="leadership-records-[A-Za-z0-9_.-]+\.csv"', response.headers['Content-Disposition']
    )
    text = body_of(response)
    assert text.splitlines()[0] == ','.join(exports.STAFF_COLUMNS)
    rows = rows_of(text)
    assert [r['learner'] for r in rows] == ['l000000', 'l000001', 'l000002']
    assert rows[1]['completed'] == 'true' and rows[1]['score'] == '0.1' and rows[0]['consent'] == 'false'
    assert rows[0]['block_key'] == block_key and rows[0]['block_type'] == 'leadership_scenario'
    assert '"step":"s1"' in rows[0]['data']
    datetime.datetime.fromisoformat(rows[0]['created'])


def test_real_learners_appear_only_as_anonymous_ids(block_key, via):
    for user in ('alice', 'bob'):
        Learner(block_key, user).ok('choose', {'step': 's1', 'choice': 'now'})
    text = body_of(call(block_key, STAFF, 'download_records', via))
    rows = rows_of(text)
    assert len(rows) == 2
    assert 'alice' not in text and 'bob' not in text
    assert all(re.fullmatch(r'[0-9a-f]{32}', r['learner']) for r in rows)
    assert {r['learner'] for r in rows} == {Learner(block_key, u).block().anonymous_id() for u in ('alice', 'bob')}


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_defused():
    assert exports.safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert exports.safe_cell('@SUM(A1)') == "'@SUM(A1)"
    assert exports.safe_cell('-3.5') == '-3.5'
    assert exports.safe_cell(None) == '' and exports.safe_cell(True) == 'true' and exports.safe_cell(0.25) == '0.25'
    assert exports.safe_cell({'b': 1, 'a': 'é'}) == '{"a":"é","b":1}'


# Streaming -----------------------------------------------------------------------------


@pytest.mark.slow  # writes 11,000 learner rows
def test_the_staff_download_of_10000_learners_streams_in_flat_memory(clean_records, via):
    small, large = load(FIT), load(FIT)
    bulk(small, 1000, prefix='s')
    bulk(large, 10000, prefix='b')
    stream_peak(small, via)  # warm up: imports, compiled queries, template caches
    small_lines, _small_bytes, small_peak = stream_peak(small, via)
    large_lines, large_bytes, large_peak = stream_peak(large, via)
    assert small_lines == 1001
    assert large_lines == 10001
    # Ten times the learners, yet the peak stays about the same: rows are never all in memory.
    assert large_peak < 2 * small_peak, (small_peak, large_peak)
    # ... and far below the size of the file itself (over 1 MB here).
    assert large_bytes > 1_000_000
    assert large_peak < large_bytes / 2, (large_peak, large_bytes)


def test_the_stream_yields_chunks_as_it_goes(block_key, via):
    bulk(block_key, 3000)
    chunks = list(call(block_key, STAFF, 'download_records', via).app_iter)
    assert len(chunks) > 3
    assert all(len(c) < 2 * exports.CHUNK_BYTES for c in chunks)
    assert sum(c.count(b'\n') for c in chunks) == 3001


# Research export ------------------------------------------------------------------------


def consent_row(learner, consent, at, block='ta-1', course=''):
    LearnerRecord.objects.create(
        block_key=block,
        block_type='leadership_time_allocation',
        learner=learner,
        course_key=course,
        data={},
        consent=consent,
        consent_at=at,
    )


def test_research_export_has_only_learners_whose_latest_decision_is_consent(block_key, via):
    hour = datetime.timedelta(hours=1)
    for learner in ('yes', 'withdrew', 'changed_mind', 'never_asked', 'other_course'):
        LearnerRecord.objects.create(
            block_key=block_key,
            block_type='leadership_scenario',
            learner=learner,
            data={'v': 1, 'attempt': 2, 'path': []},
            completed=True,
            score=0.5,
        )
    consent_row('yes', True, T0)
    consent_row('withdrew', True, T0)
    consent_row('withdrew', False, T0 + hour, block='ta-2')
    consent_row('changed_mind', False, T0)
    consent_row('changed_mind', True, T0 + hour, block='ta-2')
    consent_row('other_course', True, T0, course='course-v1:Other+X+2026')
    text = body_of(call(block_key, STAFF, 'download_research', via))
    assert text.splitlines()[0] == ','.join(exports.RESEARCH_COLUMNS)
    rows = rows_of(text)
    assert sorted(r['learner'] for r in rows) == ['changed_mind', 'yes']
    assert all(r['block_key'] == block_key and r['score'] == '0.5' for r in rows)
    assert {r['learner']: r['consented_at'] for r in rows} == {
        'yes': T0.isoformat(),
        'changed_mind': (T0 + hour).isoformat(),
    }
    assert 'consent' not in rows[0]  # everyone here consented; only the date is given


def test_the_time_allocation_rows_of_consenting_learners_are_exported_with_their_consent_date(clean_records):
    consent_row('yes', True, T0)
    consent_row('no', False, T0)
    rows = rows_of(b''.join(exports.research_csv('ta-1', '')).decode('utf-8'))
    assert [(r['learner'], r['consented_at']) for r in rows] == [('yes', T0.isoformat())]


def test_consent_given_in_the_time_allocation_block_opens_the_scenario_research_export(block_key, via):
    time_block = load('<leadership_time_allocation display_name="Time"/>')
    answer = {'allocations': {'planning': 100}, 'model': 'Leading from behind my desk'}
    for user, consent in (('alice', True), ('bob', False), ('carol', True)):
        Learner(block_key, user).ok('choose', {'step': 's1', 'choice': 'now'})
        Learner(time_block, user).ok('submit', dict(answer, consent=consent))
    Learner(time_block, 'carol').ok('set_consent', {'consent': False})  # carol withdraws
    anonymous = {user: Learner(block_key, user).block().anonymous_id() for user in ('alice', 'bob', 'carol')}
    scenario_rows = rows_of(body_of(call(block_key, STAFF, 'download_research', via)))
    assert [r['learner'] for r in scenario_rows] == [anonymous['alice']]
    assert '"choice":"now"' in scenario_rows[0]['data'] and scenario_rows[0]['consented_at']
    time_rows = rows_of(body_of(call(time_block, STAFF, 'download_research', via)))
    assert [r['learner'] for r in time_rows] == [anonymous['alice']]
    assert '"planning":100' in time_rows[0]['data'] and 'desk' not in time_rows[0]['data']


def test_research_export_keeps_structured_values_and_drops_free_text(block_key, via):
    data = {
        'allocations': {'planning': 20.5, 'crisis': 79.5},
        'model': 'own',
        'model_text': 'Whatever my manager Jane Smith does',
        'words': 212,
        'text': '<p>I visited the Smith family on Tuesday</p>',
        'submitted': True,
        'note': None,
        'contact': 'jane.smith@example.org',
        'path': [{'step': 's1', 'choice': 'now', 'mode': 'urgent', 'seconds': 3.5, 'label': 'A long label here'}],
    }
    LearnerRecord.objects.create(
        block_key=block_key,
        block_type='leadership_time_allocation',
        learner='yes',
        data=data,
        consent=True,
        consent_at=T0,
    )
    rows = rows_of(body_of(call(block_key, STAFF, 'download_research', via)))
    assert len(rows) == 1
    assert 'Smith' not in rows[0]['data'] and 'Jane' not in rows[0]['data'] and 'smith' not in rows[0]['data']
    assert rows[0]['data'] == (
        '{"allocations":{"crisis":79.5,"planning":20.5},"model":"own","note":null,'
        '"path":[{"choice":"now","mode":"urgent","seconds":3.5,"step":"s1"}],'
        '"submitted":true,"words":212}'
    )
    staff_rows = rows_of(body_of(call(block_key, STAFF, 'download_records', via)))
    assert 'Jane Smith' in staff_rows[0]['data']  # the staff export is complete


def test_the_data_dictionary_documents_every_column(repo_root):
    text = (repo_root / 'docs' / 'data-dictionary.md').read_text(encoding='utf-8')
    documented = set(re.findall(r'^\| `([a-z_]+)` \|', text, flags=re.MULTILINE))
    assert set(exports.STAFF_COLUMNS) <= documented
    assert set(exports.RESEARCH_COLUMNS) <= documented
    for block_type in (
        'leadership_scenario',
        'leadership_reflection',
        'leadership_self_assessment',
        'leadership_time_allocation',
    ):
        assert f'`{block_type}`' in text


def test_the_facilitator_dashboard_links_both_streaming_downloads_for_staff_only(block_key):
    staff_html = Learner(block_key, STAFF).render().body_html()
    for kind in exports.KINDS:
        assert f'/leadership-xblocks/export/{kind}.csv?block={block_key}&amp;student={STAFF}' in staff_html
        assert f'/handler/{block_key}/download_{kind}/' not in staff_html
    learner_html = Learner(block_key, 'alice').render().body_html()
    assert 'leadership-xblocks/export' not in learner_html and 'download_records' not in learner_html


def test_without_the_view_the_dashboard_links_the_handlers(block_key):
    """A site that mounts no plugin URLs (Studio, or the bare workbench): the handlers serve."""
    from django.test import override_settings

    with override_settings(ROOT_URLCONF='workbench.urls'):
        staff_html = Learner(block_key, STAFF).render().body_html()
    for kind in exports.KINDS:
        assert f'/handler/{block_key}/download_{kind}/' in staff_html
