"""The blocks under the conditions of the real LMS and Studio, emulated on the workbench runtime.

Each emulation copies what the platform does (openedx/edx-platform), cited where it is built:
Studio's preview runtime, the LMS's masquerade store, the instructor's "delete learner state",
the account-retirement signal, and a learner with two tabs open.
"""

import csv
import hashlib
import hmac
import io

import django.dispatch
import pytest
from django.test import override_settings
from webob import Request
from xblock.core import XBlock
from xblock.field_data import SplitFieldData
from xblock.fields import Scope
from xblock.runtime import KeyValueStore, KvsFieldData

from leadership_xblocks import compat, records
from leadership_xblocks.cohort.apps import CohortConfig
from leadership_xblocks.cohort.models import CPDEntry, LearnerRecord
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load

REFLECTION = '<leadership_reflection display_name="Supervision" module="Leading self"/>'
TIME_ALLOCATION = """<leadership_time_allocation display_name="Your week">
  <function id="plan">Planning</function><function id="fire">Firefighting</function>
</leadership_time_allocation>"""
LEARNER_BLOCKS = (
    'leadership_scenario',
    'leadership_reflection',
    'leadership_self_assessment',
    'leadership_time_allocation',
    'leadership_cpd_record',
)
STAFF = 'staff'


@pytest.fixture(autouse=True)
def clean_rows():
    LearnerRecord.objects.all().delete()
    CPDEntry.objects.all().delete()
    yield
    LearnerRecord.objects.all().delete()
    CPDEntry.objects.all().delete()


def workbench_runtime(user_id):
    from workbench.runtime import WorkbenchRuntime

    return WorkbenchRuntime(user_id)


def handle(block, handler, data=None, method='POST'):
    import json

    body = json.dumps(data).encode('utf-8') if data is not None else b''
    response = block.runtime.handle(
        block, handler, Request.blank('/', method=method, body=body, content_type='application/json')
    )
    return response.status_code, json.loads(response.body) if response.status_code != 500 else response.body


def nothing_stored():
    return LearnerRecord.objects.count() == 0 and CPDEntry.objects.count() == 0


# Studio ---------------------------------------------------------------------------------


def studio_block(usage_id):
    """The block as Studio's preview runtime renders it: `is_author_mode` is True and every author
    is the one anonymous id 'student' (cms/djangoapps/contentstore/views/preview.py)."""
    runtime = workbench_runtime('student')
    runtime.is_author_mode = True
    return runtime.get_block(usage_id)


def test_every_block_with_an_author_view_tells_studio_so():
    for name in LEARNER_BLOCKS:
        block_class = XBlock.load_class(name)
        assert bool(getattr(block_class, 'has_author_view', False)) == hasattr(block_class, 'author_view'), name
    assert sum(bool(getattr(XBlock.load_class(n), 'has_author_view', False)) for n in LEARNER_BLOCKS) == 4


def test_answers_in_a_studio_preview_reach_no_cohort_row_cpd_record_or_consent():
    scenario, reflection, time = load(FIT), load(REFLECTION), load(TIME_ALLOCATION)
    assert handle(studio_block(scenario), 'choose', {'step': 's1', 'choice': 'now'})[0] == 200
    assert handle(studio_block(reflection), 'submit', {'text': '<p>A preview answer</p>'})[0] == 200
    status, _payload = handle(
        studio_block(time), 'submit', {'allocations': {'plan': 40, 'fire': 60}, 'model': 'own', 'consent': True}
    )
    assert status == 200
    assert nothing_stored()
    # the same answers from the LMS are stored
    Learner(reflection, 'alice').ok('submit', {'text': '<p>A real answer</p>'})
    assert LearnerRecord.objects.count() == 1 and CPDEntry.objects.count() == 1


def test_the_studio_preview_says_answers_are_not_saved():
    usage = load(REFLECTION)
    block = studio_block(usage)
    assert 'answers given here are not saved' in block.runtime.render(block, 'author_view').content
    lms = Learner(usage, 'alice').block()
    assert 'not saved' not in lms.runtime.render(lms, 'student_view').content


# Masquerade -----------------------------------------------------------------------------


class MasqueradingKeyValueStore(KeyValueStore):
    """What lms/djangoapps/courseware/masquerade.py wraps a learner's store in when staff view the
    course as that learner: reads come from the learner's store, writes go to the staff session."""

    def __init__(self, kvs, session):
        self.kvs = kvs
        self.session_data = session.setdefault('masquerade_data', {})

    def get(self, key):
        name = repr(tuple(key))
        if name in self.session_data:
            return self.session_data[name]
        return self.kvs.get(key)

    def set(self, key, value):
        self.session_data[repr(tuple(key))] = value

    def delete(self, key):
        self.session_data.pop(repr(tuple(key)), None)

    def has(self, key):
        return repr(tuple(key)) in self.session_data or self.kvs.has(key)


