"""`generate_report_data` of every block type: one readable row per learner, as Open edX's
Problem Responses report asks for them.

The platform passes an iterator of user-state objects with `.username` and `.state` (the
block's user_state fields as JSON); here they are built from what real learners did through
the handlers, read back from the workbench's store.
"""

import collections
import json

import pytest
from xblock.core import XBlock
from xblock.fields import Scope

from leadership_xblocks.scenario import reports
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load

UserState = collections.namedtuple('UserState', 'username state')

REFLECTION = (
    '<leadership_reflection display_name="Reflect" min_words="3">'
    '<prompt><p>What happened?</p></prompt></leadership_reflection>'
)
SELF_ASSESSMENT = """<leadership_self_assessment display_name="Profile">
  <scale min="1" max="3">
    <label value="1">Rarely</label><label value="2">Sometimes</label><label value="3">Often</label>
  </scale>
  <dimension id="self" label="Leading self">
    <item id="s1">I notice my stress.</item><item id="s2">I ask for feedback.</item>
  </dimension>
  <dimension id="teams" label="Leading teams"><item id="t1">I share decisions.</item></dimension>
</leadership_self_assessment>"""
TIME_ALLOCATION = """<leadership_time_allocation display_name="Time">
  <prompt><p>Your month?</p></prompt>
  <function id="planning">Long-term planning</function>
  <function id="crisis">Crisis management</function>
</leadership_time_allocation>"""


def user_states(usage_id, users):
    """The platform's user-state objects: username and the block's user_state fields (JSON)."""
    for user in users:
        block = Learner(usage_id, user).block()
        state = {
            name: field.read_json(block)
            for name, field in block.fields.items()
            if field.scope == Scope.user_state and field.is_set_on(block)
        }
        yield UserState(user, json.loads(json.dumps(state)))


def report(usage_id, users, limit=None):
    block = Learner(usage_id, 'staff').block()
    return list(block.generate_report_data(user_states(usage_id, users), limit_responses=limit))


def assert_readable(rows):
    for username, row in rows:
        assert isinstance(username, str)
        assert all(isinstance(key, str) for key in row)
        assert all(isinstance(value, (str, int, float)) and not isinstance(value, bool) for value in row.values())
        json.dumps(row)


@pytest.fixture
def scenario_rows():
    usage = load(FIT)
    alice, bob, carol = (Learner(usage, user) for user in ('alice', 'bob', 'carol'))
    alice.ok('choose', {'step': 's1', 'choice': 'now'})
    alice.ok('choose', {'step': 's2', 'choice': 'agree'})
    bob.ok('timeout', {'step': 's1'})
    carol.ok('choose', {'step': 's1', 'choice': 'meet'})
    carol.ok('choose', {'step': 's2', 'choice': 'impose'})
    carol.ok('restart')
    return usage, report(usage, ['alice', 'bob', 'carol', 'dave'])


def test_scenario_rows_read_as_a_path_with_modes_ending_and_scores(scenario_rows):
    _usage, rows = scenario_rows
    assert_readable(rows)
    by_user = dict(rows)
    assert [name for name, _row in rows] == ['alice', 'bob', 'carol', 'dave']
    assert by_user['alice'] == {
        'Path': 'Step s1 -> Label now (urgent) | Step s2 -> Label agree (consensual)',
        'Ending': 'Ending good',
        'Score': 1.0,
        'Best score': 1.0,
        'Attempts': 1,
        'Completed': 'yes',
    }
    assert by_user['bob']['Path'] == 'Step s1 -> (time ran out)'
    assert by_user['bob']['Ending'] == '' and by_user['bob']['Score'] == '' and by_user['bob']['Completed'] == 'no'
    # carol finished one attempt (fit 0 of 2) and has started a second with no decision yet
    assert by_user['carol'] == {
        'Path': '',
        'Ending': '',
        'Score': '',
        'Best score': 0.0,
        'Attempts': 1,
        'Completed': 'yes',
    }
    # dave never played: a row that says so
    assert by_user['dave'] == {
        'Path': '',
        'Ending': '',
        'Score': '',
        'Best score': '',
        'Attempts': 0,
        'Completed': 'no',
    }


@pytest.mark.parametrize('limit, expected', [(None, 4), (2, 2), (1, 1), (0, 0), (10, 4)])
def test_scenario_rows_stop_at_limit_responses(scenario_rows, limit, expected):
    usage, _rows = scenario_rows
    assert len(report(usage, ['alice', 'bob', 'carol', 'dave'], limit)) == expected


