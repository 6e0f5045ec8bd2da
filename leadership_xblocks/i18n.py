"""The one place for translation helpers.

Blocks translate through the XBlock i18n service (`gettext`), so Open edX serves the
catalogue shipped in `leadership_xblocks/translations/<locale>/LC_MESSAGES/text.mo`
(edx-platform xmodule/modulestore/django.py, `XBlockI18nService.get_python_locale`: domain
`text` for catalogues inside the package). The JS catalogue is ours to add unless the service
has one (`get_javascript_i18n_catalog_url`, only for translations pulled with atlas);
tools/i18n/catalogues.py says more.
Strings defined at import time (field help, default content) are marked with
`gettext_noop` so extraction finds them, and translated when shown.
"""

import gettext as _gettext_module
import os

I18N_JS_NAMESPACE = 'LeadershipXBlocksI18N'
TRANSLATIONS_DIR = os.path.join(os.path.dirname(__file__), 'translations')
DOMAIN = 'text'


def gettext_noop(text):
    """Mark a string for extraction without translating it now."""
    return text


_ = gettext_noop


def block_gettext(block):
    """The gettext function of the block's i18n service, or identity outside a runtime."""
    service = block.runtime.service(block, 'i18n') if block is not None else None
    if service is None:
        return lambda text: text
    return service.gettext


def block_ngettext(block):
    service = block.runtime.service(block, 'i18n') if block is not None else None
    if service is None:
        return lambda singular, plural, n: singular if n == 1 else plural
    return service.ngettext


def catalogue(locale):
    """A gettext catalogue for `locale` from the shipped translations (identity if none)."""
    return _gettext_module.translation(DOMAIN, TRANSLATIONS_DIR, languages=[locale], fallback=True)


def shipped_js_catalogue(language, package=None):
    """File name in the public `static/` assets of the JS catalogue for a Django language code, or None.

    `make compile_translations` (django-statici18n's `compilejsi18n`) writes
    `public/static/i18n-<language>.js`, which sets `window.LeadershipXBlocksI18N`; English needs
    none. `cy-gb` falls back to `cy`.
    """
    from . import SHARED_PACKAGE, public_static

    static = public_static(package or SHARED_PACKAGE)
    code = (language or '').lower().replace('_', '-')
    for candidate in (code, code.split('-')[0]):
        name = f'i18n-{candidate}.js'
        if candidate and static.joinpath(name).is_file():
            return name
    return None


def shown_language(original, default_texts, content_language):
    """The `lang` of a text as a block shows it: a default text (in `default_texts`) is shown translated,
    in the interface language; an authored one stays in the course content's language."""
    if original in default_texts:
        from django.utils.translation import get_language

        return get_language() or content_language
    return content_language
