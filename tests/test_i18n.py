"""Translations: the CI check of the catalogues, the tooling behind it, and the Welsh interface.

`test_catalogues_are_up_to_date` is the CI check: it fails, listing the strings, when the
catalogue is out of date with the code, a Welsh entry is missing, empty or fuzzy, or a
compiled file is stale. Fix it with

    python tools/i18n.py extract && python tools/i18n.py compile

then translate what `check` lists in leadership_xblocks/translations/cy/LC_MESSAGES/*.po and
compile again.
"""
import gettext
import importlib.util
import re
import shutil
import subprocess
import sys

import pytest
from django.utils import translation

from tests.support import REPO_ROOT

TOOL_PATH = REPO_ROOT / 'tools' / 'i18n.py'
WELSH_PLURALS = 'nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;'


def load_tool():
    spec = importlib.util.spec_from_file_location('leadership_i18n_tool', TOOL_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope='module')
def tool():
    return load_tool()


# --- the CI check ----------------------------------------------------------------------

def test_catalogues_are_up_to_date():
    result = subprocess.run([sys.executable, str(TOOL_PATH), 'check'], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


# --- what ships ------------------------------------------------------------------------

def test_compiled_welsh_catalogue_is_where_open_edx_reads_it():
    """XBlockI18nService reads <package>/translations/<locale>/LC_MESSAGES/text.mo."""
    from leadership_xblocks.i18n import DOMAIN, TRANSLATIONS_DIR  # pylint: disable=import-outside-toplevel

    mo = REPO_ROOT / 'leadership_xblocks' / 'translations' / 'cy' / 'LC_MESSAGES' / 'text.mo'
    assert mo.is_file()
    assert DOMAIN == 'text' and TRANSLATIONS_DIR == str(mo.parent.parent.parent)
    welsh = gettext.translation('text', TRANSLATIONS_DIR, languages=['cy'])
    assert welsh.gettext('Problems to fix') == "Problemau i'w datrys"
    # pyproject.toml ships every file under translations/*/LC_MESSAGES/ as package data.
    assert '"translations/*/LC_MESSAGES/*"' in (REPO_ROOT / 'pyproject.toml').read_text()
    # And the JS catalogue ships with the public assets, in leadership_xblocks/public/static.
    assert (REPO_ROOT / 'leadership_xblocks' / 'public' / 'static' / 'i18n-cy.js').is_file()
    assert not (REPO_ROOT / 'leadership_xblocks' / 'public' / 'static' / 'i18n-en.js').exists()


def test_compiled_files_are_not_ignored_by_git():
    paths = ['leadership_xblocks/translations/cy/LC_MESSAGES/text.mo', 'leadership_xblocks/public/static/i18n-cy.js']
    result = subprocess.run(['git', 'check-ignore', *paths], cwd=REPO_ROOT, capture_output=True, text=True,
                            check=False)
    assert result.stdout.strip() == '', f'ignored by git: {result.stdout}'


def test_welsh_plural_forms(tool):
    for domain in tool.DOMAINS:
        catalogue = tool.read_po(tool.po_path('cy', domain))
        assert catalogue.header_field('Plural-Forms') == WELSH_PLURALS
    welsh = gettext.translation('text', str(tool.TRANSLATIONS), languages=['cy'])
    message = plural_message(tool)
    forms = [welsh.ngettext(message.msgid, message.plural, n) for n in (0, 1, 2, 3, 6, 7)]
    assert forms == message.msgstr             # one form for each of 0, 1, 2, 3, 6 and the rest


def plural_message(tool):
    """A translated plural entry of the Welsh `text` catalogue (which strings exist changes)."""
    catalogue = tool.read_po(tool.po_path('cy', 'text'))
    found = [m for m in catalogue.messages.values() if m.plural and all(m.msgstr) and not m.fuzzy]
    assert found, 'the Welsh catalogue has no translated plural string to test'
    return found[0]


# --- the workbench i18n service ---------------------------------------------------------

def test_workbench_service_translates_into_welsh(tool):
    from leadership_xblocks.workbench_i18n import WorkbenchI18nService  # pylint: disable=import-outside-toplevel

    service = WorkbenchI18nService()
    plural = plural_message(tool)
    with translation.override('cy'):
        assert service.gettext('Problems to fix') == "Problemau i'w datrys"
        assert service.ugettext('Display name') == "Enw i'w ddangos"   # what Studio's field editor calls
        assert service.gettext('A string nobody marked') == 'A string nobody marked'
        assert service.ngettext(plural.msgid, plural.plural, 2) == plural.msgstr[2]
        assert service.ungettext(plural.msgid, plural.plural, 7) == plural.msgstr[5]
        assert service.pgettext('no such context', 'Error') == 'Error'
        assert service.strftime(__import__('datetime').date(2026, 3, 1), '%Y') == '2026'
    with translation.override('en'):
        assert service.gettext('Problems to fix') == 'Problems to fix'
        assert service.ngettext(plural.msgid, plural.plural, 2) == plural.plural
    with translation.override('cy-gb'):
        assert service.gettext('Error') == 'Gwall'


def test_workbench_service_js_catalogue_url():
    from leadership_xblocks.i18n import shipped_js_catalogue  # pylint: disable=import-outside-toplevel
    from leadership_xblocks.workbench_i18n import WorkbenchI18nService  # pylint: disable=import-outside-toplevel

    class Runtime:
        @staticmethod
        def local_resource_url(block, uri):  # pylint: disable=unused-argument
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
    """xblock.utils' {% trans %}/{% blocktrans %} tags merge our catalogue into Django's."""
    from xblock.utils.resources import ResourceLoader  # pylint: disable=import-outside-toplevel

    from leadership_xblocks.workbench_i18n import WorkbenchI18nService  # pylint: disable=import-outside-toplevel

    loader = ResourceLoader('leadership_xblocks')
    scenario = type('S', (), {'steps': [type('Step', (), {
        'id': 'a', 'title': 'A', 'demands': 'urgent', 'time_limit': 30, 'timeout': 'b', 'choices': []})()],
        'endings': []})()
    context = {'title': 'T', 'scenario': scenario, 'problems': [('error', 'x')]}
    with translation.override('cy'):
        html = loader.render_django_template('templates/scenario_author.html', dict(context),
                                             i18n_service=WorkbenchI18nService())
    assert "Problemau i'w datrys" in html and 'Gwall' in html and 'Amlinelliad' in html
    assert '30 eiliad, yna' in html                      # {% blocktrans with seconds=... %}
    assert 'Problems to fix' not in html
    with translation.override('en'):
        html = loader.render_django_template('templates/scenario_author.html', dict(context),
                                             i18n_service=WorkbenchI18nService())
    assert 'Problems to fix' in html and '30 s, then' in html


def test_workbench_pages_follow_the_language(client, workbench_reset):  # pylint: disable=unused-argument
    from workbench.scenarios import get_scenarios  # pylint: disable=import-outside-toplevel

    name = next((n for n, s in sorted(get_scenarios().items()) if '<leadership_scenario' in s.xml), None)
    assert name is not None, 'no workbench page holds a leadership_scenario'
    welsh = client.get(f'/scenario/{name}/?lang=cy').content.decode()
    assert 'Eich penderfyniadau hyd yma' in welsh and 'static/i18n-cy.js' in welsh
    english = client.get(f'/scenario/{name}/?lang=en').content.decode()
    assert 'Your decisions so far' in english and 'i18n-cy.js' not in english


# --- the tooling ------------------------------------------------------------------------

def test_extracts_python_calls(tool):
    source = '\n'.join([
        'from .i18n import gettext_noop as _',
        'A = _("Plain")',
        'B = _("Implicit " "join")',
        '# Translators: a note for translators',
        'C = self._("With a {name}")',
        'D = ngettext("One", "Many", n)',
        'E = pgettext("menu", "Open")',
        'F = gettext(variable)',
        'G = f"{_}"',
        'def gettext(self, text):',
        '    return text',
    ])
    found = {(c.context, c.msgid, c.plural): c for c in tool.find_calls(tool.python_tokens(source))}
    assert set(found) == {(None, 'Plain', None), (None, 'Implicit join', None), (None, 'With a {name}', None),
                          (None, 'One', 'Many'), ('menu', 'Open', None)}
    assert found[(None, 'With a {name}', None)].comments == ['Translators: a note for translators']


def test_extracts_javascript_calls(tool):
    source = r'''
    var re = /'(\w+)"/g, x = a / b / c;
    var _ = L.gettext;
    // Translators: the clock
    el('p', {}, [_('Time: ' +
        "{time} left")]);
    L.ngettext('{n} item', '{n} items', n);
    window.LeadershipXBlocksI18N.gettext('It\'s \u00e9');
    _(`template ${x}`); _(name);
    '''
    found = {(c.msgid, c.plural): c for c in tool.find_calls(tool.js_tokens(source))}
    assert set(found) == {('Time: {time} left', None), ('{n} item', '{n} items'), ("It's \u00e9", None)}
    assert found[('Time: {time} left', None)].comments == ['Translators: the clock']


def test_extracts_template_tags(tool):
    tool._setup_django()  # pylint: disable=protected-access
    source = ('{% load i18n %}<p>{% trans "Hello" %}</p>\n'
              '{% blocktrans with n=x %}{{ n }} at 50%{% endblocktrans %}\n'
              '{% blocktrans count counter=k %}{{ counter }} word.{% plural %}{{ counter }} words.{% endblocktrans %}\n'
              '{% trans "Open" context "verb" %}')
    found = {(c.context, c.msgid, c.plural) for c in tool.find_calls(tool.template_tokens(source))}
    assert found == {(None, 'Hello', None), (None, '%(n)s at 50%%', None),
                     (None, '%(counter)s word.', '%(counter)s words.'), ('verb', 'Open', None)}


def test_po_round_trip_and_mo_file(tool, tmp_path):
    header, comments = tool.default_header('cy')
    catalogue = tool.Catalogue(header=header, header_comments=comments)
    for message in (
            tool.Message('Line one\nline "two"', msgstr=['Llinell un\nllinell "dau"'], references=['a.py']),
            tool.Message('{n} word', plural='{n} words', msgstr=['{n} gair', '{n} gair', '{n} air', '{n} gair',
                                                                  '{n} gair', '{n} gair']),
            tool.Message('Open', context='verb', msgstr=['Agor']),
            tool.Message('Not yet', msgstr=['']),
            tool.Message('Fuzzy', msgstr=['Niwlog'], flags=['fuzzy'])):
        catalogue.messages[message.key] = message
    text = tool.write_po(catalogue)
    path = tmp_path / 'text.po'
    path.write_text(text, encoding='utf-8')
    again = tool.read_po(path)
    assert tool.write_po(again) == text
    assert again.nplurals == 6
    mo = tmp_path / 'cy' / 'LC_MESSAGES' / 'text.mo'
    mo.parent.mkdir(parents=True)
    mo.write_bytes(tool.mo_bytes(again))
    welsh = gettext.translation('text', str(tmp_path), languages=['cy'])
    assert welsh.gettext('Line one\nline "two"') == 'Llinell un\nllinell "dau"'
    assert [welsh.ngettext('{n} word', '{n} words', n) for n in (1, 2, 7)] == ['{n} gair', '{n} air', '{n} gair']
    assert welsh.pgettext('verb', 'Open') == 'Agor'
    assert welsh.gettext('Not yet') == 'Not yet' and welsh.gettext('Fuzzy') == 'Fuzzy'


@pytest.fixture
def mini_project(tool, tmp_path, monkeypatch):
    """A throwaway copy of the layout the tool works on, with one Python, template and JS string."""
    package = tmp_path / 'leadership_xblocks'
    (package / 'templates').mkdir(parents=True)
    (tmp_path / 'static').mkdir()
    (package / 'mod.py').write_text('_("Hello")\n', encoding='utf-8')
    (package / 'templates' / 'page.html').write_text('{% load i18n %}{% trans "Page" %}\n', encoding='utf-8')
    (tmp_path / 'static' / 'page.js').write_text("_('Click the button');\n", encoding='utf-8')
    monkeypatch.setattr(tool, 'ROOT', tmp_path)
    monkeypatch.setattr(tool, 'PACKAGE', package)
    monkeypatch.setattr(tool, 'STATIC', tmp_path / 'static')
    monkeypatch.setattr(tool, 'TRANSLATIONS', package / 'translations')
    tool._setup_django()  # pylint: disable=protected-access
    tool.main(['extract', '--new-locale', 'cy'])

    def translate(**pairs):
        for domain in tool.DOMAINS:
            path = tool.po_path('cy', domain)
            catalogue = tool.read_po(path)
            for message in catalogue.messages.values():
                if message.msgid in pairs:
                    message.msgstr = [pairs[message.msgid]]
                    message.flags = [f for f in message.flags if f != 'fuzzy']
            path.write_text(tool.write_po(catalogue), encoding='utf-8')

    translate(**{'Hello': 'Helo', 'Page': 'Tudalen', 'Click the button': 'Cliciwch y botwm'})
    tool.main(['compile'])
    return tmp_path, translate


def test_check_passes_then_catches_every_kind_of_drift(tool, mini_project):
    root, translate = mini_project
    assert tool.check() == []
    assert 'Cliciwch y botwm' in (root / 'static' / 'i18n-cy.js').read_text(encoding='utf-8')

    # A new string in the code.
    (root / 'leadership_xblocks' / 'mod.py').write_text('_("Hello")\n_("Hello there")\n', encoding='utf-8')
    problems = tool.check()
    assert any('new string in the code' in p and 'Hello there' in p for p in problems), problems
    tool.main(['extract'])
    problems = tool.check()
    assert any('"Hello there" has no translation' in p for p in problems), problems
    assert not any('new string' in p for p in problems)

    # Translated but not compiled: the .mo is stale.
    translate(**{'Hello there': 'Helo yna'})
    assert any('text.mo is stale' in p for p in tool.check())
    tool.main(['compile'])
    assert tool.check() == []

    # A reworded string keeps the old translation as a fuzzy suggestion, which fails the check.
    (root / 'static' / 'page.js').write_text("_('Click the buttons');\n", encoding='utf-8')
    tool.main(['extract'])
    catalogue = tool.read_po(tool.po_path('cy', 'textjs'))
    message = catalogue.messages[('', 'Click the buttons')]
    assert message.fuzzy and message.msgstr == ['Cliciwch y botwm'] and message.previous == 'Click the button'
    assert any('is fuzzy' in p for p in tool.check())

    # A placeholder lost in translation.
    (root / 'leadership_xblocks' / 'mod.py').write_text('_("Hello {name}")\n', encoding='utf-8')
    tool.main(['extract'])
    translate(**{'Hello {name}': 'Helo', 'Click the buttons': 'Cliciwch y botymau'})
    assert any('placeholders' in p for p in tool.check())


def test_stray_js_catalogue_is_reported(tool, mini_project):
    root, _translate = mini_project
    shutil.copy(root / 'static' / 'i18n-cy.js', root / 'static' / 'i18n-fr.js')
    assert any('i18n-fr.js has no catalogue' in p for p in tool.check())


def test_js_catalogue_plural_expression_is_safe(tool):
    assert tool.js_plural('(n==0) ? 0 : (n != 1)') == '(n==0) ? 0 : (n != 1)'
    with pytest.raises(SystemExit):
        tool.js_plural('alert(1)')


def test_readme_documents_the_refresh_command():
    readme = (REPO_ROOT / 'README.md').read_text(encoding='utf-8')
    assert re.search(r'^#+ Translations', readme, re.M)
    assert 'python tools/i18n.py extract && python tools/i18n.py compile' in readme
