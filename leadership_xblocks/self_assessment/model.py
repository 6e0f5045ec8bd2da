"""The self-assessment activity in plain Python: statements rated on a scale, grouped into dimensions.

    <leadership_self_assessment profile_key="lsw-domains">
      <intro>HTML (optional)</intro>
      <scale min="1" max="5"><label value="1">Not yet</label> ...</scale>
      <dimension id="self" label="Leading self">
        <item id="self_1">I notice how my own stress shapes the decisions I make.</item>
      </dimension>
    </leadership_self_assessment>

Without `<scale>` the default labelled 1 to 5 scale is used; without `<dimension>` the four
leadership domains of the programme, each with three statements.
"""

from collections import Counter
from dataclasses import dataclass, field, replace

from lxml import etree

from .. import activity_model as common
from ..activity_model import ERROR, WARNING
from ..i18n import gettext_noop as _
from ..olx_check import checker

ROOT_TAG = 'leadership_self_assessment'
MAX_SCALE_POINTS = 11  # e.g. 0 to 10
MAX_ITEMS = 100


@dataclass(frozen=True)
class ScaleLabel:
    value: object  # int when valid; raw text otherwise
    label: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Scale:
    minimum: object = 1
    maximum: object = 5
    labels: tuple = ()
    line: int = field(default=0, compare=False)

    @property
    def valid(self):
        return (
            common.is_int(self.minimum)
            and common.is_int(self.maximum)
            and self.minimum < self.maximum
            and self.maximum - self.minimum < MAX_SCALE_POINTS
        )

    def label(self, value):
        return next((entry.label for entry in self.labels if entry.value == value), '')

    def points(self):
        """[(value, label)] from the lowest to the highest point ('' where unlabelled)."""
        if not self.valid:
            return []
        return [(value, self.label(value)) for value in range(self.minimum, self.maximum + 1)]


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Dimension:
    id: str
    label: str
    items: tuple = ()
    line: int = field(default=0, compare=False)


DEFAULT_SCALE = Scale(
    1,
    5,
    (
        ScaleLabel(1, _('Not yet')),
        ScaleLabel(2, _('Occasionally')),
        ScaleLabel(3, _('Sometimes')),
        ScaleLabel(4, _('Often')),
        ScaleLabel(5, _('Consistently')),
    ),
)
DEFAULT_DIMENSIONS = (
    Dimension(
        'self',
        _('Leading self'),
        (
            Item('self_stress', _('I notice how my own stress and values shape the decisions I make.')),
            Item('self_wellbeing', _('I look after my own wellbeing so that I can stay steady for others.')),
            Item('self_feedback', _('I ask for feedback on my practice and act on it.')),
        ),
    ),
    Dimension(
        'teams',
        _('Leading teams'),
        (
            Item('teams_safety', _('I help make my team a place where people can raise worries and admit mistakes.')),
            Item('teams_supervision', _('I use supervision to help colleagues reflect, not only to check tasks.')),
            Item('teams_sharing', _('I share decisions and responsibility with colleagues when the situation allows.')),
        ),
    ),
    Dimension(
        'systems',
        _('Leading systems'),
        (
            Item('systems_partners', _('I build working relationships with partner agencies beyond my own team.')),
            Item('systems_voice', _('I make sure the people who use services shape how those services work.')),
            Item('systems_context', _('I understand how policy, budgets and organisational culture affect practice.')),
        ),
    ),
    Dimension(
        'change',
        _('Leading change'),
        (
            Item(
                'change_challenge',
                _('I challenge decisions that do not serve people well, even when it is uncomfortable.'),
            ),
            Item('change_trying', _('I try out new ways of working and learn from what happens.')),
            Item('change_together', _('I bring others with me when something needs to change.')),
        ),
    ),
)
DEFAULT_TEXTS = frozenset(
    [entry.label for entry in DEFAULT_SCALE.labels]
    + [d.label for d in DEFAULT_DIMENSIONS]
    + [item.text for d in DEFAULT_DIMENSIONS for item in d.items]
)


@dataclass(frozen=True)
class SelfAssessment:
    intro: str = ''
    scale: Scale = DEFAULT_SCALE
    dimensions: tuple = DEFAULT_DIMENSIONS
    syntax_error: str = ''

    @property
    def items(self):
        """[(item, dimension)] in document order."""
        return [(item, dimension) for dimension in self.dimensions for item in dimension.items]

    def item_ids(self):
        return [item.id for item, _dimension in self.items]

    def dimension(self, dimension_id):
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def translated(self, gettext):
        """A copy whose default labels and statements are shown in the learner's language."""

        def tr(text):
            return gettext(text) if text in DEFAULT_TEXTS else text

        scale = replace(self.scale, labels=tuple(replace(e, label=tr(e.label)) for e in self.scale.labels))
        dimensions = tuple(
            replace(d, label=tr(d.label), items=tuple(replace(i, text=tr(i.text)) for i in d.items))
            for d in self.dimensions
        )
        return replace(self, scale=scale, dimensions=dimensions)


# Reading and writing -----------------------------------------------------------------


def _parse_scale(element):
    if element is None:
        return DEFAULT_SCALE
    return Scale(
        minimum=common.integer(element.get('min', '1')),
        maximum=common.integer(element.get('max', '5')),
        labels=tuple(
            ScaleLabel(common.integer(label.get('value', '')), common.text_of(label), common.line_of(label))
            for label in element.findall('label')
        ),
        line=common.line_of(element),
    )


def _parse_dimension(element):
    return Dimension(
        id=element.get('id', ''),
        label=' '.join(element.get('label', '').split()),
        items=tuple(
            Item(item.get('id', ''), common.text_of(item), common.line_of(item)) for item in element.findall('item')
        ),
        line=common.line_of(element),
    )