def masquerading_block(usage_id, learner_id, session):
    """Staff viewing the block as `learner_id`, as lms/djangoapps/courseware/block_render.py builds it
    (`get_block_for_descriptor`): the user service is the learner's, learner scopes are masqueraded."""
    from workbench.runtime import WORKBENCH_KVS

    runtime = workbench_runtime(learner_id)
    authored = KvsFieldData(WORKBENCH_KVS)
    learner = KvsFieldData(MasqueradingKeyValueStore(WORKBENCH_KVS, session))
    runtime._services['field-data'] = SplitFieldData(
        {
            Scope.content: authored,
            Scope.settings: authored,
            Scope.parent: authored,
            Scope.children: authored,
            Scope.user_state_summary: authored,
            Scope.user_state: learner,
            Scope.preferences: learner,
            Scope.user_info: learner,
        }
    )
    return runtime.get_block(usage_id)


def test_masquerade_is_seen_in_the_field_data_bind_for_student_keeps():
    """xmodule/x_module.py's `bind_for_student` keeps the wrapped, user-bound field data as
    `_bound_field_data` (split modulestore), where the masquerading store then sits."""
    from workbench.runtime import WORKBENCH_KVS

    block = Learner(load(REFLECTION), 'alice').block()
    assert not compat.is_masquerading(block)
    block._bound_field_data = SplitFieldData(
        {
            Scope.user_state: KvsFieldData(MasqueradingKeyValueStore(WORKBENCH_KVS, {})),
            Scope.content: KvsFieldData(WORKBENCH_KVS),
        }
    )
    assert compat.is_masquerading(block) and block.record_learner() is None


def test_staff_masquerading_as_a_learner_change_none_of_their_data():
    reflection, scenario = load(REFLECTION), load(FIT)
    Learner(scenario, 'alice').ok('choose', {'step': 's1', 'choice': 'now'})
    Learner(reflection, 'alice').ok('save_draft', {'text': '<p>Alice wrote this</p>'})
    before = [(r.block_key, r.data, r.completed) for r in LearnerRecord.objects.order_by('pk')]
    session = {}

    block = masquerading_block(reflection, 'alice', session)
    assert compat.is_masquerading(block) and not compat.is_masquerading(Learner(reflection, 'alice').block())
    assert handle(block, 'submit', {'text': '<p>Staff typed this as Alice</p>'})[0] == 200
    assert handle(masquerading_block(scenario, 'alice', session), 'restart')[0] == 200

    assert [(r.block_key, r.data, r.completed) for r in LearnerRecord.objects.order_by('pk')] == before
    assert CPDEntry.objects.count() == 0
    assert session['masquerade_data']  # the block's own fields went to the staff session, as in the LMS
    assert Learner(reflection, 'alice').block().answer['text'] == '<p>Alice wrote this</p>'


# Anonymous ids --------------------------------------------------------------------------


def test_the_fallback_anonymous_id_is_an_hmac_keyed_by_the_secret_key():
    from django.conf import settings

    expected = hmac.new(
        settings.SECRET_KEY.encode(), b'leadership-xblocks:anonymous-user-id:42', hashlib.sha256
    ).hexdigest()[:32]
    assert compat.anonymise(42) == expected
    assert compat.anonymise(42) != hashlib.sha256(b'leadership-xblocks-workbench:42').hexdigest()[:32]
    with override_settings(SECRET_KEY='another site'):
        assert compat.anonymise(42) != expected


def test_a_request_with_no_user_id_writes_no_cohort_row():
    usage = load(REFLECTION)
    block = workbench_runtime(None).get_block(usage)
    assert block.anonymous_id() is None
    assert handle(block, 'submit', {'text': '<p>Logged out</p>'})[0] == 200
    assert nothing_stored()


# Instructor reset -----------------------------------------------------------------------


def staff_view(usage_id, handler):
    block = Learner(usage_id, STAFF).block()
    response = block.runtime.handle(block, handler, Request.blank('/', method='GET'))
    return response


def export_learners(usage_id):
    text = b''.join(staff_view(usage_id, 'download_records').app_iter).decode('utf-8')
    return {row['learner'] for row in csv.DictReader(io.StringIO(text))}


def dashboard(usage_id):
    import json

    return json.loads(staff_view(usage_id, 'staff_dashboard').body)['dashboard']['learners']


