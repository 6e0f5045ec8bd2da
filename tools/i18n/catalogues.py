#!/usr/bin/env python3
"""The translation catalogues of leadership-xblocks, built with the platform's own tools.

    python tools/i18n/catalogues.py extract    # `make extract_translations`
    python tools/i18n/catalogues.py compile    # `make compile_translations`
    python tools/i18n/catalogues.py check      # `make check_translations` (CI: tests/test_i18n.py)
    python tools/i18n/catalogues.py init fr    # a new locale

Run it with the project's venv (Babel, Django and django-statici18n: requirements/test.txt).
This file only chains the tools and checks their output:

* extract: `pybabel extract` (mappings `text.cfg`, `textjs.cfg` beside this file; templates
  through Django's `templatize()`, see `babel_templates.py`) writes the source catalogues
  `translations/en/LC_MESSAGES/{text,textjs}.po`, then `pybabel update` merges them into every
  other locale as msgmerge does: translations kept, new strings empty, reworded ones pre-filled
  and marked fuzzy, strings gone from the code dropped. Safe to re-run on any tree.
* compile: `pybabel compile` writes `text.mo` for every locale, and django-statici18n's
  `compilejsi18n` (namespace `LeadershipXBlocksI18N`, the blocks' `i18n_js_namespace`) turns
  each `textjs.po` into `leadership_xblocks/common/public/static/i18n-<language>.js`.
* check: fails, listing them, on strings in the code missing from the catalogues (or the
  reverse), Welsh entries empty or fuzzy or with other placeholders than the English, and
  compiled files that do not match their `.po`.

The layout is the one Open edX reads. Python: `XBlockI18nService.get_python_locale()`
(edx-platform xmodule/modulestore/django.py) loads `<package>/translations/<locale>/
LC_MESSAGES/text.mo`, domain `text`, for catalogues shipped in the package. JavaScript: the
service's `get_javascript_i18n_catalog_url()` only returns catalogues compiled from
translations pulled with atlas (xmodule/modulestore/api.py `get_javascript_i18n_file_name`,
common/djangoapps/xblock_django/translation.py `compile_xblock_js_messages`, which compiles
`djangojs` in preference to `django`, as we keep JS strings in `textjs`); otherwise it returns
None and the block adds its own catalogue, served by `open_local_resource` at
`local_resource_url(block, 'static/i18n-<language>.js')` (common/base.py `_js_catalogue_url`).
Both kinds set `window.LeadershipXBlocksI18N`.
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
SOURCE_LOCALE = 'en'
PROJECT = 'leadership-xblocks'
NAMESPACE = 'LeadershipXBlocksI18N'
REFRESH = 'make extract_translations compile_translations'
KEYWORDS = ['gettext_noop']  # Babel's defaults cover _, gettext, ngettext, pgettext, npgettext
DATE_HEADERS = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.M)
PLACEHOLDER = re.compile(r'\{\w*\}|%\(\w+\)[sd]|%[sd]')


class Project:
    """Where the catalogues and the code they come from are, under `root`."""

    def __init__(self, root):
        self.root = Path(root).resolve()
        self.package = self.root / 'leadership_xblocks'
        self.translations = self.package / 'translations'
        # The shared public assets, where the JS catalogues go (each block's `public/static/` links to them).
        self.static = self.package / 'common' / 'public' / 'static'
        # domain -> (Babel mapping, what is scanned)
        self.domains = {'text': (HERE / 'text.cfg', [self.package]), 'textjs': (HERE / 'textjs.cfg', self.scripts())}

    def scripts(self):
        """Every block's own scripts, `<block>/public/static/*.js`, without the symlinks to the shared ones
        (which would otherwise be extracted once per block)."""
        found = self.package.glob('*/public/static/*.js')
        return sorted(p for p in found if not p.is_symlink() and not p.name.startswith('i18n-'))

    def po(self, locale, domain, base=None):
        return Path(base or self.translations) / locale / 'LC_MESSAGES' / f'{domain}.po'

    def locales(self):
        if not self.translations.is_dir():
            return []
        return sorted(p.name for p in self.translations.iterdir() if (p / 'LC_MESSAGES').is_dir())

    def targets(self):
        return [locale for locale in self.locales() if locale != SOURCE_LOCALE]

    def rel(self, path):
        return Path(path).resolve().relative_to(self.root).as_posix()


def js_catalogue_name(locale):
    """`static/` file name of a locale's JS catalogue (what `i18n.shipped_js_catalogue` finds)."""
    return f'i18n-{locale.lower().replace("_", "-")}.js'


