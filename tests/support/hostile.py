"""What the hostile-input tests share: one block of each type, their handlers, and a snapshot
of everything a request could change (every learner-scoped field the users have in any block,
and the cohort rows), so a test can prove a rejected request changed nothing."""

import json

from webob import Request
from xblock.core import XBlock

from leadership_xblocks.cohort.models import LearnerRecord
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load

OLX = {
    'leadership_scenario': FIT.replace('scoring="fit"', 'scoring="fit" max_attempts="0" allow_back="true"'),
    'leadership_reflection': '<leadership_reflection display_name="Reflect" min_words="2" max_words="50"/>',
    'leadership_self_assessment': '<leadership_self_assessment display_name="Rate"/>',
    'leadership_time_allocation': '<leadership_time_allocation display_name="Time"/>',
    'leadership_cpd_record': '<leadership_cpd_record display_name="Record"/>',
}
# Handlers that answer something other than JSON (files), read with GET.
FILE_HANDLERS = {'my_reflections', 'download', 'download_records', 'download_research'}
# Refused to learners (403) before the request is read: facilitator data, and the Studio editor's checks.
STAFF_HANDLERS = {'staff_dashboard', 'download_records', 'download_research', 'editor_check', 'editor_preview'}


def handlers(block_type):
    """Every handler name of a block type (the runtime's own `_is_xblock_handler` mark)."""
    cls = XBlock.load_class(block_type)
    return sorted(name for name in dir(cls) if getattr(getattr(cls, name, None), '_is_xblock_handler', False))


def load_all():
    return {block_type: load(xml) for block_type, xml in OLX.items()}


def call_raw(usage_id, user, handler, method='POST', body=b'', content_type='application/json', query=''):
    """(status, content type, body bytes) of one request built byte by byte."""
    block = Learner(usage_id, user).block()
    request = Request.blank('/' + (('?' + query) if query else ''), method=method)
    request.body = body
    if content_type is not None:
        request.headers['Content-Type'] = content_type
    else:
        request.headers.pop('Content-Type', None)
    response = block.runtime.handle(block, handler, request)
    body = b''.join(response.app_iter) if response.app_iter is not None else response.body
    return response.status_code, response.content_type, body


def snapshot(users, block_keys=None):
    """Everything stored for `users`, as JSON: each one's learner-scoped fields of every block (the
    workbench's storage rows, read in one query; a row a read left empty holds nothing), and the cohort
    rows (of `block_keys`, or all)."""
    from workbench.models import XBlockState

    fields = {}
    for scope, scope_id, user, state in XBlockState.objects.filter(user_id__in=users).values_list(
        'scope', 'scope_id', 'user_id', 'state'
    ):
        if json.loads(state):
            fields[(scope, scope_id, user)] = state
    records = LearnerRecord.objects.all()
    if block_keys is not None:
        records = records.filter(block_key__in=block_keys)
    rows = sorted(
        (r.block_key, r.learner, json.dumps(r.data, sort_keys=True), r.completed, r.score, r.consent, str(r.consent_at))
        for r in records
    )
    return fields, rows
