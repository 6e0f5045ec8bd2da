"""The decision modes in words, as the learner page shows them: the one place they are written.

The browser receives them translated in the user state (`modes`), so no JS file repeats them.
"""

from ..i18n import gettext_noop as _
from .model import MODES

MODE_NAMES = {
    'urgent': _('Urgent: decide now'),
    'consultative': _('Consultative: consult, then decide'),
    'consensual': _('Consensual: build agreement'),
    'delegated': _('Delegated: hand the decision on'),
}
MODE_MET = {
    'urgent': _('Situations that called for urgency, met decisively: {met} of {total}'),
    'consultative': _('Situations that called for consultation, met by consulting: {met} of {total}'),
    'consensual': _('Situations that called for consensus, met by building agreement: {met} of {total}'),
    'delegated': _('Situations that called for delegation, met by delegating: {met} of {total}'),
}


def mode_labels(gettext):
    """{mode: {name, met}} in the user's language, for every decision mode."""
    return {mode: {'name': gettext(MODE_NAMES[mode]), 'met': gettext(MODE_MET[mode])} for mode in MODES}
