"""The Studio editor's form model of a self-assessment (plain Python): the intro, the scale (its ends
and labels) and the dimensions with their statements as the JSON the shared activity editor edits,
and back. `to_form` then `from_form` gives the same `SelfAssessment`, so the form and the OLX tab
always hold the same content (tests/test_self_assessment_editor.py)."""

from ..activity_model import WARNING, ProblemList, integer
from ..form_input import read_flat_form, read_item, require_list
from ..i18n import gettext_noop as _
from .model import Dimension, Item, Scale, ScaleLabel, SelfAssessment

TEXTS = ('intro', 'scale_min', 'scale_max')
LISTS = {'labels': ('value', 'label'), 'dimensions': ('id', 'label')}
ITEM_KEYS = ('id', 'text')
ID_HELP = _('A letter first, then letters, digits, "_" or "-".')
# What the editor shows (translated by the block): each text field, and each list with its columns
# and the lists each of its items holds.
SCHEMA = {
    'texts': [
        {
            'name': 'intro',
            'label': _('Introduction'),
            'help': _('HTML, shown above the statements (optional).'),
            'html': True,
        },
        {'name': 'scale_min', 'label': _('Lowest point of the scale'), 'help': '', 'short': True},
        {'name': 'scale_max', 'label': _('Highest point of the scale'), 'help': _('At most 11 points.'), 'short': True},
    ],
    'lists': [
        {
            'name': 'labels',
            'label': _('Scale labels'),
            'item': _('Label'),
            'title': 'label',
            'help': _('Label at least both ends of the scale.'),
            'columns': [
                {'name': 'value', 'label': _('Point'), 'help': _('A whole number on the scale.'), 'short': True},
                {'name': 'label', 'label': _('Label'), 'help': ''},
            ],
        },
        {
            'name': 'dimensions',
            'label': _('Dimensions'),
            'item': _('Dimension'),
            'title': 'label',
            'help': _("Each dimension gets its own score in the learner's profile."),
            'columns': [
                {'name': 'id', 'label': _('Id'), 'help': ID_HELP},
                {'name': 'label', 'label': _('Label'), 'help': ''},
            ],
            'lists': [
                {
                    'name': 'items',
                    'label': _('Statements'),
                    'item': _('Statement'),
                    'title': 'text',
                    'help': _('Learners rate each statement on the scale. Ids are unique across dimensions.'),
                    'columns': [
                        {'name': 'id', 'label': _('Id'), 'help': ID_HELP},
                        {'name': 'text', 'label': _('Statement'), 'help': '', 'long': True},
                    ],
                }
            ],
        },
    ],
}


def to_form(model):
    scale = model.scale
    return {
        'intro': model.intro,
        'scale_min': str(scale.minimum),
        'scale_max': str(scale.maximum),
        'labels': [{'value': str(entry.value), 'label': entry.label} for entry in scale.labels],
        'dimensions': [
            {'id': d.id, 'label': d.label, 'items': [{'id': i.id, 'text': i.text} for i in d.items]}
            for d in model.dimensions
        ],
    }


def read_form(form):
    """A form from a request, checked (a `FormError`, 400, otherwise)."""
    read = read_flat_form(form, TEXTS, LISTS)
    for i, dimension in enumerate(read['dimensions']):
        where = f'dimensions[{i}].items'
        items = require_list(form['dimensions'][i].get('items', []), where)
        dimension['items'] = [read_item(item, ITEM_KEYS, f'{where}[{j}]') for j, item in enumerate(items)]
    return read


def _words(text):
    return ' '.join(text.split())


def from_form(form):
    return SelfAssessment(
        intro=form['intro'],
        scale=Scale(
            minimum=integer(form['scale_min']),
            maximum=integer(form['scale_max']),
            labels=tuple(ScaleLabel(integer(e['value']), _words(e['label'])) for e in form['labels']),
        ),
        dimensions=tuple(
            Dimension(
                d['id'].strip(), _words(d['label']), tuple(Item(i['id'].strip(), _words(i['text'])) for i in d['items'])
            )
            for d in form['dimensions']
        ),
    )


def form_problems(content):
    """What the OLX cannot say: with no dimension at all, the block uses the default ones."""
    problems = ProblemList()
    if not content.dimensions:
        problems.add(WARNING, _('There are no dimensions: saved like this, learners get the four default dimensions.'))
    return problems
