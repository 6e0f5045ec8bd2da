"""The activity editor's "Move to" of a nested list's item, on the self-assessment (a statement moves to
another dimension): by keyboard, saved, and a learner sees the statement under its new dimension; the
choices follow the dimensions as they are added, renamed, moved and deleted, and there are none with one
dimension; with the mouse in Welsh, and the move is a change the draft keeps. axe-core and the 375 px
reflow check run in each state (`check_view`)."""

from playwright.sync_api import expect

from .editor_steps import check_and_save_by_keyboard, clear_draft, open_in_welsh, reload_and_offer_draft
from .helpers import check_view, focused, new_student
from .test_activity_editor import AUTHOR, open_editor, tab_to

THREE = 'Editor demo: three dimensions to move statements between'  # the only test that saves it
SHORT = 'Editor demo: a short self-assessment'  # never saved here
PAUSE = 'I pause before deciding when I feel under pressure.'


def choices(page, key):
    return page.locator(f'[data-key="dest:{key}"] option')


def statements_of(page, dimension):
    group = page.locator('.lsx-dimension').filter(has=page.get_by_role('heading', name=dimension, exact=True))
    return [t.strip() for t in group.locator('legend').all_inner_texts()]


def test_move_a_statement_to_another_dimension_by_keyboard_save_and_a_learner_sees_it(wb, page):
    editor = open_editor(wb, page, THREE)
    status = editor.locator('[data-role="status"]')
    expect(choices(page, 'dimensions.0.items.0')).to_have_text(
        ['Dimension 2: Leading teams', 'Dimension 3: Leading change']
    )
    expect(choices(page, 'dimensions.1.items.1')).to_have_text(
        ['Dimension 1: Leading self', 'Dimension 3: Leading change']
    )
    check_view(page, 'self-assessment-editor-move')

    tab_to(page, 'Move to: Statement 1 of Dimension 1')
    select = page.locator('[data-key="dest:dimensions.0.items.0"]')
    page.keyboard.press('ArrowDown')
    expect(select).to_have_value('2')
    page.keyboard.press('ArrowUp')
    expect(select).to_have_value('1')
    expect(status).to_be_empty()  # choosing is not moving
    page.keyboard.press('Tab')
    assert focused(page)['name'] == 'Move: Statement 1 of Dimension 1'
    page.keyboard.press('Enter')

    moved = page.locator('[data-key="h:dimensions.1.items.2"]')
    expect(moved).to_be_focused()
    expect(moved).to_have_text(f'Statement 3: {PAUSE}')
    expect(page.locator('[data-key="dimensions.1.items.2.id"]')).to_have_value('self_pause')
    expect(status).to_have_text('Statement 1 of Dimension 1 moved to dimension \u201cLeading teams\u201d.')
    expect(editor.locator('[data-key^="h:dimensions.0.items."]')).to_have_text(
        ['Statement 1: I ask for supervision when I need it.', 'Statement 2: I take the breaks I am entitled to.']
    )
    check_and_save_by_keyboard(page, editor, 'self-assessment-editor-moved')

    page.goto(wb.url(THREE, student=new_student()))
    expect(page.locator('.lsx legend')).to_have_count(7)
    assert statements_of(page, 'Leading self') == [
        'I ask for supervision when I need it.',
        'I take the breaks I am entitled to.',
    ]
    assert statements_of(page, 'Leading teams') == [
        'I make room for quieter colleagues to speak.',
        'I name what colleagues did well.',
        PAUSE,
    ]


def test_the_choices_follow_the_dimensions_and_one_dimension_has_none(wb, page):
    editor = open_editor(wb, page, SHORT)
    first = choices(page, 'dimensions.0.items.0')
    expect(first).to_have_text(['Dimension 2: Leading teams'])
    editor.locator('[data-key="add:dimensions"]').click()
    expect(first).to_have_text(['Dimension 2: Leading teams', 'Dimension 3'])  # no label yet: its place
    page.locator('[data-key="dimensions.2.label"]').fill('Leading change')
    page.locator('[data-key="dimensions.1.label"]').fill('Leading a team')  # a label is renamed when it is left
    expect(first).to_have_text(['Dimension 2: Leading teams', 'Dimension 3: Leading change'])
    page.keyboard.press('Tab')
    expect(first).to_have_text(['Dimension 2: Leading a team', 'Dimension 3: Leading change'])
    expect(page.locator('[data-key="dimensions.1.label"]')).to_have_value('Leading a team')
    expect(choices(page, 'dimensions.1.items.0')).to_have_text(
        ['Dimension 1: Leading self', 'Dimension 3: Leading change']
    )

    editor.locator('[data-key="up:dimensions.2"]').click()  # Leading change up, above the team
    expect(first).to_have_text(['Dimension 2: Leading change', 'Dimension 3: Leading a team'])
    editor.locator('[data-key="del:dimensions.1"]').click()
    expect(first).to_have_text(['Dimension 2: Leading a team'])
    expect(editor.locator('select[data-key^="dest:"]')).to_have_count(5)  # every statement has one

    editor.locator('[data-key="del:dimensions.0"]').click()
    expect(editor.locator('[data-key="h:dimensions.0"]')).to_have_text('Dimension 1: Leading a team')
    expect(editor.locator('[data-key^="dest:"], [data-action="to"]')).to_have_count(0)
    expect(editor.get_by_text('Move to', exact=True)).to_have_count(0)
    check_view(page, 'self-assessment-editor-one-dimension')
    clear_draft(page)


def test_move_a_statement_with_the_mouse_in_welsh_and_the_draft_keeps_it(wb, page):
    editor = open_in_welsh(wb, page, SHORT, AUTHOR)
    select = editor.get_by_role('combobox', name='Symud i: Datganiad 1 (Dimensiwn 1)')
    expect(select.locator('option')).to_have_text(['Dimensiwn 2: Leading teams'])
    expect(editor.get_by_text('Symud i', exact=True).first).to_be_visible()
    select.select_option(label='Dimensiwn 2: Leading teams')
    editor.get_by_role('button', name='Symud: Datganiad 1 (Dimensiwn 1)').click()
    expect(page.locator('[data-key="h:dimensions.1.items.2"]')).to_be_focused()
    expect(editor.locator('[data-role="status"]')).to_have_text(
        "Symudwyd Datganiad 1 (Dimensiwn 1) i'r dimensiwn \u201cLeading teams\u201d."
    )
    expect(editor.get_by_role('button', name='Symud: Datganiad 3 (Dimensiwn 2)')).to_be_visible()
    check_view(page, 'self-assessment-editor-moved-welsh')

    draft = reload_and_offer_draft(page, editor, "Mae drafft o'r cynnwys hwn")
    expect(page.locator('[data-key="dimensions.1.items.2.id"]')).to_have_count(0)  # the saved content
    draft.get_by_role('button', name='Adfer y drafft').click()
    expect(page.locator('[data-key="dimensions.1.items.2.id"]')).to_have_value('self_pause')
    expect(page.locator('[data-key="h:dimensions.1.items.2"]')).to_have_text(f'Datganiad 3: {PAUSE}')
    clear_draft(page)