# ---------------------------------------------------------------------------------------
# Running the tools


def pybabel(*args):
    from babel.messages.frontend import CommandLineInterface

    status = CommandLineInterface().run(['pybabel', '-q', *map(str, args)])
    if status:
        raise SystemExit(f'pybabel {args[0]} failed ({status})')


def setup_django():
    """Settings for `templatize()` and `compilejsi18n`: this process only reads catalogues."""
    import django
    from django.conf import settings

    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))  # Babel imports the template extractor by module name
    if not settings.configured:
        settings.configure(
            USE_I18N=True,
            LANGUAGE_CODE=SOURCE_LOCALE,
            INSTALLED_APPS=['statici18n'],
            LOCALE_PATHS=[],
            STATICI18N_DOMAIN='textjs',
            STATICI18N_NAMESPACE=NAMESPACE,
        )
        django.setup()


def extract_sources(project, out):
    """Write the source catalogues of the code, as `pybabel extract` finds it, under `out`."""
    from leadership_xblocks import __version__

    for domain, (mapping, inputs) in project.domains.items():
        target = project.po(SOURCE_LOCALE, domain, out)
        target.parent.mkdir(parents=True, exist_ok=True)
        pybabel(
            'extract',
            '-F',
            mapping,
            *[f'--keyword={k}' for k in KEYWORDS],
            '--add-comments=Translators:',
            '--add-location=file',
            '--sort-by-file',
            '--no-wrap',
            f'--project={PROJECT}',
            f'--version={__version__}',
            f'--header-comment={header_comment(SOURCE_LOCALE)}',
            '-o',
            target,
            *[os.path.relpath(path, project.root) for path in inputs],
        )


def header_comment(locale):
    # Babel fills in words such as PROJECT or YEAR in header comments: none here.
    language = 'English (source)' if locale == SOURCE_LOCALE else locale
    return f'# {language} catalogue of {PROJECT}.\n# Refresh: {REFRESH}'


def merge_into(project, sources, locale, domain, out):
    """`pybabel update` of one locale's catalogue from the source catalogue in `sources`."""
    target = project.po(locale, domain, out)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(project.po(locale, domain), target)
    pybabel(
        'update',
        '-i',
        project.po(SOURCE_LOCALE, domain, sources),
        '-o',
        target,
        '-l',
        locale,
        '-D',
        domain,
        '--no-wrap',
        '--ignore-obsolete',
    )


def same_but_dates(a, b):
    return DATE_HEADERS.sub('', a) == DATE_HEADERS.sub('', b)


def copy_if_changed(project, new, old):
    """Copy `new` over `old` unless only the dates Babel stamps differ (no churn in git)."""
    text = new.read_text(encoding='utf-8')
    if old.exists() and same_but_dates(text, old.read_text(encoding='utf-8')):
        print(f'unchanged {project.rel(old)}')
        return
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(text, encoding='utf-8')
    print(f'wrote {project.rel(old)}')


