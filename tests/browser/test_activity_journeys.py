"""Reflection, self-assessment and time-allocation journeys with axe-core, focus and 375 px checks
in every state. `test_activities.py` covers the same pages at phone width without a
script error; these tests follow focus and announcements and check each state's accessibility.
"""

import re

from playwright.sync_api import expect

from .conftest import REFLECTION, SELF_ASSESSMENT, TIME_ALLOCATION, TIME_ALLOCATION_GROUP
from .helpers import (
    AUTHORED_FORM_TEXTS,
    Learner,
    assert_charts_named_in_interface_words,
    check_view,
    expect_focused_heading,
    new_student,
    usage_ids,
)

AUTHORED_REFLECTION = 'Reflecting on a hard call'


def words(count):
    text = (
        'When the school rang I knew only what the child had said and assumed the rest; '
        'next time I would ask the health visitor and my manager before deciding alone. '
    )
    pool = text.split()
    return ' '.join(pool[i % len(pool)] for i in range(count))


def test_reflection_draft_submit_guidance_and_download(wb, page, browser_context, student):
    wb.open(REFLECTION, student=student)
    block = page.locator('section.lsx-reflection').filter(
        has=page.get_by_role('heading', name=AUTHORED_REFLECTION, exact=True)
    )
    text = block.get_by_label('Your reflection')
    # The limits and the prompt are read with the text box, not only shown near it.
    described = text.get_attribute('aria-describedby').split()
    assert len(described) == 3 and all(page.locator(f'[id="{i}"]').count() == 1 for i in described)
    check_view(page, 'reflection-empty')

    text.fill(words(10))
    expect(block.locator('[data-role="count"]')).to_have_text('10 words (40 more needed)')
    block.get_by_role('button', name='Save draft').click()
    status = block.get_by_role('status')
    expect(status).to_contain_text('Draft saved')
    check_view(page, 'reflection-draft-saved')

    wb.open(REFLECTION, student=student)
    expect(text).to_have_value(words(10))
    expect(status).to_contain_text('Draft last saved')

    block.get_by_role('button', name='Submit reflection').click()
    alert = block.locator('[data-role="error"]')  # an error summary: focused, so read once
    expect(alert).to_contain_text('50')
    expect(alert).to_be_focused()
    check_view(page, 'reflection-too-short')

    text.fill(words(60))
    block.get_by_role('button', name='Submit reflection').click()
    expect_focused_heading(page, 'Your submitted reflection')
    expect(status).to_have_text('Your reflection has been submitted.')
    expect(alert).to_be_empty()
    expect(block.get_by_role('heading', name='What experienced supervisors notice here')).to_be_visible()
    expect(block.locator('.lsx-guidance')).to_contain_text('separates facts known at the time from hindsight')
    expect(text).to_be_hidden()

    block.locator('summary', has_text='All your reflections').click()
    expect(block.locator('[data-role="record"] li', has_text=AUTHORED_REFLECTION)).to_contain_text('submitted')
    check_view(page, 'reflection-submitted')

    with page.expect_download() as download_info:
        block.get_by_role('link', name='Download all my reflections').click()
    download = download_info.value
    assert download.suggested_filename == 'my-leadership-reflections.html'
    with open(download.path(), encoding='utf-8') as saved:
        assert words(60).split()[0] in saved.read()

    with browser_context.expect_page() as opened:
        block.get_by_role('link', name=re.compile('Open a printable copy')).click()
    printable = opened.value
    printable.wait_for_load_state('load')
    expect(printable.get_by_text(AUTHORED_REFLECTION).first).to_be_visible()
    printable.close()


def rate_all(block, value):
    for fieldset in block.locator('fieldset[data-item]').all():
        fieldset.locator(f'input[value="{value}"]').check()


def test_self_assessment_profile_chart_and_change(wb, page, student):
    wb.open(SELF_ASSESSMENT, student=student)
    before = page.locator('section.lsx-self-assessment').nth(0)
    after = page.locator('section.lsx-self-assessment').nth(1)
    check_view(page, 'self-assessment-empty')

    items = before.locator('fieldset[data-item]').count()
    before.locator('fieldset[data-item]').first.locator('input[value="3"]').check()
    before.get_by_role('button', name='Submit and see my profile').click()
    alert = before.locator('[data-role="error"]')
    expect(alert).to_contain_text(f'{items - 1} statements still need a rating:')
    expect(alert).to_be_focused()
    # Each missing one is named, linked, and says so in words in its group, not only by its border.
    expect(alert.get_by_role('link')).to_have_count(items - 1)
    expect(
        before.locator('fieldset[aria-describedby]').get_by_text('Choose a rating for this statement.')
    ).to_have_count(items - 1)
    check_view(page, 'self-assessment-missing-ratings')

    rate_all(before, 2)
    before.get_by_role('button', name='Submit and see my profile').click()
    expect_focused_heading(page, 'Your leadership profile')
    expect(before.get_by_role('status')).to_have_text('Your ratings have been saved.')
    chart = before.locator('svg[role="img"]')
    expect(chart).to_have_count(1)
    labelled_by = chart.get_attribute('aria-labelledby').split()
    assert chart.locator('title').get_attribute('id') in labelled_by
    expect(chart.locator('title')).to_have_text('Your profile: average rating per dimension')
    table = before.get_by_role('table', name=re.compile('Your average rating per dimension'))
    expect(table.locator('tbody tr')).to_have_count(chart.locator('text.lsx-chart-label').count())
    expect(before).to_contain_text('This is your first rating.')
    check_view(page, 'self-assessment-profile')

    rate_all(after, 4)
    after.get_by_role('button', name='Submit and see my profile').click()
    expect(after.get_by_role('heading', name='How your ratings have changed')).to_be_visible()
    change = after.get_by_role('table', name='Change since your first rating')
    expect(change.get_by_role('cell', name='up 2')).to_have_count(change.locator('tbody tr').count())
    # Before and after bars are named in text beside each bar, not told apart by colour.
    change_chart = after.locator('svg[role="img"]').nth(1)
    expect(change_chart.locator('text', has_text=re.compile('^First: '))).not_to_have_count(0)
    expect(change_chart.locator('text', has_text=re.compile('^Now: '))).not_to_have_count(0)
    check_view(page, 'self-assessment-change')

    after.get_by_role('button', name='Change my ratings').click()
    expect(after.locator('fieldset legend').first).to_be_focused()