def test_deleting_a_learners_state_removes_their_row_consent_and_cpd_entry():
    reflection, other = load(REFLECTION), load(REFLECTION)
    people = [f'reset{i}' for i in range(6)]
    for person in people:
        Learner(reflection, person).ok('submit', {'text': f'<p>{person} reflects</p>'})
    Learner(other, 'reset0').ok('submit', {'text': '<p>Another block</p>'})
    assert dashboard(reflection) == {'started': 6, 'completed': 6}
    target = compat.anonymise('reset0')
    assert target in export_learners(reflection)

    # what lms/djangoapps/instructor/enrollment.py (reset_student_attempts) does: the block is
    # loaded for no learner and told the learner's anonymous id in the course
    block = workbench_runtime(None).get_block(reflection)
    block.clear_student_state(
        user_id=target, course_id='', item_id=str(reflection), requesting_user_id=compat.anonymise(STAFF)
    )

    assert dashboard(reflection) == {'started': 5, 'completed': 5}
    assert target not in export_learners(reflection) and len(export_learners(reflection)) == 5
    record = Learner(load('<leadership_cpd_record/>'), 'reset0').block().cpd_entries()
    assert set(record) == {str(other)}  # the other block's entry stays
    assert records.get_record(str(other), target) is not None


def test_every_learner_block_can_be_reset_by_the_instructor():
    for name in LEARNER_BLOCKS:
        assert callable(getattr(XBlock.load_class(name), 'clear_student_state', None)), name


# Account retirement ---------------------------------------------------------------------


def connect_plugin_receivers(signal):
    """What edx-django-utils' plugin framework does with `plugin_app['signals_config']` in the LMS
    (edx_django_utils/plugins/signals.py, connect_plugin_receivers): import `<app>.<relative_path>`
    and connect each receiver to the signal named by `signal_path` (here the stand-in `signal`)."""
    import importlib

    config = CohortConfig.plugin_app['signals_config']['lms.djangoapp']
    module = importlib.import_module(f'{CohortConfig.name}.{config["relative_path"]}')
    for receiver in config['receivers']:
        assert receiver['signal_path'] == 'openedx.core.djangoapps.user_api.accounts.signals.USER_RETIRE_LMS_CRITICAL'
        signal.connect(getattr(module, receiver['receiver_func_name']), dispatch_uid=receiver['dispatch_uid'])


class AccountRetirementView:
    """Stands for the sender: openedx/core/djangoapps/user_api/accounts/views.py sends
    `USER_RETIRE_LMS_CRITICAL.send(sender=self.__class__, user=user)`."""


def test_account_retirement_deletes_every_row_of_the_user():
    from django.contrib.auth.models import User

    retiring = User.objects.create(username='retiring-learner')
    staying = User.objects.create(username='staying-learner')
    reflection, scenario = load(REFLECTION), load(FIT)
    for user in (retiring, staying):
        # the workbench user id is the platform user id, so rows are under its HMAC, as the fallback id
        Learner(reflection, str(user.pk)).ok('submit', {'text': '<p>Mine</p>'})
        Learner(scenario, str(user.pk)).ok('choose', {'step': 's1', 'choice': 'now'})
    assert LearnerRecord.objects.count() == 4 and CPDEntry.objects.count() == 2

    user_retire_lms_critical = django.dispatch.Signal()  # openedx/core/djangoapps/user_api/accounts/signals.py
    connect_plugin_receivers(user_retire_lms_critical)
    user_retire_lms_critical.send(sender=AccountRetirementView, user=retiring)

    assert set(LearnerRecord.objects.values_list('learner', flat=True)) == {compat.anonymise(staying.pk)}
    assert set(CPDEntry.objects.values_list('owner', flat=True)) == {compat.anonymise(staying.pk)}
    # newer releases send more keyword arguments
    user_retire_lms_critical.send(sender=AccountRetirementView, user=staying, retired_username='r', retired_email='e')
    assert nothing_stored()


# CPD record from two tabs ---------------------------------------------------------------


def test_two_runtimes_recording_at_once_lose_no_cpd_entry():
    """Two tabs: both requests read the learner's record before either writes (the LMS loads a
    request's fields at its start), then each records its own block's entry."""
    first, second = load(REFLECTION), load(REFLECTION)
    tab_one, tab_two = Learner(first, 'twotabs').block(), Learner(second, 'twotabs').block()
    assert tab_one.cpd_entries() == {} and tab_two.cpd_entries() == {}
    _ = tab_one.leadership_cpd_entries, tab_two.leadership_cpd_entries  # both hold the record as it was
    tab_one.record_cpd({'reflection': 'from tab one'})
    tab_one.save()
    tab_two.record_cpd({'reflection': 'from tab two'})
    tab_two.save()

    record = Learner(load('<leadership_cpd_record/>'), 'twotabs').block().cpd_entries()
    assert {key: entry['reflection'] for key, entry in record.items()} == {
        str(first): 'from tab one',
        str(second): 'from tab two',
    }
