"""The facilitator's views of a course page in Chromium: one named dashboard per block, present
mode where the facilitator is looking, steps in story order, and no empty figures.

Module 1 holds four blocks with dashboards (a self-assessment, two scenarios, a reflection).
Other tests may also answer on it, so counts are checked as "at least" what this test added.
"""

import re

from playwright.sync_api import expect

from .helpers import Learner, check_view, new_student, screenshots_dir, usage_ids

MODULE_1 = 'Module 1: Leading self'
OOH_CALL = 'The call at 19:10'
# The first four steps of "The call at 19:10" as learners meet them (the OLX lists 19:40 before 19:25).
STORY_START = ['19:10', '19:25', '19:40', '19:45']


def play_first_step(page, base_url, usage, learners=5):
    for _ in range(learners):
        learner = Learner(page, base_url, usage)
        learner.call('student_view_user_state')
        learner.call('choose', {'step': 'call', 'choice': 'search_and_share'})


def dashboard_of(page, title):
    return page.locator('section.lsx-dashboard').filter(has=page.get_by_role('heading', name=re.compile(title)))


def test_each_dashboard_is_named_by_its_block_and_module_and_says_what_it_counts(wb, page):
    wb.open(MODULE_1, student=new_student('named-dash'))
    play_first_step(page, wb.base_url, usage_ids(page, 'leadership_scenario')[0])

    wb.open(MODULE_1, student='staff')
    dashboards = page.locator('section.lsx-dashboard')
    expect(dashboards).to_have_count(4)
    names = [page.locator(f'[id="{d.get_attribute("aria-labelledby")}"]').inner_text() for d in dashboards.all()]
    # Each region's name is its own (a landmark list can tell them apart) and names the block.
    assert len(set(names)) == 4, names
    titles = [t.inner_text() for t in page.locator('section.lsx:not(.lsx-dashboard) > h3.lsx-title').all()]
    assert names == [f'Facilitator dashboard: {title}' for title in titles], (names, titles)
    for dashboard in dashboards.all():
        expect(dashboard.locator('.lsx-dash-module')).to_have_text('Module: Leading self')

    # The self-assessment's figures count only learners who submitted ratings, and say so: a 0
    # there beside the scenario's 5 is what this block's learners did, not a fault.
    own = dashboard_of(page, 'Facilitator dashboard: Your leadership profile')
    own.get_by_role('button', name='Open the facilitator dashboard').click()
    learners = own.get_by_role('table', name='Learners', exact=True)
    expect(learners.get_by_role('row', name=re.compile('^Submitted their ratings'))).to_have_count(1)
    expect(learners).not_to_contain_text('Started')

    scenario = dashboard_of(page, f'Facilitator dashboard: {OOH_CALL}')
    scenario.get_by_role('button', name='Open the facilitator dashboard').click()
    made = scenario.get_by_role('table', name='Learners', exact=True).get_by_role(
        'row', name=re.compile('^Made at least one')
    )
    assert int(made.locator('td').inner_text()) >= 5
    check_view(page, 'facilitator-module-1-dashboards')
    for width in (1280, 375):  # the dashboard alone, for reading (check_view keeps the whole page)
        page.set_viewport_size({'width': width, 'height': 900})
        scenario.screenshot(path=str(screenshots_dir() / f'facilitator-scenario-dashboard-{width}.png'))


def test_unanswered_steps_say_so_and_steps_follow_the_story(wb, page):
    wb.open(MODULE_1, student=new_student('story-dash'))
    play_first_step(page, wb.base_url, usage_ids(page, 'leadership_scenario')[0])
    wb.open(MODULE_1, student='staff')
    dashboard = dashboard_of(page, f'Facilitator dashboard: {OOH_CALL}')
    dashboard.get_by_role('button', name='Open the facilitator dashboard').click()
    body = dashboard.locator('[data-role="figures"]')
    expect(body.get_by_role('heading', name='Decisions, step by step')).to_be_visible()
    steps = body.locator('.lsx-dash-step')
    headings = [h.inner_text() for h in steps.locator('h5').all()]
    assert [h[:5] for h in headings[:4]] == STORY_START, headings
    # An unanswered step says "No answers yet." rather than empty figures ("- s").
    expect(body).not_to_contain_text('- s.')
    expect(body).not_to_contain_text('demands: consensual consultative')  # mode names, not ids
    for step in steps.all():
        expect(step).to_contain_text(re.compile(r'Answered by \d+\.|No answers yet\.'))
    expect(steps.filter(has_text='No answers yet.')).not_to_have_count(0)


def test_present_mode_opens_under_its_button_with_steps_in_story_order(wb, page):
    wb.open(MODULE_1, student=new_student('present-dash'))
    play_first_step(page, wb.base_url, usage_ids(page, 'leadership_scenario')[0])
    wb.open(MODULE_1, student='staff')
    dashboard = dashboard_of(page, f'Facilitator dashboard: {OOH_CALL}')
    dashboard.get_by_role('button', name='Open the facilitator dashboard').click()
    expect(dashboard.get_by_role('heading', name='Most common paths')).to_be_visible()

    present = dashboard.locator('button[data-action="present"]')  # renamed "Stop presenting" once pressed
    present.click()
    region = dashboard.get_by_role('region', name=f'Results for the group: {OOH_CALL}', exact=False)
    results = region.locator('.lsx-present-results')
    expect(results).to_be_focused()
    # It opens right under its button, above the long dashboard, and in view.
    tops = dashboard.evaluate(
        """(d) => ['[data-action="present"]', '[data-role="present"]', '[data-role="dashboard"]'].map(
            (s) => d.querySelector(s).getBoundingClientRect().top + window.scrollY)"""
    )
    assert tops == sorted(tops), f'button, present region, dashboard at {tops}'
    page.wait_for_function(
        '(el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2; }',
        arg=region.element_handle(),
    )
    options = [o.inner_text() for o in region.get_by_label('Step to show').locator('option').all()]
    assert [o[:5] for o in options[:4]] == STORY_START, options
    expect(region.get_by_role('heading', name=re.compile('^19:10'))).to_be_visible()
    check_view(page, 'facilitator-present-mode')


def test_refresh_keeps_focus_on_its_button(wb, page):
    wb.open(MODULE_1, student='staff')
    dashboard = dashboard_of(page, f'Facilitator dashboard: {OOH_CALL}')
    dashboard.get_by_role('button', name='Open the facilitator dashboard').click()
    figures = dashboard.locator('[data-role="figures"]')
    expect(figures.get_by_text(re.compile('^Figures as of'))).to_be_visible()
    refresh = dashboard.get_by_role('button', name='Refresh the figures')
    refresh.focus()
    with page.expect_response(re.compile('/staff_dashboard/')):
        page.keyboard.press('Enter')
    expect(figures.get_by_text(re.compile('^Figures as of'))).to_be_visible()
    expect(refresh).to_be_focused()
    expect(refresh).not_to_have_attribute('aria-disabled', 'true')