def test_time_allocation_total_message_then_results(wb, page, student):
    wb.open(TIME_ALLOCATION, student=student)
    block = page.locator('section.lsx-time-allocation')
    inputs = block.locator('input[data-function]')
    total = block.locator('[data-role="total"]')
    expect(total).to_have_text('Total: 0 of 100 (100 still to allocate)')
    check_view(page, 'time-allocation-empty')

    inputs.nth(0).fill('30')
    inputs.nth(1).fill('30')
    inputs.nth(2).fill('30')
    expect(total).to_have_text('Total: 90 of 100 (10 still to allocate)')
    block.locator('label.lsx-option').first.locator('input').check()
    block.get_by_label('No, use my answer only for my own view').check()
    block.get_by_role('button', name='Submit my answer').click()
    alert = block.locator('[data-role="error"]')
    expect(alert).to_contain_text('Your shares add up to 90: they must add up to 100.')
    expect(alert).to_be_focused()
    alert.get_by_role('link').click()  # the summary's link takes the learner to the field
    expect(inputs.nth(0)).to_be_focused()
    check_view(page, 'time-allocation-total-not-100')

    inputs.nth(3).fill('20')
    expect(total).to_have_text('Total: 110 of 100 (10 too many)')
    inputs.nth(3).fill('10')
    expect(total).to_have_text('Total: 100 of 100')
    block.get_by_role('button', name='Submit my answer').click()
    expect_focused_heading(page, 'Your answer')
    expect(block.get_by_role('status')).to_have_text('Your answer has been saved.')
    expect(alert).to_be_empty()
    expect(block.locator('svg[role="img"]')).to_have_count(1)
    table = block.get_by_role('table', name='Share of working time by function')
    expect(table.get_by_role('row').filter(has_text='30')).not_to_have_count(0)
    expect(block.get_by_text('Your answer is used only for your own view.')).to_be_visible()
    check_view(page, 'time-allocation-results')

    block.get_by_role('button', name='Agree to research use').click()
    expect(block.get_by_role('status')).to_have_text('Thank you: your answer may now be used for research.')
    expect(block.get_by_role('button', name='Withdraw my consent')).to_be_visible()


def test_time_allocation_shows_the_cohort_mean_after_five_consenting_learners(wb, page, student):
    """On a page of its own (no other test answers it), so the other time-allocation tests still
    see a cohort below the minimum."""
    wb.open(TIME_ALLOCATION_GROUP, student=new_student('allocation-setup'))
    usage = usage_ids(page, 'leadership_time_allocation')[0]
    for share in (40, 50, 60, 40, 50):
        learner = Learner(page, wb.base_url, usage)
        state = learner.call('student_view_user_state')
        functions = [f['id'] for f in state['functions']]
        allocations = {f: 0 for f in functions}
        allocations[functions[0]], allocations[functions[1]] = share, 100 - share
        learner.call('submit', {'allocations': allocations, 'model': state['models'][0]['id'], 'consent': True})

    wb.open(TIME_ALLOCATION_GROUP, student=student)
    block = page.locator('section.lsx-time-allocation')
    block.locator('input[data-function]').first.fill('100')
    block.locator('label.lsx-option').first.locator('input').check()
    block.get_by_label('Yes, my anonymised answer may be used for research').check()
    block.get_by_role('button', name='Submit my answer').click()
    table = block.get_by_role('table', name='Share of working time by function')
    expect(table.get_by_role('columnheader', name='Others, mean (%)')).to_be_visible()
    expect(block).to_contain_text('The mean is of 5 other learners who agreed to research use.')
    chart = block.locator('svg[role="img"]')
    expect(chart.locator('text', has_text=re.compile('^Others: '))).not_to_have_count(0)
    # Named in interface words; the function names are in the table it points to.
    functions = set(page.evaluate(AUTHORED_FORM_TEXTS, 'section.lsx-time-allocation'))
    assert_charts_named_in_interface_words(page, 'section.lsx-time-allocation', functions, 1)
    check_view(page, 'time-allocation-cohort-mean')
