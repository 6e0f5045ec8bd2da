"""The one place that knows which runtime we are in (Open edX LMS/Studio or the xblock-sdk workbench).

Open edX exposes staff status and anonymous ids through the user service's optional
attributes. The workbench has neither, so we define documented equivalents:

* staff: a workbench user id listed in the environment variable
  `LEADERSHIP_WORKBENCH_STAFF` (comma separated; default `staff`), so
  `/scenario/<id>/?student=staff` shows the facilitator views.
* anonymous id: an HMAC-SHA-256 of the workbench user id keyed by Django's SECRET_KEY, stable
  per learner and not computable without the key; a request with no user id has none.

It also says when a request's answers are not a learner's own (`learner_data_is_real`): a
Studio preview, or staff masquerading as a specific learner. Then nothing of ours is stored.
"""

import hashlib
import hmac
import os

STAFF_ATTR = 'edx-platform.user_is_staff'
ANON_ATTR = 'edx-platform.anonymous_user_id'
USER_ID_ATTR = 'edx-platform.user_id'
WORKBENCH_USER_ATTR = 'xblock-workbench.user_id'
WORKBENCH_STAFF_ENV = 'LEADERSHIP_WORKBENCH_STAFF'
HMAC_CONTEXT = 'leadership-xblocks:anonymous-user-id:'
MASQUERADE_STORE = 'MasqueradingKeyValueStore'


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
    return _workbench_staff(_workbench_user_id(user))


def _workbench_staff(workbench_id):
    staff_ids = {s.strip() for s in os.environ.get(WORKBENCH_STAFF_ENV, 'staff').split(',') if s.strip()}
    return workbench_id is not None and str(workbench_id) in staff_ids


def anonymous_user_id(block):
    """An id for the current learner that never reveals who they are; None when there is no user id."""
    user = _current_user(block)
    if user is not None and user.opt_attrs.get(ANON_ATTR):
        return str(user.opt_attrs[ANON_ATTR])
    workbench_id = _workbench_user_id(user)
    if workbench_id is None:
        workbench_id = block.scope_ids.user_id
    if workbench_id is None or str(workbench_id) == '':
        return None
    return anonymise(workbench_id)


def anonymise(raw_id):
    """HMAC-SHA-256 of a user id keyed by Django's SECRET_KEY, where the runtime gives no anonymous id.

    A plain hash with a published salt could be reversed by hashing every small user id.
    """
    from django.conf import settings

    key = settings.SECRET_KEY.encode('utf-8')
    return hmac.new(key, f'{HMAC_CONTEXT}{raw_id}'.encode(), hashlib.sha256).hexdigest()[:32]


def cpd_owner_id(block):
    """The learner across every course, for their CPD record: the HMAC of the platform's user id
    (the workbench user id there); None with no user id. Never the id itself."""
    user = _current_user(block)
    raw_id = user.opt_attrs.get(USER_ID_ATTR) if user is not None else None
    if raw_id is None:
        raw_id = _workbench_user_id(user)
    if raw_id is None:
        raw_id = block.scope_ids.user_id
    return anonymise(raw_id) if raw_id is not None and str(raw_id) != '' else None


def ids_of_retired_user(user):
    """(anonymous ids, CPD owner ids) under which a platform user's rows may be stored.

    The course anonymous ids come from the platform's `AnonymousUserId` table
    (common/djangoapps/student/models, read when it is installed); the HMAC of the user id is
    our own fallback id and the CPD owner id.
    """
    own = anonymise(user.pk)
    learners = [own]
    try:
        from common.djangoapps.student.models import AnonymousUserId
    except ImportError:  # not in Open edX
        AnonymousUserId = None
    if AnonymousUserId is not None:
        learners.extend(AnonymousUserId.objects.filter(user=user).values_list('anonymous_user_id', flat=True))
    return learners, [own]


def is_author_mode(block):
    """True in Studio, whose preview runtime sets `is_author_mode` (cms/djangoapps/contentstore/views/preview.py)."""
    return bool(getattr(block.runtime, 'is_author_mode', False))


def _stores(field_data, seen):
    """Every field-data and key-value-store object reachable from `field_data` (wrappers included)."""
    if field_data is None or id(field_data) in seen:
        return
    seen.add(id(field_data))
    yield field_data
    for value in vars(field_data).values() if hasattr(field_data, '__dict__') else ():
        inner = value.values() if isinstance(value, dict) else (value,)
        for candidate in inner:
            name = type(candidate).__name__
            if name.endswith(('FieldData', 'KeyValueStore')):
                yield from _stores(candidate, seen)


