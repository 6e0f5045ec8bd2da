"""Workbench pages, listed by the block classes.

The workbench index sorts pages by `<block type>.<index>`, so the scenario block lists
the course modules first (Module 1 to 4, in the order a learner meets them), then its
demo pages; every other block lists its own demo pages, `scenarios/<block type>*.xml`.
"""

import html
import importlib.resources
import re

from lxml import etree

SCENARIOS_PACKAGE = 'leadership_xblocks.scenarios'


_MARKUP = re.compile(r'<[^>]*>?')


def _title(xml_text, fallback):
    """The page's title in plain words: markup in a demo's display name (the hostile demos test
    that blocks escape it) stays in the block, not in the index's link text."""
    try:
        title = etree.fromstring(xml_text.encode('utf-8')).get('display_name') or fallback
    except etree.XMLSyntaxError:
        return fallback
    return ' '.join(_MARKUP.sub(' ', title).split()) or fallback


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
    # The sdk's vertical_demo has no display_name field (it would log a warning on every load):
    # the title is the index's link text only.
    return [
        (title, xml.replace(f' display_name="{html.escape(title, quote=True)}"', '', 1))
        for title, xml in workbench_pages(importlib.resources.files(SCENARIOS_PACKAGE) / 'course')
    ]
