"""Learner journeys through the decision-scenario block in Chromium.

Mouse and keyboard-only play to an ending, the timer (pause, switch off, running out), going
back, restarting, the live regions, reduced motion, the content note and the route review,
and axe-core plus the 375 px checks in every state the learner page can be in.
"""

import datetime
import re

from playwright.sync_api import expect

from .conftest import EXAMPLE, REVIEW, TIMED
from .helpers import assert_focus_visible, check_view, expect_focused_heading, tab_to

STEP_1 = '16:40 on a Friday: a referral from a school'
STEP_2 = '19:00: at the family home'
VISIT = 'Arrange a joint visit with the police today'
MANAGER = 'Check the records and ring your manager, then decide within the hour'
FAMILY_PLAN = 'Work out a safety plan with the mother and grandmother together'
ENDING = 'A safety plan the family owns'
FEEDBACK = 'Feedback on your decision'


def block(page):
    return page.locator('section.lsx-scenario')


def feedback_region(page):
    return page.locator('section.lsx-scenario [data-role="feedback"]')


def test_mouse_journey_to_an_ending(wb, page, student):
    wb.open(EXAMPLE, student=student)
    scenario = block(page)
    expect(scenario.get_by_role('heading', name=STEP_1)).to_be_visible()
    expect(scenario.locator('[data-role="progress"]')).to_have_text('Attempt 1')
    expect(scenario.get_by_role('list', name='What do you do?').get_by_role('button')).to_have_count(3)
    check_view(page, 'scenario-first-step')

    scenario.get_by_role('button', name=VISIT).click()
    expect_focused_heading(page, FEEDBACK)
    expect(feedback_region(page)).to_contain_text(f'You chose: {VISIT}')
    expect(feedback_region(page)).to_contain_text('You made a firm call when the risk could not wait.')
    expect(scenario.get_by_role('heading', name=STEP_2)).to_be_visible()
    expect(scenario.locator('[data-role="history-box"] > summary')).to_have_text('Your decisions so far')
    check_view(page, 'scenario-feedback-second-step')

    scenario.get_by_role('button', name=FAMILY_PLAN).click()
    expect_focused_heading(page, FEEDBACK)
    expect(scenario.get_by_role('heading', name=ENDING)).to_be_visible()
    expect(scenario).to_contain_text('Where your decisions led')
    # Both decisions matched what their step demanded: the "fit" score is 100%.
    expect(scenario.locator('.lsx-score')).to_have_text('Score for this attempt: 100%. Your best: 100%.')
    # Competency changes in words and on the scale the scenario's routes span, not a bare number.
    expect(scenario.get_by_role('heading', name='How your competencies changed')).to_be_visible()
    expect(scenario.locator('.lsx-competencies li').first).to_contain_text(
        '+3 on this route: strengthened. Routes through this scenario give from 0 to +3.'
    )
    expect(scenario.get_by_role('heading', name='Debrief')).to_be_visible()
    # At the ending the route map tells the route; the running history is put away.
    expect(scenario.locator('[data-role="history-box"]')).to_be_hidden()
    expect(scenario.get_by_role('img', name=re.compile('^Route map: your 2 decisions'))).to_be_visible()
    scenario.get_by_text('Your route in words', exact=True).click()
    route = scenario.locator('.lsx-route-list li')
    expect(route).to_have_count(3)
    expect(route.first).to_contain_text(f'{STEP_1} You chose: {VISIT}')
    # The decision mode is named in words, not shown by colour.
    expect(route.first).to_contain_text('Mode: Urgent: decide now')
    expect(route.last).to_have_text(f'Ending {ENDING}')
    check_view(page, 'scenario-ending')


