"""The reflection, self-assessment and time-allocation pages in headless Chromium at phone width (375 px):
a learner completes each one with the page's own controls, with no script errors and no sideways scroll."""

import itertools
import re

import pytest

_RUN = itertools.count()


@pytest.fixture
def phone(browser_context):
    tab = browser_context.new_page()
    tab.set_viewport_size({'width': 375, 'height': 800})
    errors = []
    tab.on('pageerror', lambda error: errors.append(str(error)))
    # Failed requests are checked by status instead: a 400 from a refused answer is expected.
    tab.on(
        'console',
        lambda message: (
            errors.append(message.text)
            if message.type == 'error' and not message.text.startswith('Failed to load resource')
            else None
        ),
    )
    tab.on(
        'response',
        lambda response: (
            errors.append(f'{response.status} {response.url}')
            if response.status >= 500 or response.status == 404
            else None
        ),
    )
    tab.errors = errors
    yield tab
    tab.close()


def open_page(tab, base, block_type, index=0):
    student = f'browser-{block_type}-{next(_RUN)}'
    response = tab.goto(f'{base}/scenario/{block_type}.{index}/?student={student}')
    assert response.status == 200
    tab.wait_for_load_state('networkidle')
    return student


def no_sideways_scroll(tab):
    """Nothing of the blocks reaches past the right edge of the phone (the workbench's own banner may)."""
    return tab.evaluate("""Array.from(document.querySelectorAll('.lsx, .lsx *')).every(
        e => e.getBoundingClientRect().right <= window.innerWidth + 1 || e.closest('.lsx-sr-only'))""")


def test_reflection_draft_submit_and_guidance(live_server_url, phone, screenshot):
    open_page(phone, live_server_url, 'leadership_reflection')
    block = phone.locator('.lsx-reflection').nth(1)  # the authored one: 50 to 600 words
    block.get_by_label('Your reflection').fill('Too short to submit.')
    block.get_by_role('button', name='Submit reflection').click()
    summary = block.locator('[data-role="error"]')
    summary.get_by_text('write at least 50').wait_for()
    block.get_by_role('button', name='Save draft').click()
    block.get_by_text('Draft saved').wait_for()
    block.get_by_label('Your reflection').fill(' '.join(['word'] * 55))
    assert '55 words' in block.locator('.lsx-count').inner_text()
    block.get_by_role('button', name='Submit reflection').click()
    heading = block.get_by_role('heading', name='Your submitted reflection')
    heading.wait_for()
    assert phone.evaluate('document.activeElement.textContent') == 'Your submitted reflection'
    assert block.get_by_text('What experienced supervisors notice here').is_visible()
    assert no_sideways_scroll(phone)
    screenshot('reflection-submitted-375', phone)
    assert phone.errors == []


def test_self_assessment_profile_chart_and_change(live_server_url, phone, screenshot):
    open_page(phone, live_server_url, 'leadership_self_assessment')
    blocks = phone.locator('.lsx-self-assessment')
    before, after = blocks.nth(0), blocks.nth(1)
    before.get_by_role('button', name='Submit and see my profile').click()
    before.locator('[data-role="error"]').get_by_text('12 statements still need a rating:').wait_for()
    for fieldset in before.locator('fieldset').all():
        fieldset.locator('input[value="2"]').check()
    before.get_by_role('button', name='Submit and see my profile').click()
    before.get_by_role('heading', name='Your leadership profile', exact=True).wait_for()
    assert before.locator('svg[role="img"] title').first.text_content().startswith('Your profile')
    assert before.locator('table caption').first.is_visible()
    for fieldset in after.locator('fieldset').all():
        fieldset.locator('input[value="4"]').check()
    after.get_by_role('button', name='Submit and see my profile').click()
    after.get_by_role('heading', name='How your ratings have changed').wait_for()
    assert after.locator('table').nth(1).get_by_text('up 2').count() == 4
    assert no_sideways_scroll(phone)
    screenshot('self-assessment-change-375', phone)
    assert phone.errors == []


def test_time_allocation_total_model_and_consent(live_server_url, phone, screenshot):
    open_page(phone, live_server_url, 'leadership_time_allocation')
    block = phone.locator('.lsx-time-allocation')
    block.get_by_label('Long-term planning').fill('30')
    block.get_by_label('Crisis management').fill('30')
    assert re.search(r'Total: 60 of 100', block.locator('.lsx-total').inner_text())
    block.get_by_role('button', name='Submit my answer').click()
    block.locator('[data-role="error"]').get_by_text('they must add up to 100').wait_for()
    block.get_by_label('Direct practice').fill('40')
    block.get_by_label('Another model, in my own words').check()
    block.get_by_label('Your model of leadership, in a few words').fill('Relational leadership')
    block.get_by_label('No, use my answer only for my own view').check()
    block.get_by_role('button', name='Submit my answer').click()
    block.get_by_role('heading', name='Your answer', exact=True).wait_for()
    assert block.get_by_text('Relational leadership').is_visible()
    assert block.get_by_text('once at least 5 of them have answered').is_visible()
    block.get_by_role('button', name='Agree to research use').click()
    block.get_by_role('button', name='Withdraw my consent').wait_for()
    assert no_sideways_scroll(phone)
    screenshot('time-allocation-submitted-375', phone)
    assert phone.errors == []


def test_charts_work_on_a_course_page_mixing_block_types(live_server_url, phone):
    """Module 1 holds scenarios, a self-assessment and a reflection: each block type loads common.js
    from its own URL, and the self-assessment's chart must still work whatever ran last."""
    open_page(phone, live_server_url, 'leadership_scenario', 0)
    block = phone.locator('.lsx-self-assessment').first
    for fieldset in block.locator('fieldset').all():
        fieldset.locator('input[type="radio"]').nth(2).check()
    block.get_by_role('button', name='Submit and see my profile').click()
    block.get_by_role('heading', name='Your leadership profile', exact=True).wait_for()
    assert block.locator('svg[role="img"]').count() == 1
    assert phone.errors == []
