"""The accessibility audit's findings on the activity blocks, as a keyboard or screen-reader user meets
them (shared/reviews/accessibility-audit-2026-12.md, findings 1 to 4, 8, 10 to 12).

Each test drives the real page in Chromium and checks what such a user would notice: where Tab
goes, what the error says and where its links lead, where focus is after a button is pressed,
which language each text is marked in, and what a screen reader gets from a table cell.
"""

import re

from playwright.sync_api import expect

from .conftest import REFLECTION, TIME_ALLOCATION
from .helpers import Learner, check_view, new_student, usage_ids

MODULE_1 = 'Module 1: Leading self'
MODULE_4 = 'Module 4: Leading change'


def tab_stops(page, start, stop_selector, limit=40):
    """The ids (or names) of the elements Tab reaches from `start` until one matches `stop_selector`."""
    start.focus()
    seen = []
    for _ in range(limit):
        page.keyboard.press('Tab')
        now = page.evaluate(
            '() => { const e = document.activeElement; return [e.id || e.name || e.tagName, '
            f'e.matches({stop_selector!r})]; }}'
        )
        seen.append(now[0])
        if now[1]:
            return seen
    raise AssertionError(f'Tab never reached {stop_selector} from the first field: {seen}')


def test_time_allocation_fields_stay_in_the_tab_order_after_errors(wb, page, student):
    """Finding 1: after each error, and after "Change my answer", every field is still reached by Tab."""
    wb.open(TIME_ALLOCATION, student=student)
    block = page.locator('section.lsx-time-allocation')
    inputs = block.locator('input[data-function]')
    submit = block.get_by_role('button', name='Submit my answer')
    summary = block.locator('[data-role="error"]')
    before = tab_stops(page, inputs.first, 'button[type="submit"]')

    submit.click()  # shares add up to 0
    expect(summary).to_contain_text('they must add up to 100')
    inputs.nth(0).fill('60')
    inputs.nth(1).fill('40')
    submit.click()  # no model
    expect(summary).to_contain_text('Choose the model of leadership')
    expect(summary.get_by_role('link', name='Which model of leadership do you espouse?')).to_be_visible()
    block.locator('input[name$="-model"]').first.check()
    submit.click()  # no consent
    expect(summary).to_contain_text('Choose whether your answer may be used for research.')
    expect(summary).to_be_focused()
    summary.get_by_role('link', name='May your answer be used for research?').click()
    expect(block.get_by_label('Yes, my anonymised answer may be used for research')).to_be_focused()

    assert block.locator('form input[tabindex]').count() == 0, 'a field was taken out of the Tab order'
    after = tab_stops(page, inputs.first, 'button[type="submit"]')
    assert after == before, f'Tab stops before the errors {before}, after {after}'
    assert any('-consent-' in stop for stop in after), f'the consent question cannot be reached by Tab: {after}'
    check_view(page, 'audit-time-allocation-after-errors')

    block.get_by_label('No, use my answer only for my own view').check()
    submit.click()
    block.get_by_role('button', name='Change my answer').click()
    expect(inputs.first).to_be_focused()
    expect(inputs.first).not_to_have_attribute('tabindex', re.compile('.'))
    again = tab_stops(page, inputs.first, 'button[type="submit"]')
    # The same number of stops (a radio group's stop is its checked radio, now the learner's answer).
    assert len(again) == len(before) and any('-consent-' in stop for stop in again), (before, again)