def test_keyboard_only_journey(wb, page, student):
    """Tab, Enter and Space only: every decision moves focus to the news it produced."""
    wb.open(EXAMPLE, student=student)
    scenario = block(page)

    tab_to(page, VISIT)
    assert_focus_visible(page)
    page.keyboard.press('Enter')
    expect_focused_heading(page, FEEDBACK)
    assert_focus_visible(page)
    expect(scenario.get_by_role('heading', name=STEP_2)).to_be_visible()

    # Undo with the keyboard: focus lands on the step that is current again.
    tab_to(page, 'Undo my last decision')
    assert_focus_visible(page)
    page.keyboard.press('Space')
    expect_focused_heading(page, STEP_1)
    expect(feedback_region(page)).to_have_text('Your last decision was undone.')

    tab_to(page, MANAGER)
    page.keyboard.press('Space')
    expect_focused_heading(page, FEEDBACK)
    expect(feedback_region(page)).to_contain_text(f'You chose: {MANAGER}')

    tab_to(page, FAMILY_PLAN)
    page.keyboard.press('Enter')
    expect_focused_heading(page, FEEDBACK)
    expect(scenario.get_by_role('heading', name=ENDING)).to_be_visible()
    # Consulting on an urgent step did not fit its demand: half the decisions fitted.
    expect(scenario.locator('.lsx-score')).to_contain_text('Score for this attempt: 50%.')

    tab_to(page, 'Start a new attempt')
    assert_focus_visible(page)
    page.keyboard.press('Enter')
    expect_focused_heading(page, STEP_1)
    expect(scenario.locator('[data-role="progress"]')).to_have_text('Attempt 2')
    expect(feedback_region(page)).to_have_text('A new attempt has started.')

    # The history is a native <details>: it opens from the keyboard too.
    tab_to(page, VISIT)
    page.keyboard.press('Enter')
    expect_focused_heading(page, FEEDBACK)
    tab_to(page, 'Your decisions so far')
    page.keyboard.press('Enter')
    expect(scenario.locator('[data-role="history"] li').first).to_be_visible()


def freeze_clock(page):
    """Stop the page's fake clock a moment from now: from then on it moves only with `run_for`."""
    now = page.evaluate('Date.now()')
    page.clock.pause_at(datetime.datetime.fromtimestamp((now + 1000) / 1000, tz=datetime.UTC))


def seconds_left(clock):
    minutes, seconds = re.fullmatch(r'Time left: (\d+):(\d\d)', clock.inner_text().strip()).groups()
    return int(minutes) * 60 + int(seconds)


def check_view_on_real_time(page, name):
    """The checks need the page's timers (axe-core waits on them): let time flow, then stop it again."""
    page.clock.resume()
    check_view(page, name)
    freeze_clock(page)


def test_timer_pause_resume_and_switch_off(wb, page, student):
    page.clock.install(time=datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC))
    wb.open(EXAMPLE, student=student)
    freeze_clock(page)
    scenario = block(page)
    timer = scenario.locator('.lsx-timer')
    expect(timer).to_contain_text('This decision has a time limit of 90 seconds.')
    clock = timer.get_by_role('timer')
    status = timer.get_by_role('status')

    timer.get_by_role('button', name='Start the timer').click()
    page.clock.run_for(2_000)
    expect(clock).to_have_text('Time left: 1:28')
    page.clock.run_for(58_000)
    expect(clock).to_have_text('Time left: 0:30')
    # Screen readers hear the time at 30 and 10 seconds through a status region, not every tick.
    expect(status).to_have_text('30 seconds left')
    expect(clock).to_have_attribute('aria-live', 'off')
    page.clock.resume()
    check_view(page, 'scenario-timer-running')

    timer.get_by_role('button', name='Pause the timer').click()
    freeze_clock(page)
    expect(status).to_have_text('Timer paused')
    left = seconds_left(clock)
    assert 0 < left <= 30
    page.clock.run_for(60_000)
    assert seconds_left(clock) == left, 'the paused timer kept counting'
    check_view_on_real_time(page, 'scenario-timer-paused')

    timer.get_by_role('button', name='Resume the timer').click()
    page.clock.run_for(1_000)
    expect(clock).to_have_text(f'Time left: 0:{left - 1:02d}')

    timer.get_by_role('button', name='Switch the timer off').click()
    off = timer.get_by_text('The timer is off. Take the time you need.')
    expect(off).to_be_visible()
    expect(timer.get_by_role('timer')).to_have_count(0)
    # The button that had focus is gone: focus moves to the message that replaced it.
    expect(off).to_be_focused()
    page.clock.run_for(120_000)
    expect(scenario.get_by_role('heading', name=STEP_1)).to_be_visible()
    expect(feedback_region(page)).to_be_empty()
    check_view_on_real_time(page, 'scenario-timer-off')

    scenario.get_by_role('button', name=VISIT).click()
    expect_focused_heading(page, FEEDBACK)


