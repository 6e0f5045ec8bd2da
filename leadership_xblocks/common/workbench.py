"""Workbench pages, listed by the block classes.

The workbench index sorts pages by `<block type>.<index>`, so the scenario block lists
the course modules first (Module 1 to 4, in the order a learner meets them), then its
demo pages; every other block lists its own demo pages, `scenarios/<block type>*.xml`.
"""

import importlib.resources

from lxml import etree

SCENARIOS_PACKAGE = 'leadership_xblocks.scenarios'


def _title(xml_text, fallback):
    try:
        return etree.fromstring(xml_text.encode('utf-8')).get('display_name') or fallback
    except etree.XMLSyntaxError:
        return fallback


def demo_pages(prefix):
    """[(title, xml)] for every `scenarios/<prefix>*.xml`, sorted by file name."""
    folder = importlib.resources.files(SCENARIOS_PACKAGE)
    pages = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(prefix) and entry.name.endswith('.xml'):
            text = entry.read_text(encoding='utf-8')
            pages.append((_title(text, entry.name[:-4]), text))
    return pages


def course_pages():
    """One page per course module, or none if the course package is not present."""
    try:
        from ..course_package import workbench_pages
    except ImportError:
        return []
    return list(workbench_pages(importlib.resources.files(SCENARIOS_PACKAGE) / 'course'))
