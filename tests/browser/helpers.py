"""What the browser tests share: axe-core checks, the 375 px reflow check, screenshots,
keyboard helpers and calls to block handlers as other learners.

* `assert_accessible(page, name)`: axe-core (bundled by axe-playwright-python) with the
  WCAG 2.0/2.1/2.2 A and AA rules over the block area of a workbench page; any violation
  fails the test with a readable report, also saved as `artifacts/axe/<name>.json`.
* `check_view(page, name)`: the whole set for one state of one view: screenshots at 1280 px
  and 375 px (`artifacts/screenshots/<name>-1280.png`, `-375.png`), no sideways scrolling at
  375 px and axe at both widths.
* `tab_to(page, name)`: press Tab (keyboard only) until the focused element has that name.
* `assert_charts_named_in_interface_words(page, area, strings, count)`: each chart's SVG name and
  description quote none of `strings` (authored text) and it points (aria-details) to HTML holding
  its labels.
* `Learner`: a learner driven through the block handlers over HTTP (`?student=<id>`), for
  cohorts and dashboards that need several learners before a browser learner looks.

The workbench page around a block (its fixed banner, the debug panel with the raw event log)
is the xblock-sdk's, not ours, and is never shipped: the checks cover the block area
(`.workbench .preview`), and `hide_workbench_chrome` takes the sdk's chrome out of the layout
before the reflow check and the screenshots.
"""

import json
import re
import uuid

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support import ARTIFACTS
from tests.support.browser import safe_name, save_screenshot

AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
AXE_OPTIONS = {'runOnly': {'type': 'tag', 'values': AXE_TAGS}, 'resultTypes': ['violations']}
BLOCK_AREA = '.workbench .preview'
WIDTHS = (1280, 375)
NARROW = 375
AXE_REPORTS = ARTIFACTS / 'axe'

_axe = Axe()


def new_student(prefix='learner'):
    """A workbench learner id nobody else in the session uses."""
    return f'{safe_name(prefix)[:40]}-{uuid.uuid4().hex[:10]}'


# axe-core ------------------------------------------------------------------------------------


def _node_is_allowed(page, node, allowance):
    for selector in node.get('target', []):
        if isinstance(selector, str) and page.evaluate(
            '([target, within]) => { const el = document.querySelector(target); return !!(el && el.closest(within)); }',
            [selector, allowance],
        ):
            return True
    return False


def run_axe(page, include=BLOCK_AREA, timeout=60_000):
    """axe-core's raw results for `include` (the script axe-playwright-python bundles).

    `axe.run` is started in the page and waited for with a timeout, so a page whose timers are
    stopped (Playwright's fake clock, paused) fails the test instead of hanging it.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe.axe_script)
    page.evaluate(
        """([context, options]) => {
            window.__lsxAxe = null;
            axe.run(context, options).then((r) => { window.__lsxAxe = {results: r}; },
                                           (e) => { window.__lsxAxe = {error: String(e)}; });
        }""",
        [{'include': [[include]]}, AXE_OPTIONS],
    )
    page.wait_for_function('() => window.__lsxAxe !== null', timeout=timeout, polling=100)
    outcome = page.evaluate('() => { const out = window.__lsxAxe; window.__lsxAxe = undefined; return out; }')
    if 'error' in outcome:
        raise AssertionError(f'axe-core failed on {page.url}: {outcome["error"]}')
    return outcome['results']


def axe_violations(page, include=BLOCK_AREA, allow=()):
    """The axe-core violations in `include`; `allow` is ((rule id, CSS selector of a region), ...)."""
    violations = []
    for violation in run_axe(page, include)['violations']:
        regions = [region for rule, region in allow if rule == violation['id']]
        nodes = [
            node for node in violation['nodes'] if not any(_node_is_allowed(page, node, region) for region in regions)
        ]
        if nodes:
            violations.append(dict(violation, nodes=nodes))
    return violations


def format_violations(violations):
    lines = [f'{len(violations)} axe-core violation(s) of {", ".join(AXE_TAGS)}:']
    for violation in violations:
        lines.append(f'\n[{violation["impact"]}] {violation["id"]}: {violation["help"]}')
        lines.append(f'  {violation["helpUrl"]}')
        for node in violation['nodes']:
            lines.append(f'  - at {" ".join(map(str, node["target"]))}')
            snippet = re.sub(r'\s+', ' ', node['html'])[:300]
            lines.append(f'    {snippet}')
            summary = (node.get('failureSummary') or '').strip().replace('\n', '\n      ')
            if summary:
                lines.append(f'      {summary}')
    return '\n'.join(lines)


def assert_accessible(page, name, include=BLOCK_AREA, allow=()):
    """Fail with a readable report if axe-core finds any WCAG 2.x A/AA violation."""
    violations = axe_violations(page, include=include, allow=allow)
    if violations:
        AXE_REPORTS.mkdir(parents=True, exist_ok=True)
        (AXE_REPORTS / f'{safe_name(name)}.json').write_text(json.dumps(violations, indent=2), encoding='utf-8')
        raise AssertionError(f'{name} ({page.url}): {format_violations(violations)}')


# layout --------------------------------------------------------------------------------------

_HIDE_CHROME = """
.workbench .debug { display: none !important; }
.workbench .banner { position: static !important; width: auto !important; padding-left: 1em !important;
                     background-image: none !important; }
