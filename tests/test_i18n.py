"""Translations: the CI check of the catalogues, the tooling behind it, and the Welsh interface.

`test_catalogues_are_up_to_date` is the CI check (`make check_translations` runs the same
command): it fails, listing the strings, when the catalogues are out of date with the code, a
Welsh entry is missing, empty, fuzzy or has other placeholders, or a compiled file does not
match its `.po`. Fix it with

    make extract_translations compile_translations

then translate what the check lists in leadership_xblocks/translations/cy/LC_MESSAGES/*.po and
compile again (README, "Translations").

The tooling tests run `tools/i18n/catalogues.py` (Babel, Django's `templatize()`,
django-statici18n) on a throwaway project and look at the catalogues and compiled files it
leaves, as a translator would.
"""

import gettext
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from django.utils import translation

from tests.support import REPO_ROOT

TOOL = REPO_ROOT / 'tools' / 'i18n' / 'catalogues.py'
TRANSLATIONS = REPO_ROOT / 'leadership_xblocks' / 'translations'
WELSH_PLURALS = 'nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;'


def run_tool(*args, root=None, expect=0):
    command = [sys.executable, str(TOOL)] + (['--root', str(root)] if root else []) + list(args)
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == expect, result.stdout + result.stderr
    return result.stdout


def catalogue(path):
    with open(path, 'rb') as handle:
        return read_po(handle)


def entries(path):
    """{(context, msgid or (singular, plural)): message} of a .po file, header left out."""
    return {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)): m for m in catalogue(path) if m.id}


# --- the CI check ----------------------------------------------------------------------


def test_catalogues_are_up_to_date():
    run_tool('check')


# --- what ships ------------------------------------------------------------------------


def test_compiled_welsh_catalogue_is_where_open_edx_reads_it():
    """XBlockI18nService.get_python_locale() (edx-platform xmodule/modulestore/django.py) reads
    bundled catalogues from <package>/translations/<locale>/LC_MESSAGES/, domain `text`."""
    from leadership_xblocks.i18n import DOMAIN, TRANSLATIONS_DIR

    mo = TRANSLATIONS / 'cy' / 'LC_MESSAGES' / 'text.mo'
    assert mo.is_file()
    assert DOMAIN == 'text' and TRANSLATIONS_DIR == str(mo.parent.parent.parent)
    welsh = gettext.translation('text', TRANSLATIONS_DIR, languages=[translation.to_locale('cy')])
    assert welsh.gettext('Problems to fix') == "Problemau i'w datrys"
    # pyproject.toml ships every file under translations/*/LC_MESSAGES/ as package data.
    assert '"translations/*/LC_MESSAGES/*"' in (REPO_ROOT / 'pyproject.toml').read_text()
    # And the JS catalogue ships with the shared public assets, in leadership_xblocks/common/public/static.
    assert (REPO_ROOT / 'leadership_xblocks' / 'common' / 'public' / 'static' / 'i18n-cy.js').is_file()
    assert not (REPO_ROOT / 'leadership_xblocks' / 'common' / 'public' / 'static' / 'i18n-en.js').exists()


