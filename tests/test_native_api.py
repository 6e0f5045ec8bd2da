"""Every block offers the native-app contract: multi_device support and student_view_data."""

import json

import pytest

from tests.support.blocks import Learner, load

BLOCKS = [
    'leadership_scenario',
    'leadership_reflection',
    'leadership_self_assessment',
    'leadership_time_allocation',
    'leadership_cpd_record',
]


@pytest.mark.parametrize('tag', BLOCKS)
def test_each_block_supports_multi_device_and_gives_view_data(tag):
    block = Learner(load(f'<{tag}/>'), 'alice').block()
    assert block.has_support(block.student_view, 'multi_device')
    data = block.student_view_data()
    assert isinstance(data, dict) and data
    json.dumps(data)  # what the apps receive must be JSON
    text = json.dumps(data)
    for secret in ('"target"', '"points"', '"effects"', '"demands"', '"feedback"'):
        assert secret not in text