def is_masquerading(block):
    """True when staff view the block as a specific learner.

    The LMS gives XBlocks no flag for this. What it does (lms/djangoapps/courseware/block_render.py,
    `get_block_for_descriptor`) is wrap the learner's key-value store in
    `MasqueradingKeyValueStore` (lms/djangoapps/courseware/masquerade.py), which sends field
    writes to the staff member's session; the user service meanwhile reports the learner's own
    anonymous id. So the store's presence in the block's field data is the signal: in the
    field data the block reads through (`_field_data`), or in the user-bound field data that
    xmodule/x_module.py's `bind_for_student` keeps as `_bound_field_data`.
    """
    seen = set()
    for name in ('_bound_field_data', '_field_data'):
        try:
            field_data = getattr(block, name, None)
        except Exception:
            continue
        if any(type(store).__name__ == MASQUERADE_STORE for store in _stores(field_data, seen)):
            return True
    return False


def learner_data_is_real(block):
    """False when answers must not reach cohort rows, consent or the CPD record: Studio, masquerade."""
    return not is_author_mode(block) and not is_masquerading(block)


def _course_key_object(block):
    """The course key of the block's usage key (an opaque key in Open edX), else the runtime's; None if in no course."""
    usage_id = block.scope_ids.usage_id
    key = getattr(usage_id, 'context_key', None) or getattr(usage_id, 'course_key', None)
    if key is None:
        key = getattr(block.runtime, 'course_id', None)
    return key or None


def course_key(block):
    """The course the block is in, as text: the usage key's course in Open edX, '' in the workbench."""
    key = _course_key_object(block)
    return str(key) if key else ''


def _ancestors(block):
    """The block's parents, nearest first (in the workbench only the page's `vertical_demo`)."""
    parent = block.get_parent() if hasattr(block, 'get_parent') else None
    seen = 0
    while parent is not None and seen < 20:
        yield parent
        parent = parent.get_parent() if hasattr(parent, 'get_parent') else None
        seen += 1


def _course_overview_language(key):
    """(found, language) from the platform's course overview, which the LMS and Studio keep in step
    with the course on every publish (a course's settings are published as they are saved) and
    cache per request (`CourseOverview.get_from_id`, openedx/core/djangoapps/content/course_overviews/
    models.py): found is False outside Open edX or when the course has no overview."""
    try:
        from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
    except ImportError:  # not in Open edX
        return False, None
    try:
        return True, CourseOverview.get_from_id(key).language
    except Exception:  # no overview of this key (a library, a course not yet overviewed)
        return False, None


def _course_language(block):
    """The language the block's course sets, or None; read once per request of the platform."""
    key = _course_key_object(block)
    if key is None:  # not in a course (the workbench): there is no course to ask
        return None
    found, language = _course_overview_language(key)
    if not found:
        try:
            course = next((a for a in _ancestors(block) if a.scope_ids.block_type == 'course'), None)
        except Exception:  # a runtime that cannot load parents here
            course = None
        language = getattr(course, 'language', None)
    return language


def content_language(block):
    """The language authored course content is written in, for its `lang` attribute.

    Open edX: the course's own "Course Language" (`CourseFields.language` in
    xmodule/course_block.py), from the platform's request-cached course overview, else read from
    the block's course ancestor. Elsewhere (the workbench, where a block is in no course), or when
    the course sets none: Django's `LEADERSHIP_CONTENT_LANGUAGE` setting, else the site's
    `LANGUAGE_CODE`. Never the learner's interface language: English content stays `lang="en"` on
    a Welsh page. Nothing is cached here, so an author's change of the course's language shows on
    the next page.
    """
    from django.conf import settings

    language = _course_language(block)
    if isinstance(language, str) and language.strip():
        return language.strip()
    return getattr(settings, 'LEADERSHIP_CONTENT_LANGUAGE', None) or getattr(settings, 'LANGUAGE_CODE', None) or 'en'


def module_title(block):
    """The course module a block belongs to, for naming its facilitator view: the block's own
    `module` setting (what the CPD record shows), else the title of its chapter in Open edX."""
    own = getattr(block, 'module', None)
    if isinstance(own, str) and own.strip():
        return own.strip()
    try:
        chapter = next((a for a in _ancestors(block) if a.scope_ids.block_type == 'chapter'), None)
    except Exception:  # a runtime that cannot load parents here
        chapter = None
    return str(getattr(chapter, 'display_name', '') or '') if chapter is not None else ''


