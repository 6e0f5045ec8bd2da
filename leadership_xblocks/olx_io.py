"""Reading and writing OLX, shared by every block's model: parse with line numbers, keep
authored HTML as written, and write readable, indented XML without touching HTML content."""

from lxml import etree, html as lxml_html

_PARSER = etree.XMLParser(remove_comments=True, remove_pis=True, resolve_entities=False, no_network=True)


class OLXSyntaxError(ValueError):
    """The text is not well-formed XML; `line` says where the reader gave up."""

    def __init__(self, message, line):
        super().__init__(message)
        self.line = line


def read_root(text):
    """Parse OLX text into an element, or raise `OLXSyntaxError` with a line number."""
    try:
        return etree.fromstring(text.encode('utf-8') if isinstance(text, str) else text, _PARSER)
    except etree.XMLSyntaxError as error:
        line = error.position[0] if getattr(error, 'position', None) else getattr(error, 'lineno', 0)
        raise OLXSyntaxError(str(error.msg if hasattr(error, 'msg') else error), line or 0) from None


def inner_html(element, skip=()):
    """The element's content as an HTML string, leaving out child elements whose tag is in `skip`."""
    parts = [element.text or '']
    for child in element:
        if not isinstance(child.tag, str) or child.tag in skip:
            parts.append(child.tail or '')
        else:
            parts.append(etree.tostring(child, encoding='unicode', with_tail=True))
    return ''.join(parts).strip()


def integer(raw):
    """An int from attribute text, or the raw text when it is not a whole number (for validation)."""
    if raw is None:
        return None
    try:
        return int(str(raw).strip())
    except ValueError:
        return raw


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
    element = etree.SubElement(parent, tag, {k: str(v) for k, v in (attrs or {}).items() if v is not None and v != ''})
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


POINTER_ATTRIBUTES = {'url_name'}


def is_pointer(node):
    """A bare pointer: only `url_name`, no content (as xmodule/xml_block.py's `is_pointer_tag` defines it)."""
    return (
        set(node.attrib) == POINTER_ATTRIBUTES
        and not (node.text or '').strip()
        and not any(isinstance(child.tag, str) for child in node)
    )


def resolve_pointer(node, runtime):
    """The element a bare pointer node points at, read from `<tag>/<url_name>.xml` in the
    runtime's `resources_fs`; the node itself when it is not a pointer or there is no such file.

    Open edX's course import hands an external XBlock the vertical's child node as written
    (xmodule/modulestore/xml.py, ImportSystem) and XBlock's own `parse_xml` does not follow
    pointers in Teak or Ulmo, so a block that did not would import with its default content.
    The `:` to `/` mapping of `url_name` is the platform's (xmodule/xml_block.py, name_to_pathname).
    """
    resources_fs = getattr(runtime, 'resources_fs', None)
    if resources_fs is None or not is_pointer(node):
        return node
    path = f'{node.tag}/{node.get("url_name").replace(":", "/")}.xml'
    if not resources_fs.exists(path):
        return node
    with resources_fs.open(path, 'rb') as file:
        target = etree.fromstring(file.read(), _PARSER)
    target.set('url_name', node.get('url_name'))
    return target
