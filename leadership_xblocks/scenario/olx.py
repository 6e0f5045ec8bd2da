"""Read and write the scenario OLX.

Reading is forgiving: anything that is not what the contract expects is kept as it
was written (ids, raw numbers) so that `validation` can name it. Authored HTML is
cleaned here, once, when `sanitize=True` (OLX import and Studio saves).
"""

from lxml import etree

from ..olx_io import OLXSyntaxError, add_child, inner_html, integer, read_root  # noqa: F401 (re-exported)
from ..sanitize import clean_authored_html, plain_text
from .model import Choice, Competency, Effect, Ending, Scenario, Step

ROOT_TAG = 'leadership_scenario'


def _number(raw, cast):
    if raw is None:
        return None
    try:
        return cast(raw.strip())
    except (TypeError, ValueError):
        return raw


def _boolean(raw, default=True):
    """True/False from "true"/"false" (any case); the raw text otherwise, for validation."""
    if raw is None:
        return default
    value = raw.strip().lower()
    return {'true': True, 'false': False}.get(value, raw)


def _clean(html, sanitize):
    return clean_authored_html(html) if sanitize else html


def _child_text(element, tag, sanitize, as_plain=False):
    child = element.find(tag)
    if child is None:
        return ''
    content = inner_html(child)
    return plain_text(content) if as_plain else _clean(content, sanitize)


def parse_choice(element, sanitize):
    label = _child_text(element, 'label', sanitize, as_plain=True)
    if not label and element.find('label') is None:
        label = plain_text(inner_html(element, skip=('feedback', 'effect')))
    effects = tuple(
        Effect(competency=e.get('competency', ''), value=integer(e.get('value')), line=e.sourceline or 0)
        for e in element.iter('effect')
    )
    return Choice(
        id=element.get('id', ''),
        label=label,
        mode=element.get('mode', ''),
        target=element.get('target', ''),
        points=_number(element.get('points', '0'), float),
        feedback=_child_text(element, 'feedback', sanitize),
        effects=effects,
        line=element.sourceline or 0,
    )


def parse_step(element, sanitize):
    return Step(
        id=element.get('id', ''),
        title=plain_text(element.get('title', '')),
        html=_clean(inner_html(element, skip=('choice',)), sanitize),
        demands=' '.join(element.get('demands', '').split()),
        time_limit=integer(element.get('time_limit')),
        timeout=element.get('timeout', ''),
        weight=_number(element.get('weight', '1'), float),
        shuffle=_boolean(element.get('shuffle')),
        choices=[parse_choice(c, sanitize) for c in element.findall('choice')],
        line=element.sourceline or 0,
    )


def parse_element(root, sanitize=True):
    """Build a `Scenario` from a `<leadership_scenario>` element.

    Of the root attributes only `shuffle` and `review` are read here (the OLX checker needs
    them); the block keeps them, like every root attribute, as settings fields and sets
    them on the scenario it loads.
    """
    scenario = Scenario(
        intro=_child_text(root, 'intro', sanitize),
        content_note=_child_text(root, 'content_note', sanitize),
        shuffle=_boolean(root.get('shuffle')),
        review=root.get('review', 'final'),
        debrief=_child_text(root, 'debrief', sanitize),
        competencies=[
            Competency(id=c.get('id', ''), label=plain_text(inner_html(c)), line=c.sourceline or 0)
            for c in root.findall('competency')
        ],
        steps=[parse_step(s, sanitize) for s in root.findall('step')],
        endings=[
            Ending(
                id=e.get('id', ''),
                title=plain_text(e.get('title', '')),
                html=_clean(inner_html(e), sanitize),
                score=_number(e.get('score'), float),
                line=e.sourceline or 0,
            )
            for e in root.findall('ending')
        ],
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


def _fmt(number):
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return None if number is None else str(number)


def _step_attributes(step):
    """A step's attributes, leaving out the defaults (weight 1, shuffled)."""
    return {
        'id': step.id,
        'title': step.title,
        'demands': step.demands,
        'time_limit': step.time_limit,
        'timeout': step.timeout,
        'weight': None if step.weight == 1.0 else _fmt(step.weight),
        'shuffle': None if step.shuffle is True else ('false' if step.shuffle is False else step.shuffle),
    }


def to_element(scenario, attributes=None):
    """The readable OLX for a scenario, with the given root attributes (`shuffle` and
    `review` are root attributes too: pass them in `attributes`)."""
    root = etree.Element(ROOT_TAG, {k: str(v) for k, v in (attributes or {}).items()})
    if scenario.content_note:
        add_child(root, 'content_note', html=scenario.content_note)
    if scenario.intro:
        add_child(root, 'intro', html=scenario.intro)
    for competency in scenario.competencies:
        add_child(root, 'competency', {'id': competency.id}, text=competency.label)
    for step in scenario.steps:
        element = add_child(root, 'step', _step_attributes(step), html=step.html)
        for choice in step.choices:
            choice_el = add_child(
                element,
                'choice',
                {'id': choice.id, 'mode': choice.mode, 'target': choice.target, 'points': _fmt(choice.points)},
            )
            add_child(choice_el, 'label', text=choice.label)
            if choice.feedback:
                add_child(choice_el, 'feedback', html=choice.feedback)
            for effect in choice.effects:
                add_child(choice_el, 'effect', {'competency': effect.competency, 'value': effect.value})
    for ending in scenario.endings:
        add_child(
            root, 'ending', {'id': ending.id, 'title': ending.title, 'score': _fmt(ending.score)}, html=ending.html
        )
    if scenario.debrief:
        add_child(root, 'debrief', html=scenario.debrief)
    return root


def to_text(scenario, attributes=None):
    return etree.tostring(to_element(scenario, attributes), encoding='unicode')
