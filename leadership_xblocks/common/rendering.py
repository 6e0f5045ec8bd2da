"""Django templates compiled once per process, translated per render through the block's i18n service.

xblock.utils' `ResourceLoader.render_django_template` builds an engine and compiles the template on
every call, and its `{% trans %}` merges the i18n service into Django's shared catalogue of the
language, then restores it (xblock/utils/templatetags/i18n.py). Its nodes keep the catalogue they
restore, so a compiled template reused across renders would merge into the same catalogue again and
again. Here the stock Django tags run instead, with the render's thread briefly given a translation
of the active language that has the service's catalogue merged in: built once per (language,
catalogue), never shared with Django, so each request still renders in its own language.
"""

import functools
import importlib.resources
import threading
from contextlib import contextmanager

_LOCK = threading.Lock()
_MERGED = {}  # (language, id(catalogue), id(fallback)) -> (catalogue, fallback, merged translation)
_MERGED_LIMIT = 64  # the workbench reloads a changed .mo file, so keys can change while it runs


@functools.cache
def _engine():
    """The engine: `{% include %}` finds the shared partials in `common/templates/` (cached once loaded)."""
    from django.template import Engine
    from django.template.backends.django import get_installed_libraries

    shared = importlib.resources.files('leadership_xblocks.common').joinpath('templates')
    return Engine(dirs=[str(shared)], libraries=get_installed_libraries())


@functools.cache
def compiled(package, path):
    """The template at `path` in `package`, compiled once per process."""
    from django.template import Template

    text = importlib.resources.files(package).joinpath(path).read_text(encoding='utf-8')
    return Template(text, engine=_engine())


def _merged_translation(language, service):
    """Django's translation of `language` with the service's catalogue over it (as xblock.utils
    merges it), or None when the service has no catalogue of its own."""
    from django.utils.translation import trans_real

    catalogue = getattr(service, '_catalog', None)
    if not catalogue:
        return None
    fallback = getattr(service, '_fallback', None)
    key = (language, id(catalogue), id(fallback))
    entry = _MERGED.get(key)
    if entry is None or entry[0] is not catalogue or entry[1] is not fallback:
        merged = trans_real.DjangoTranslation(language)
        merged.merge(service)
        with _LOCK:
            if len(_MERGED) >= _MERGED_LIMIT:
                _MERGED.clear()
            _MERGED[key] = entry = (catalogue, fallback, merged)
    return entry[2]


@contextmanager
def service_translation(service):
    """Within it, Django's gettext (and so `{% trans %}`) on this thread reads the service's catalogue."""
    from django.utils.translation import get_language, trans_real

    language = get_language()
    merged = _merged_translation(language, service) if service is not None and language else None
    if merged is None:
        yield
        return
    active = trans_real._active  # Django's per-thread (per-request) translation, as activate() sets it
    missing = object()
    previous = getattr(active, 'value', missing)
    active.value = merged
    try:
        yield
    finally:
        if previous is missing:
            del active.value
        else:
            active.value = previous


def render(package, path, context, i18n_service=None):
    """Render the template at `path` in `package` with `context`, translated through `i18n_service`."""
    from django.template import Context

    template = compiled(package, path)
    with service_translation(i18n_service):
        return template.render(Context(context))
