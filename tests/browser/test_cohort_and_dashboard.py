"""Cohort results and the facilitator dashboard in Chromium.

Other learners are driven through the block's JSON handlers over HTTP (each with its own
`?student=` id), then a learner or a facilitator (`?student=staff`) looks in the browser.
The cohort test uses a demo page no other test answers, so its counts are exact.
"""

import re

from playwright.sync_api import expect

from .conftest import COHORT, EXAMPLE
from .helpers import Learner, check_view, expect_focused_heading, new_student, usage_ids
from .test_scenario_journeys import LIVE

LISTEN = 'Ask him what went wrong last time, and listen before you explain why you are here'
INSIST = 'Explain that you must see the children today and will call the police if he refuses'
STEP_1 = '16:40 on a Friday: a referral from a school'
STEP_2 = '19:00: at the family home'


def first_step_counts(page, base_url, usage):
    """How many learners answered the cohort demo's step, and chose each choice, so far (as staff see it)."""
    dashboard = Learner(page, base_url, usage, student='staff').call('staff_dashboard', {})['dashboard']
    step = next(s for s in dashboard['steps'] if s['id'] == 'first_visit')
    return step['n'], {c['id']: c['count'] for c in step['choices']}, dashboard['finished']


def test_cohort_results_appear_once_five_learners_answered(wb, page):
    wb.open(COHORT, student=new_student('cohort-setup'))
    usage = usage_ids(page, 'leadership_scenario')[0]
    # No other test answers this page; should something have (a test run on its own, say), top up.
    answered, _, _ = first_step_counts(page, wb.base_url, usage)
    assert answered <= 3, f'the cohort demo already has {answered} answers: run this test on a fresh server'
    for choice in ('listen', 'insist', 'listen')[: 3 - answered]:
        learner = Learner(page, wb.base_url, usage)
        learner.call('student_view_user_state')
        state = learner.call('choose', {'step': 'first_visit', 'choice': choice})
        assert state['cohort'] is None, 'cohort figures were sent before five learners answered'

    fourth = new_student('cohort-fourth')
    wb.open(COHORT, student=fourth)
    scenario = page.locator('section.lsx-scenario')
    scenario.get_by_role('button', name=LISTEN).click()
    expect(scenario.get_by_role('heading', name='The door opens')).to_be_visible()
    expect(scenario.locator('[data-role="cohort"]')).to_be_empty()
    expect(scenario.get_by_text('Your ending beside the cohort')).to_have_count(0)

    wb.open(COHORT, student=new_student('cohort-fifth'))
    scenario.get_by_role('button', name=INSIST).click()
    expect_focused_heading(page, 'Feedback on your decision')
    answered, counts, finished = first_step_counts(page, wb.base_url, usage)
    assert answered == 5
    cohort = scenario.locator('[data-role="cohort"]')
    expect(cohort.get_by_role('heading', name='How other learners answered')).to_be_visible()
    expect(cohort).to_contain_text('A first home visit: 5 learners have answered this step, including you.')
    # Each chart's figures are in a table one click away (a details element below the chart).
    expect(cohort.get_by_role('img', name='Choices made at this step')).to_be_visible()
    for summary in scenario.locator('details.lsx-details > summary').all():
        summary.click()
    choices = cohort.get_by_role('table', name='Choices made at this step')
    # Shares and counts are text; the learner's own row says so in words, not only in bold.
    listen = choices.get_by_role('row', name=re.compile('listen before you explain'))
    expect(listen).to_contain_text(f'{round(counts["listen"] * 20)}%')
    expect(listen).not_to_contain_text('(yours)')
    own = choices.get_by_role('row', name=re.compile(r'call the police if he refuses \(yours\)'))
    expect(own).to_contain_text(f'{round(counts["insist"] * 20)}%')
    expect(own.locator('td').last).to_have_text(str(counts['insist']))
    expect(cohort.get_by_role('table', name='Decision modes at this step')).to_contain_text(
        'Urgent: decide now (yours)'
    )
    expect(scenario.get_by_role('heading', name='Your ending beside the cohort')).to_be_visible()
    expect(scenario).to_contain_text(f'{finished} learners have reached an ending, including you.')
    expect(scenario.get_by_role('table', name='Endings reached by learners')).to_contain_text(
        'The door stays closed (yours)'
    )
    expect(scenario.get_by_role('table', name='Your competency profile beside the cohort mean')).to_be_visible()
    check_view(page, 'cohort-results')

    # The fourth learner comes back and now sees the group too, with their own answer marked.
    wb.open(COHORT, student=fourth)
    expect(page.locator('[data-role="cohort"]')).to_contain_text(f'{LISTEN} (yours)')


def play_learners(page, base_url, usage, paths):
    for first, second in paths:
        learner = Learner(page, base_url, usage)
        learner.call('student_view_user_state')
        learner.call('choose', {'step': 'referral', 'choice': first})
        learner.call('choose', {'step': 'weekend' if first == 'monday_meeting' else 'home_visit', 'choice': second})


