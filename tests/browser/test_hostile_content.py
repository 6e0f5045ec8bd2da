"""Hostile content never runs.

`scenarios/scenario_hostile_demo.xml` (a scenario) and `scenarios/reflection_hostile_demo.xml`
(a reflection, a self-assessment and a time allocation) are authored OLX full of payloads (script
tags, event handler attributes, `javascript:` and `data:` URLs, SVG, CSS, frames, forms, mutation
tricks); the reflection test types the same kinds of payload as a learner, and one test saves
authored text containing "</script>" through the Studio editor's handler. Every payload would set
`window.__pwned`, open a dialog or request a `/pwned-*` URL if it survived. The tests play the
pages (hovering, clicking every link and button they can) and prove that none of that happened,
in the learner page, the author preview, the Studio editor, the printable reflections, the CPD
record and its download. `test_the_payloads_would_run_if_they_were_not_cleaned` shows that the
payloads are live when they are not cleaned.
"""

import html
import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import CPD_RECORD, HOSTILE, HOSTILE_ACTIVITIES
from .helpers import Learner, check_view, usage_ids

PAYLOAD_TAGS = 'script, iframe, object, embed, svg, math, style, link, meta, form, template, base'

LEARNER_PAYLOAD = '\n'.join(
    [
        'I asked my manager before deciding, and I would ask the family first next time, because they know',
        'the child best and the decision was theirs to shape as much as mine. That is what I learned here.',
        "<script>window.__pwned = 'reflection-script'; alert('reflection-script')</script>",
        '<img src="missing-reflection.png" onerror="window.__pwned = \'reflection-img\'">',
        '<a href="javascript:window.__pwned=\'reflection-link\'">click me</a>',
        '<svg onload="window.__pwned = \'reflection-svg\'"><script>window.__pwned = 1</script></svg>',
        '<p style="background: url(/pwned-reflection-style); position: fixed; inset: 0">styled</p>',
        '<style>body { background: url(/pwned-reflection-style-element) }</style>',
        '</textarea><img src="missing.png" onerror="window.__pwned = \'reflection-textarea-breakout\'">',
        '<iframe src="javascript:parent.__pwned=\'reflection-iframe\'"></iframe>',
        '<details open ontoggle="window.__pwned = \'reflection-ontoggle\'"><summary>x</summary></details>',
        '<b onmouseover="window.__pwned = \'reflection-hover\'">Bold words I chose to stress.</b>',
    ]
)


class Watch:
    """Dialogs opened and /pwned-* URLs requested by any page of the context."""

    def __init__(self, context):
        self.dialogs = []
        self.requests = []
        context.on('page', self._attach)
        for tab in context.pages:
            self._attach(tab)
        context.on(
            'request',
            lambda request: (
                self.requests.append(request.url) if urlsplit(request.url).path.startswith('/pwned') else None
            ),
        )

    def _attach(self, tab):
        def on_dialog(dialog):
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        tab.on('dialog', on_dialog)

    def assert_inert(self, page, where):
        flag = page.evaluate('() => window.__pwned')
        assert flag is None, f'{where}: a payload ran and set window.__pwned = {flag!r}'
        assert not self.dialogs, f'{where}: a payload opened dialogs {self.dialogs}'
        assert not self.requests, f'{where}: a CSS or markup payload requested {self.requests}'


@pytest.fixture
def watch(browser_context, page):
    return Watch(browser_context)


