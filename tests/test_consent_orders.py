"""Research consent as README promises: every decision counts, the latest in the course governs
every research export (scenario, reflection, self-assessment, both time-allocation blocks), in
every order of giving, withdrawing and answering, across blocks."""

import csv
import io
import itertools

import pytest
from webob import Request

from leadership_xblocks.cohort.models import LearnerRecord
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load

STAFF = 'staff'
REFLECTION = '<leadership_reflection display_name="Reflect" min_words="1"/>'
TIME = """<leadership_time_allocation display_name="Time {n}">
  <function id="plan">Planning</function><function id="fire">Firefighting</function>
</leadership_time_allocation>"""
ALLOCATION = {'plan': 40, 'fire': 60}
# One learner's decisions: give or withdraw with `set_consent`, or answer with `consent` in `submit`,
# in one of two time-allocation blocks; `answer` works through the other three block types.
EVENTS = ('give@A', 'withdraw@B', 'submit-no@A', 'submit-yes@B', 'answer')
ORDERS = list(itertools.permutations(EVENTS, 3))


@pytest.fixture
def blocks():
    LearnerRecord.objects.all().delete()
    yield {
        'scenario': load(FIT),
        'reflection': load(REFLECTION),
        'self_assessment': load('<leadership_self_assessment/>'),
        'A': load(TIME.format(n='A')),
        'B': load(TIME.format(n='B')),
    }
    LearnerRecord.objects.all().delete()


def play(blocks, user, event):
    """Do one event of an order for `user`; returns the decision it makes (True/False) or None."""
    if event == 'answer':
        Learner(blocks['scenario'], user).ok('choose', {'step': 's1', 'choice': 'now'})
        Learner(blocks['reflection'], user).ok('submit', {'text': 'I listened first'})
        rater = Learner(blocks['self_assessment'], user)
        items = [item['id'] for item in rater.ok('student_view_user_state')['items']]
        rater.ok('submit', {'ratings': {item: 3 for item in items}})
        return None
    action, block = event.split('@')
    learner = Learner(blocks[block], user)
    if action in ('give', 'withdraw'):
        learner.ok('set_consent', {'consent': action == 'give'})
        return action == 'give'
    learner.ok('submit', {'allocations': ALLOCATION, 'model': 'host', 'consent': action == 'submit-yes'})
    return action == 'submit-yes'


def research_learners(usage_id):
    block = Learner(usage_id, STAFF).block()
    response = block.runtime.handle(block, 'download_research', Request.blank('/', method='GET'))
    assert response.status_code == 200
    text = b''.join(response.app_iter).decode('utf-8')
    return {row['learner'] for row in csv.DictReader(io.StringIO(text))}


def test_the_latest_decision_in_the_course_governs_every_research_export_in_every_order(blocks):
    users = {order: f'consent-order-{index}' for index, order in enumerate(ORDERS)}
    anonymous = {order: Learner(blocks['A'], user).block().anonymous_id() for order, user in users.items()}
    latest = dict.fromkeys(ORDERS)  # the decision in force after each step, None before any
    present = {order: set() for order in ORDERS}  # blocks where the learner has a cohort row
    for step in range(3):
        for order in ORDERS:
            event = order[step]
            decision = play(blocks, users[order], event)
            if decision is not None:
                latest[order] = decision
            present[order] |= (
                {'scenario', 'reflection', 'self_assessment'} if event == 'answer' else {event.split('@')[1]}
            )
        for name, usage_id in blocks.items():
            expected = {anonymous[order] for order in ORDERS if latest[order] and name in present[order]}
            got = research_learners(usage_id)
            wrong = sorted(order for order in ORDERS if (anonymous[order] in got) != (anonymous[order] in expected))
            assert not wrong, f'after step {step + 1}, {name} export wrong for orders {wrong}'


def test_a_first_no_is_a_decision_with_its_time_even_before_any_answer(blocks):
    learner = Learner(blocks['A'], 'first-no')
    state = learner.ok('set_consent', {'consent': False})
    assert state['consent']['given'] is False and state['consent']['at']
    row = LearnerRecord.objects.get(block_key=str(blocks['A']), learner=learner.block().anonymous_id())
    assert row.consent is False and row.consent_at is not None and row.completed is False
