"""Property-based fuzzing of every handler of every block (hypothesis, fixed seed, bounded budget).

Two learners and a member of staff send random and adversarial requests (malformed bodies,
wrong types, injection strings, wrong methods, odd query strings) interleaved with valid play,
to all five blocks. After every call:

* no 5xx (and no exception escapes a handler);
* every rejection is a 4xx with a JSON `{"error": ...}`, and changed nothing: the caller's
  learner-scoped fields (their own, the shared CPD record and journal) and every cohort row
  are compared before and after;
* no learner ever receives another learner's words or anonymous id;
* staff handlers answer 403 to learners;
* a learner's grade and best score never drop below their best attempt.

`LEADERSHIP_FUZZ_CALLS` sets the budget (default 1,500 calls, about a minute; `make fuzz`
runs 20,000). The counts are written to `artifacts/fuzz.json`.
"""

import collections
import json
import logging
import os
import pathlib

from hypothesis import HealthCheck, given, settings, strategies as st

from leadership_xblocks.self_assessment import model as sa_model
from leadership_xblocks.time_allocation import model as ta_model
from tests.support.blocks import EventLog, Learner
from tests.support.hostile import FILE_HANDLERS, STAFF_HANDLERS, call_raw, handlers, load_all, snapshot
from tests.test_hostile_requests import MALFORMED, PROSE
from tests.test_spreadsheet_injection import VECTORS

STEPS_PER_EXAMPLE = 50
CALLS = int(os.environ.get('LEADERSHIP_FUZZ_CALLS', '1500'))
EXAMPLES = max(1, CALLS // STEPS_PER_EXAMPLE)
STAFF = 'staff'
XSS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    'javascript:alert(1)',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<style>@import "x"</style>',
    '{{7*7}}',
    '${7*7}',
    '%s%n',
]
ODD = ['\udfff', 'a\x00b', '\ud83d', '\u202e', '\ufeff', 'x' * 300, '', ' ', '\n', '0', '-1', 'null']
STEP_IDS = ['s1', 's2', 'late', 'good', 'nowhere']
CHOICE_IDS = ['now', 'meet', 'agree', 'impose', 'sorry', '__timeout__', 'nope']
SA_ITEMS = [item.id for item, _dimension in sa_model.SelfAssessment().items]
TA_FUNCTIONS = [function.id for function in ta_model.TimeAllocation().functions]
TA_MODELS = [model_id for model_id, _label in ta_model.MODELS]
STATS = collections.Counter()

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(XSS + ODD + VECTORS),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
hostile_text = st.sampled_from(XSS + ODD + VECTORS + PROSE) | st.text(max_size=60)


def marker(user):
    return f'words-of-{user}'


@st.composite
def learner_text(draw, user):
    parts = draw(st.lists(hostile_text, max_size=3))
    return ' '.join([marker(user), 'I listened and then I decided'] + parts)


@st.composite
def valid_request(draw, block_type, handler, user, hint):
    """A request a well-behaved client could send (it may still be refused, e.g. out of turn).

    `hint`: (step id, choice ids) of the scenario step the user's last answer showed, if any."""
    if handler in ('student_view_user_state', 'back', 'restart'):
        return {}
    if handler == 'choose':
        if hint and draw(st.integers(0, 3)):
            return {'step': hint[0], 'choice': draw(st.sampled_from(hint[1] or CHOICE_IDS))}
        return {'step': draw(st.sampled_from(STEP_IDS)), 'choice': draw(st.sampled_from(CHOICE_IDS))}
    if handler == 'timeout':
        return {'step': hint[0] if hint and draw(st.booleans()) else draw(st.sampled_from(STEP_IDS))}
    if handler in ('save_draft', 'submit') and block_type == 'leadership_reflection':
        return {'text': draw(learner_text(user))}
    if handler == 'submit' and block_type == 'leadership_self_assessment':
        return {'ratings': {item: draw(st.integers(1, 5)) for item in SA_ITEMS}}
    if handler == 'submit':  # time allocation: shares that add up to 100
        cuts = sorted(
            draw(st.lists(st.integers(0, 100), min_size=len(TA_FUNCTIONS) - 1, max_size=len(TA_FUNCTIONS) - 1))
        )
        shares = [b - a for a, b in zip([0] + cuts, cuts + [100])]
        model = draw(st.sampled_from(TA_MODELS) | learner_text(user).map(lambda text: text[:200]))
        return {'allocations': dict(zip(TA_FUNCTIONS, shares)), 'model': model, 'consent': draw(st.booleans())}
    if handler == 'set_consent':
        return {'consent': draw(st.booleans())}
    if handler == 'staff_dashboard':
        return {'view': draw(st.sampled_from(['dashboard', 'present'])), 'step': draw(st.sampled_from(STEP_IDS))}
    if handler == 'submit_studio_edits':
        return {'values': {'display_name': draw(hostile_text)}, 'defaults': []}
    return {}


