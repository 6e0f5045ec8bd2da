"""Checks of the forms Studio editors send (plain Python): one place for the scenario editor and the
activity editors, so every editor refuses the same wrong shapes with the same 400 messages."""

from .errors import UserFacingError
from .i18n import gettext_noop as _

MAX_ITEMS = 2000  # items of any one list of a form
MAX_TEXT = 200000


class FormError(UserFacingError):
    """A form from the browser that is not in the editor's shape."""


def require_text(value, where):
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise FormError(_('"{where}" must be text of at most {limit} characters.'), where=where, limit=MAX_TEXT)
    return value


def require_list(value, where):
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise FormError(_('"{where}" must be a list of at most {limit} items.'), where=where, limit=MAX_ITEMS)
    return value


def read_item(item, keys, where):
    """An object of text values under `keys` (a missing key is '')."""
    if not isinstance(item, dict):
        raise FormError(_('"{where}" must be an object.'), where=where)
    return {key: require_text(item.get(key, ''), f'{where}.{key}') for key in keys}


def read_flat_form(form, texts, lists):
    """A form of text fields (`texts`) and lists of flat items (`lists`: {name: keys}), checked."""
    if not isinstance(form, dict):
        raise FormError(_('"form" must be an object.'))
    read = {key: require_text(form.get(key, ''), key) for key in texts}
    for name, keys in lists.items():
        items = require_list(form.get(name, []), name)
        read[name] = [read_item(item, keys, f'{name}[{i}]') for i, item in enumerate(items)]
    return read
