"""ActivityBlockMixin carries the activity blocks' bases: each block's class names only what is its own,
and still has every shared field, service and handler, in the order the bases had when each block
listed them itself; and a default block of each exports as an empty element."""

import pytest
from lxml import etree
from xblock.core import XBlock

from leadership_xblocks.reflection.block import LeadershipReflectionBlock
from leadership_xblocks.self_assessment.block import LeadershipSelfAssessmentBlock
from leadership_xblocks.time_allocation.block import LeadershipTimeAllocationBlock
from tests.support.blocks import Learner, load

# The method resolution order each block has on main with its bases written out (the OLX mixins in `{olx}`).
ORDER = (
    'ActivityStudioMixin AuthorMixin ActivityBlockMixin LeadershipBlockMixin CPDMixin CPDFieldsMixin '
    'StaffDashboardMixin RecordExportMixin XBlockMixin {olx} StudioEditableXBlockMixin CompletableXBlockMixin '
    'XBlock Plugin Blocklike object'
)
BLOCKS = {
    'leadership_reflection': (LeadershipReflectionBlock, 'OLXSettingsMixin'),
    'leadership_self_assessment': (LeadershipSelfAssessmentBlock, 'OLXBodyMixin OLXSettingsMixin'),
    'leadership_time_allocation': (LeadershipTimeAllocationBlock, 'OLXBodyMixin OLXSettingsMixin'),
}


@pytest.mark.parametrize('name', sorted(BLOCKS))
def test_each_activity_block_keeps_its_bases_in_order_with_the_shared_fields_services_and_handlers(name):
    cls, olx = BLOCKS[name]
    assert XBlock.load_class(name) is cls  # the entry point is the block, not the shared base
    assert [base.__name__ for base in cls.__mro__[1:]] == ORDER.format(olx=olx).split()
    assert {'display_name', 'module', 'framework', 'leadership_cpd_entries', 'answer'} <= set(cls.fields)
    assert cls.service_declaration('i18n') == 'need' and cls.service_declaration('user') == 'want'
    assert cls.service_declaration('studio_user_permissions') == 'want'
    for handler in ('staff_dashboard', 'submit_studio_edits', 'student_view_user_state', 'editor_check'):
        assert getattr(getattr(cls, handler), '_is_xblock_handler', False), handler


@pytest.mark.parametrize('name', sorted(BLOCKS))
def test_a_default_activity_block_exports_as_an_empty_element(name):
    block = Learner(load(f'<{name}/>'), 'author').block()
    node = etree.Element('x')
    block.add_xml_to_node(node)
    assert etree.tostring(node, encoding='unicode') == f'<{name}/>'