def assert_clean_markup(page, root):
    """Nothing executable is left in the block's DOM: no payload elements, handlers, styles or script URLs."""
    found = page.evaluate(
        """([root, tags]) => {
            const out = [];
            document.querySelectorAll(root).forEach((block) => {
                block.querySelectorAll(tags).forEach((el) => {
                    // Ours: the charts' SVG, the forms of the activities, the runtime's JSON arguments.
                    if (!el.matches('.lsx-chart, .lsx-chart *, form.lsx-form, script[type="json/xblock-args"]')) {
                        out.push('element ' + el.tagName);
                    }
                });
                block.querySelectorAll('*').forEach((el) => {
                    for (const attr of el.attributes) {
                        const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
                        if (attr.name.startsWith('on')) { out.push(el.tagName + ' ' + attr.name); }
                        // (axe-core leaves empty style attributes behind on form fields it measured.)
                        if (attr.name === 'style' && attr.value.trim()) {
                            out.push(el.tagName + ' style=' + attr.value);
                        }
                        if (/^(javascript|data|vbscript):/.test(value)) {
                            out.push(el.tagName + ' ' + attr.name + '=' + value);
                        }
                        if (attr.name === 'srcdoc') { out.push(el.tagName + ' srcdoc'); }
                    }
                });
            });
            return out;
        }""",
        [root, PAYLOAD_TAGS],
    )
    assert not found, f'executable markup survived in {root}: {found}'


def poke_everything(page, root):
    """Hover and click every paragraph, link and image of the block (links without href do nothing)."""
    area = page.locator(root)
    for target in area.locator('p:not(.lsx-sr-only), a, img, b, summary').all():  # what a pointer can reach
        if target.is_visible():
            target.hover()
            if target.evaluate("el => el.tagName !== 'A' || !el.getAttribute('href')"):
                target.click()


def test_hostile_olx_never_runs_for_learners(wb, page, watch, student):
    wb.open(HOSTILE, student=student)
    scenario = page.locator('section.lsx-scenario')
    expect(scenario).to_be_visible()  # the <style> payload tried to hide the block
    # Text that looked like markup in titles is shown as text or dropped, never parsed.
    title = scenario.get_by_role('heading', level=3)
    expect(title).to_contain_text('Hostile content demo <img src=x onerror=')
    watch.assert_inert(page, 'first step')
    assert_clean_markup(page, 'section.lsx-scenario')
    poke_everything(page, 'section.lsx-scenario')
    # The inline style that would have covered the page was removed.
    assert (
        scenario.get_by_text('A paragraph with an inline style').evaluate('el => getComputedStyle(el).position')
        == 'static'
    )
    watch.assert_inert(page, 'first step, after hovering and clicking')
    check_view(page, 'hostile-first-step')

    scenario.get_by_role('button', name='Check with IT before opening').click()
    expect(scenario.get_by_role('heading', name='Feedback on your decision')).to_be_visible()
    poke_everything(page, 'section.lsx-scenario')
    assert_clean_markup(page, 'section.lsx-scenario')
    watch.assert_inert(page, 'feedback and ending')
    check_view(page, 'hostile-ending')

    scenario.get_by_role('button', name='Start a new attempt').click()
    scenario.get_by_role('button', name='Open the attachment now').click()
    expect(scenario.get_by_role('heading', name='A data breach')).to_be_visible()
    poke_everything(page, 'section.lsx-scenario')
    assert_clean_markup(page, 'section.lsx-scenario')
    watch.assert_inert(page, 'second ending')


@pytest.mark.parametrize('view', ['author_view', 'studio_view'])
def test_hostile_olx_never_runs_for_authors(wb, page, watch, view):
    wb.open(HOSTILE, view=view)
    expect(page.locator('.workbench .preview')).to_be_visible()
    if view == 'author_view':
        assert_clean_markup(page, '.workbench .preview')
        poke_everything(page, '.workbench .preview')
    else:
        # The editor shows the stored OLX as text in a textarea, where it cannot run.
        assert '<leadership_scenario' in page.get_by_label('Scenario (OLX)').input_value()
    watch.assert_inert(page, view)