def test_timer_runs_out(wb, page, student):
    """A real three-second limit (the only test that waits on the clock itself)."""
    wb.open(TIMED, student=student)
    scenario = block(page)
    expect(scenario.locator('.lsx-timer')).to_contain_text('time limit of 3 seconds')
    scenario.get_by_role('button', name='Start the timer').click()
    expect(feedback_region(page)).to_have_text('Time ran out before you decided.', timeout=15_000)
    expect_focused_heading(page, 'The moment passed')
    expect(scenario.locator('.lsx-score')).to_contain_text('Score for this attempt: 0%.')
    scenario.get_by_text('Your route in words', exact=True).click()
    expect(scenario.locator('.lsx-route-list li').first).to_have_text(
        'The fire alarm sounds in the office Time ran out. No decision: counted as a miss.'
    )
    check_view(page, 'scenario-timed-out')


def test_back_and_restart(wb, page, student):
    wb.open(EXAMPLE, student=student)
    scenario = block(page)
    expect(scenario.get_by_role('button', name='Undo my last decision')).to_have_count(0)

    scenario.get_by_role('button', name=VISIT).click()
    expect(scenario.get_by_role('heading', name=STEP_2)).to_be_visible()
    scenario.get_by_role('button', name='Undo my last decision').click()
    expect_focused_heading(page, STEP_1)
    expect(feedback_region(page)).to_have_text('Your last decision was undone.')
    expect(scenario.locator('[data-role="history-box"]')).to_be_hidden()
    check_view(page, 'scenario-after-undo')

    scenario.get_by_role('button', name=VISIT).click()
    scenario.get_by_role('button', name=FAMILY_PLAN).click()
    expect(scenario.get_by_role('heading', name=ENDING)).to_be_visible()
    # An ending is final: no undo, but a new attempt.
    expect(scenario.get_by_role('button', name='Undo my last decision')).to_have_count(0)
    scenario.get_by_role('button', name='Start a new attempt').click()
    expect_focused_heading(page, STEP_1)
    expect(scenario.locator('[data-role="progress"]')).to_have_text('Attempt 2')
    expect(feedback_region(page)).to_have_text('A new attempt has started.')
    check_view(page, 'scenario-after-restart')

    # The best score is kept across attempts.
    scenario.get_by_role('button', name='Agree a plan with the school and health at a meeting on Monday').click()
    scenario.get_by_role('button', name='Pass the case to the long-term team and move on').click()
    expect(scenario.locator('.lsx-score')).to_have_text('Score for this attempt: 0%. Your best: 100%.')


LIVE = 'h => !!h.closest(\'[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log]\')'


def test_feedback_and_errors_are_announced(wb, page, student):
    """Feedback is read once from its focused heading (not also from a live region); a failed
    request gives the shared error summary, focused and read once (not also a live region or alert)."""
    wb.open(EXAMPLE, student=student)
    scenario = block(page)
    region = feedback_region(page)
    scenario.get_by_role('button', name=VISIT).click()
    expect(region).to_contain_text('You made a firm call when the risk could not wait.')
    heading = expect_focused_heading(page, FEEDBACK)
    live = heading.evaluate(LIVE)
    assert not live, 'the focused feedback heading sits in a live region: it would be announced twice'
    expect(scenario.locator('[data-role="status"]')).to_be_empty()

    # The same learner moves on in a second tab; the first tab's step is out of date.
    other = page.context.new_page()
    wb.open(EXAMPLE, student=student, page=other)
    other.get_by_role('button', name=FAMILY_PLAN).click()
    expect(other.get_by_role('heading', name=ENDING)).to_be_visible()
    other.close()

    scenario.get_by_role('button', name=FAMILY_PLAN).click()
    alert = scenario.locator('[data-role="error"]')
    expect(alert).not_to_be_empty()
    expect(alert).to_be_focused()
    assert not alert.evaluate(LIVE), 'the focused error summary is also a live region: it would be read twice'
    # an error summary: a title, then what went wrong
    expect(alert.get_by_role('heading', name='There is a problem')).to_be_visible()
    message = alert.inner_text().strip()
    assert len(message) > 15 and not message.startswith('{'), f'unclear error message: {message!r}'
    # The message is text (with a warning sign), not only a red box.
    assert page.evaluate("""(el) => getComputedStyle(el, '::before').content""", alert.element_handle()) not in (
        'none',
        'normal',
        '',
    )
    check_view(page, 'scenario-error')