# Requests outside a block: the export view (`cohort/views.py`) ---------------------------
EXPORT_VIEW = 'leadership_xblocks:export'  # namespace in `cohort.apps.CohortConfig.plugin_app`, name in `cohort.urls`
WORKBENCH_STUDENT_PARAM = 'student'  # how the workbench names its user (workbench/views.py, `get_student_id`)
WORKBENCH_DEFAULT_STUDENT = 'student_1'


def _lms():
    """What the LMS gives the export view (access check, usage keys, modulestore), or None outside it."""
    try:
        from lms.djangoapps.courseware.access import has_access
        from opaque_keys import InvalidKeyError
        from opaque_keys.edx.keys import UsageKey
        from xmodule.modulestore.django import modulestore
    except ImportError:
        return None
    return has_access, InvalidKeyError, UsageKey, modulestore


def _usage_key(lms, block_ref):
    _has_access, invalid_key_error, usage_key_class, _modulestore = lms
    try:
        return usage_key_class.from_string(block_ref)
    except invalid_key_error:
        return None


def request_is_staff(request, block_ref):
    """Whether the requesting user is staff of the block's course: True, False, or None when
    `block_ref` names no block at all (a malformed usage key), so no course can be checked.

    LMS: `has_access(user, 'staff', usage key, course key)`, the check whose result the LMS
    hands the block's user service as `user_is_staff` (lms/djangoapps/courseware/block_render.py),
    so the view and the handlers agree. Workbench: the `?student=` user is in
    `LEADERSHIP_WORKBENCH_STAFF`. Nothing of the learners' data is read.
    """
    lms = _lms()
    if lms is None:
        return _workbench_staff(request.GET.get(WORKBENCH_STUDENT_PARAM, WORKBENCH_DEFAULT_STUDENT))
    key = _usage_key(lms, block_ref)
    if key is None:
        return None
    user = getattr(request, 'user', None)
    if user is None or not user.is_authenticated:
        return False
    has_access = lms[0]
    return bool(has_access(user, 'staff', key, key.course_key))


def export_target(request, block_ref):
    """(block type, block key, course key) of the block `block_ref` names, as the block's own
    handlers compute them (`str(usage_id)`, `course_key`); None when there is no such block."""
    lms = _lms()
    if lms is None:
        from workbench.runtime import WorkbenchRuntime
        from xblock.exceptions import NoSuchUsage

        runtime = WorkbenchRuntime(request.GET.get(WORKBENCH_STUDENT_PARAM, WORKBENCH_DEFAULT_STUDENT))
        try:
            block = runtime.get_block(block_ref)
        except NoSuchUsage:
            return None
        return block.scope_ids.block_type, str(block.scope_ids.usage_id), course_key(block)
    key = _usage_key(lms, block_ref)
    modulestore = lms[3]
    if key is None or not modulestore().has_item(key):
        return None
    return key.block_type, str(key), str(key.course_key)


def export_url(block, kind):
    """The export view's URL for this block's `kind` ('records', 'research'), or None when the
    view is not installed (Studio, a runtime without the plugin URLs): then the handler serves."""
    from urllib.parse import urlencode

    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse(EXPORT_VIEW, kwargs={'kind': kind})
    except NoReverseMatch:
        return None
    query = {'block': str(block.scope_ids.usage_id)}
    if _workbench_user_id(_current_user(block)) is not None:
        query[WORKBENCH_STUDENT_PARAM] = block.scope_ids.user_id
    return f'{url}?{urlencode(query)}'


def may_author(block):
    """True when the current user may edit the block: Studio's write permission on the block's course
    where Studio offers it (the `studio_user_permissions` service of cms/djangoapps/contentstore/utils.py,
    load_services_for_studio), staff elsewhere. The block must `@XBlock.wants('studio_user_permissions')`."""
    permissions = block.runtime.service(block, 'studio_user_permissions')
    if permissions is None:
        return user_is_staff(block)
    usage_id = block.scope_ids.usage_id
    key = getattr(usage_id, 'context_key', None) or getattr(usage_id, 'course_key', None)
    return key is not None and bool(permissions.can_write(key))
