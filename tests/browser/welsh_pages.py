"""Reading a page and driving each kind of block for `test_welsh.py`: what a learner or staff
member sees, collected at every state the page reaches."""

import functools
import re
from html import unescape

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

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
                // an SVG <text> is read whole below: its lines (tspans) are one text broken for layout
                if (!node.parentElement.closest('script, style, template, svg text')) { out.push(node.nodeValue); }
                continue;
            }
            if (node instanceof SVGTextElement) { out.push(node.textContent); }
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


def normalise(text):
    return re.sub(r'\s+', ' ', unescape(text)).strip()


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
