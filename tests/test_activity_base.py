"""ActivityBlockMixin carries the activity blocks' bases: each block's class names only what is its own,
and still has every shared field, service and method in the order the bases had when each block
listed them."""

import pytest
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.utils.studio_editable import StudioEditableXBlockMixin

from leadership_xblocks.common.activity import ActivityBlockMixin
from leadership_xblocks.common.base import LeadershipBlockMixin
from leadership_xblocks.common.cpd import CPDFieldsMixin, CPDMixin
from leadership_xblocks.common.olx_body import OLXBodyMixin, OLXSettingsMixin
from leadership_xblocks.common.staff import StaffDashboardMixin
from leadership_xblocks.reflection.block import LeadershipReflectionBlock
from leadership_xblocks.self_assessment.block import LeadershipSelfAssessmentBlock
from leadership_xblocks.time_allocation.block import LeadershipTimeAllocationBlock

SHARED = [
    ActivityBlockMixin,
    LeadershipBlockMixin,
    CPDMixin,
    CPDFieldsMixin,
    StaffDashboardMixin,
    OLXSettingsMixin,
    StudioEditableXBlockMixin,
    CompletableXBlockMixin,
    XBlock,
]
BLOCKS = {
    'leadership_reflection': LeadershipReflectionBlock,
    'leadership_self_assessment': LeadershipSelfAssessmentBlock,
    'leadership_time_allocation': LeadershipTimeAllocationBlock,
}


@pytest.mark.parametrize('name', sorted(BLOCKS))
def test_each_activity_block_has_the_shared_bases_in_order_its_fields_and_its_services(name):
    cls = BLOCKS[name]
    assert XBlock.load_class(name) is cls  # the entry point is the block, not the shared base
    mro = cls.__mro__
    assert [base for base in mro if base in SHARED] == SHARED
    if issubclass(cls, OLXBodyMixin):  # the body mixin overrides the settings one
        assert mro.index(OLXBodyMixin) < mro.index(OLXSettingsMixin)
    assert {'display_name', 'module', 'framework', 'leadership_cpd_entries', 'answer'} <= set(cls.fields)
    assert cls.service_declaration('i18n') == 'need' and cls.service_declaration('user') == 'want'
    for handler in ('staff_dashboard', 'submit_studio_edits', 'student_view_user_state'):  # one from each base
        assert getattr(getattr(cls, handler), '_is_xblock_handler', False), handler
