"""The Studio editor's form model of a reflection (plain Python): the prompt, the guidance and the
word limits as the JSON the shared activity editor edits, and back. `to_form` then `from_form` gives
the same `Reflection`, so the form and the OLX tab always hold the same content
(tests/test_reflection_editor.py)."""

from ..activity_model import integer
from ..form_input import read_flat_form
from ..i18n import gettext_noop as _
from .model import Reflection

TEXTS = ('prompt', 'guidance', 'min_words', 'max_words')
# What the editor shows (translated by the block): each text field, and each list with its columns.
SCHEMA = {
    'texts': [
        {'name': 'prompt', 'label': _('Prompt'), 'help': _('HTML: the reflective question.'), 'html': True},
        {
            'name': 'guidance',
            'label': _('Guidance'),
            'help': _('HTML, shown after the learner submits. Leave it empty for none.'),
            'html': True,
        },
        {'name': 'min_words', 'label': _('Minimum words'), 'help': _('0 means no minimum.'), 'short': True},
        {
            'name': 'max_words',
            'label': _('Maximum words'),
            'help': _('0 means no maximum of your own; no answer may exceed 10,000 words.'),
            'short': True,
        },
    ],
    'lists': [],
}


def to_form(model):
    return {
        'prompt': model.prompt,
        'guidance': model.guidance,
        'min_words': str(model.min_words),
        'max_words': str(model.max_words),
    }


def read_form(form):
    """A form from a request, checked (a `FormError`, 400, otherwise)."""
    return read_flat_form(form, TEXTS, {})


def from_form(form):
    return Reflection(
        prompt=form['prompt'],
        guidance=form['guidance'],
        min_words=integer(form['min_words'].strip() or '0'),
        max_words=integer(form['max_words'].strip() or '0'),
    )