def test_self_assessment_error_names_each_unrated_statement_with_a_link(wb, page, student):
    """Finding 2: the error summary lists the unrated statements; each link goes to its ratings.
    Finding 8: the summary takes focus and is not also a live region, so it is read once."""
    wb.open(MODULE_1, student=student)
    block = page.locator('section.lsx-self-assessment')
    groups = block.locator('fieldset[data-item]')
    legends = [legend.inner_text() for legend in groups.locator('legend').all()]
    for index in range(2, groups.count()):
        groups.nth(index).locator('input[value="3"]').check()
    block.get_by_role('button', name='Submit and see my profile').click()

    summary = block.locator('[data-role="error"]')
    expect(summary).to_be_focused()
    expect(summary).to_contain_text('2 statements still need a rating:')
    assert summary.get_attribute('role') is None and summary.get_attribute('aria-live') is None
    links = summary.get_by_role('link')
    assert [link.inner_text() for link in links.all()] == legends[:2]
    # Each unrated group says so in words, read with the group.
    second = groups.nth(1)
    expect(second).to_have_accessible_description('Choose a rating for this statement.')
    expect(groups.nth(2)).not_to_have_attribute('aria-describedby', re.compile('.'))
    check_view(page, 'audit-self-assessment-error-summary')

    links.nth(1).click()
    expect(second.locator('input[type="radio"]').first).to_be_focused()
    page.keyboard.press('ArrowRight')  # rate it from the keyboard where the link landed
    groups.nth(0).locator('input[value="2"]').check()
    block.get_by_role('button', name='Submit and see my profile').click()
    expect(block.get_by_role('heading', name='Your leadership profile', exact=True)).to_be_focused()
    expect(summary).to_be_empty()


def test_save_draft_keeps_focus_on_the_button(wb, page, student):
    """Finding 4: pressing "Save draft" with the keyboard leaves focus on it, not on the page."""
    wb.open(REFLECTION, student=student)
    block = page.locator('section.lsx-reflection').first
    block.get_by_label('Your reflection').fill('A first thought about the call.')
    save = block.get_by_role('button', name='Save draft')
    save.focus()
    with page.expect_response(re.compile('/save_draft/')):
        page.keyboard.press('Enter')
    expect(block.get_by_role('status')).to_contain_text('Draft saved')
    expect(save).to_be_focused()
    expect(save).not_to_have_attribute('aria-disabled', 'true')


def test_welsh_interface_marks_english_course_content_as_english(wb, page):
    """Finding 3: in Welsh, each block's interface is lang="cy" and the authored English is lang="en"."""
    page.goto(wb.url(MODULE_1, student='staff') + '&lang=cy')
    page.wait_for_load_state('load')
    sections = page.locator('.workbench .preview section.lsx')
    assert set(s.get_attribute('lang') for s in sections.all()) == {'cy'}
    assessment = page.locator('section.lsx-self-assessment')
    expect(assessment.locator('h3.lsx-title')).to_have_attribute('lang', 'en')
    expect(assessment.locator('legend').first).to_have_attribute('lang', 'en')
    expect(assessment.get_by_role('button', name='Cyflwyno a gweld fy mhroffil')).to_be_visible()
    scenario = page.locator('section.lsx-scenario').first
    expect(scenario.locator('h3.lsx-title')).to_have_attribute('lang', 'en')
    dashboard = page.locator('section.lsx-dashboard').first
    expect(dashboard.locator('h3 span[lang="en"]')).to_have_text(assessment.locator('h3.lsx-title').inner_text())
    reflection = page.locator('section.lsx-reflection')
    expect(reflection.locator('.lsx-prompt')).to_have_attribute('lang', 'en')
    page.goto(wb.url(MODULE_1) + '?lang=en')  # leave the language cookie as the other tests expect it


def test_cpd_record_empty_cells_are_read_as_none(wb, page):
    """Finding 10: an empty CPD cell says "none" to a screen reader (no aria-label on a span).
    Finding 12: each entry is named by its title and its parts are headings."""
    student = new_student('cpd-cells')
    wb.open(MODULE_4, student=student)
    usage = usage_ids(page, 'leadership_self_assessment')[0]
    learner = Learner(page, wb.base_url, usage, student=student)
    state = learner.call('student_view_user_state')
    learner.call('submit', {'ratings': {item['id']: state['scale']['min'] for item in state['items']}})
    wb.open(MODULE_4, student=student)
    record = page.locator('section.lsx-cpd-record')
    table = record.get_by_role('table', name='How I rated my leadership')
    expect(table).to_be_visible()
    earlier = table.locator('tbody tr').first.locator('td').first
    expect(earlier).to_have_text('–none')  # the dash is hidden from assistive technology, "none" is read
    expect(earlier.locator('[aria-hidden="true"]')).to_have_text('–')
    assert record.locator('span[aria-label]').count() == 0
    article = record.get_by_role('article').first
    expect(article).to_have_accessible_name(re.compile('.'))
    check_view(page, 'audit-cpd-record-empty-cells')