def parse_element(root, sanitize=True):
    """A `SelfAssessment` from a `<leadership_self_assessment>` element (attributes are the caller's)."""
    intro = root.find('intro')
    dimensions = root.findall('dimension')
    return SelfAssessment(
        intro=common.html_of(intro, sanitize) if intro is not None else '',
        scale=_parse_scale(root.find('scale')),
        dimensions=tuple(_parse_dimension(d) for d in dimensions) if dimensions else DEFAULT_DIMENSIONS,
    )


def parse_text(text, sanitize=True):
    """Parse OLX text; a syntax error gives the default model carrying the message."""
    return common.parse_text(text, parse_element, SelfAssessment, sanitize)


def to_element(model, attributes=None):
    """Readable OLX with every part written out (defaults included)."""
    root = etree.Element(ROOT_TAG, {k: str(v) for k, v in (attributes or {}).items()})
    if model.intro:
        common.add_child(root, 'intro', html=model.intro)
    scale = common.add_child(root, 'scale', {'min': model.scale.minimum, 'max': model.scale.maximum})
    for entry in model.scale.labels:
        common.add_child(scale, 'label', {'value': entry.value}, text=entry.label)
    for dimension in model.dimensions:
        element = common.add_child(root, 'dimension', {'id': dimension.id, 'label': dimension.label})
        for item in dimension.items:
            common.add_child(element, 'item', {'id': item.id}, text=item.text)
    return root


def to_text(model, attributes=None):
    return common.to_text(to_element(model, attributes))


DEFAULT_BODY = to_text(SelfAssessment())


# Validation ------------------------------------------------------------------------


def validate(model):
    """Authoring problems, errors first."""
    problems = common.ProblemList()
    if model.syntax_error:
        problems.add(ERROR, _('The self-assessment is not well-formed XML ({detail}).'), detail=model.syntax_error)
        return problems
    _check_scale(model.scale, problems)
    dimension_ids = Counter(d.id for d in model.dimensions)
    for dimension in model.dimensions:
        common.check_id(
            problems,
            dimension.id,
            dimension.line,
            _('A dimension on line {line} has no id.'),
            _('Dimension id "{id}" must start with a letter and use only letters, digits, "_" or "-".'),
        )
        if not dimension.label:
            problems.add(ERROR, _('Dimension "{dimension}" has no label.'), dimension.line, dimension=dimension.id)
        if not dimension.items:
            problems.add(
                ERROR, _('Dimension "{dimension}" has no items to rate.'), dimension.line, dimension=dimension.id
            )
        elif len(dimension.items) == 1:
            problems.add(
                WARNING,
                _('Dimension "{dimension}" has a single item: its profile rests on one answer.'),
                dimension.line,
                dimension=dimension.id,
            )
        for item in dimension.items:
            common.check_id(
                problems,
                item.id,
                item.line,
                _('An item on line {line} has no id.'),
                _('Item id "{id}" must start with a letter and use only letters, digits, "_" or "-".'),
            )
            if not item.text:
                problems.add(ERROR, _('Item "{item}" has no statement.'), item.line, item=item.id)
    for dimension_id, count in dimension_ids.items():
        if dimension_id and count > 1:
            problems.add(
                ERROR, _('Duplicate dimension id "{id}".'), model.dimension(dimension_id).line, id=dimension_id
            )
    item_ids = Counter(model.item_ids())
    for item_id, count in item_ids.items():
        if item_id and count > 1:
            line = next(item.line for item, _d in model.items if item.id == item_id)
            problems.add(
                ERROR, _('Duplicate item id "{id}": item ids must be unique across dimensions.'), line, id=item_id
            )
    if len(item_ids) > MAX_ITEMS:
        problems.add(
            ERROR, _('There are {count} items: at most {limit} are allowed.'), count=len(item_ids), limit=MAX_ITEMS
        )
    return problems.sorted()


def _check_scale(scale, problems):
    minimum, maximum = scale.minimum, scale.maximum
    if not common.is_int(minimum) or not common.is_int(maximum):
        problems.add(
            ERROR,
            _('The scale runs from "{minimum}" to "{maximum}": both must be whole numbers.'),
            scale.line,
            minimum=minimum,
            maximum=maximum,
        )
        return
    if minimum >= maximum:
        problems.add(
            ERROR,
            _('The scale minimum ({minimum}) must be below its maximum ({maximum}).'),
            scale.line,
            minimum=minimum,
            maximum=maximum,
        )
        return
    if maximum - minimum >= MAX_SCALE_POINTS:
        problems.add(
            ERROR,
            _('The scale has {count} points: at most {limit} are allowed.'),
            scale.line,
            count=maximum - minimum + 1,
            limit=MAX_SCALE_POINTS,
        )
    seen = Counter(entry.value for entry in scale.labels)
    for entry in scale.labels:
        if not common.is_int(entry.value) or not minimum <= entry.value <= maximum:
            problems.add(
                ERROR,
                _('Scale label "{label}" has value "{value}": it must be a whole number from {minimum} to {maximum}.'),
                entry.line,
                label=entry.label,
                value=entry.value,
                minimum=minimum,
                maximum=maximum,
            )
        elif seen[entry.value] > 1:
            problems.add(ERROR, _('The scale has more than one label for {value}.'), entry.line, value=entry.value)
        if not entry.label:
            problems.add(ERROR, _('The scale label for {value} is empty.'), entry.line, value=entry.value)
    labelled = {entry.value for entry in scale.labels}
    if not {minimum, maximum} <= labelled:
        problems.add(
            WARNING, _('Label at least both ends of the scale so learners know what the numbers mean.'), scale.line
        )


@checker(ROOT_TAG)
def check_olx(root):
    return validate(parse_element(root, sanitize=False))
