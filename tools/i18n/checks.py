"""The `check` command of `catalogues.py` (what CI runs): the catalogues match the code, every
target locale translates every message with the same placeholders, and the compiled files
(`text.mo`, the JS catalogues) are what the `.po` files compile to."""

import gettext
import json
import re
import tempfile
from pathlib import Path

from catalogues import PLACEHOLDER, SOURCE_LOCALE, compile_all, extract_sources, js_catalogue_name, messages, translated


def key(message):
    return (message.context or '', message.id if isinstance(message.id, str) else tuple(message.id))


def describe(message):
    text = message.id if isinstance(message.id, str) else ' | '.join(message.id)
    return f'[{message.context}] {text}' if message.context else text


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def check(project):
    problems = []
    with tempfile.TemporaryDirectory() as work:
        sources = Path(work) / 'sources'
        extract_sources(project, sources)
        for domain in project.domains:
            problems += drift(project, domain, sources)
            for locale in project.targets():
                problems += translation_problems(project, locale, domain)
        compiled_translations, compiled_static = Path(work) / 'translations', Path(work) / 'static'
        compile_all(project, compiled_translations, compiled_static, work)
        problems += stale_compiled(project, compiled_translations, compiled_static)
    return problems


def drift(project, domain, sources):
    """Strings in the code and not in the committed catalogues, or the reverse."""
    committed = project.po(SOURCE_LOCALE, domain)
    if not committed.exists():
        return [f'{project.rel(committed)} is missing']
    code = {key(m): m for m in messages(project.po(SOURCE_LOCALE, domain, sources))}
    catalogue = {key(m): m for m in messages(committed)}
    problems = [
        f'{project.rel(committed)}: new string in the code, not in the catalogue: "{describe(m)}" '
        f'({", ".join(sorted({path for path, _line in m.locations}))})'
        for k, m in code.items()
        if k not in catalogue
    ]
    problems += [
        f'{project.rel(committed)}: string no longer in the code: "{describe(m)}"'
        for k, m in catalogue.items()
        if k not in code
    ]
    return problems


def translation_problems(project, locale, domain):
    from babel.messages.pofile import read_po

    path = project.po(locale, domain)
    if not path.exists():
        return [f'{project.rel(path)} is missing']
    where = project.rel(path)
    source = {key(m) for m in messages(project.po(SOURCE_LOCALE, domain))}
    with open(path, 'rb') as handle:
        catalogue = read_po(handle)
    found = {key(m): m for m in catalogue if m.id}
    problems = [
        f'{where}: "{describe(m)}" is not in the English catalogue: run `make extract_translations`'
        for k, m in found.items()
        if k not in source
    ]
    problems += [
        f'{where}: "{text}" is missing: run `make extract_translations`' for (_context, text) in source - set(found)
    ]
    for message in found.values():
        if message.fuzzy:
            problems.append(
                f'{where}: "{describe(message)}" is fuzzy: check the translation, then remove the fuzzy flag'
            )
        if not translated(message):
            problems.append(f'{where}: "{describe(message)}" has no translation')
            continue
        problems += [f'{where}: "{describe(message)}": {error}' for error in catalogue_errors(catalogue, message)]
    return problems


def catalogue_errors(catalogue, message):
    """Babel's checkers (plural count, %-placeholders) and the same for {name} placeholders."""
    errors = [str(error) for error in message.check(catalogue)]
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    forms = [message.string] if isinstance(message.string, str) else list(message.string)
    allowed = set(sum((placeholders(text) for text in ids), []))
    for form in forms:
        if isinstance(message.id, str) and placeholders(form) != placeholders(message.id):
            errors.append(f'placeholders {placeholders(form)} in "{form}" differ from {placeholders(message.id)}')
        elif not isinstance(message.id, str) and set(placeholders(form)) - allowed:
            errors.append(f'unknown placeholder(s) {sorted(set(placeholders(form)) - allowed)} in "{form}"')
    return errors


def stale_compiled(project, compiled_translations, compiled_static):
    """Committed .mo and JS catalogues that say something else than their .po files do.

    Compared by content (the messages, the plural rule), not bytes: the JS catalogue's code
    comes from the installed Django, which differs between the venvs.
    """
    problems = []
    for locale in project.locales():
        committed = project.translations / locale / 'LC_MESSAGES' / 'text.mo'
        fresh = compiled_translations / locale / 'LC_MESSAGES' / 'text.mo'
        if not committed.exists():
            problems.append(f'{project.rel(committed)} is missing')
        elif mo_catalogue(committed) != mo_catalogue(fresh):
            problems.append(f'{project.rel(committed)} is stale: compile it again')
    expected = set()
    for locale in project.targets():
        committed = project.static / js_catalogue_name(locale)
        expected.add(committed.name)
        if not committed.exists():
            problems.append(f'{project.rel(committed)} is missing')
            continue
        ours = js_catalogue_content(committed.read_text(encoding='utf-8'))
        if ours is None or ours != js_catalogue_content((compiled_static / committed.name).read_text(encoding='utf-8')):
            problems.append(f'{project.rel(committed)} is stale: compile it again')
    problems += [
        f'{project.rel(stray)} has no catalogue: delete it'
        for stray in project.static.glob(js_catalogue_name('*'))
        if stray.name not in expected
    ]
    return problems


def mo_catalogue(path):
    with open(path, 'rb') as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)


def js_catalogue_content(text):
    """(namespace, catalogue, plural rule) read from a catalogue compilejsi18n wrote, or None."""
    namespace = re.search(r'global\.(\w+)\s*=', text)
    catalogue = re.search(r'newcatalog\s*=\s*(\{.*?\n\s*\});', text, re.S)
    plural = re.search(r'\bv\s*=\s*(.+?);\n', text)
    if not namespace:
        return None
    try:
        entries = json.loads(catalogue.group(1)) if catalogue else {}
    except ValueError:
        return None
    return namespace.group(1), entries, plural.group(1).strip() if plural else None
