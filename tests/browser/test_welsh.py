"""Every workbench page in Welsh (`?lang=cy`): no English interface string left in any block.

For each workbench page of the project, as a learner and as staff (`student=staff`, who also
gets the facilitator dashboard), the test opens the page in Welsh, drives the blocks through
their main states (a scenario is played to an ending, restarted and undone, with its timer
started and paused; forms are submitted empty, then filled in; the dashboards are opened), and
after each step reads the text of every leadership block: text nodes (hidden ones too, as
screen readers may reach them) and the ARIA labels, titles, placeholders and alt texts, plus
any browser dialog.

It looks there for every English string of the catalogues (`translations/en/LC_MESSAGES/
text.po` and `textjs.po`, placeholders matching anything), after removing authored course
content (every text and attribute of the OLX of every page, which is not translated: some blocks
show what the learner did on other pages). Strings that
read the same in Welsh, or that occur inside a Welsh translation, cannot be told apart and are
skipped. `test_detector_finds_english_interface` proves the search works on an English page.

To teach it a new block's states, add a function to `INTERACTIONS` (block type -> function of
the page and the block's locator, calling `scan()` after each step).
"""

import re

import pytest
from babel.messages.pofile import read_po
from lxml import etree

from leadership_xblocks import public_static
from tests.browser.welsh_pages import BLOCKS, INTERACTIONS, Scanner, drive_dashboard, normalise
from tests.support import REPO_ROOT

PLACEHOLDER = re.compile(r'\{\w*\}|%\(\w+\)[sd]|%[sd]')
# --- the catalogue's English strings ----------------------------------------------------

TRANSLATIONS = REPO_ROOT / 'leadership_xblocks' / 'translations'
DOMAINS = ('text', 'textjs')


def catalogue_messages(locale, domain):
    """The entries of a committed catalogue (Babel's reader), header left out."""
    with open(TRANSLATIONS / locale / 'LC_MESSAGES' / f'{domain}.po', 'rb') as handle:
        return [message for message in read_po(handle) if message.id]


def forms(value):
    """A msgid or msgstr as a list of texts (plural entries have several)."""
    return [value] if isinstance(value, str) else list(value)


def _pieces(text):
    """The readable parts of a msgid: HTML default content is split at its tags."""
    if re.search(r'<(p|ul|li|strong|em|a)\b', text):
        return [normalise(p) for p in re.split(r'<[^>]+>', text) if len(normalise(p).split()) >= 3]
    return [normalise(text)]


def needle(text):
    """A regex for an English string; placeholders match any text on the same line."""
    parts = PLACEHOLDER.split(text.replace('%%', '%'))
    literal = [re.sub(r'\\\s+|\\ ', r'\\s+', re.escape(part)) for part in parts]
    body = '[^\n]*?'.join(literal)
    start = r'(?<!\w)' if re.match(r'\w', text) else ''
    end = r'(?!\w)' if re.search(r'\w$', text) else ''
    return re.compile(start + body + end)


@pytest.fixture(scope='module')
def english_strings():
    """[(English text, compiled regex)] that would give away an untranslated string."""
    welsh = []
    for domain in DOMAINS:
        for message in catalogue_messages('cy', domain):
            welsh.extend(normalise(form) for form in forms(message.string))
    welsh_text = '\n'.join(welsh)
    found = {}
    for domain in DOMAINS:
        for message in catalogue_messages('en', domain):
            for text in forms(message.id):
                for piece in _pieces(text):
                    literal = PLACEHOLDER.sub(' ', piece)
                    if not re.search(r'[A-Za-z]{3}', literal):
                        continue  # nothing to recognise, e.g. "{status}, {words}, {when}"
                    pattern = needle(piece)
                    if pattern.search(welsh_text):
                        continue  # reads the same in Welsh (or inside a Welsh string)
                    found[piece] = pattern
    assert len(found) > 50, 'the English catalogue looks empty'
    return sorted(found.items())


# --- the pages and their authored content -----------------------------------------------


def _page_xml():
    """{page id: OLX} of the workbench pages showing a leadership block, named as the workbench
    names them (`<block type>.<index>` from each class's `workbench_scenarios()`), without
    touching the database (this runs at collection time)."""
    from xblock.core import XBlock

    pages = {}
    for tag, cls in sorted(XBlock.load_classes(fail_silently=True)):
        if not tag.startswith('leadership_') or not hasattr(cls, 'workbench_scenarios'):
            continue
        for index, (_title, xml) in enumerate(cls.workbench_scenarios()):
            pages[f'{tag}.{index}'] = xml
    return pages


def workbench_pages():
    return sorted(_page_xml())


def authored_fragments():
    """Every text and attribute value of the OLX of every page: course content, not interface.

    All pages, as some blocks show what the learner did elsewhere (their reflections, the CPD record).
    """
    fragments = set()
    for xml in _page_xml().values():
        root = etree.fromstring(xml.encode('utf-8'), etree.XMLParser(recover=True, resolve_entities=False))
        fragments.update(_fragments_of(root))
    return sorted(fragments, key=len, reverse=True)


