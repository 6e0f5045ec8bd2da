"""The Studio editors keep the author's place when they leave a field that other parts of the form show:
tabbing into the next, filled field and typing at full speed replaces its text, and a click into the middle
of another text keeps the caret where it was clicked, exactly as without the editors' script. The activity
editor renames a dimension's heading and "Move to" choices in place; the scenario editor redraws its form
(targets and headings follow an id or a title) and gives the field its selection back."""

import re

from playwright.sync_api import expect

from .conftest import EXAMPLE
from .editor_steps import clear_draft
from .test_activity_editor import open_editor
from .test_scenario_editor import open_editor as open_scenario_editor

SHORT = 'Editor demo: a short self-assessment'  # never saved here
PAUSE = 'I pause before deciding when I feel under pressure.'


def field(page, key):
    return page.locator(f'[data-key="{key}"]')


def caret(page, key):
    return page.eval_on_selector(f'[data-key="{key}"]', 'n => [n.selectionStart, n.selectionEnd]')


def test_tab_from_a_renamed_label_and_type_at_full_speed_replaces_the_next_fields_text(wb, page):
    open_editor(wb, page, SHORT)
    label = field(page, 'dimensions.1.label')
    label.click()
    page.keyboard.press('Control+A')
    page.keyboard.type('Leading a team')
    page.keyboard.press('Tab')  # to the first statement's Id ("teams_voice"), all of it selected
    page.keyboard.type('teams_room')  # no wait: typed as fast as Playwright can
    expect(field(page, 'dimensions.1.items.0.id')).to_be_focused()
    expect(field(page, 'dimensions.1.items.0.id')).to_have_value('teams_room')
    assert caret(page, 'dimensions.1.items.0.id') == [10, 10]
    # The parts that show the label say the new one.
    expect(field(page, 'h:dimensions.1')).to_have_text('Dimension 2: Leading a team')
    expect(page.locator('[data-key="dest:dimensions.0.items.0"] option')).to_have_text(['Dimension 2: Leading a team'])

    # Shift+Tab back to the label and on again: the same, each time.
    page.keyboard.press('Shift+Tab')
    page.keyboard.type('Leading many teams')
    page.keyboard.press('Tab')
    page.keyboard.type('teams_quiet')
    expect(field(page, 'dimensions.1.label')).to_have_value('Leading many teams')
    expect(field(page, 'dimensions.1.items.0.id')).to_have_value('teams_quiet')
    expect(field(page, 'h:dimensions.1')).to_have_text('Dimension 2: Leading many teams')
    clear_draft(page)


def test_click_into_the_middle_of_another_text_after_a_rename_keeps_the_caret_there(wb, page):
    open_editor(wb, page, SHORT)
    statement = field(page, 'dimensions.0.items.0.text')
    spot = {'x': 60, 'y': 12}  # into "I pause before…", past its first words
    statement.click(position=spot)  # where that click puts the caret, with no rename before it
    where = caret(page, 'dimensions.0.items.0.text')
    assert 0 < where[0] < len(PAUSE) and where[0] == where[1], where

    field(page, 'dimensions.0.label').fill('Leading myself')
    statement.click(position=spot)  # leaves the label: a rename
    page.keyboard.type('XY')
    expect(statement).to_have_value(PAUSE[: where[0]] + 'XY' + PAUSE[where[0] :])
    assert caret(page, 'dimensions.0.items.0.text') == [where[0] + 2, where[0] + 2]
    expect(statement).to_be_focused()
    expect(field(page, 'h:dimensions.0')).to_have_text('Dimension 1: Leading myself')
    expect(page.locator('[data-key="dest:dimensions.1.items.0"] option')).to_have_text(['Dimension 1: Leading myself'])
    page.keyboard.press('Tab')  # the statement is its heading's title too
    expect(field(page, 'h:dimensions.0.items.0')).to_have_text(
        'Statement 1: ' + PAUSE[: where[0]] + 'XY' + PAUSE[where[0] :]
    )
    clear_draft(page)


def test_the_scenario_editor_tab_from_a_renamed_id_and_type_replaces_the_next_fields_text(wb, page):
    open_scenario_editor(wb, page, EXAMPLE)  # never saved here
    field(page, 'steps.0.choices.0.id').click()
    page.keyboard.press('Control+A')
    page.keyboard.type('visit_now')
    page.keyboard.press('Tab')  # to the choice's label, all of it selected
    page.keyboard.type('Visit with the police')
    expect(field(page, 'steps.0.choices.0.label')).to_be_focused()
    expect(field(page, 'steps.0.choices.0.label')).to_have_value('Visit with the police')
    assert caret(page, 'steps.0.choices.0.label') == [21, 21]
    expect(field(page, 'steps.0.choices.0.id')).to_have_value('visit_now')
    clear_draft(page)


