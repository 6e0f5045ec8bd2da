"""The course imports into Studio with every leadership block's content, in every release.

An emulation of Studio's course import (xmodule/modulestore/xml.py, `ImportSystem.process_xml`
and `XMLModuleStore.load_course`, in openedx/edx-platform): each vertical's child node is handed,
as written in the vertical file, to the block class's `parse_xml`, with the course folder as
the runtime's `resources_fs` (the importer opens an OSFS on it; `CourseFolder` offers the two
OSFS methods a block uses, `exists` and `open`). Nothing else follows
pointers for an external XBlock, so a block that ignored them would keep its defaults.
"""

import tarfile

import pytest
from lxml import etree
from xblock.core import XBlock
from xblock.fields import Scope, ScopeIds

from leadership_xblocks import course_package
from tests.support import REPO_ROOT

COURSE_DIR = REPO_ROOT / 'leadership_xblocks' / 'scenarios' / 'course'
AUTHORED = (Scope.content, Scope.settings)


class CourseFolder:
    """The part of pyfilesystem's OSFS that the importer's `resources_fs` offers a block."""

    def __init__(self, root):
        self.root = root

    def exists(self, path):
        return (self.root / path).exists()

    def open(self, path, mode='r'):
        return open(self.root / path, mode)


def authored_fields(block):
    """What an author set on the block: the content and settings fields that are not defaults."""
    return {
        name: field.read_json(block)
        for name, field in block.fields.items()
        if field.scope in AUTHORED and field.is_set_on(block) and name not in ('parent', 'children')
    }


def studio_import(course_dir):
    """{url_name: block} for every leadership block, imported as Studio's importer does."""
    from workbench.runtime import WorkbenchRuntime

    runtime = WorkbenchRuntime('author')
    runtime.id_generator.set_scenario('studio-import')
    runtime.resources_fs = CourseFolder(course_dir)
    blocks = {}
    for vertical_file in sorted((course_dir / 'vertical').glob('*.xml')):
        for node in etree.parse(str(vertical_file)).getroot():
            if not isinstance(node.tag, str) or not node.tag.startswith('leadership_'):
                continue
            block_class = XBlock.load_class(node.tag)
            def_id = runtime.id_generator.create_definition(node.tag, node.get('url_name'))
            keys = ScopeIds(None, node.tag, def_id, runtime.id_generator.create_usage(def_id))
            blocks[node.get('url_name')] = block_class.parse_xml(node, runtime, keys)
    return blocks


def expected_blocks():
    """{url_name: authored fields} parsed straight from each block's own file (no pointer involved)."""
    from workbench.runtime import WorkbenchRuntime

    runtime = WorkbenchRuntime('author')
    runtime.id_generator.set_scenario('studio-import-expected')
    expected = {}
    for block_file in sorted(COURSE_DIR.glob('leadership_*/*.xml')):
        node = etree.parse(str(block_file)).getroot()
        def_id = runtime.id_generator.create_definition(node.tag, block_file.stem)
        keys = ScopeIds(None, node.tag, def_id, runtime.id_generator.create_usage(def_id))
        expected[block_file.stem] = authored_fields(XBlock.load_class(node.tag).parse_xml(node, runtime, keys))
    return expected


@pytest.fixture(name='packed_course')
def fixture_packed_course(tmp_path):
    out = course_package.pack(COURSE_DIR, tmp_path / 'course.tar.gz')
    with tarfile.open(out, 'r:gz') as tar:
        tar.extractall(tmp_path / 'unpacked', filter='data')
    return tmp_path / 'unpacked' / 'course'


def test_every_block_keeps_its_content_when_imported_from_pointer_files():
    """A course exported by a newer Studio (pointer files) still re-imports with its content."""
    expected = expected_blocks()
    imported = {name: authored_fields(block) for name, block in studio_import(COURSE_DIR).items()}

    assert sorted(imported) == sorted(expected) and len(imported) == 16
    assert imported == expected
    with_content = [name for name, fields in expected.items() if {'body', 'prompt'} & set(fields)]
    assert len(with_content) == 15  # the CPD record block has nothing but settings


def test_the_packed_archive_writes_every_leadership_block_inline(packed_course):
    expected = expected_blocks()
    inline = 0
    for vertical_file in (packed_course / 'vertical').glob('*.xml'):
        for node in etree.parse(str(vertical_file)).getroot():
            if isinstance(node.tag, str) and node.tag.startswith('leadership_'):
                assert len(node) or set(node.attrib) != {'url_name'}, etree.tostring(node)
                inline += 1
    assert inline == 16
    assert not list(packed_course.glob('leadership_*'))

    imported = {name: authored_fields(block) for name, block in studio_import(packed_course).items()}
    assert imported == expected


def test_a_pointer_is_followed_only_when_the_importer_offers_files():
    """Without `resources_fs` (the workbench, a node from elsewhere), a pointer keeps the defaults."""
    from workbench.runtime import WorkbenchRuntime

    runtime = WorkbenchRuntime('author')
    runtime.id_generator.set_scenario('studio-import-no-fs')
    node = etree.fromstring('<leadership_reflection url_name="m1_reflection"/>')
    def_id = runtime.id_generator.create_definition(node.tag, 'm1_reflection')
    keys = ScopeIds(None, node.tag, def_id, runtime.id_generator.create_usage(def_id))
    block = XBlock.load_class(node.tag).parse_xml(node, runtime, keys)
    assert authored_fields(block) == {}
