"""The scenario as a learner reads it, beyond what axe sees: no word split inside a table cell
(English and Welsh, 320 to 1280 px), cohort charts with their tables and the learner's own
answer marked in words and by a pattern, the route map, progress, the timer's explanation,
the restart confirmation, charts in dark forced colours, focus clear of a host's fixed header,
and styles that never reach the host page. Screenshots of the ending in light, dark forced
colours and Welsh at 320, 375 and 1280 px go to artifacts/screenshots/ (`learner-*`).
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import EXAMPLE, REVIEW, wait_for_blocks
from .helpers import (
    BLOCK_AREA,
    Learner,
    check_view,
    expect_focused_heading,
    focused,
    hide_workbench_chrome,
    screenshots_dir,
    usage_ids,
)

WIDTHS = (320, 375, 1280)
SECOND = 'Agree a plan with her, her carer and the school'
OTHERS = [
    ('act_now', 'agree_plan'),
    ('ask_team', 'school_plan'),
    ('act_now', 'consult_camhs'),
    ('pass_on', 'agree_plan'),
]

# Every word (split at spaces, hyphens and slashes, where lines may break) of every visible table
# cell and caption: a word whose Range has client rects on more than one line was split.
SPLIT_WORDS = """(area) => {
    const out = [];
    for (const cell of document.querySelectorAll(`${area} th, ${area} td, ${area} caption`)) {
        if (!cell.getClientRects().length) { continue; }
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const words = /[^\\s\\-\\u2010-\\u2014\\/]+/g;
            for (let m = words.exec(node.nodeValue); m; m = words.exec(node.nodeValue)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0)
                    .map((r) => Math.round(r.top)));
                if (tops.size > 1) { out.push(`${m[0]} (in "${cell.textContent.trim().slice(0, 50)}")`); }
            }
        }
    }
    return out;
}"""


def block(page):
    return page.locator('section.lsx-scenario')


def open_all_details(page):
    page.evaluate(f"() => document.querySelectorAll('{BLOCK_AREA} details').forEach((d) => {{ d.open = true; }})")


def split_words(page):
    open_all_details(page)
    return page.evaluate(SPLIT_WORDS, BLOCK_AREA)


@pytest.fixture(scope='module')
def review_cohort(browser, live_server_url, workbench_pages):
    """Five learners (over HTTP) have played the review demo to its ending, so cohort figures show."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(live_server_url + f'/scenario/{next(s for s, t in workbench_pages if t.startswith(REVIEW))}/')
        wait_for_blocks(page)
        usage = usage_ids(page, 'leadership_scenario')[0]
        for first, second in OTHERS:
            learner = Learner(page, live_server_url, usage)
            learner.call('student_view_user_state')
            learner.call('choose', {'step': 'disclosure', 'choice': first})
            learner.call('choose', {'step': 'plan', 'choice': second})
    finally:
        context.close()
    return usage


def play_review(wb, page, student, lang=None):
    """The review demo to its ending (the fifth learner's), in `lang` when given."""
    url = wb.url(REVIEW, student=student) + (f'&lang={lang}' if lang else '')
    page.goto(url)
    wait_for_blocks(page)
    scenario = block(page)
    scenario.locator('[data-role="continue"]').click()
    scenario.locator('[data-choice="act_now"]').click()
    scenario.locator('[data-choice="agree_plan"]').click()
    expect(scenario.locator('.lsx-route')).to_be_visible()
    return scenario


def test_no_table_cell_splits_a_word(wb, page, review_cohort, student):
    """Cohort, ending and competency tables at 320, 375 and 1280 px, in English and Welsh."""
    for lang in (None, 'cy'):
        scenario = play_review(wb, page, f'{student}-{lang or "en"}', lang)
        expect(scenario.locator('table')).not_to_have_count(0)
        hide_workbench_chrome(page)
        for width in WIDTHS:
            page.set_viewport_size({'width': width, 'height': 900})
            assert split_words(page) == [], f'words split inside table cells at {width} px ({lang or "en"})'


def test_every_page_keeps_table_words_whole_at_320(wb, page):
    """Each workbench page as a learner first sees it, at the narrowest width."""
    page.set_viewport_size({'width': 320, 'height': 900})
    for _sid, title in wb.pages:
        wb.open(title, student='wordcheck')
        hide_workbench_chrome(page)
        assert split_words(page) == [], f'{title}: words split inside table cells at 320 px'


