"""Workbench pages: the shipped example scenarios, then one page per course module."""
import importlib.resources

from lxml import etree


def _title(xml_text, fallback):
    try:
        return etree.fromstring(xml_text.encode('utf-8')).get('display_name') or fallback
    except etree.XMLSyntaxError:
        return fallback


def workbench_scenarios():
    """[(title, xml)] for every `scenarios/*.xml`, then the course modules in course order."""
    folder = importlib.resources.files('leadership_xblocks.scenarios')
    pages = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith('.xml'):
            text = entry.read_text(encoding='utf-8')
            pages.append((_title(text, entry.name[:-4]), text))
    try:
        from ..course_package import workbench_pages  # pylint: disable=import-outside-toplevel
    except ImportError:
        return pages
    return pages + list(workbench_pages(folder / 'course'))