def test_the_scenario_editor_click_into_a_text_after_a_rename_keeps_the_caret_there(wb, page):
    open_scenario_editor(wb, page, EXAMPLE)
    text = field(page, 'steps.0.html')
    before = text.input_value()
    spot = {'x': 80, 'y': 12}
    text.click(position=spot)
    where = caret(page, 'steps.0.html')
    assert 0 < where[0] < len(before) and where[0] == where[1], where

    field(page, 'steps.0.title').fill('16:45 on a Friday: a referral from a school')
    text.click(position=spot)  # leaves the title: the form is redrawn
    page.keyboard.type('XY')
    expect(text).to_be_focused()
    expect(text).to_have_value(before[: where[0]] + 'XY' + before[where[0] :])
    assert caret(page, 'steps.0.html') == [where[0] + 2, where[0] + 2]
    expect(page.locator('[data-key="h:steps.0"]')).to_contain_text('16:45 on a Friday')
    clear_draft(page)


def redraw_late(page, ms=300):
    """The editor's 0 ms redraw runs `ms` later, as on a busy machine, where keys typed already come first."""
    page.evaluate(
        """ms => { const later = window.setTimeout;
                   window.setTimeout = (fn, wait, ...rest) => later(fn, wait || ms, ...rest); }""",
        ms,
    )


def retitle_and_click_into_the_id(page):
    """Retitle the example's step 2 ("home_visit"), then click into its id: the form will be redrawn."""
    redraw_late(page)
    field(page, 'steps.1.title').fill('Saturday morning: at the family home')
    field(page, 'steps.1.id').click()
    page.keyboard.press('Control+A')


def expect_only_the_renamed_steps_references_follow(page, editor, new_id):
    """Choices 1 and 3 of step 1 led to "home_visit" and lead to `new_id`; choice 2 and the timeout still go
    to "weekend"; the OLX says so and the check finds no target that is not a step or ending."""
    expect(field(page, 'steps.1.id')).to_have_value(new_id)
    expect(field(page, 'steps.0.choices.0.target')).to_have_value(new_id)
    expect(field(page, 'steps.0.choices.2.target')).to_have_value(new_id)
    expect(field(page, 'steps.0.choices.1.target')).to_have_value('weekend')
    expect(field(page, 'steps.0.timeout')).to_have_value('weekend')
    editor.get_by_role('tab', name='OLX').click()
    olx = editor.locator('[data-role="olx"]')
    expect(olx).to_have_value(re.compile(f'<step id="{new_id}"'))
    assert olx.input_value().count(f'target="{new_id}"') == 2
    assert olx.input_value().count('target="weekend"') == 1 and 'timeout="weekend"' in olx.input_value()
    assert 'home_visit' not in olx.input_value()
    expect(editor.locator('[data-role="problems"]')).not_to_contain_text('not a step or ending')


def test_the_scenario_editor_renames_the_references_to_the_id_a_step_had_when_a_redraw_came_mid_word(wb, page):
    editor = open_scenario_editor(wb, page, EXAMPLE)  # never saved here
    retitle_and_click_into_the_id(page)
    page.keyboard.type('weekend')  # for now, the id of another step
    expect(field(page, 'h:steps.1')).to_contain_text('Saturday morning')  # the redraw, mid-word
    expect(field(page, 'steps.1.id')).to_be_focused()
    page.keyboard.type('_visit')
    page.keyboard.press('Tab')  # leaves the id: the references to "home_visit", and only those, follow it
    expect_only_the_renamed_steps_references_follow(page, editor, 'weekend_visit')
    clear_draft(page)


def test_the_scenario_editor_renames_the_references_to_an_id_typed_in_full_before_the_redraw(wb, page):
    editor = open_scenario_editor(wb, page, EXAMPLE)
    retitle_and_click_into_the_id(page)
    page.keyboard.type('family_home')
    expect(field(page, 'h:steps.1')).to_contain_text('Saturday morning')  # the redraw, after the last key
    page.keyboard.press('Tab')
    expect_only_the_renamed_steps_references_follow(page, editor, 'family_home')
    clear_draft(page)