def test_cohort_charts_mark_the_learners_own_answer_and_keep_the_table(wb, page, review_cohort, student):
    scenario = play_review(wb, page, student)
    cohort = scenario.locator('[data-role="cohort"]')
    chart = cohort.get_by_role('img', name='Choices made at this step')
    expect(chart).to_be_visible()
    # The learner's own answer: said in words beside its bar, and hatched rather than coloured.
    own_label = chart.locator('text.lsx-chart-label', has_text=f'{SECOND} (yours)')
    expect(own_label).to_have_count(1)
    fills = chart.locator('rect.lsx-bar').evaluate_all('rs => rs.map((r) => r.getAttribute("fill"))')
    assert sum(f.startswith('url(') for f in fills) == 1 and len(fills) >= 2, fills
    expect(chart.locator('text.lsx-chart-value').first).to_contain_text(re.compile(r'\d+% \(\d+ learners?\)'))
    # The same figures as a table, one click away.
    table = cohort.get_by_role('table', name='Choices made at this step')
    expect(table).to_be_hidden()
    cohort.get_by_text('Choices made at this step: the figures as a table').click()
    expect(table.get_by_role('row', name=re.compile(r'\(yours\)'))).to_have_count(1)
    expect(cohort.get_by_role('img', name='Decision modes at this step')).to_contain_text(
        'Consensual: build agreement (yours)'
    )
    expect(scenario.get_by_role('img', name='Endings reached by learners')).to_contain_text('A plan in place (yours)')
    check_view(page, 'learner-cohort-charts')


def test_progress_timer_explanation_and_restart_confirmation(wb, page, student):
    wb.open(EXAMPLE, student=student)
    scenario = block(page)
    expect(scenario.locator('.lsx-kicker')).to_have_text('Decision 1 of 2')
    timer = scenario.locator('.lsx-timer')
    expect(timer).to_contain_text('if you do not start it, there is no limit')
    expect(timer).to_contain_text('counts as a missed decision')
    timer.get_by_role('button', name='Start the timer').click()
    expect(timer.get_by_role('status')).to_have_text('Timer started: 90 seconds left.')
    scenario.get_by_role('button', name='Arrange a joint visit with the police today').click()
    expect_focused_heading(page, 'Feedback on your decision')
    expect(scenario.locator('.lsx-kicker')).to_have_text('Decision 2 of 2')

    # From the last choice, Tab reaches the history before "Start a new attempt".
    scenario.locator('.lsx-choice').last.focus()
    stops = []
    for _ in range(6):
        page.keyboard.press('Tab')
        stops.append((focused(page) or {}).get('text', ''))
        if stops[-1] == 'Start a new attempt':
            break
    assert stops[-1] == 'Start a new attempt' and 'Your decisions so far' in stops, stops

    # Mid-attempt it asks first; "No" keeps the attempt and puts focus back.
    page.keyboard.press('Enter')
    question = scenario.get_by_text('Start a new attempt? The decisions you have made')
    expect(question).to_be_focused()
    scenario.get_by_role('button', name='No, keep this attempt').click()
    expect(scenario.get_by_role('button', name='Start a new attempt')).to_be_focused()
    expect(scenario.locator('[data-role="progress"]')).to_have_text('Attempt 1')
    expect(scenario.locator('.lsx-kicker')).to_have_text('Decision 2 of 2')
    check_view(page, 'learner-progress')
    scenario.get_by_role('button', name='Start a new attempt').click()
    scenario.get_by_role('button', name='Yes, start a new attempt').click()
    expect(scenario.locator('[data-role="progress"]')).to_have_text('Attempt 2')
    expect(scenario.locator('[data-role="status"]')).to_have_text('A new attempt has started.')


