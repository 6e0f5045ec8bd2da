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

import functools
import re
from html import unescape

import pytest
from babel.messages.pofile import read_po
from lxml import etree
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from leadership_xblocks import public_static
from tests.support import REPO_ROOT

BLOCKS = '[data-block-type^="leadership_"]'
TEXT_ATTRIBUTES = [
    'aria-label',
    'title',
    'placeholder',
    'alt',
    'aria-description',
    'aria-roledescription',
    'aria-valuetext',
    'data-tooltip',
]
PLACEHOLDER = re.compile(r'\{\w*\}|%\(\w+\)[sd]|%[sd]')
MAX_DECISIONS = 40

COLLECT_JS = """(arg) => {
    const [selector, attributes] = arg;
    const roots = Array.from(document.querySelectorAll(selector))
        .filter((el) => !(el.parentElement && el.parentElement.closest(selector)));
    const out = [];
    for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = root; node; node = walker.nextNode()) {
            if (node.nodeType === Node.TEXT_NODE) {
                if (!node.parentElement.closest('script, style, template')) { out.push(node.nodeValue); }
                continue;
            }
            for (const name of attributes) {
                if (node.hasAttribute(name)) { out.push(node.getAttribute(name)); }
            }
            if (node.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(node.type)) {
                out.push(node.value);
            }
        }
    }
    return out;
}"""


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


def normalise(text):
    return re.sub(r'\s+', ' ', unescape(text)).strip()


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


@functools.cache
def _fragment_pattern(fragment):
    start = r'(?<!\w)' if re.match(r'\w', fragment) else ''
    end = r'(?!\w)' if re.search(r'\w$', fragment) else ''
    return re.compile(start + re.escape(fragment) + end)


def without_authored(pieces, fragments):
    """The pieces of text as one text, less the authored content in them.

    A piece that is an authored fragment goes; inside longer pieces only fragments of two words
    or more are cut out (longest first), so that a one-word interface string composed with
    authored text ("This step demands: Urgent.") is still seen.
    """
    whole = set(fragments)
    longer = [f for f in fragments if ' ' in f]
    kept = []
    for piece in pieces:
        if piece in whole:
            continue
        for fragment in longer:
            if fragment in piece:
                piece = _fragment_pattern(fragment).sub('\n', piece)
        kept.append(piece)
    return '\n'.join(kept)


# --- reading the page --------------------------------------------------------------------


