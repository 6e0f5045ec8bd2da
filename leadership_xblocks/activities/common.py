"""Helpers shared by the activity models: reading and writing OLX, ids, problems, numbers.

No XBlock or Django imports here. Problems reuse the scenario's `Problem` so the block
and the command-line checker treat every block type the same way.
"""
import math
import re

from lxml import etree, html as lxml_html

from ..errors import UserFacingError
from ..sanitize import clean_authored_html, plain_text
from ..scenario.olx import OLXSyntaxError, read_root  # noqa: F401 (re-exported)
from ..scenario.validation import ERROR, WARNING, Problem, errors  # noqa: F401 (re-exported)

# Ids become JSON keys, form field names and parts of DOM ids: keep them to a safe token.
ID_PATTERN = re.compile(r'^[A-Za-z][A-Za-z0-9_-]{0,63}$')
_TAG = re.compile(r'<[^>]*>')


class AnswerError(UserFacingError):
    """A learner answer that cannot be stored (400 unless said otherwise)."""


class ProblemList(list):
    """A list of `Problem` with a short way to add one."""

    def add(self, level, template, at=0, **params):
        """Add a problem found on line `at` (0: unknown); `params` fill the template."""
        self.append(Problem(level, template, params, at or 0))

    def sorted(self):
        return sorted(self, key=lambda p: p.level != ERROR)


def line_of(element):
    return (element.sourceline or 0) if element is not None else 0


def inner_html(element):
    """The element's content as an HTML string (text and children, without the element itself)."""
    parts = [element.text or '']
    for child in element:
        if isinstance(child.tag, str):
            parts.append(etree.tostring(child, encoding='unicode', with_tail=True))
        else:
            parts.append(child.tail or '')
    return ''.join(parts).strip()


def html_of(element, sanitize):
    """Inner HTML of an authored element, cleaned when `sanitize` (OLX import, Studio save)."""
    content = inner_html(element)
    return clean_authored_html(content) if sanitize else content


def text_of(element):
    """Inner content of an element as plain text (labels, statements)."""
    return ' '.join(plain_text(inner_html(element)).split())


def integer(raw):
    """An int from attribute text, or the raw text when it is not a whole number (for validation)."""
    if raw is None:
        return None
    try:
        return int(str(raw).strip())
    except ValueError:
        return raw


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_id(problems, value, line, missing, invalid, **params):
    """Add the `missing` error when `value` is empty, the `invalid` one ({id}) when it is not a safe id."""
    if not value:
        problems.add(ERROR, missing, line, line=line, **params)
    elif not ID_PATTERN.match(value):
        problems.add(ERROR, invalid, line, id=value, **params)


def html_words(html):
    """The words of an HTML fragment, with tags counted as word breaks."""
    return plain_text(_TAG.sub(' ', html or '')).split()


# Writing ---------------------------------------------------------------------

def append_html(parent, html):
    """Append an HTML fragment's text and elements to an XML element."""
    if not html:
        return
    wrapper = lxml_html.fragment_fromstring(html, create_parent='div')
    parent.text = wrapper.text
    for child in list(wrapper):
        parent.append(child)


def add_child(parent, tag, attrs=None, html='', text=None):
    """Add a child on its own indented line below `parent`; HTML content is kept as written."""
    depth = 1
    ancestor = parent.getparent()
    while ancestor is not None:
        depth += 1
        ancestor = ancestor.getparent()
    indent = '\n' + '  ' * depth
    if len(parent):
        parent[-1].tail = (parent[-1].tail or '').rstrip() + indent
    else:
        parent.text = (parent.text or '').rstrip() + indent
    element = etree.SubElement(parent, tag, {k: str(v) for k, v in (attrs or {}).items()
                                             if v is not None and v != ''})
    if text is not None:
        element.text = text
    else:
        append_html(element, html)
    element.tail = '\n' + '  ' * (depth - 1)
    return element


def to_text(element):
    return etree.tostring(element, encoding='unicode')


def root_with_children(tag, node):
    """A fresh root element named `tag` holding the element children of an OLX `node`."""
    root = etree.Element(tag)
    root.extend(child for child in list(node) if isinstance(child.tag, str))
    return root