def _contrast(a, b):
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        return sum(
            w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
            for w, c in zip((0.2126, 0.7152, 0.0722), channels)
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(text):
    return tuple(int(v) for v in re.findall(r'\d+(?:\.\d+)?', text)[:3])


def test_charts_stay_readable_in_dark_forced_colours(wb, page, review_cohort, student):
    page.emulate_media(forced_colors='active', color_scheme='dark')
    scenario = play_review(wb, page, student)
    canvas = _rgb(page.evaluate('() => getComputedStyle(document.body).backgroundColor'))
    marks = page.eval_on_selector_all(
        'section.lsx-scenario svg.lsx-chart text, section.lsx-scenario svg.lsx-chart rect.lsx-bar, '
        'section.lsx-scenario svg.lsx-chart circle',
        """els => els.map((el) => ({tag: el.tagName, text: el.textContent.slice(0, 30),
                                   fill: getComputedStyle(el).fill, stroke: getComputedStyle(el).stroke}))""",
    )
    assert any(m['tag'] == 'text' for m in marks) and any(m['tag'] == 'rect' for m in marks)
    for mark in marks:
        if mark['tag'] == 'text':
            assert _contrast(_rgb(mark['fill']), canvas) >= 4.5, f'chart text unreadable on {canvas}: {mark}'
        else:
            edge = mark['stroke'] if mark['stroke'].startswith('rgb') else mark['fill']
            assert _contrast(_rgb(edge), canvas) >= 3, f'chart shape invisible on {canvas}: {mark}'
    expect(scenario.locator('.lsx-route')).to_be_visible()


def test_focus_moves_clear_of_a_fixed_host_header(wb, page, student):
    page.emulate_media(reduced_motion='reduce')
    page.set_viewport_size({'width': 1280, 'height': 700})
    wb.open(EXAMPLE, student=student)
    hide_workbench_chrome(page)
    page.evaluate("""() => {
        const header = document.createElement('header');
        header.id = 'host-fixed-header';
        header.style.cssText = 'position: fixed; top: 0; left: 0; right: 0; height: 120px; background: #333; '
            + 'z-index: 9';
        document.body.prepend(header);
        document.body.appendChild(Object.assign(document.createElement('div'), {style: 'height: 2000px'}));
    }""")
    choice = block(page).get_by_role('button', name='Arrange a joint visit with the police today')
    choice.evaluate('b => window.scrollTo(0, b.getBoundingClientRect().top + window.scrollY - 130)')
    choice.click()
    heading = expect_focused_heading(page, 'Feedback on your decision')
    top = heading.evaluate('h => h.getBoundingClientRect().top')
    assert top >= 120, f'the focused heading is at {top} px, under the host header (120 px)'


def test_styles_stay_inside_the_block(wb, page, student):
    """GOV.UK-style buttons, tables and details inside .lsx; the host's own elements untouched."""
    wb.open(REVIEW, student=student)
    read = """() => {
        const probe = document.getElementById('host-probe');
        return Array.from(probe.querySelectorAll('*')).map((el) => {
            const s = getComputedStyle(el);
            return [el.tagName, s.color, s.backgroundColor, s.borderTopWidth, s.borderBottomWidth, s.padding,
                    s.fontWeight, s.boxShadow, s.overflowWrap, s.wordBreak, s.textDecorationLine, s.scrollMarginTop]
                .join(' ');
        });
    }"""
    page.evaluate("""() => {
        const probe = document.createElement('div');
        probe.id = 'host-probe';
        probe.innerHTML = '<button class="lsx-button" type="button">Host</button>' +
            '<table class="lsx-table"><caption>c</caption><tr><th>h</th><td class="lsx-num">1</td></tr></table>' +
            '<details class="lsx-details"><summary>s</summary><p>p</p></details><h4>h</h4>' +
            '<div class="lsx-error"><p>e</p></div>';
        document.body.appendChild(probe);
    }""")
    with_ours = page.evaluate(read)
    page.evaluate("""() => Array.from(document.styleSheets).forEach((sheet) => {
        if ((sheet.href || '').includes('leadership.css')) { sheet.disabled = true; }
    })""")
    assert page.evaluate(read) == with_ours, 'leadership.css restyled elements outside .lsx'
    # Inside the block the patterns apply: the content note is GOV.UK warning text.
    scenario = block(page)
    expect(scenario.locator('.lsx-warning .lsx-warning-icon')).to_have_attribute('aria-hidden', 'true')


@pytest.mark.parametrize('mode', ['light', 'forced-dark', 'welsh'])
def test_screenshots_of_the_ending(wb, page, review_cohort, student, mode):
    if mode == 'forced-dark':
        page.emulate_media(forced_colors='active', color_scheme='dark')
    play_review(wb, page, f'{student}-{mode}', 'cy' if mode == 'welsh' else None)
    if mode == 'welsh':
        expect(block(page)).to_contain_text('Ymgais 1')
    check_view(page, f'learner-ending-{mode}', axe=mode != 'forced-dark', widths=(1280, 375, 320))
    # Crops for the README: the route map down to the competency scale, and the cohort charts.
    width = 320 if mode == 'welsh' else 375
    page.set_viewport_size({'width': width, 'height': 900})
    save_region(page, f'learner-route-{mode}-{width}', '.lsx-route', '.lsx-competencies')
    if mode == 'light':
        save_region(page, 'learner-cohort-375', '[data-role="cohort"]', '[data-role="cohort"]')


def save_region(page, name, first, last):
    """A screenshot from the top of `first` to the bottom of `last`, the block's width, with a margin."""
    top = page.locator(f'section.lsx-scenario {first}').bounding_box()
    bottom = page.locator(f'section.lsx-scenario {last}').bounding_box()
    area = page.locator('section.lsx-scenario').bounding_box()
    scroll = page.evaluate('window.scrollY')
    clip = {
        'x': max(0, area['x'] - 8),
        'y': top['y'] + scroll - 8,
        'width': area['width'] + 16,
        'height': bottom['y'] + bottom['height'] - top['y'] + 16,
    }
    screenshots_dir().mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshots_dir() / f'{name}.png'), clip=clip, full_page=True)
