"""The i18n service of the xblock-sdk workbench, translating with this package's own catalogue.

`devserver/settings.py` registers it as `WORKBENCH['services']['i18n']`. Like Open edX's
`XBlockI18nService`, it reads `leadership_xblocks/translations/<locale>/LC_MESSAGES/text.mo`
(domain `text`) for Django's active language, falls back to the English text, and lets
unknown attributes through to the underlying `gettext` translation object, which is what
the `{% trans %}`/`{% blocktrans %}` tags of `xblock.utils` merge into Django's catalogue.

`get_javascript_i18n_catalog_url(block)` points at `static/i18n-<language>.js`
(`window.LeadershipXBlocksI18N`) when that file exists; there is none for English.
"""

import gettext
import os

from django.conf import settings
from django.utils import translation
from xblock.runtime import NullI18nService

from .i18n import DOMAIN, TRANSLATIONS_DIR, shipped_js_catalogue

_CACHE = {}


def active_language():
    """Django's active language code (`cy`, `en`, `en-gb`, ...)."""
    return (translation.get_language() or getattr(settings, 'LANGUAGE_CODE', None) or 'en').lower()


def load_translation(language):
    """The catalogue for a Django language code (identity when there is none).

    Reloaded when the .mo file changes, so a running workbench picks up `make compile_translations`.
    """
    locale = translation.to_locale(language)
    paths = gettext.find(DOMAIN, TRANSLATIONS_DIR, languages=[locale], all=True)
    stamp = tuple((path, os.stat(path).st_mtime_ns) for path in paths)
    cached = _CACHE.get(locale)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    result = gettext.NullTranslations()
    for path in reversed(paths):  # most specific last, so it takes the others as fallbacks
        with open(path, 'rb') as handle:
            catalogue = gettext.GNUTranslations(handle)
        catalogue.add_fallback(result)
        result = catalogue
    _CACHE[locale] = (stamp, result)
    return result


class WorkbenchI18nService(NullI18nService):
    """`gettext`, `ngettext`, `pgettext`, `npgettext`, `ugettext`, `ungettext`, `strftime`
    and `get_javascript_i18n_catalog_url`, in the request's language."""

    # xblock.utils' {% trans %} merges this service into Django's catalogue on every render;
    # exposing our (shared, cached) fallback would chain it again each time and loop forever.
    _fallback = None

    def __init__(self, *args, **kwargs):
        # The runtime may build the service with arguments. The workbench builds a runtime, and so
        # this service, per request: the catalogue of each language is looked up (and its .mo files'
        # times checked) once per request, not on every message.
        self._loaded = None  # (language, catalogue)

    @property
    def _translations(self):
        language = active_language()
        if self._loaded is None or self._loaded[0] != language:
            self._loaded = (language, load_translation(language))
        return self._loaded[1]

    def gettext(self, message):
        return self._translations.gettext(message)

    def ngettext(self, singular, plural, count):
        return self._translations.ngettext(singular, plural, count)

    def pgettext(self, context, message):
        return self._translations.pgettext(context, message)

    def npgettext(self, context, singular, plural, count):
        return self._translations.npgettext(context, singular, plural, count)

    @property
    def ugettext(self):
        return self.gettext

    @property
    def ungettext(self):
        return self.ngettext

    def get_javascript_i18n_catalog_url(self, block):
        name = shipped_js_catalogue(active_language())
        if name is None or block is None:
            return None
        return block.runtime.local_resource_url(block, f'static/{name}')