def test_the_report_reads_the_iterator_lazily(scenario_rows):
    usage, _rows = scenario_rows
    consumed = []

    def states():
        for state in user_states(usage, ['alice', 'bob', 'carol']):
            consumed.append(state.username)
            yield state

    block = Learner(usage, 'staff').block()
    rows = list(block.generate_report_data(states(), limit_responses=1))
    assert len(rows) == 1 and consumed == ['alice']


def test_reflection_rows_give_status_words_and_plain_text():
    usage = load(REFLECTION)
    Learner(usage, 'alice').ok('submit', {'text': '<p>I rang <b>my manager</b> first.</p><p>Then I decided.</p>'})
    Learner(usage, 'bob').ok('save_draft', {'text': '<p>Half a thought</p>'})
    rows = report(usage, ['alice', 'bob', 'carol'])
    assert_readable(rows)
    by_user = dict(rows)
    assert by_user['alice']['Status'] == 'submitted' and by_user['alice']['Words'] == 8
    assert by_user['alice']['Reflection'] == 'I rang my manager first.\nThen I decided.'
    assert by_user['alice']['Submitted at'] and by_user['alice']['Last saved at']
    assert by_user['bob']['Status'] == 'draft' and by_user['bob']['Reflection'] == 'Half a thought'
    assert by_user['bob']['Submitted at'] == ''
    assert by_user['carol'] == {
        'Status': 'not started',
        'Words': 0,
        'Reflection': '',
        'Submitted at': '',
        'Last saved at': '',
    }


def test_self_assessment_rows_give_dimension_means_and_labelled_ratings():
    usage = load(SELF_ASSESSMENT)
    Learner(usage, 'alice').ok('submit', {'ratings': {'s1': 1, 's2': 2, 't1': 3}})
    rows = report(usage, ['alice', 'bob'])
    assert_readable(rows)
    by_user = dict(rows)
    assert by_user['alice']['Leading self (mean)'] == 1.5
    assert by_user['alice']['Leading teams (mean)'] == 3.0
    assert by_user['alice']['Ratings'] == (
        'I notice my stress.: 1 (Rarely) | I ask for feedback.: 2 (Sometimes) | I share decisions.: 3 (Often)'
    )
    assert by_user['alice']['Submitted'] == 'yes' and by_user['alice']['Attempts'] == 1
    assert by_user['bob']['Submitted'] == 'no' and by_user['bob']['Ratings'] == ''
    assert by_user['bob']['Leading self (mean)'] == ''


def test_time_allocation_rows_show_answers_only_of_consenting_learners():
    usage = load(TIME_ALLOCATION)
    Learner(usage, 'alice').ok(
        'submit', {'allocations': {'planning': 30, 'crisis': 70}, 'model': 'host', 'consent': True}
    )
    Learner(usage, 'bob').ok(
        'submit', {'allocations': {'planning': 90, 'crisis': 10}, 'model': 'Leading from the back', 'consent': False}
    )
    rows = report(usage, ['alice', 'bob', 'carol'])
    assert_readable(rows)
    by_user = dict(rows)
    assert by_user['alice']['Long-term planning (%)'] == 30.0 and by_user['alice']['Crisis management (%)'] == 70.0
    assert by_user['alice']['Leadership model'] == 'Host leadership'
    assert by_user['alice']['Research consent'] == 'yes' and by_user['alice']['Submitted'] == 'yes'
    # bob said no: the block promised his answer serves only his own view
    assert by_user['bob']['Submitted'] == 'yes' and by_user['bob']['Research consent'] == 'no'
    assert by_user['bob']['Long-term planning (%)'] == '' and by_user['bob']['Leadership model'] == ''
    assert 'Leading from the back' not in json.dumps(rows)
    assert by_user['carol']['Submitted'] == 'no'


def test_every_activity_block_type_has_report_rows():
    for block_type in (
        'leadership_scenario',
        'leadership_reflection',
        'leadership_self_assessment',
        'leadership_time_allocation',
    ):
        assert callable(getattr(XBlock.load_class(block_type), 'generate_report_data', None)), block_type


def test_decision_text_handles_choices_without_a_mode():
    assert reports.decision_text({'step': 'A', 'choice': 'B', 'mode': None}) == 'A -> B'
    assert reports.decision_text({'step': 'A', 'choice': 'B', 'mode': 'delegated'}) == 'A -> B (delegated)'
