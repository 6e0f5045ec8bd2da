"""The decision modes in words: the one place they are written.

The learner page shows the long names, which the browser receives translated in the user state
(`modes`), and the facilitator dashboard the titles, sent with its figures (`mode_names`), so no JS
file repeats them; CSV reports and CPD records use the short names.
"""

from ..i18n import gettext_noop as _
from .model import MODES

MODE_NAMES = {
    'urgent': _('Urgent: decide now'),
    'consultative': _('Consultative: consult, then decide'),
    'consensual': _('Consensual: build agreement'),
    'delegated': _('Delegated: hand the decision on'),
}
MODE_TITLES = {
    'urgent': _('Urgent'),
    'consultative': _('Consultative'),
    'consensual': _('Consensual'),
    'delegated': _('Delegated'),
}
MODE_SHORT = {
    'urgent': _('urgent'),
    'consultative': _('consultative'),
    'consensual': _('consensual'),
    'delegated': _('delegated'),
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


def mode_titles(gettext):
    """{mode: title} in the user's language, for the facilitator dashboard's tables."""
    return {mode: gettext(MODE_TITLES[mode]) for mode in MODES}


def mode_label(mode, gettext=None):
    """A mode's short name for a report cell or CPD record (an unknown mode as given)."""
    if mode not in MODE_SHORT:
        return mode or ''
    return gettext(MODE_SHORT[mode]) if gettext else MODE_SHORT[mode]