class Scanner:
    """Collects the English strings found in the blocks' text at each step of a page."""

    def __init__(self, page, strings, fragments):
        self.page = page
        self.strings = strings
        self.fragments = fragments
        self.dialogs = []
        self.found = {}
        self.steps = 0
        self.errors = []
        page.on('dialog', self._dialog)
        page.on('pageerror', lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.accept()

    def settle(self, step):
        self.page.wait_for_load_state('networkidle')
        try:
            self.page.wait_for_function('() => !document.querySelector(\'[aria-busy="true"]\')', timeout=15_000)
        except PlaywrightTimeoutError:
            raise AssertionError(
                f'{step}: a block is still busy (aria-busy) after 15 s; JavaScript errors on the page: {self.errors}'
            ) from None

    def text(self):
        pieces = self.page.evaluate(COLLECT_JS, [BLOCKS, TEXT_ATTRIBUTES]) + self.dialogs
        return without_authored([normalise(p) for p in pieces if p and p.strip()], self.fragments)

    def __call__(self, step):
        self.settle(step)
        self.steps += 1
        text = self.text()
        for english, pattern in self.strings:
            match = pattern.search(text)
            if match and english not in self.found:
                lo, hi = max(0, match.start() - 60), min(len(text), match.end() + 60)
                context = text[lo:hi].replace('\n', ' | ')
                self.found[english] = f'{step}: "{english}" in …{context}…'
        return text


def visible(locator):
    return locator.count() > 0 and locator.first.is_visible()


def click(scan, locator, step):
    """Click the first match if it is there; scan afterwards. True if clicked."""
    if not visible(locator):
        return False
    locator.first.click()
    scan(step)
    return True


# --- driving each kind of block -----------------------------------------------------------


def drive_scenario(page, block, scan):
    choices = block.locator('button.lsx-choice')
    timer_toggle = block.locator('.lsx-timer button')
    taken = set()

    def decide(label):
        if visible(timer_toggle):
            click(scan, timer_toggle, f'{label}: timer started')
            click(scan, timer_toggle, f'{label}: timer paused')
        if not visible(choices):
            return False
        # A choice not taken before at this step, so that loops in the scenario end.
        step = block.locator('.lsx-step-title').first.inner_text()
        ids = [choice.get_attribute('data-choice') for choice in choices.all()]
        fresh = [i for i in ids if (step, i) not in taken] or ids
        taken.add((step, fresh[0]))
        block.locator(f'button.lsx-choice[data-choice="{fresh[0]}"]').first.click()
        scan(f'{label}: decision')
        return True

    click(scan, block.locator('button[data-role="continue"]'), 'content note: continued')
    for number in range(MAX_DECISIONS):
        if not decide(f'decision {number + 1}'):
            break
    scan('ending')
    assert visible(block.locator('.lsx-kicker')), (
        f'the scenario did not reach an ending; JavaScript errors on the page: {scan.errors}'
    )
    restart = block.locator('.lsx-actions .lsx-button:not(.lsx-secondary)')
    if click(scan, restart, 'new attempt'):
        decide('first decision of the new attempt')
        click(scan, block.locator('.lsx-actions .lsx-button.lsx-secondary'), 'decision undone')


def drive_reflection(page, block, scan):
    text = block.locator('[data-role="text"]')
    if not visible(text):
        return
    click(scan, block.locator('[data-role="submit"]'), 'submitted empty')
    text.first.fill('Myfyrdod ' * 3)
    scan('typing')
    click(scan, block.locator('[data-role="save"]'), 'draft saved')
    text.first.fill('Myfyrdod byr ar arwain. ' * 20)
    scan('typing more')
    click(scan, block.locator('[data-role="submit"]'), 'submitted')
    record = block.locator('[data-role="record-box"] summary')
    if visible(record):
        record.first.click()
        scan('record opened')


def drive_self_assessment(page, block, scan):
    submit = block.locator('[data-role="submit"]')
    if not visible(submit):
        return
    click(scan, submit, 'submitted empty')
    for fieldset in block.locator('fieldset[data-item]').all():
        radios = fieldset.locator('input[type="radio"]')
        if radios.count():
            radios.nth(radios.count() // 2).check()
    scan('all rated')
    click(scan, submit, 'submitted')
    for button in block.locator('[data-role="result"] button').all():
        if button.is_visible():
            button.click()
            scan('result action')
            break


def drive_time_allocation(page, block, scan):
    submit = block.locator('[data-role="submit"]')
    if not visible(submit):
        return
    click(scan, submit, 'submitted empty')
    inputs = block.locator('input[data-function]')
    if inputs.count():
        inputs.first.fill('150')
        scan('too many')
        inputs.first.fill('60')
        scan('some left')
        inputs.nth(min(1, inputs.count() - 1)).fill('40' if inputs.count() > 1 else '100')
    own = block.locator('[data-role="own-choice"]')
    if visible(own):
        own.first.check()
        scan('own model chosen')
    own_text = block.locator('[data-role="own-text"]')
    if visible(own_text):
        own_text.first.fill('Arweinyddiaeth dosturiol')
    consent = block.locator('input[name$="-consent"]')
    if consent.count():
        consent.first.check()
    scan('filled in')
    click(scan, submit, 'submitted')
    for button in block.locator('[data-role="result"] button').all():
        if button.is_visible():
            button.click()
            scan('result action')


def drive_dashboard(page, block, scan):
    for action in ('toggle', 'present'):
        button = block.locator(f'[data-action="{action}"]')
        if click(scan, button, f'dashboard {action}'):
            for control in block.locator('[data-role="present"] button, [data-role="dashboard"] button').all():
                if control.is_visible() and control.get_attribute('data-action') not in ('toggle', 'present'):
                    control.click()
                    scan(f'dashboard {action}: control')
                    break


INTERACTIONS = {
    'leadership_scenario': drive_scenario,
    'leadership_reflection': drive_reflection,
    'leadership_self_assessment': drive_self_assessment,
    'leadership_time_allocation': drive_time_allocation,
}


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
    assert set(marked) <= {'cy', 'en'}, f'lang attributes in the blocks: {marked}'
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