def test_compiled_files_are_not_ignored_by_git():
    paths = [
        'leadership_xblocks/translations/cy/LC_MESSAGES/text.mo',
        'leadership_xblocks/common/public/static/i18n-cy.js',
    ]
    result = subprocess.run(['git', 'check-ignore', *paths], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert result.stdout.strip() == '', f'ignored by git: {result.stdout}'


def test_welsh_plural_forms():
    for domain in ('text', 'textjs'):
        header = catalogue(TRANSLATIONS / 'cy' / 'LC_MESSAGES' / f'{domain}.po').mime_headers
        assert dict(header)['Plural-Forms'] == WELSH_PLURALS
    welsh = gettext.translation('text', str(TRANSLATIONS), languages=['cy'])
    message = plural_message()
    forms = [welsh.ngettext(message.id[0], message.id[1], n) for n in (0, 1, 2, 3, 6, 7)]
    assert forms == list(message.string)  # one form for each of 0, 1, 2, 3, 6 and the rest


def plural_message(domain='text'):
    """A translated plural entry of a Welsh catalogue (which strings exist changes)."""
    found = [
        m
        for m in entries(TRANSLATIONS / 'cy' / 'LC_MESSAGES' / f'{domain}.po').values()
        if m.pluralizable and all(m.string) and not m.fuzzy
    ]
    assert found, f'the Welsh {domain} catalogue has no translated plural string to test'
    return found[0]


# --- the workbench i18n service ---------------------------------------------------------


def test_workbench_service_translates_into_welsh():
    from leadership_xblocks.workbench_i18n import WorkbenchI18nService

    service = WorkbenchI18nService()
    plural = plural_message()
    with translation.override('cy'):
        assert service.gettext('Problems to fix') == "Problemau i'w datrys"
        assert service.ugettext('Display name') == "Enw i'w ddangos"  # what Studio's field editor calls
        assert service.gettext('A string nobody marked') == 'A string nobody marked'
        assert service.ngettext(plural.id[0], plural.id[1], 2) == plural.string[2]
        assert service.ungettext(plural.id[0], plural.id[1], 7) == plural.string[5]
        assert service.pgettext('no such context', 'Error') == 'Error'
        assert service.strftime(__import__('datetime').date(2026, 3, 1), '%Y') == '2026'
    with translation.override('en'):
        assert service.gettext('Problems to fix') == 'Problems to fix'
        assert service.ngettext(plural.id[0], plural.id[1], 2) == plural.id[1]
    with translation.override('cy-gb'):
        assert service.gettext('Error') == 'Gwall'


def test_workbench_service_js_catalogue_url():
    from leadership_xblocks.i18n import shipped_js_catalogue
    from leadership_xblocks.workbench_i18n import WorkbenchI18nService

    class Runtime:
        @staticmethod
        def local_resource_url(block, uri):
            return f'/resource/leadership_scenario/{uri}'

    class Block:
        runtime = Runtime()

    service = WorkbenchI18nService()
    with translation.override('cy'):
        assert service.get_javascript_i18n_catalog_url(Block()) == '/resource/leadership_scenario/static/i18n-cy.js'
    with translation.override('en'):
        assert service.get_javascript_i18n_catalog_url(Block()) is None
    assert shipped_js_catalogue('cy') == shipped_js_catalogue('cy-GB') == 'i18n-cy.js'
    assert shipped_js_catalogue('en') is None and shipped_js_catalogue(None) is None


def test_templates_render_in_welsh_through_the_service():
    """{% trans %}/{% blocktrans %} in the blocks' renderer (common/rendering.py) read our catalogue."""
    from leadership_xblocks.common import rendering
    from leadership_xblocks.workbench_i18n import WorkbenchI18nService

    scenario = type(
        'S',
        (),
        {
            'steps': [
                type(
                    'Step',
                    (),
                    {'id': 'a', 'title': 'A', 'demands': 'urgent', 'time_limit': 30, 'timeout': 'b', 'choices': []},
                )()
            ],
            'endings': [],
        },
    )()
    context = {'title': 'T', 'scenario': scenario, 'problems': [('error', 'x')]}
    with translation.override('cy'):
        html = rendering.render(
            'leadership_xblocks.scenario', 'templates/scenario_author.html', dict(context), WorkbenchI18nService()
        )
    assert "Problemau i'w datrys" in html and 'Gwall' in html and 'Amlinelliad' in html
    assert '30 eiliad, yna' in html  # {% blocktrans with seconds=... %}
    assert 'Problems to fix' not in html
    with translation.override('en'):
        html = rendering.render(
            'leadership_xblocks.scenario', 'templates/scenario_author.html', dict(context), WorkbenchI18nService()
        )
    assert 'Problems to fix' in html and '30 s, then' in html


def test_workbench_pages_follow_the_language(client, workbench_reset):
    from workbench.scenarios import get_scenarios

    name = next((n for n, s in sorted(get_scenarios().items()) if '<leadership_scenario' in s.xml), None)
    assert name is not None, 'no workbench page holds a leadership_scenario'
    welsh = client.get(f'/scenario/{name}/?lang=cy').content.decode()
    assert 'Eich penderfyniadau hyd yma' in welsh and 'static/i18n-cy.js' in welsh
    english = client.get(f'/scenario/{name}/?lang=en').content.decode()
    assert 'Your decisions so far' in english and 'i18n-cy.js' not in english


# --- the tooling, on a throwaway project ------------------------------------------------

MINI_PYTHON = """\
from .i18n import gettext_noop as _

A = _("Hello")
B = _("Implicit " "join")
# Translators: a note for translators
C = self._("With a {name}")
D = ngettext("{n} word", "{n} words", n)
E = pgettext("menu", "Open")
F = gettext(variable)
G = gettext_noop("Marked for later")


def gettext(self, text):
    return text
"""
MINI_TEMPLATE = """\
{% load i18n %}<p>{% trans "Page" %}</p>
{# Translators: a verb, on a button #}
<button>{% trans "Open" context "verb" %}</button>
{% blocktrans with n=x %}{{ n }} at 50%{% endblocktrans %}
{% blocktrans count counter=k %}{{ counter }} line.{% plural %}{{ counter }} lines.{% endblocktrans %}
"""
MINI_JS = r"""
var re = /'(\w+)"/g, x = a / b / c;
var _ = L.gettext;
// Translators: the clock
el('p', {}, [_('Time: ' +
    "{time} left")]);
L.ngettext('{n} item', '{n} items', n);
window.LeadershipXBlocksI18N.gettext('Click the button');
_(name);
"""

# Where the tool writes the JS catalogues (the shared assets); the mini project's script lives there too.
MINI_STATIC = Path('leadership_xblocks') / 'common' / 'public' / 'static'

MINI_WELSH = {
    'Hello': 'Helo',
    'Implicit join': 'Uno ymhlyg',
    'With a {name}': 'Gyda {name}',
    ('{n} word', '{n} words'): ['{n} gair', '{n} gair', '{n} air', '{n} gair', '{n} gair', '{n} gair'],
    'Open': 'Agor',
    'Marked for later': 'Wedi’i nodi at wedyn',
    'Page': 'Tudalen',
    '%(n)s at 50%%': '%(n)s ar 50%%',
    ('%(counter)s line.', '%(counter)s lines.'): ['%(counter)s llinell'] * 6,
    'Time: {time} left': 'Amser: {time} ar ôl',
    'Click the button': 'Cliciwch y botwm',
    ('{n} item', '{n} items'): ['{n} eitem'] * 6,
}


def translate(root, pairs):
    """Fill in Welsh entries as a translator would (and clear their fuzzy flag)."""
    for domain in ('text', 'textjs'):
        path = root / 'leadership_xblocks' / 'translations' / 'cy' / 'LC_MESSAGES' / f'{domain}.po'
        welsh = catalogue(path)
        for message in welsh:
            if message.id and message.id in pairs or (isinstance(message.id, tuple) and message.id in pairs):
                message.string = tuple(pairs[message.id]) if message.pluralizable else pairs[message.id]
                message.flags.discard('fuzzy')
        with open(path, 'wb') as handle:
            write_po(handle, welsh, width=0, ignore_obsolete=True)  # as the tool writes them


@pytest.fixture(scope='module')
def prepared_project(tmp_path_factory):
    """The layout the tool works on, with strings in Python, a template and JS, all in Welsh."""
    root = tmp_path_factory.mktemp('mini') / 'project'
    package = root / 'leadership_xblocks'
    (package / 'templates').mkdir(parents=True)
    (root / MINI_STATIC).mkdir(parents=True)
    (package / 'mod.py').write_text(MINI_PYTHON, encoding='utf-8')
    (package / 'templates' / 'page.html').write_text(MINI_TEMPLATE, encoding='utf-8')
    (root / MINI_STATIC / 'page.js').write_text(MINI_JS, encoding='utf-8')
    run_tool('extract', root=root)
    run_tool('init', 'cy', root=root)
    translate(root, MINI_WELSH)
    run_tool('compile', root=root)
    return root


@pytest.fixture
def mini_project(prepared_project, tmp_path):
    """A fresh copy of `prepared_project` for one test to change."""
    return shutil.copytree(prepared_project, tmp_path / 'project')


def mini_po(root, locale, domain):
    return root / 'leadership_xblocks' / 'translations' / locale / 'LC_MESSAGES' / f'{domain}.po'


def test_extraction_reads_python_templates_and_javascript(mini_project):
    text = entries(mini_po(mini_project, 'en', 'text'))
    assert set(text) == {
        (None, 'Hello'),
        (None, 'Implicit join'),
        (None, 'With a {name}'),
        (None, ('{n} word', '{n} words')),
        ('menu', 'Open'),
        (None, 'Marked for later'),
        (None, 'Page'),
        ('verb', 'Open'),
        (None, '%(n)s at 50%%'),
        (None, ('%(counter)s line.', '%(counter)s lines.')),
    }
    assert text[(None, 'With a {name}')].auto_comments == ['Translators: a note for translators']
    assert text[('verb', 'Open')].auto_comments == ['Translators: a verb, on a button']
    assert text[(None, 'Hello')].locations == [('leadership_xblocks/mod.py', None)]  # no line numbers
    script = entries(mini_po(mini_project, 'en', 'textjs'))
    assert set(script) == {(None, 'Time: {time} left'), (None, ('{n} item', '{n} items')), (None, 'Click the button')}
    assert script[(None, 'Time: {time} left')].auto_comments == ['Translators: the clock']
    # The Welsh catalogues were started with Welsh plural rules, and nothing else was compiled.
    assert catalogue(mini_po(mini_project, 'cy', 'text')).num_plurals == 6
    assert sorted(p.name for p in (mini_project / MINI_STATIC).iterdir()) == ['i18n-cy.js', 'page.js']


def test_compiled_catalogues_translate(mini_project):
    welsh = gettext.translation('text', str(mini_project / 'leadership_xblocks' / 'translations'), languages=['cy'])
    assert welsh.gettext('With a {name}') == 'Gyda {name}'
    assert [welsh.ngettext('{n} word', '{n} words', n) for n in (1, 2, 7)] == ['{n} gair', '{n} air', '{n} gair']
    assert welsh.pgettext('verb', 'Open') == 'Agor'
    script = (mini_project / MINI_STATIC / 'i18n-cy.js').read_text(encoding='utf-8')
    assert 'global.LeadershipXBlocksI18N = LeadershipXBlocksI18N' in script
    assert json.dumps('Amser: {time} ar ôl') in script or 'Amser: {time} ar \\u00f4l' in script
    assert re.search(r'n ?== ?6\)? \? 4 : 5', script)  # Welsh plurals


def test_extract_again_changes_nothing(mini_project):
    files = sorted((mini_project / 'leadership_xblocks' / 'translations').rglob('*.po'))
    before = [path.read_bytes() for path in files]
    out = run_tool('extract', root=mini_project)
    assert 'wrote' not in out, out
    assert [path.read_bytes() for path in files] == before


def test_check_passes_then_catches_every_kind_of_drift(mini_project):
    root = mini_project
    run_tool('check', root=root)

    # A new string in the code.
    (root / 'leadership_xblocks' / 'mod.py').write_text(MINI_PYTHON + '\nH = _("Goodbye for now")\n', encoding='utf-8')
    out = run_tool('check', root=root, expect=1)
    assert 'new string in the code, not in the catalogue: "Goodbye for now" (leadership_xblocks/mod.py)' in out, out

    # Extraction brings it in empty and keeps every translation made before.
    run_tool('extract', root=root)
    welsh = entries(mini_po(root, 'cy', 'text'))
    assert welsh[(None, 'Goodbye for now')].string == '' and not welsh[(None, 'Goodbye for now')].fuzzy
    assert welsh[(None, 'Hello')].string == 'Helo' and welsh[('verb', 'Open')].string == 'Agor'
    assert welsh[(None, ('{n} word', '{n} words'))].string[2] == '{n} air'
    out = run_tool('check', root=root, expect=1)
    assert '"Goodbye for now" has no translation' in out and 'new string' not in out, out

    # Translated but not compiled: the .mo is stale.
    translate(root, {'Goodbye for now': 'Hwyl am y tro'})
    out = run_tool('check', root=root, expect=1)
    assert 'text.mo is stale' in out, out
    run_tool('compile', root=root)
    run_tool('check', root=root)

    # A reworded string keeps the old translation as a fuzzy suggestion, which fails the check.
    (root / MINI_STATIC / 'page.js').write_text(
        MINI_JS.replace('Click the button', 'Click the buttons'), encoding='utf-8'
    )
    run_tool('extract', root=root)
    message = entries(mini_po(root, 'cy', 'textjs'))[(None, 'Click the buttons')]
    assert message.fuzzy and message.string == 'Cliciwch y botwm'
    out = run_tool('check', root=root, expect=1)
    assert '"Click the buttons" is fuzzy' in out, out

    # A placeholder lost in translation, and a JS catalogue compiled before the last change.
    translate(root, {'Click the buttons': 'Cliciwch y botymau', 'With a {name}': 'Gyda'})
    out = run_tool('check', root=root, expect=1)
    assert 'placeholders [] in "Gyda" differ from [\'{name}\']' in out, out
    assert 'static/i18n-cy.js is stale' in out, out

    # A JS catalogue for a locale that has no catalogues.
    translate(root, {'With a {name}': 'Gyda {name}'})
    run_tool('compile', root=root)
    shutil.copy(root / MINI_STATIC / 'i18n-cy.js', root / MINI_STATIC / 'i18n-fr.js')
    out = run_tool('check', root=root, expect=1)
    assert 'static/i18n-fr.js has no catalogue: delete it' in out, out
    assert len(re.findall(r'^  - ', out, re.M)) == 1, out


def test_readme_documents_the_refresh_command():
    readme = (REPO_ROOT / 'README.md').read_text(encoding='utf-8')
    assert re.search(r'^#+ Translations', readme, re.M)
    assert 'make extract_translations compile_translations' in readme
