"""The activity blocks' Studio editor in the workbench's Studio view, on the time-allocation block, as a
course author (the workbench's staff user): build its functions with the keyboard only, save, and a
learner sees them; OLX and back changes nothing; a save with errors is refused and the draft comes
back after a reload. axe-core and the 375 px reflow check run in each state (`check_view`)."""

from playwright.sync_api import expect

from . import helpers
from .editor_steps import clear_draft, olx_and_back, olx_edit_reaches_form, open_in_welsh, reload_and_offer_draft
from .helpers import check_view, new_student

EDITOR_DEMO = 'Editor demo: a new time allocation'
SHIPPED = 'What leaders do: your working time'
AUTHOR = 'staff'


def tab_to(page, name, prefix=False):
    return helpers.tab_to(page, name, max_presses=200, exact=not prefix, by_name=True)


def open_editor(wb, page, title):
    page.goto(wb.url(title, view='studio_view', student=AUTHOR))
    clear_draft(page)
    page.reload()
    editor = page.locator('.lsx-editor')
    expect(editor.locator('[data-role="problems"]')).to_contain_text('No problems found.')
    return editor


def form_values(page):
    return page.eval_on_selector_all(
        '.lsx-editor [data-path]', 'nodes => nodes.map(n => [n.getAttribute("data-key"), n.value])'
    )


def test_build_the_functions_by_keyboard_save_and_a_learner_sees_them(wb, page):
    editor = open_editor(wb, page, EDITOR_DEMO)
    check_view(page, 'activity-editor')
    for _ in range(5):  # keep the last two of the seven default functions
        tab_to(page, 'Delete: Function 1')
        page.keyboard.press('Enter')
        expect(page.locator('[data-key="h:functions.0"]')).to_be_focused()
    expect(editor.locator('[data-role="status"]')).to_have_text('Deleted the function.')
    tab_to(page, 'Add a function')
    page.keyboard.press('Enter')
    expect(page.locator('[data-key="h:functions.2"]')).to_be_focused()
    tab_to(page, 'Id')
    expect(page.locator('[data-key="functions.2.id"]')).to_have_value('function_3')
    page.keyboard.press('Control+A')
    page.keyboard.type('court')
    tab_to(page, 'Label')
    page.keyboard.type('Court work')
    tab_to(page, 'Move up: Function 3')
    page.keyboard.press('Enter')
    expect(page.locator('[data-key="up:functions.1"]')).to_be_focused()
    expect(editor.locator('[data-key="h:functions.1"]')).to_have_text('Function 2: Court work')
    check_view(page, 'activity-editor-built')
    tab_to(page, 'Save')
    page.keyboard.press('Enter')
    expect(editor.locator('[data-role="status"]')).to_have_text('Saved.')

    page.goto(wb.url(EDITOR_DEMO, student=new_student()))
    labels = page.locator('.lsx label').all_inner_texts()
    shown = [
        text for text in labels if text.strip() in ('Partnership and system work', 'Court work', 'Direct practice')
    ]
    assert [t.strip() for t in shown] == ['Partnership and system work', 'Court work', 'Direct practice']
    expect(page.locator('text=Budgeting')).to_have_count(0)


def test_olx_and_back_a_refused_save_and_the_draft_recovered(wb, page):
    editor = open_editor(wb, page, SHIPPED)
    pattern = '<function id="budgeting">Budgeting</function>'
    form_tab, olx = olx_and_back(
        page, editor, 'Content (OLX)', pattern, lambda: form_values(page), 'activity-editor-olx'
    )

    # An OLX edit reaches the form.
    olx_edit_reaches_form(page, editor, form_tab, olx, ('>Budgeting<', '>Budgets<'), 'functions.2.label', 'Budgets')

    # Down to one function: the server's message shows, and the save is refused keeping the work.
    for _ in range(6):
        page.locator('[data-key="del:functions.0"]').click()
    problems = editor.locator('[data-role="problems"]')
    expect(problems).to_contain_text('List at least two functions to divide time between.')
    editor.locator('[data-role="save"]').click()
    alert = editor.locator('[data-role="alert"]')
    expect(alert).to_contain_text('Not saved')
    expect(alert).to_contain_text('List at least two functions')
    expect(editor.locator('[data-key="h:functions.1"]')).to_have_count(0)
    expect(editor.locator('[data-key="h:functions.0"]')).to_be_visible()
    check_view(page, 'activity-editor-refused')

    draft = reload_and_offer_draft(page, editor, 'An unsaved draft of this content')
    expect(editor.locator('[data-key="h:functions.6"]')).to_be_visible()
    check_view(page, 'activity-editor-draft')
    draft.get_by_role('button', name='Recover the draft').click()
    expect(editor.locator('[data-key="h:functions.1"]')).to_have_count(0)
    expect(problems).to_contain_text('List at least two functions')
    clear_draft(page)


def test_the_activity_editor_speaks_welsh(wb, page):
    editor = open_in_welsh(wb, page, SHIPPED, AUTHOR)
    expect(editor.get_by_role('heading', name='Swyddogaethau')).to_be_visible()
    expect(editor.get_by_role('button', name='Ychwanegu swyddogaeth')).to_be_visible()
    expect(editor.get_by_role('button', name='Dileu: Swyddogaeth 1')).to_be_visible()
    expect(editor.locator('[data-role="problems"]')).to_contain_text('Ni chanfuwyd unrhyw broblemau.')
    check_view(page, 'activity-editor-welsh')
