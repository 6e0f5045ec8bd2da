"""The one place that knows which runtime we are in (Open edX LMS/Studio or the xblock-sdk workbench).

Open edX exposes staff status and anonymous ids through the user service's optional
attributes. The workbench has neither, so we define documented equivalents:

* staff: a workbench user id listed in the environment variable
  `LEADERSHIP_WORKBENCH_STAFF` (comma separated; default `staff`), so
  `/scenario/<id>/?student=staff` shows the facilitator views.
* anonymous id: a salted SHA-256 of the workbench user id, stable per learner.
"""
import hashlib
import os

STAFF_ATTR = 'edx-platform.user_is_staff'
ANON_ATTR = 'edx-platform.anonymous_user_id'
WORKBENCH_USER_ATTR = 'xblock-workbench.user_id'
WORKBENCH_STAFF_ENV = 'LEADERSHIP_WORKBENCH_STAFF'
WORKBENCH_SALT = 'leadership-xblocks-workbench'


def _current_user(block):
    service = block.runtime.service(block, 'user')
    return service.get_current_user() if service is not None else None


def _workbench_user_id(user):
    return user.opt_attrs.get(WORKBENCH_USER_ATTR) if user is not None else None


def user_is_staff(block):
    """True when the current user may see facilitator data for this block."""
    user = _current_user(block)
    if user is None:
        return False
    if STAFF_ATTR in user.opt_attrs:
        return bool(user.opt_attrs[STAFF_ATTR])
    workbench_id = _workbench_user_id(user)
    staff_ids = {s.strip() for s in os.environ.get(WORKBENCH_STAFF_ENV, 'staff').split(',') if s.strip()}
    return workbench_id is not None and str(workbench_id) in staff_ids


def anonymous_user_id(block):
    """An id for the current learner that never reveals who they are."""
    user = _current_user(block)
    if user is not None and user.opt_attrs.get(ANON_ATTR):
        return str(user.opt_attrs[ANON_ATTR])
    workbench_id = _workbench_user_id(user)
    if workbench_id is None:
        workbench_id = block.scope_ids.user_id
    return anonymise(workbench_id)


def anonymise(raw_id):
    """Salted hash used where the runtime gives no anonymous id of its own."""
    digest = hashlib.sha256(f'{WORKBENCH_SALT}:{raw_id}'.encode('utf-8')).hexdigest()
    return digest[:32]


def course_key(block):
    """The course the block is in, as text: the usage key's course in Open edX, '' in the workbench."""
    usage_id = block.scope_ids.usage_id
    key = getattr(usage_id, 'context_key', None) or getattr(usage_id, 'course_key', None)
    if key is None:
        key = getattr(block.runtime, 'course_id', None)
    return str(key) if key else ''
