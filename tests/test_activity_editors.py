"""What every activity editor (common/activity_studio.py) guarantees, block by block: a learner is refused
with a 403 before the request body is read, a request not in the editor's shape gets a 400 with a
message, and the JS and CSS of the editor's page stay under 30 KB gzipped (the size is printed)."""

import gzip

import pytest

from leadership_xblocks import public_static
from tests.support.blocks import Learner, load

BLOCKS = ['leadership_reflection', 'leadership_self_assessment', 'leadership_time_allocation']
BAD = {
    'leadership_reflection': [{'form': {'prompt': 1}}, {'form': {'min_words': 5}}],
    'leadership_self_assessment': [{'form': {'dimensions': [{'items': [3]}]}}, {'form': {'labels': 'x'}}],
    'leadership_time_allocation': [{'form': {'functions': [{'id': 1}]}}],
}
EVERY_BLOCK = [{}, {'form': 'x'}, {'olx': 5}, {'olx': '', 'settings': 1}]


@pytest.mark.parametrize('block_type', BLOCKS)
def test_a_learner_is_refused_before_the_body_is_read(block_type):
    code, payload = Learner(load(f'<{block_type}/>'), 'a-learner').call('editor_check', body=b'not json')
    assert code == 403 and 'course authors' in payload['error']


@pytest.mark.parametrize(
    ('block_type', 'data'), [(b, d) for b in BLOCKS for d in EVERY_BLOCK + BAD[b]], ids=lambda v: str(v)[:40]
)
def test_a_request_not_in_the_editors_shape_gets_a_400_with_a_message(block_type, data):
    usage = load(f'<{block_type}/>')
    before = Learner(usage, 'staff').block().student_view_data()
    code, payload = Learner(usage, 'staff').call('editor_check', data)
    assert code == 400 and isinstance(payload['error'], str) and payload['error']
    assert Learner(usage, 'staff').block().student_view_data() == before


@pytest.mark.parametrize('block_type', BLOCKS)
def test_each_activity_editor_page_js_and_css_stay_under_30_kb_gzipped(block_type, capsys):
    """Everything the editor's fragment lists (but the Welsh catalogue), from the block's own folder."""
    frag = Learner(load(f'<{block_type}/>'), 'staff').render('studio_view')
    names = [r.data.rsplit('static/', 1)[1] for r in frag.resources if r.kind == 'url' and 'static/' in r.data]
    own = [name for name in names if '/' not in name and not name.startswith('i18n-')]  # not the workbench's
    assert {'activity_editor.js', 'editor_common.js', 'editor.css'} <= set(own), own
    folder = public_static('leadership_xblocks.' + block_type.removeprefix('leadership_'))
    raw = b''.join(folder.joinpath(name).read_bytes() for name in own)
    packed = len(gzip.compress(raw, 9))
    with capsys.disabled():
        print(
            f'\n{block_type} editor JS + CSS ({len(own)} files): {len(raw)} bytes, {packed} gzipped'
            f' ({packed / 1024:.1f} KB of the 30 KB limit)'
        )
    assert packed < 30 * 1024