def test_hostile_activity_olx_never_runs(wb, page, watch, student):
    """Payloads in a reflection's prompt and guidance, a self-assessment's intro, scale, dimensions and
    statements, and a time allocation's prompt and functions, through to each block's results."""
    wb.open(HOSTILE_ACTIVITIES, student=student)
    area = '.workbench .preview'
    watch.assert_inert(page, 'activities, first view')
    assert_clean_markup(page, area)
    poke_everything(page, area)
    watch.assert_inert(page, 'activities, after hovering and clicking')
    check_view(page, 'hostile-activities')

    reflection = page.locator('section.lsx-reflection')
    reflection.get_by_label('Your reflection').fill('I decided alone and should have asked my manager first.')
    reflection.get_by_role('button', name='Submit reflection').click()
    expect(reflection.get_by_role('heading', name='What experienced supervisors notice here')).to_be_visible()

    assessment = page.locator('section.lsx-self-assessment')
    for fieldset in assessment.locator('fieldset[data-item]').all():
        fieldset.locator('input[value="2"]').check()
    assessment.get_by_role('button', name='Submit and see my profile').click()
    chart = assessment.locator('svg.lsx-chart')
    # A label that looks like markup is drawn as text in the chart.
    expect(chart.locator('text.lsx-chart-label')).to_contain_text(['Leading self <svg onload='])

    allocation = page.locator('section.lsx-time-allocation')
    allocation.locator('input[data-function]').nth(0).fill('60')
    allocation.locator('input[data-function]').nth(1).fill('40')
    allocation.locator('label.lsx-option').first.locator('input').check()
    allocation.get_by_label('No, use my answer only for my own view').check()
    allocation.get_by_role('button', name='Submit my answer').click()
    expect(allocation.get_by_role('heading', name='Your answer', exact=True)).to_be_visible()

    assert_clean_markup(page, area)
    poke_everything(page, area)
    watch.assert_inert(page, 'activities, after submitting all three')
    check_view(page, 'hostile-activities-submitted')


BREAKOUT = '</script><img src=x alt=x onerror=window.__pwned=/{}/.source>'


def test_authored_text_cannot_close_the_init_args_script(wb, page, watch, student):
    """The activity blocks pass their state to their script as `init_args`, which the runtime writes
    into the page as JSON inside <script type="json/xblock-args">. Authored text that contains
    "</script>" (a self-assessment's dimension label; a reflection's title, which reaches every
    reflection block through the learner's shared record) must not end that element early.

    The payloads go in through the Studio editor's save handler for the duration of the test only,
    so the demo pages other tests visit stay as shipped."""
    wb.open(HOSTILE_ACTIVITIES, view='studio_view')
    (assessment_usage,) = usage_ids(page, 'leadership_self_assessment')
    (reflection_usage,) = usage_ids(page, 'leadership_reflection')
    body = page.locator(f'[data-usage="{assessment_usage}"]').get_by_label('Content (OLX)').input_value()
    title = page.locator(f'[data-usage="{reflection_usage}"]').get_by_label('Display name').input_value()
    assert 'label="Leading self' in body
    editor = Learner(page, wb.base_url, assessment_usage, student='author')
    reflection_editor = Learner(page, wb.base_url, reflection_usage, student='author')
    try:
        editor.call(
            'submit_studio_edits',
            {
                'values': {
                    'body': body.replace(
                        'label="Leading self',
                        'label="Leading self ' + html.escape(BREAKOUT.format('label-breakout')),
                        1,
                    )
                },
                'defaults': [],
            },
        )
        reflection_editor.call(
            'submit_studio_edits',
            {'values': {'display_name': 'Hostile reflection ' + BREAKOUT.format('title-breakout')}, 'defaults': []},
        )

        wb.open(HOSTILE_ACTIVITIES, student=student)
        reflection = page.locator('section.lsx-reflection')
        reflection.get_by_label('Your reflection').fill('A draft that puts this title into my record.')
        reflection.get_by_role('button', name='Save draft').click()
        expect(reflection.get_by_role('status')).to_contain_text('Draft saved')
        wb.open(HOSTILE_ACTIVITIES, student=student)
        expect(
            page.locator('section.lsx-self-assessment').get_by_role('heading', name=re.compile('^Leading self'))
        ).to_be_visible()
        watch.assert_inert(page, 'authored "</script>" in a self-assessment label and a reflection title')
        assert_clean_markup(page, '.workbench .preview')
        for script in page.locator('script[type="json/xblock-args"]').all():
            json.loads(script.text_content())  # each block's arguments arrive whole
    finally:
        editor.call('submit_studio_edits', {'values': {'body': body}, 'defaults': []})
        reflection_editor.call('submit_studio_edits', {'values': {'display_name': title}, 'defaults': []})