def test_staff_dashboard_and_present_mode(wb, page):
    learner_id = new_student('dashboard-learner')
    wb.open(EXAMPLE, student=learner_id)
    usage = usage_ids(page, 'leadership_scenario')[0]
    play_learners(
        page,
        wb.base_url,
        usage,
        [
            ('visit_today', 'family_plan'),
            ('visit_today', 'impose_plan'),
            ('ask_manager', 'family_plan'),
            ('monday_meeting', 'review'),
            ('visit_today', 'family_plan'),
        ],
    )

    # Learners neither see the dashboard nor can they ask for its figures.
    expect(page.get_by_role('heading', name=re.compile('^Facilitator dashboard'))).to_have_count(0)
    refused = Learner(page, wb.base_url, usage, student=learner_id).call('staff_dashboard', {}, expect_status=403)
    assert 'staff' in refused.get('error', '')

    wb.open(EXAMPLE, student='staff')
    dashboard = page.locator('section.lsx-dashboard')
    expect(dashboard.get_by_role('heading', name=re.compile('^Facilitator dashboard: Example'))).to_be_visible()
    check_view(page, 'dashboard-closed')

    toggle = dashboard.locator('button[data-action="toggle"]')  # its name changes with its state
    expect(toggle).to_have_text('Open the facilitator dashboard')
    expect(toggle).to_have_attribute('aria-expanded', 'false')
    toggle.click()
    body = dashboard.locator('[data-role="dashboard"]')
    expect(body.locator('[data-role="figures"]')).to_be_focused()
    expect(toggle).to_have_attribute('aria-expanded', 'true')
    expect(toggle).to_have_text('Close the facilitator dashboard')
    learners = body.get_by_role('table', name='Learners', exact=True)
    started = learners.get_by_role('row', name=re.compile('^Made at least one decision'))
    assert int(started.locator('td').inner_text()) >= 5
    expect(body.get_by_role('table', name=f'Choices at "{STEP_1}"')).to_be_visible()
    expect(body.get_by_role('heading', name='Most common paths')).to_be_visible()
    check_view(page, 'dashboard-open')

    present = dashboard.locator('button[data-action="present"]')
    expect(present).to_have_text('Present results to the group')
    expect(present).to_have_attribute('aria-expanded', 'false')
    present.click()
    region = dashboard.get_by_role('region', name=re.compile('^Results for the group'))
    expect(region.locator('.lsx-present-results')).to_be_focused()
    expect(present).to_have_attribute('aria-expanded', 'true')
    expect(present).to_have_text('Stop presenting')
    expect(region.get_by_role('heading', name=STEP_1)).to_be_visible()
    expect(region.get_by_label('Step to show').locator('option')).to_have_count(3)
    choices = region.get_by_role('table', name='Choices')
    expect(choices).to_be_visible()
    # Every share is written as a number; the bars beside them are hidden from assistive technology.
    for row in choices.locator('tbody tr').all():
        expect(row.locator('.lsx-present-share')).to_have_text(re.compile(r'^\d+%$'))
        expect(row.locator('.lsx-bar')).to_have_attribute('aria-hidden', 'true')
    region.get_by_label('Step to show').select_option(label=STEP_2)
    expect(region.get_by_role('heading', name=STEP_2)).to_be_visible()
    region.get_by_role('button', name='Pause updates').click()
    expect(region.get_by_role('button', name='Resume updates')).to_be_visible()
    expect(region).to_contain_text('Updates are paused.')
    check_view(page, 'dashboard-present-mode')

    present.click()
    expect(present).to_have_text('Present results to the group')
    expect(region).to_be_hidden()


def test_present_mode_respects_reduced_motion(wb, page):
    wb.open(EXAMPLE, student=new_student('motion-setup'))
    play_learners(page, wb.base_url, usage_ids(page, 'leadership_scenario')[0], [('visit_today', 'family_plan')] * 5)
    page.emulate_media(reduced_motion='reduce')
    wb.open(EXAMPLE, student='staff')
    dashboard = page.locator('section.lsx-dashboard')
    dashboard.get_by_role('button', name='Present results to the group').click()
    region = dashboard.get_by_role('region', name=re.compile('^Results for the group'))
    expect(region).to_have_class(re.compile(r'\blsx-reduced-motion\b'))
    fills = region.locator('.lsx-bar-fill')
    expect(fills.first).to_be_attached()
    assert fills.first.evaluate('el => getComputedStyle(el).transitionDuration') == '0s'


def test_dashboard_error_is_the_shared_summary_read_once(wb, page):
    """A failed load gives the shared error summary, focused and not also a live region or alert; the same
    failure again (as present mode's own retries give) neither rebuilds it nor takes focus; a load that
    works clears it."""
    wb.open(EXAMPLE, student='staff')
    dashboard = page.locator('section.lsx-dashboard')
    dashboard.locator('button[data-action="toggle"]').click()
    refresh = dashboard.locator('[data-role="refresh"]')
    expect(dashboard.get_by_role('table', name='Learners', exact=True)).to_be_visible()
    box = dashboard.locator('[data-role="dash-error"]')
    page.context.set_offline(True)
    try:
        refresh.click()
        expect(box.get_by_role('heading', name='There is a problem')).to_be_visible()
        expect(box).to_contain_text('The server could not be reached')
        expect(box).to_be_focused()
        assert not box.evaluate(LIVE), 'the focused error summary is also a live region: it would be read twice'
        box.evaluate('b => { b.firstChild.dataset.first = "yes"; }')
        refresh.focus()
        refresh.click()
        expect(dashboard).not_to_have_attribute('aria-busy', 'true')
        expect(refresh).to_be_focused()
        expect(box.locator('h4[data-first="yes"]')).to_have_count(1)  # the same summary, not drawn again
    finally:
        page.context.set_offline(False)
    refresh.click()
    expect(box).to_be_empty()
