"""The Studio editor's form model of a time allocation (plain Python): the prompt and the functions as
the JSON the shared activity editor edits, and back. `to_form` then `from_form` gives the same
`TimeAllocation`, so the form and the OLX tab always hold the same content (tests/test_activity_editor.py).
"""

from ..form_input import read_flat_form
from ..i18n import gettext_noop as _
from .model import Function, TimeAllocation

TEXTS = ('prompt',)
LISTS = {'functions': ('id', 'label')}
# What the editor shows (translated by the block): each text field, and each list with its columns.
SCHEMA = {
    'texts': [{'name': 'prompt', 'label': _('Prompt'), 'help': _('HTML, shown above the functions.'), 'html': True}],
    'lists': [
        {
            'name': 'functions',
            'label': _('Functions'),
            'item': _('Function'),
            'help': _('Learners divide 100% of their working time between these (from 2 to 20).'),
            'columns': [
                {'name': 'id', 'label': _('Id'), 'help': _('A letter first, then letters, digits, "_" or "-".')},
                {'name': 'label', 'label': _('Label'), 'help': ''},
            ],
        }
    ],
}


def to_form(model):
    return {'prompt': model.prompt, 'functions': [{'id': f.id, 'label': f.label} for f in model.functions]}


def read_form(form):
    """A form from a request, checked (a `FormError`, 400, otherwise)."""
    return read_flat_form(form, TEXTS, LISTS)


def from_form(form):
    return TimeAllocation(
        prompt=form['prompt'],
        functions=tuple(Function(f['id'].strip(), ' '.join(f['label'].split())) for f in form['functions']),
    )