def test_hostile_reflection_never_runs(wb, page, browser_context, watch, student):
    wb.open(CPD_RECORD, student=student)
    reflection = page.locator('section.lsx-reflection')
    text = reflection.get_by_label('Your reflection')
    text.fill(LEARNER_PAYLOAD)
    reflection.get_by_role('button', name='Save draft').click()
    expect(reflection.get_by_role('status')).to_contain_text('Draft saved')
    watch.assert_inert(page, 'reflection draft saved')

    # The draft comes back into the textarea as text, whatever it contains.
    wb.open(CPD_RECORD, student=student)
    reflection = page.locator('section.lsx-reflection')
    watch.assert_inert(page, 'reflection draft reloaded')
    assert 'I asked my manager before deciding' in reflection.get_by_label('Your reflection').input_value()
    reflection.get_by_role('button', name='Submit reflection').click()
    expect(reflection.get_by_role('heading', name='Your submitted reflection')).to_be_visible()
    assert_clean_markup(page, 'section.lsx-reflection')
    poke_everything(page, 'section.lsx-reflection .lsx-result')
    watch.assert_inert(page, 'reflection submitted')
    check_view(page, 'hostile-reflection-submitted')

    # The printable copy of all reflections (a new tab).
    reflection.locator('summary').click()
    with browser_context.expect_page() as opened:
        reflection.get_by_role('link', name='Open a printable copy').click()
    printable = opened.value
    printable.wait_for_load_state('load')
    expect(printable.get_by_text('I asked my manager before deciding', exact=False).first).to_be_visible()
    watch.assert_inert(printable, 'printable reflections')
    printable.close()

    # The CPD record shows the reflection as text.
    wb.open(CPD_RECORD, student=student)
    record = page.locator('section.lsx-cpd-record')
    expect(record).to_contain_text('I asked my manager before deciding')
    assert_clean_markup(page, 'section.lsx-cpd-record')
    watch.assert_inert(page, 'CPD record')

    # And its download, opened as a page of its own.
    with page.expect_download() as download_info:
        record.get_by_role('link', name='Download my CPD record').click()
    document = download_info.value
    assert document.suggested_filename == 'cpd-record.html'
    with open(document.path(), encoding='utf-8') as saved:
        html = saved.read()
    viewer = browser_context.new_page()
    viewer.set_content(html)
    expect(viewer.get_by_text('I asked my manager before deciding', exact=False).first).to_be_visible()
    assert_clean_markup(viewer, 'body')
    watch.assert_inert(viewer, 'downloaded CPD record')
    viewer.close()


def test_the_payloads_would_run_if_they_were_not_cleaned(wb, page, watch):
    """Control: the demo's payloads are live. Put its raw intro into a page unsanitised and they fire."""
    from lxml import etree

    from tests.support import REPO_ROOT

    root = etree.parse(str(REPO_ROOT / 'leadership_xblocks' / 'scenarios' / 'scenario_hostile_demo.xml')).getroot()
    intro = root.find('intro')
    raw = ''.join(etree.tostring(child, encoding='unicode', method='html') for child in intro)
    page.goto(wb.base_url + '/')
    page.evaluate('(html) => { document.body.insertAdjacentHTML("beforeend", html); }', raw)
    page.wait_for_function('() => window.__pwned !== undefined')
    with pytest.raises(AssertionError, match='window.__pwned'):
        watch.assert_inert(page, 'raw payloads')
    page.wait_for_function('() => performance.getEntriesByType("resource").some((e) => e.name.includes("/pwned-"))')
    assert watch.requests, 'the CSS payloads made no request even unsanitised'