def compile_all(project, translations_out, static_out, work):
    """`pybabel compile` every `text.po`; `compilejsi18n` every non-source `textjs.po`."""
    from django.conf import settings
    from django.core.management import call_command

    for locale in project.locales():
        mo = Path(translations_out) / locale / 'LC_MESSAGES' / 'text.mo'
        mo.parent.mkdir(parents=True, exist_ok=True)
        # The source catalogue carries Babel's template header, flagged fuzzy; it has no
        # translations, so using fuzzy entries there changes nothing else.
        fuzzy = ['--use-fuzzy'] if locale == SOURCE_LOCALE else []
        pybabel('compile', '-i', project.po(locale, 'text'), '-o', mo, '-l', locale, *fuzzy)
    js_mo = Path(work) / 'js-mo'
    settings.LOCALE_PATHS = [str(js_mo)]
    for locale in project.targets():
        mo = js_mo / locale / 'LC_MESSAGES' / 'textjs.mo'
        mo.parent.mkdir(parents=True, exist_ok=True)
        pybabel('compile', '-i', project.po(locale, 'textjs'), '-o', mo, '-l', locale)
        output = Path(work) / 'js' / locale
        call_command(
            'compilejsi18n', locale=locale, domain='textjs', namespace=NAMESPACE, outputdir=str(output), verbosity=0
        )
        built = next(output.rglob('textjs.js'))
        Path(static_out).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, Path(static_out) / js_catalogue_name(locale))


# ---------------------------------------------------------------------------------------
# Commands


def cmd_extract(project, _args):
    with tempfile.TemporaryDirectory() as work:
        sources = Path(work) / 'sources'
        extract_sources(project, sources)
        for domain in project.domains:
            copy_if_changed(project, project.po(SOURCE_LOCALE, domain, sources), project.po(SOURCE_LOCALE, domain))
        merged = Path(work) / 'merged'
        for locale in project.targets():
            for domain in project.domains:
                merge_into(project, sources, locale, domain, merged)
                copy_if_changed(project, project.po(locale, domain, merged), project.po(locale, domain))
    for locale in project.targets():
        todo = [
            m
            for domain in project.domains
            for m in messages(project.po(locale, domain))
            if m.fuzzy or not translated(m)
        ]
        if todo:
            print(f'{locale}: {len(todo)} string(s) to translate or review (empty or fuzzy)')
    return 0


def cmd_compile(project, _args):
    with tempfile.TemporaryDirectory() as work:
        compile_all(project, project.translations, project.static, work)
    for locale in project.locales():
        print(f'wrote {project.rel(project.translations / locale / "LC_MESSAGES" / "text.mo")}')
    for locale in project.targets():
        print(f'wrote {project.rel(project.static / js_catalogue_name(locale))}')
    return 0


def cmd_init(project, args):
    for domain in project.domains:
        pybabel(
            'init',
            '-i',
            project.po(SOURCE_LOCALE, domain),
            '-o',
            project.po(args.locale, domain),
            '-l',
            args.locale,
            '-D',
            domain,
            '--no-wrap',
        )
        print(f'wrote {project.rel(project.po(args.locale, domain))}')
    return 0


def cmd_check(project, _args):
    from checks import check  # beside this file (tools/i18n/ is the script's first sys.path entry)

    problems = check(project)
    if problems:
        print('Translation catalogues are out of date or incomplete:')
        print('\n'.join(f'  - {problem}' for problem in problems))
        print(f'Refresh with `{REFRESH}`, translate what is empty or fuzzy, then compile again.')
        return 1
    print('Translation catalogues are up to date and complete.')
    return 0


# ---------------------------------------------------------------------------------------
# Reading catalogues (here and in checks.py)


def messages(path):
    from babel.messages.pofile import read_po

    with open(path, 'rb') as handle:
        catalogue = read_po(handle)
    return [m for m in catalogue if m.id]


def translated(message):
    forms = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return bool(forms) and all(forms)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--root', default=str(REPO_ROOT), help='project folder (default: this repository)')
    commands = parser.add_subparsers(dest='command', required=True)
    commands.add_parser('extract', help='update the .po files from the code').set_defaults(run=cmd_extract)
    commands.add_parser('compile', help='write text.mo and static/i18n-<language>.js').set_defaults(run=cmd_compile)
    commands.add_parser('check', help='fail when anything is out of date or untranslated').set_defaults(run=cmd_check)
    init = commands.add_parser('init', help='start the catalogues of a new locale')
    init.add_argument('locale')
    init.set_defaults(run=cmd_init)
    args = parser.parse_args(argv)
    project = Project(args.root)
    os.chdir(project.root)  # Babel writes file references relative to the working folder
    setup_django()
    return args.run(project, args)


if __name__ == '__main__':
    sys.exit(main())