def test_reduced_motion_is_respected(wb, page, student):
    page.add_init_script("""
        window.__scrolls = [];
        const original = Element.prototype.scrollIntoView;
        Element.prototype.scrollIntoView = function (options) {
            window.__scrolls.push(options && options.behavior);
            return original.call(this, options);
        };""")
    page.emulate_media(reduced_motion='no-preference')
    wb.open(EXAMPLE, student=student)
    choice = block(page).get_by_role('button', name=VISIT)
    duration = 'el => getComputedStyle(el).transitionDuration'
    assert choice.evaluate(duration) != '0s', 'the no-preference case must animate for this test to mean anything'
    choice.click()
    expect_focused_heading(page, FEEDBACK)
    assert page.evaluate('window.__scrolls') == ['smooth']

    page.emulate_media(reduced_motion='reduce')
    wb.open(EXAMPLE, student=student)
    choice = block(page).get_by_role('button', name=FAMILY_PLAN)
    assert re.fullmatch(r'0s(, 0s)*', choice.evaluate(duration))
    choice.click()
    expect_focused_heading(page, FEEDBACK)
    assert page.evaluate('window.__scrolls') == ['auto']


def test_author_preview(wb, page):
    wb.open(EXAMPLE, view='author_view')
    author = page.locator('section.lsx-author')
    expect(author.get_by_role('heading', name='Outline')).to_be_visible()
    expect(author.locator('.lsx-outline > li')).to_have_count(3)
    expect(author).to_contain_text('90 s, then')
    # the three-step example is gameable, and the preview says so: warnings only, no errors
    expect(author.locator('.lsx-problem-error')).to_have_count(0)
    expect(author.locator('.lsx-problem-warning').first).to_contain_text('Shortcut:')
    table = author.get_by_role('table', name=re.compile('^Shortcut check'))
    expect(table.get_by_role('row')).to_have_count(10)  # a header and the nine strategies
    expect(table.get_by_role('rowheader', name=re.compile('Always the first choice shown'))).to_be_visible()
    check_view(page, 'scenario-author-preview')


def test_content_note_comes_first_and_the_route_review_follows_the_ending(wb, page, student):
    """A keyboard learner reads the content note, continues, plays to the ending and reads the review."""
    wb.open(REVIEW, student=student)
    scenario = block(page)
    expect(scenario).to_contain_text('mentions a young person who has self-harmed')
    expect(scenario.get_by_role('heading', name='A disclosure at the end of a visit')).to_have_count(0)
    check_view(page, 'scenario-content-note')
    tab_to(page, 'Continue to the scenario')
    assert_focus_visible(page)
    page.keyboard.press('Enter')
    expect_focused_heading(page, 'A disclosure at the end of a visit')
    expect(scenario.get_by_role('list', name='What do you do?').get_by_role('button')).to_have_count(4)
    scenario.get_by_role('button', name='Explain you must share this and act on it today').click()
    expect_focused_heading(page, FEEDBACK)
    scenario.get_by_role('button', name='Ask the school to draw up a plan and report back to you').click()
    expect_focused_heading(page, FEEDBACK)
    expect(scenario.locator('.lsx-score')).to_have_text('Score for this attempt: 50%. Your best: 50%.')
    # The route map carries the review here: what each moment demanded and whether the decision fitted.
    route_map = scenario.get_by_role('img', name=re.compile('^Route map: your 2 decisions'))
    expect(route_map).to_contain_text('The moment demanded: Urgent: decide now')
    tab_to(page, 'Your route in words')
    page.keyboard.press('Enter')
    rows = scenario.locator('.lsx-route-list li')
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text('The moment demanded: Urgent: decide now. Fit: yes.')
    expect(rows.nth(1)).to_contain_text(
        'The moment demanded: Consensual: build agreement; Consultative: consult, then decide. Fit: no.'
    )
    check_view(page, 'scenario-route-review')
    page.reload()
    # the note is not shown again once the learner has started
    expect(block(page).get_by_role('heading', name='A plan in place')).to_be_visible()
    expect(block(page)).not_to_contain_text('Continue to the scenario')
