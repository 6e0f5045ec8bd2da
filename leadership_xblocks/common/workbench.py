"""Workbench pages, listed by the block classes.

The workbench index sorts pages by `<block type>.<index>`, so the scenario block lists
the course modules first (Module 1 to 4, in the order a learner meets them), then its
demo pages; every other block lists its own demo pages, `scenarios/<block type>*.xml`.
"""

import importlib.resources
import re

from lxml import etree

SCENARIOS_PACKAGE = 'leadership_xblocks.scenarios'


_MARKUP = re.compile(r'<[^>]*>?')


def _page(xml_text, fallback):
    """(title, xml) of one page: the title in plain words (markup in a demo's display name, which the
    hostile demos use to test that blocks escape it, stays in the block, not in the index's link
    text), taken off a `<vertical_demo>` root, which has no display_name field (the sdk would log
    a warning for it on every load): the title is the index's link text only."""
    try:
        root = etree.fromstring(xml_text.encode('utf-8'))
    except etree.XMLSyntaxError:
        return fallback, xml_text
    title = ' '.join(_MARKUP.sub(' ', root.get('display_name') or '').split()) or fallback
    if root.tag == 'vertical_demo' and 'display_name' in root.attrib:
        del root.attrib['display_name']
        xml_text = etree.tostring(root, encoding='unicode')
    return title, xml_text


def demo_pages(prefix):
    """[(title, xml)] for every `scenarios/<prefix>*.xml`, sorted by file name."""
    folder = importlib.resources.files(SCENARIOS_PACKAGE)
    pages = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(prefix) and entry.name.endswith('.xml'):
            pages.append(_page(entry.read_text(encoding='utf-8'), entry.name[:-4]))
    return pages


def course_pages():
    """One page per course module, or none if the course package is not present."""
    try:
        from ..course_package import workbench_pages
    except ImportError:
        return []
    course = importlib.resources.files(SCENARIOS_PACKAGE) / 'course'
    return [_page(xml, title) for title, xml in workbench_pages(course)]