.workbench .banner .title { overflow-wrap: anywhere; }
.workbench .preview .vertical > i { overflow-wrap: anywhere; }
"""


def hide_workbench_chrome(page):
    """Take the sdk's banner and debug panel out of the layout, and let its own messages wrap
    ("No such view: ..." in place of a block without that view, in non-breaking spaces). Idempotent."""
    if not page.evaluate('() => !!document.getElementById("lsx-test-hide-chrome")'):
        page.add_style_tag(content=_HIDE_CHROME).evaluate('style => { style.id = "lsx-test-hide-chrome"; }')


def sideways_overflow(page, area=BLOCK_AREA):
    """[(element, right edge)] of visible elements in `area` reaching past the viewport, and the
    document's scroll width against the viewport width."""
    return page.evaluate(
        """(area) => {
            const width = window.innerWidth, out = [];
            const clipped = (el) => {  // inside a box that clips it (an inline SVG, overflow: hidden)
                for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
                    if (['hidden', 'clip'].includes(getComputedStyle(up).overflowX)) { return true; }
                }
                return false;
            };
            document.querySelectorAll(area + ' *').forEach((el) => {
                const box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
                    out.push(el.tagName.toLowerCase() + ' scrolls sideways inside');
                }
                if (box.width && box.height && box.right > width + 0.5 && !clipped(el)) {
                    out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
                        ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(box.right));
                }
            });
            return {elements: out.slice(0, 20), scrollWidth: document.documentElement.scrollWidth, width: width};
        }""",
        area,
    )


def assert_no_sideways_scroll(page, name, area=BLOCK_AREA):
    hide_workbench_chrome(page)
    found = sideways_overflow(page, area)
    assert found['scrollWidth'] <= found['width'] and not found['elements'], (
        f'{name}: the page scrolls sideways at {found["width"]} px (scroll width {found["scrollWidth"]}); '
        f'elements past the right edge: {found["elements"]}'
    )


def settle(page):
    """Park the mouse in a corner and wait for transitions to end, so nothing is caught mid-hover."""
    page.mouse.move(0, 0)
    page.wait_for_function(
        '() => document.getAnimations().every((a) => a.playState !== "running" || a.effect === null '
        '|| (a.effect.getComputedTiming().iterations === Infinity))'
    )


def screenshots_dir():
    return ARTIFACTS / 'screenshots'


def check_view(page, name, axe=True, include=BLOCK_AREA, allow=(), widths=WIDTHS, reflow=True):
    """Screenshots at each width, axe-core at the widest, no sideways scrolling at 375 px (unless
    `reflow` is False). The viewport is put back to what it was afterwards.

    axe runs once per state: at 375 px our layout only stacks and widens controls (see
    leadership.css), so the desktop width is where targets are smallest and reflow is
    checked separately.
    """
    original = page.viewport_size
    hide_workbench_chrome(page)
    try:
        for width in widths:
            page.set_viewport_size({'width': width, 'height': original['height'] if original else 900})
            settle(page)
            save_screenshot(page, f'{name}-{width}')
            if reflow and width <= NARROW:
                assert_no_sideways_scroll(page, f'{name} at {width} px')
            if axe and width == max(widths):
                assert_accessible(page, f'{name}-{width}', include=include, allow=allow)
    finally:
        if original:
            page.set_viewport_size(original)


# focus and keyboard --------------------------------------------------------------------------

_FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) { return null; }
    const style = getComputedStyle(el);
    const text = el.innerText || el.value || el.getAttribute('aria-label') || '';
    const label = el.labels && el.labels.length ? el.labels[0].textContent : '';
    const name = el.getAttribute('aria-label') || label || el.innerText || '';
    return {tag: el.tagName.toLowerCase(), text: text.trim(), name: name.trim(),
            outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0};
}"""


def focused(page):
    """{tag, text, name, outline, outlineWidth} of the focused element (`name`: its aria-label,
    else its label's text, else its text), or None when nothing is."""
    return page.evaluate(_FOCUSED)


def tab_to(page, name, max_presses=60, exact=False, by_name=False):
    """Press Tab until the focused element's text (with `by_name`, its accessible name: how a form
    field is found) is (or contains) `name`; return what is focused."""
    seen = []
    for _ in range(max_presses):
        page.keyboard.press('Tab')
        now = focused(page)
        text = (now or {}).get('name' if by_name else 'text', '')
        if now and (text == name if exact else name in text):
            return now
        seen.append(text[:40])
    raise AssertionError(f'Tab never reached {name!r} in {max_presses} presses; focus went through {seen}')


def assert_focus_visible(page):
    """The focused element shows an outline of at least 2 px."""
    now = focused(page)
    assert now is not None, 'nothing has focus'
    assert now['outline'] not in ('none', '') and now['outlineWidth'] >= 2, f'no visible focus indicator on {now}'


# charts ----------------------------------------------------------------------------------------

# Per chart in `area`: its name, the authored strings its <title>/<desc> quote, what its aria-details
# points to, and the chart's labels that the HTML it points to does not hold.
CHARTS = """([area, strings]) => Array.from(document.querySelectorAll(`${area} svg[role="img"]`)).map((svg) => {
    const words = (text) => (text || '').replace(/\\s+/g, ' ').trim();
    const said = ['title', 'desc'].map((tag) => words((svg.querySelector(tag) || {}).textContent)).join(' | ');
    const id = svg.getAttribute('aria-details');
    const target = id ? document.getElementById(id) : null;
    const labels = Array.from(svg.querySelectorAll('text.lsx-chart-label')).map((t) => words(t.textContent));
    const held = target ? words(target.textContent) : '';
    return {
        said: said,
        quoted: strings.filter((s) => said.includes(s)),
        linked: target && target.closest(area) ? target.tagName.toLowerCase() : null,
        figures: target ? target.querySelectorAll('table, ol, ul').length + (target.matches('table') ? 1 : 0) : 0,
        unheld: labels.filter((label) => !held.includes(label)),
        labels: labels.length,
    };
})"""

# The authored texts of the activity forms the server drew (block titles, dimension headings,
# statements, function labels): those marked with the course's language.
AUTHORED_FORM_TEXTS = """(area) => Array.from(document.querySelectorAll(
    `${area} h3.lsx-title, ${area} h4[data-dimension], ${area} legend[lang], ${area} label[for][lang]`))
    .filter((node) => node.getAttribute('lang') === 'en').map((node) => node.textContent.trim())
    .filter((text) => text.length >= 4)"""


def assert_charts_named_in_interface_words(page, area, strings, count):
    assert strings, 'no authored strings collected: the check would pass on anything'
    charts = page.evaluate(CHARTS, [area, sorted(strings)])
    assert len(charts) == count, charts
    for chart in charts:
        assert chart['quoted'] == [], f'the chart named "{chart["said"]}" quotes authored text {chart["quoted"]}'
        assert chart['linked'] in ('table', 'details'), f'"{chart["said"]}" points to no table ({chart["linked"]})'
        assert chart['figures'] >= 1, f'what "{chart["said"]}" points to holds no table or list'
        assert chart['labels'] and chart['unheld'] == [], f'"{chart["said"]}": labels not in its HTML {chart["unheld"]}'


# other learners over HTTP ----------------------------------------------------------------------


def usage_ids(page, block_type):
    """The usage ids of the blocks of a type on the open workbench page, in page order."""
    return page.eval_on_selector_all(
        f'.xblock-v1[data-block-type="{block_type}"]', 'nodes => nodes.map(n => n.getAttribute("data-usage"))'
    )


class Learner:
    """One learner calling a block's JSON handlers the way its page does (same cookies, CSRF token)."""

    def __init__(self, page, base_url, usage_id, student=None):
        self.page = page
        self.base_url = base_url
        self.usage_id = usage_id
        self.student = student or new_student('http')

    def _token(self):
        for cookie in self.page.context.cookies(self.base_url):
            if cookie['name'] == 'csrftoken':
                return cookie['value']
        raise AssertionError('no csrftoken cookie: open a workbench page in this context first')

    def call(self, handler, data=None, expect_status=200):
        url = f'{self.base_url}/handler/{self.usage_id}/{handler}/?student={self.student}'
        response = self.page.request.post(
            url,
            data=json.dumps(data or {}),
            headers={
                'Content-Type': 'application/json',
                'X-CSRFToken': self._token(),
                'X-Requested-With': 'XMLHttpRequest',
            },
        )
        assert response.status == expect_status, (
            f'{handler} for {self.student} answered {response.status}: {response.text()[:500]}'
        )
        return response.json()


def expect_focused_heading(page, name):
    """The heading called `name` is visible and has focus (new content was announced by moving focus)."""
    heading = page.get_by_role('heading', name=name, exact=True)
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()
    return heading
