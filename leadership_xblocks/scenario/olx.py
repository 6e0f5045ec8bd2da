"""Read and write the scenario OLX.

Reading is forgiving: anything that is not what the contract expects is kept as it
was written (ids, raw numbers) so that `validation` can name it. Authored HTML is
cleaned here, once, when `sanitize=True` (OLX import and Studio saves).
"""
from lxml import etree, html as lxml_html

from ..sanitize import clean_authored_html, plain_text
from .model import Choice, Competency, Effect, Ending, Scenario, Step

ROOT_TAG = 'leadership_scenario'
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


def _inner_html(element, skip=()):
    parts = [element.text or '']
    for child in element:
        if isinstance(child.tag, str) and child.tag in skip:
            parts.append(child.tail or '')
        else:
            parts.append(etree.tostring(child, encoding='unicode', with_tail=True))
    return ''.join(parts).strip()


def _number(raw, cast):
    if raw is None:
        return None
    try:
        return cast(raw.strip())
    except (TypeError, ValueError):
        return raw


def _integer(raw):
    if raw is None:
        return None
    try:
        return int(raw.strip())
    except ValueError:
        return raw


def _clean(html, sanitize):
    return clean_authored_html(html) if sanitize else html


def _child_text(element, tag, sanitize, as_plain=False):
    child = element.find(tag)
    if child is None:
        return ''
    content = _inner_html(child)
    return plain_text(content) if as_plain else _clean(content, sanitize)


def parse_choice(element, sanitize):
    label = _child_text(element, 'label', sanitize, as_plain=True)
    if not label and element.find('label') is None:
        label = plain_text(_inner_html(element, skip=('feedback', 'effect')))
    effects = tuple(
        Effect(competency=e.get('competency', ''), value=_integer(e.get('value')), line=e.sourceline or 0)
        for e in element.iter('effect')
    )
    return Choice(
        id=element.get('id', ''), label=label, mode=element.get('mode', ''),
        target=element.get('target', ''), points=_number(element.get('points', '0'), float),
        feedback=_child_text(element, 'feedback', sanitize), effects=effects,
        line=element.sourceline or 0,
    )


def parse_step(element, sanitize):
    return Step(
        id=element.get('id', ''), title=plain_text(element.get('title', '')),
        html=_clean(_inner_html(element, skip=('choice',)), sanitize),
        demands=element.get('demands', ''), time_limit=_integer(element.get('time_limit')),
        timeout=element.get('timeout', ''),
        choices=[parse_choice(c, sanitize) for c in element.findall('choice')],
        line=element.sourceline or 0,
    )


def parse_element(root, sanitize=True):
    """Build a `Scenario` from a `<leadership_scenario>` element (attributes are the caller's)."""
    scenario = Scenario(
        intro=_child_text(root, 'intro', sanitize),
        debrief=_child_text(root, 'debrief', sanitize),
        competencies=[Competency(id=c.get('id', ''), label=plain_text(_inner_html(c)), line=c.sourceline or 0)
                      for c in root.findall('competency')],
        steps=[parse_step(s, sanitize) for s in root.findall('step')],
        endings=[Ending(id=e.get('id', ''), title=plain_text(e.get('title', '')),
                        html=_clean(_inner_html(e), sanitize), score=_number(e.get('score'), float),
                        line=e.sourceline or 0)
                 for e in root.findall('ending')],
    )
    return scenario


def parse_text(text, sanitize=True):
    """Parse OLX text; a syntax error gives an empty scenario carrying the message."""
    try:
        root = read_root(text)
    except OLXSyntaxError as error:
        return Scenario(syntax_error=f'line {error.line}: {error}'), {}
    return parse_element(root, sanitize), dict(root.attrib)


# Writing ---------------------------------------------------------------------

def _append_html(parent, html):
    """Append an HTML fragment's text and elements to an XML element."""
    if not html:
        return
    wrapper = lxml_html.fragment_fromstring(html, create_parent='div')
    parent.text = wrapper.text
    for child in list(wrapper):
        parent.append(child)


def _place(parent, tag, depth, attrs=None, html=''):
    """Add a structural child on its own indented line, leaving HTML content untouched."""
    indent = '\n' + '  ' * depth
    if len(parent):
        parent[-1].tail = (parent[-1].tail or '').rstrip() + indent
    else:
        parent.text = (parent.text or '').rstrip() + indent
    element = etree.SubElement(parent, tag, {k: str(v) for k, v in (attrs or {}).items() if v not in (None, '')})
    _append_html(element, html)
    element.tail = '\n' + '  ' * (depth - 1)
    return element


def _fmt(number):
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return None if number is None else str(number)


def to_element(scenario, attributes=None):
    """The readable OLX for a scenario, with the given root attributes."""
    root = etree.Element(ROOT_TAG, {k: str(v) for k, v in (attributes or {}).items()})
    if scenario.intro:
        _place(root, 'intro', 1, html=scenario.intro)
    for competency in scenario.competencies:
        _place(root, 'competency', 1, {'id': competency.id}).text = competency.label
    for step in scenario.steps:
        element = _place(root, 'step', 1, {
            'id': step.id, 'title': step.title, 'demands': step.demands,
            'time_limit': step.time_limit, 'timeout': step.timeout}, html=step.html)
        for choice in step.choices:
            choice_el = _place(element, 'choice', 2, {
                'id': choice.id, 'mode': choice.mode, 'target': choice.target, 'points': _fmt(choice.points)})
            _place(choice_el, 'label', 3).text = choice.label
            if choice.feedback:
                _place(choice_el, 'feedback', 3, html=choice.feedback)
            for effect in choice.effects:
                _place(choice_el, 'effect', 3, {'competency': effect.competency, 'value': effect.value})
    for ending in scenario.endings:
        _place(root, 'ending', 1, {'id': ending.id, 'title': ending.title, 'score': _fmt(ending.score)},
               html=ending.html)
    if scenario.debrief:
        _place(root, 'debrief', 1, html=scenario.debrief)
    return root


def to_text(scenario, attributes=None):
    return etree.tostring(to_element(scenario, attributes), encoding='unicode')
