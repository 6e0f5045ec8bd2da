"""The export view under the LMS's access rules, emulated: course staff of the block's course only.

In the LMS, `compat` finds `lms.djangoapps.courseware.access.has_access` and
`xmodule.modulestore.django.modulestore`; here both are small stand-ins put in `sys.modules`,
copying what the view relies on:

* `has_access(user, 'staff', usage_key, course_key)` (lms/djangoapps/courseware/access.py,
  `_has_access_location` -> `_has_staff_access_to_location`): true for global staff and for
  users with the staff or instructor role in that course; false for an anonymous user.
* `modulestore().has_item(usage_key)` (xmodule/modulestore/mixed.py): whether the course has
  that block.

Usage keys are the real `opaque_keys` ones the LMS uses.
"""

import sys
import types

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from opaque_keys.edx.keys import UsageKey

from leadership_xblocks.cohort.models import LearnerRecord
from leadership_xblocks.cohort.views import export_csv
from tests.support.downloads import bulk
from tests.test_exports import rows_of

COURSE = 'course-v1:SocialWork+Lead101+2026'
BLOCK = 'block-v1:SocialWork+Lead101+2026+type@leadership_scenario+block@m1_duty'
OTHER_COURSE_BLOCK = 'block-v1:Other+X+2026+type@leadership_scenario+block@m1_duty'
PROBLEM = 'block-v1:SocialWork+Lead101+2026+type@problem+block@quiz'


class User:
    def __init__(self, name, is_authenticated=True, is_staff=False):
        self.username, self.is_authenticated, self.is_staff = name, is_authenticated, is_staff


COURSE_STAFF = {('facilitator', COURSE)}  # (username, course key): the course's staff role


def has_access(user, action, obj, course_key=None):
    assert action == 'staff' and isinstance(obj, UsageKey) and course_key == obj.course_key
    if not user.is_authenticated:
        return False
    return user.is_staff or (user.username, str(course_key)) in COURSE_STAFF


class ModuleStore:
    items = {UsageKey.from_string(key) for key in (BLOCK, OTHER_COURSE_BLOCK, PROBLEM)}

    def has_item(self, usage_key):
        return usage_key in self.items


@pytest.fixture
def lms(monkeypatch):
    access = types.ModuleType('lms.djangoapps.courseware.access')
    access.has_access = has_access
    store = types.ModuleType('xmodule.modulestore.django')
    store.modulestore = ModuleStore
    for name in ('lms', 'lms.djangoapps', 'lms.djangoapps.courseware', 'xmodule', 'xmodule.modulestore'):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, 'lms.djangoapps.courseware.access', access)
    monkeypatch.setitem(sys.modules, 'xmodule.modulestore.django', store)
    LearnerRecord.objects.all().delete()
    bulk(BLOCK, 3, course_key=COURSE)
    bulk(OTHER_COURSE_BLOCK, 2, course_key='course-v1:Other+X+2026', prefix='o')
    yield
    LearnerRecord.objects.all().delete()


def get(user, block, kind='records'):
    """Call the view as the LMS would after its middleware: a user, and English active (the view is
    called directly, so no LocaleMiddleware sets the language for this request)."""
    from django.utils import translation

    request = RequestFactory().get('/leadership-xblocks/export/records.csv', {'block': block})
    request.user = user
    with translation.override('en'):
        return export_csv(request, kind)


def test_course_staff_get_their_blocks_rows_streamed(lms):
    response = get(User('facilitator'), BLOCK)
    assert response.status_code == 200 and response.streaming
    rows = rows_of(b''.join(response.streaming_content).decode('utf-8'))
    assert [r['learner'] for r in rows] == ['l000000', 'l000001', 'l000002']
    assert {r['course_key'] for r in rows} == {COURSE}


def test_the_research_export_reads_consent_in_the_blocks_course(lms):
    import datetime

    at = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)
    for learner, course in (('l000001', COURSE), ('l000002', 'course-v1:Other+X+2026')):
        LearnerRecord.objects.create(
            block_key=f'{course}-ta',
            block_type='leadership_time_allocation',
            learner=learner,
            course_key=course,
            consent=True,
            consent_at=at,
        )
    response = get(User('facilitator'), BLOCK, kind='research')
    rows = rows_of(b''.join(response.streaming_content).decode('utf-8'))
    assert [(r['learner'], r['consented_at']) for r in rows] == [('l000001', at.isoformat())]


@pytest.mark.parametrize(
    'user',
    [User('learner'), User('facilitator', is_authenticated=False), User('other-course-staff')],
    ids=['learner', 'logged out', 'staff elsewhere'],
)
def test_anyone_but_the_courses_staff_gets_403_and_no_learner_query(lms, user):
    with CaptureQueriesContext(connection) as queries:
        response = get(user, BLOCK)
    assert response.status_code == 403
    assert not [q for q in queries.captured_queries if 'learnerrecord' in q['sql']]


def test_staff_of_one_course_cannot_download_another_courses_block(lms):
    assert get(User('facilitator'), OTHER_COURSE_BLOCK).status_code == 403
    assert get(User('admin', is_staff=True), OTHER_COURSE_BLOCK).status_code == 200  # global staff


def test_a_malformed_key_is_400_and_a_missing_or_foreign_block_404(lms):
    response = get(User('facilitator'), 'not a usage key')
    assert response.status_code == 400
    assert b'not the key of a block' in response.content
    missing = BLOCK.replace('m1_duty', 'no_such_block')
    assert get(User('facilitator'), missing).status_code == 404
    assert get(User('facilitator'), PROBLEM).status_code == 404  # a block without our downloads