@st.composite
def request_for(draw, block_type, handler, user, hint=None):
    """(method, body bytes, content type, query) of one call."""
    if handler in FILE_HANDLERS:
        query = draw(
            st.sampled_from(['', 'format=txt', 'inline=1', 'format=%ff', '%ed%a0%80=1', 'format=txt&inline=1'])
        )
        return draw(st.sampled_from(['GET', 'GET', 'POST', 'PUT'])), b'', 'application/json', query
    kind = draw(st.sampled_from(['valid'] * 5 + ['mutated'] * 2 + ['random', 'raw', 'method']))
    if kind == 'raw':
        body, content_type, _status = MALFORMED[draw(st.sampled_from(sorted(MALFORMED)))]
        return 'POST', body, content_type, ''
    if kind == 'method':
        return draw(st.sampled_from(['PUT', 'DELETE', 'PATCH', 'HEAD'])), b'{}', 'application/json', ''
    data = draw(valid_request(block_type, handler, user, hint))
    if kind == 'random':
        data = draw(json_values)
    elif kind == 'mutated':
        action = draw(st.sampled_from(['replace', 'drop', 'add']))
        keys = sorted(data)
        if action == 'replace' and keys:
            data[draw(st.sampled_from(keys))] = draw(json_values)
        elif action == 'drop' and keys:
            data.pop(draw(st.sampled_from(keys)))
        else:
            data[draw(st.sampled_from(['values', 'defaults', 'ratings', 'extra', 'weight']))] = draw(json_values)
    try:
        body = json.dumps(data, ensure_ascii=draw(st.booleans())).encode('utf-8', 'surrogatepass')
    except (TypeError, ValueError):
        body = b'{'
    method = 'GET' if handler == 'student_view_user_state' and draw(st.booleans()) else 'POST'
    return method, body, draw(st.sampled_from(['application/json', 'application/json; charset=utf-8', None])), ''


def check_privacy(user, body, others):
    text = body.decode('utf-8', 'replace')
    for other, anonymous_id in others.items():
        if other != user:
            assert marker(other) not in text, f'{user} received words of {other}'
            assert anonymous_id not in text, f'{user} received the anonymous id of {other}'


@settings(
    max_examples=EXAMPLES, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck)
)
@given(st.data())
def test_fuzz_every_handler_of_every_block(data):
    run = STATS['examples']
    STATS['examples'] += 1
    learners = [f'fuzz-{run}-a', f'fuzz-{run}-b']
    users = learners + [STAFF]
    blocks = load_all()
    block_keys = [str(usage_id) for usage_id in blocks.values()]
    anonymous = {user: Learner(blocks['leadership_scenario'], user).block().anonymous_id() for user in learners}
    calls = [(block_type, handler) for block_type in blocks for handler in handlers(block_type)]
    hints = {}
    best = collections.defaultdict(float)  # (user, block) -> best normalised grade / best score seen
    log = EventLog()
    logger = logging.getLogger('workbench.runtime')
    logger.setLevel(logging.INFO)
    logger.addHandler(log)
    try:
        for _step in range(STEPS_PER_EXAMPLE):
            user = data.draw(st.sampled_from(users))
            block_type, handler = data.draw(st.sampled_from(calls))
            method, body, content_type, query = data.draw(request_for(block_type, handler, user, hints.get(user)))
            usage_id = blocks[block_type]
            before = snapshot([user], block_keys)
            log.events.clear()
            status, kind, answer = call_raw(
                usage_id, user, handler, method=method, body=body, content_type=content_type, query=query
            )
            STATS['calls'] += 1
            STATS[f'status {status}'] += 1
            where = (block_type, handler, user, method, body[:120], query, status, answer[:200])
            assert status < 500, where
            if status >= 400:
                assert kind == 'application/json' and json.loads(answer).get('error'), where
                assert snapshot([user], block_keys) == before, ('a rejection changed state', where)
            elif handler not in FILE_HANDLERS:
                payload = json.loads(answer)
                if block_type == 'leadership_scenario' and isinstance(payload, dict) and 'step' in payload:
                    step = payload['step'] or {}
                    hints[user] = (step.get('id'), [c['id'] for c in step.get('choices', [])]) if step else None
                if isinstance(payload, dict) and payload.get('best_score') is not None:
                    assert payload['best_score'] >= best[(user, 'best_score')] - 1e-9, where
                    best[(user, 'best_score')] = payload['best_score']
            if user != STAFF and handler in STAFF_HANDLERS:
                assert status == 403, where
            if user != STAFF:
                check_privacy(user, answer, anonymous)
            for grade in log.named('grade'):
                if block_type == 'leadership_scenario' and grade.get('max_value'):
                    ratio = grade['value'] / grade['max_value']
                    assert ratio >= best[(user, 'grade')] - 1e-9, ('grade dropped', where, grade)
                    best[(user, 'grade')] = ratio
    finally:
        logger.removeHandler(log)
        artifacts = pathlib.Path(__file__).resolve().parent.parent / 'artifacts'
        artifacts.mkdir(exist_ok=True)
        (artifacts / 'fuzz.json').write_text(json.dumps(dict(STATS, budget=CALLS), indent=1, sort_keys=True))


def test_the_fuzz_budget_was_spent():
    """Runs after the fuzz test (file order): the budget's calls were all made."""
    assert STATS['calls'] >= EXAMPLES * STEPS_PER_EXAMPLE, dict(STATS)
