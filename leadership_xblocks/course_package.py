"""The Open edX course that ships with the package: an importable archive, and workbench pages.

    python -m leadership_xblocks.course_package pack [--out dist/leadership-course.tar.gz]

The course is OLX in the pointer layout (`course.xml` -> `course/<run>.xml` -> `chapter/`,
`sequential/`, `vertical/`, then `html/` and one folder per leadership block). It lives in
`leadership_xblocks/scenarios/course/`, in the repository and in the wheel alike.

* `pack(course_dir, out_path)` writes a `.tar.gz` whose single top-level folder is `course/`,
  the layout Studio's course import accepts, with every leadership block written inline in
  its vertical (see `inline_vertical`).
* `workbench_pages(course_dir)` returns `[(title, xml)]`, one `<vertical_demo>` per chapter in
  course order, holding every component of the chapter: html components become
  `<html_demo><div>...</div></html_demo>` and leadership blocks are inlined whole.

Plain Python (standard library and lxml), so it runs without Open edX or the workbench.
A chapter, or any other file, that the course refers to but that is missing is skipped by
`workbench_pages` and reported by `missing_files`; `pack` still packs what is there.
"""

import argparse
import copy
import gzip
import importlib.resources
import io
import os
import pathlib
import sys
import tarfile
import time

from lxml import etree, html as lxml_html

SCENARIOS_PACKAGE = 'leadership_xblocks.scenarios'
ARCHIVE_FOLDER = 'course'
DEFAULT_OUT = os.path.join('dist', 'leadership-course.tar.gz')

# The containers of the course tree, outermost first; anything inside a vertical is a component.
CONTAINERS = ('course', 'chapter', 'sequential', 'vertical')
# Blocks the archive writes inline in their verticals (their pointer folders are left out).
INLINE_PREFIX = 'leadership_'

_PARSER = etree.XMLParser(remove_comments=True, remove_pis=True, resolve_entities=False, no_network=True)


def default_course_dir():
    """The course folder inside the package (`leadership_xblocks/scenarios/course`)."""
    try:
        folder = importlib.resources.files(SCENARIOS_PACKAGE) / 'course'
        if folder.is_dir():
            return folder
    except ModuleNotFoundError:
        pass
    return pathlib.Path(__file__).resolve().parent / 'scenarios' / 'course'


def _folder(course_dir):
    """A path or `importlib.resources` Traversable for the course folder (None: the default)."""
    if course_dir is None:
        return default_course_dir()
    if isinstance(course_dir, (str, os.PathLike)):
        return pathlib.Path(course_dir)
    return course_dir


def _entry(folder, relative):
    return folder.joinpath(*relative.split('/'))


def _parse(folder, relative):
    """The root element of an XML file in the course, or None when it is missing or unreadable."""
    entry = _entry(folder, relative)
    if not entry.is_file():
        return None
    try:
        return etree.fromstring(entry.read_bytes(), _PARSER)
    except etree.XMLSyntaxError:
        return None


def _children(element):
    return [child for child in element if isinstance(child.tag, str)]


def _is_pointer(element):
    """A pointer tag: a `url_name` (the course's may add `org` and `course`) and no content."""
    extra = set(element.attrib) - {'url_name', 'org', 'course'}
    return 'url_name' in element.attrib and not extra and not _children(element) and not (element.text or '').strip()


class _Reader:
    """Reads the course tree, following pointers and noting the files that are missing."""

    def __init__(self, folder):
        self.folder = folder
        self.missing = []

    def resolve(self, element):
        """The full element behind a pointer tag (or the element itself), or None if its file is missing."""
        if not _is_pointer(element):
            return element
        relative = f'{element.tag}/{element.get("url_name")}.xml'
        target = _parse(self.folder, relative)
        if target is None:
            self.missing.append(relative)
            return None
        return target

    def course(self):
        pointer = _parse(self.folder, 'course.xml')
        if pointer is None:
            self.missing.append('course.xml')
            return None
        return self.resolve(pointer)

    def chapters(self):
        course = self.course()
        if course is None:
            return []
        found = []
        for pointer in _children(course):
            if pointer.tag != 'chapter':
                continue
            chapter = self.resolve(pointer)
            if chapter is not None:
                found.append(chapter)
        return found

    def components(self, chapter, include_staff_only):
        """Every component of a chapter in order: what its sequentials' verticals hold."""
        found = []
        for sequential in self._contents(chapter, 'sequential', include_staff_only):
            for vertical in self._contents(sequential, 'vertical', include_staff_only):
                for pointer in _children(vertical):
                    component = self.resolve(pointer)
                    if component is None or (_staff_only(component) and not include_staff_only):
                        continue
                    found.append(component)
        return found

    def _contents(self, parent, tag, include_staff_only):
        for pointer in _children(parent):
            if pointer.tag != tag:
                continue
            element = self.resolve(pointer)
            if element is not None and (include_staff_only or not _staff_only(element)):
                yield element

    def html_text(self, element):
        """The HTML of an html component: its `html/<filename>.html` file, or its inline content."""
        filename = element.get('filename')
        if filename:
            relative = f'html/{filename}.html'
            entry = _entry(self.folder, relative)
            if not entry.is_file():
                self.missing.append(relative)
                return None
            return entry.read_text(encoding='utf-8')
        parts = [element.text or '']
        parts.extend(etree.tostring(child, encoding='unicode', with_tail=True) for child in element)
        return ''.join(parts)


def _staff_only(element):
    return (element.get('visible_to_staff_only') or '').strip().lower() == 'true'