def _fragments_of(root):
    fragments = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        values = [element.text, element.tail] + list(element.attrib.values())
        for value in values:
            text = normalise(value or '')
            if re.search(r'[A-Za-z]', text) and len(text) >= 2:
                fragments.add(text)
    return fragments


@pytest.fixture(scope='module')
def authored():
    return authored_fragments()


def visit(page, url, strings, fragments, interact=True):
    scan = Scanner(page, strings, fragments)
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.wait_for_load_state('load')
    scan('page opened')
    if not interact:
        return scan
    blocks = page.locator(BLOCKS)
    for index in range(blocks.count()):
        block = blocks.nth(index)
        kind = block.get_attribute('data-block-type')
        drive = INTERACTIONS.get(kind)
        if drive is not None:
            drive(page, block, scan)
        if block.locator('[data-lsx-dashboard]').count():
            drive_dashboard(page, block, scan)
    # What other blocks recorded (e.g. the CPD record) shows after a reload.
    page.reload()
    page.wait_for_load_state('load')
    scan('page reloaded')
    return scan


# --- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize('student', ['learner', 'staff'])
@pytest.mark.parametrize('scenario_id', workbench_pages())
def test_page_has_no_english_interface(
    live_server_url, page, screenshot, english_strings, authored, scenario_id, student
):
    """The page in Welsh, driven through its states, shows no English interface string."""
    query = '?lang=cy' + ('&student=staff' if student == 'staff' else '&student=welsh-learner')
    scan = visit(page, f'{live_server_url}/scenario/{scenario_id}/{query}', english_strings, authored)
    # Screen readers pick their voice from lang: each block says Welsh for its interface, and only
    # authored course content (English here) is marked as the course's language.
    roots = page.eval_on_selector_all(f'{BLOCKS} section.lsx', 'els => els.map((e) => e.getAttribute("lang"))')
    assert roots and all(lang == 'cy' for lang in roots), f'lang of the blocks: {roots}'
    marked = page.eval_on_selector_all(f'{BLOCKS} [lang]', 'els => els.map((e) => e.getAttribute("lang"))')
    assert set(marked) <= {'cy', 'en', ''}, f'lang attributes in the blocks: {marked}'
    # lang="" (unknown) only on what a learner wrote: the reflection's text box and their own words.
    unknown = page.eval_on_selector_all(
        f'{BLOCKS} [lang=""]',
        'els => els.filter((e) => !e.matches("textarea[data-role=text], .lsx-learner-text, .lsx-cpd-reflection"))'
        '.map((e) => e.outerHTML.slice(0, 120))',
    )
    assert unknown == [], f'lang="" on what no learner wrote: {unknown}'
    if scan.found:
        screenshot(f'welsh-{scenario_id}-{student}', page)
    assert not scan.found, (
        f'{len(scan.found)} English interface string(s) on {scenario_id} in Welsh '
        f'(after {scan.steps} steps):\n' + '\n'.join(scan.found.values())
    )


def test_detector_finds_english_interface(live_server_url, page, english_strings, authored):
    """The same search on an English page finds the interface strings (so a pass means something)."""
    pages = [p for p in workbench_pages() if 'scenario' in p] or workbench_pages()
    scenario_id = pages[0]
    scan = visit(
        page,
        f'{live_server_url}/scenario/{scenario_id}/?lang=en&student=english-learner',
        english_strings,
        authored,
        interact=False,
    )
    assert len(scan.found) >= 2, scan.found


def test_js_catalogue_speaks_welsh(page):
    """static/i18n-cy.js as compilejsi18n builds it: Welsh text and Welsh plural forms under
    window.LeadershipXBlocksI18N, English for strings it lacks, and no page-wide globals
    (an LMS page has its own `gettext`)."""
    messages = catalogue_messages('cy', 'textjs')
    single = next(m for m in messages if not m.pluralizable and m.string and not m.fuzzy)
    plural = next(m for m in messages if m.pluralizable and all(m.string) and not m.fuzzy)
    page.set_content('<!doctype html><html lang="cy"><head></head><body></body></html>')
    page.add_script_tag(content=public_static().joinpath('i18n-cy.js').read_text(encoding='utf-8'))
    result = page.evaluate(
        """([single, singular, plural]) => {
        const L = window.LeadershipXBlocksI18N;
        return {
            text: L.gettext(single),
            forms: [0, 1, 2, 3, 6, 7].map((n) => L.ngettext(singular, plural, n)),
            unknown: [L.gettext('Not in the catalogue'), L.ngettext('one thing', 'many things', 1),
                      L.ngettext('one thing', 'many things', 2), L.pgettext('no such context', 'Menu')],
            globals: [typeof window.gettext, typeof window.django],
        };
    }""",
        [single.id, plural.id[0], plural.id[1]],
    )
    assert result['text'] == single.string
    assert result['forms'] == list(plural.string)  # one form for each of 0, 1, 2, 3, 6 and the rest
    assert result['unknown'] == ['Not in the catalogue', 'one thing', 'many things', 'Menu']
    assert result['globals'] == ['undefined', 'undefined']