def _html_div(html_text):
    """The HTML wrapped in a `<div>` that is well-formed XML (HTML-only syntax is repaired)."""
    try:
        return etree.fromstring(f'<div>{html_text}</div>', _PARSER)
    except etree.XMLSyntaxError:
        div = lxml_html.fragment_fromstring(html_text, create_parent='div')
        return etree.fromstring(etree.tostring(div, method='xml', encoding='unicode'), _PARSER)


def workbench_pages(course_dir=None, include_staff_only=False):
    """[(title, xml)]: one `<vertical_demo>` per chapter, in course order.

    Chapters and components marked `visible_to_staff_only` are left out unless asked for;
    missing files are skipped (see `missing_files`).
    """
    reader = _Reader(_folder(course_dir))
    pages = []
    for chapter in reader.chapters():
        if _staff_only(chapter) and not include_staff_only:
            continue
        title = chapter.get('display_name') or chapter.get('url_name') or ''
        page = etree.Element('vertical_demo', display_name=title)
        for component in reader.components(chapter, include_staff_only):
            if component.tag == 'html':
                html_text = reader.html_text(component)
                if html_text is not None:
                    etree.SubElement(page, 'html_demo').append(_html_div(html_text))
            else:
                inlined = copy.deepcopy(component)
                inlined.tail = None
                page.append(inlined)
        pages.append((title, etree.tostring(page, encoding='unicode')))
    return pages


def missing_files(course_dir=None):
    """Course-relative paths the course refers to (pointers, html files) that do not exist."""
    reader = _Reader(_folder(course_dir))
    for chapter in reader.chapters():
        for component in reader.components(chapter, include_staff_only=True):
            if component.tag == 'html':
                reader.html_text(component)
    return reader.missing


def _walk(folder, prefix=''):
    """(archive-relative name, entry) for every folder and file under `folder`, sorted."""
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(('.', '__')) or entry.name.endswith('.pyc'):
            continue
        name = f'{prefix}{entry.name}'
        if entry.is_dir():
            yield name, entry
            yield from _walk(entry, f'{name}/')
        elif entry.is_file():
            yield name, entry


def inline_vertical(folder, data):
    """A vertical file's bytes with each leadership pointer replaced by the block it points at.

    Studio's importer (xmodule/modulestore/xml.py) hands an external XBlock its node as written
    in the vertical, and XBlock's `parse_xml` follows no pointer in Teak or Ulmo (the fix for
    openedx-platform issue #36390 was reverted), so the archive carries the content inline.
    A pointer whose file is missing is left as it is (`missing_files` reports it).
    """
    vertical = etree.fromstring(data, _PARSER)
    reader = _Reader(folder)
    for index, child in enumerate(list(vertical)):
        if not isinstance(child.tag, str) or not child.tag.startswith(INLINE_PREFIX) or not _is_pointer(child):
            continue
        block = reader.resolve(child)
        if block is None:
            continue
        block.set('url_name', child.get('url_name'))
        block.tail = child.tail
        vertical[index] = block
    return etree.tostring(vertical, encoding='utf-8', xml_declaration=False) + b'\n'


def _archived(name):
    """False for the leadership blocks' pointer folders, which the archive writes inline."""
    return not name.split('/')[0].startswith(INLINE_PREFIX)


def pack(course_dir=None, out_path=DEFAULT_OUT):
    """Write the course as a `.tar.gz` with one top-level folder, `course/`; return the path.

    File times come from SOURCE_DATE_EPOCH when it is set, so the archive can be reproduced.
    """
    folder = _folder(course_dir)
    if not _entry(folder, 'course.xml').is_file():
        raise FileNotFoundError(f'no course.xml in {folder}')
    out = pathlib.Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    mtime = int(os.environ.get('SOURCE_DATE_EPOCH') or time.time())

    def info(name, size=0, is_dir=False):
        member = tarfile.TarInfo(f'{ARCHIVE_FOLDER}/{name}'.rstrip('/'))
        member.mtime = mtime
        member.uname = member.gname = ''
        if is_dir:
            member.type, member.mode = tarfile.DIRTYPE, 0o755
        else:
            member.size, member.mode = size, 0o644
        return member

    with (
        open(out, 'wb') as raw,
        gzip.GzipFile(fileobj=raw, mode='wb', mtime=mtime) as zipped,
        tarfile.open(fileobj=zipped, mode='w', format=tarfile.PAX_FORMAT) as tar,
    ):
        tar.addfile(info('', is_dir=True))
        for name, entry in _walk(folder):
            if not _archived(name):
                continue
            if entry.is_dir():
                tar.addfile(info(name, is_dir=True))
            else:
                data = entry.read_bytes()
                if name.startswith('vertical/') and name.endswith('.xml'):
                    data = inline_vertical(folder, data)
                tar.addfile(info(name, size=len(data)), io.BytesIO(data))
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog='python -m leadership_xblocks.course_package',
        description='Package the leadership course for Open edX Studio import.',
    )
    commands = parser.add_subparsers(dest='command', required=True)
    pack_command = commands.add_parser('pack', help='write the course as a .tar.gz for Studio import')
    pack_command.add_argument('--out', default=DEFAULT_OUT, help=f'archive to write (default: {DEFAULT_OUT})')
    pack_command.add_argument('--course-dir', help='course folder (default: the one shipped in the package)')
    args = parser.parse_args(argv)

    folder = _folder(args.course_dir)
    for relative in missing_files(folder):
        print(f'warning: the course refers to {relative}, which is missing; Studio will not import it', file=sys.stderr)
    try:
        out = pack(folder, args.out)
    except FileNotFoundError as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
