"""The reflection's and the self-assessment's Studio editors (the shared activity editor) in the
workbench's Studio view, as a course author: build with the keyboard only, save, and a learner sees the
change; OLX and back changes nothing; a refused save keeps the work and the draft comes back after a
reload. axe-core and the 375 px reflow check run in each state (`check_view`)."""

from playwright.sync_api import expect

from .editor_steps import (
    check_and_save_by_keyboard,
    clear_draft,
    olx_and_back,
    olx_edit_reaches_form,
    open_in_welsh,
    reload_and_offer_draft,
)
from .helpers import check_view, new_student
from .test_activity_editor import AUTHOR, form_values, open_editor, tab_to

REFLECTION_DEMO = 'Editor demo: a new reflection'
REFLECTION = 'Editor demo: a reflection with word limits'
SELF_ASSESSMENT_DEMO = 'Editor demo: a new self-assessment'
SELF_ASSESSMENT = 'Editor demo: a short self-assessment'
DELETED = 'I notice how my own stress and values shape the decisions I make.'


def replace_text(page, text):
    page.keyboard.press('Control+A')
    page.keyboard.type(text)


def test_write_a_reflection_by_keyboard_save_and_a_learner_sees_it(wb, page):
    editor = open_editor(wb, page, REFLECTION_DEMO)
    check_view(page, 'reflection-editor')
    tab_to(page, 'Prompt')
    replace_text(page, '<p>What did you <em>notice</em> today?</p><script>window.__pwned = 1</script>')
    preview = editor.locator('[data-preview="prompt"]')
    expect(preview.locator('em')).to_have_text('notice')
    expect(preview).not_to_contain_text('pwned')
    tab_to(page, 'Minimum words')
    replace_text(page, '3')
    tab_to(page, 'Maximum words')
    replace_text(page, '40')
    expect(editor.locator('[data-role="problems"]')).to_contain_text('No problems found.')
    check_view(page, 'reflection-editor-written')
    tab_to(page, 'Save')
    page.keyboard.press('Enter')
    expect(editor.locator('[data-role="status"]')).to_have_text('Saved.')

    page.goto(wb.url(REFLECTION_DEMO, student=new_student()))
    expect(page.locator('.lsx-prompt')).to_have_text('What did you notice today?')
    expect(page.locator('.lsx-hint').first).to_contain_text('Write between 3 and 40 words.')
    assert page.evaluate('() => window.__pwned') is None


def test_reflection_olx_and_back_refused_saves_and_the_draft_recovered(wb, page):
    editor = open_editor(wb, page, REFLECTION)
    form_tab, olx = olx_and_back(
        page, editor, 'Content (OLX)', 'min_words="50" max_words="600"', lambda: form_values(page), 'reflection-olx'
    )
    # An OLX edit of a word limit reaches the form.
    olx_edit_reaches_form(page, editor, form_tab, olx, ('max_words="600"', 'max_words="700"'), 'max_words', '700')

    # A limit that is no number: the model's message, and the save is refused with the work kept.
    page.locator('[data-key="min_words"]').fill('ten')
    problems, alert = editor.locator('[data-role="problems"]'), editor.locator('[data-role="alert"]')
    expect(problems).to_contain_text('min_words is "ten": it must be a whole number, 0 or more.')
    editor.locator('[data-role="save"]').click()
    expect(alert).to_contain_text('Not saved')
    expect(alert).to_contain_text('min_words is "ten"')
    expect(page.locator('[data-key="min_words"]')).to_have_value('ten')
    check_view(page, 'reflection-editor-refused')

    # An empty prompt: Studio's save refuses it with the model's message.
    page.locator('[data-key="min_words"]').fill('5')
    page.locator('[data-key="prompt"]').fill('<p> </p>')
    expect(problems).to_contain_text('The prompt is empty')
    editor.locator('[data-role="save"]').click()
    expect(alert).to_contain_text('The prompt is empty')
    expect(page.locator('[data-key="prompt"]')).to_have_value('<p> </p>')

    draft = reload_and_offer_draft(page, editor, 'An unsaved draft of this content')
    expect(page.locator('[data-key="max_words"]')).to_have_value('600')
    check_view(page, 'reflection-editor-draft')
    draft.get_by_role('button', name='Recover the draft').click()
    expect(page.locator('[data-key="max_words"]')).to_have_value('700')
    expect(problems).to_contain_text('The prompt is empty')
    clear_draft(page)


def test_build_a_self_assessment_by_keyboard_save_and_a_learner_sees_it(wb, page):
    editor = open_editor(wb, page, SELF_ASSESSMENT_DEMO)
    check_view(page, 'self-assessment-editor')
    status = editor.locator('[data-role="status"]')
    tab_to(page, 'Delete: Statement 1 of Dimension 1')
    page.keyboard.press('Enter')
    expect(page.locator('[data-key="h:dimensions.0.items.0"]')).to_be_focused()
    expect(status).to_have_text('Deleted the statement.')
    tab_to(page, 'Add a statement to Dimension 1')
    page.keyboard.press('Enter')
    expect(page.locator('[data-key="h:dimensions.0.items.2"]')).to_be_focused()
    tab_to(page, 'Id')
    expect(page.locator('[data-key="dimensions.0.items.2.id"]')).to_have_value('statement_3')
    tab_to(page, 'Statement')
    page.keyboard.type('I ask for help early.')
    tab_to(page, 'Move up: Statement 3 of Dimension 1')
    page.keyboard.press('Enter')
    expect(page.locator('[data-key="up:dimensions.0.items.1"]')).to_be_focused()
    expect(editor.locator('[data-key="h:dimensions.0.items.1"]')).to_have_text('Statement 2: I ask for help early.')
    tab_to(page, 'Duplicate: Dimension 1')
    page.keyboard.press('Enter')
    expect(page.locator('[data-key="h:dimensions.1"]')).to_be_focused()
    expect(status).to_have_text('Duplicated the dimension.')
    expect(page.locator('[data-key="dimensions.1.id"]')).to_have_value('dimension_5')
    expect(page.locator('[data-key="dimensions.1.items.1.id"]')).to_have_value('statement_2')
    check_and_save_by_keyboard(page, editor, 'self-assessment-editor-built')

    page.goto(wb.url(SELF_ASSESSMENT_DEMO, student=new_student()))
    legends = [t.strip() for t in page.locator('.lsx legend').all_inner_texts()]
    assert legends.count('I ask for help early.') == 2 and DELETED not in legends
    assert legends.index('I ask for help early.') == 1 and len(legends) == 12 - 1 + 1 + 3  # and the copy's three


def test_self_assessment_olx_and_back_a_refused_save_and_the_draft_recovered(wb, page):
    editor = open_editor(wb, page, SELF_ASSESSMENT)
    form_tab, olx = olx_and_back(
        page, editor, 'Content (OLX)', '<dimension id="teams"', lambda: form_values(page), 'self-assessment-olx'
    )
    change = ('label="Leading teams"', 'label="Leading a team"')
    olx_edit_reaches_form(page, editor, form_tab, olx, change, 'dimensions.1.label', 'Leading a team')

    for _ in range(3):  # every statement of the first dimension, with the mouse
        page.locator('[data-key="del:dimensions.0.items.0"]').click()
    problems, alert = editor.locator('[data-role="problems"]'), editor.locator('[data-role="alert"]')
    expect(problems).to_contain_text('has no items to rate.')
    editor.locator('[data-role="save"]').click()
    expect(alert).to_contain_text('Not saved')
    expect(alert).to_contain_text('has no items to rate.')
    expect(editor.locator('[data-key="h:dimensions.0.items.0"]')).to_have_count(0)
    check_view(page, 'self-assessment-editor-refused')

    draft = reload_and_offer_draft(page, editor, 'An unsaved draft of this content')
    expect(editor.locator('[data-key="h:dimensions.0.items.2"]')).to_be_visible()
    draft.get_by_role('button', name='Recover the draft').click()
    expect(editor.locator('[data-key="h:dimensions.0.items.0"]')).to_have_count(0)
    expect(page.locator('[data-key="dimensions.1.label"]')).to_have_value('Leading a team')
    check_view(page, 'self-assessment-editor-draft')
    clear_draft(page)


def test_the_self_assessment_editor_speaks_welsh(wb, page):
    editor = open_in_welsh(wb, page, SELF_ASSESSMENT, AUTHOR)
    expect(editor.get_by_role('heading', name='Dimensiynau')).to_be_visible()
    expect(editor.get_by_role('button', name='Ychwanegu datganiad: Dimensiwn 1')).to_be_visible()
    expect(editor.get_by_role('button', name='Dileu: Datganiad 2 (Dimensiwn 1)')).to_be_visible()
    expect(editor.get_by_label('Pwynt isaf y raddfa')).to_have_value('1')
    check_view(page, 'self-assessment-editor-welsh')


def test_two_editors_on_one_page_share_no_id_and_every_help_text_is_tied_to_its_field(wb, page):
    """Accessibility audit finding 16 (the standard Studio form): duplicate ids with several editors on a
    page, help text not tied to its field."""
    page.goto(wb.url('Reflection: the default prompt and an authored one', view='studio_view', student=AUTHOR))
    editors = page.locator('.lsx-editor')
    expect(editors).to_have_count(2)
    for i in range(2):
        expect(editors.nth(i).locator('[data-role="problems"]')).to_contain_text('No problems found.')
    found = page.evaluate(
        """() => {
            const ids = Array.from(document.querySelectorAll('.lsx-editor [id]')).map((n) => n.id);
            const tied = (id) => document.querySelector(`[aria-describedby~="${id}"], [aria-labelledby~="${id}"]`);
            const helps = Array.from(document.querySelectorAll('.lsx-editor .lsx-ed-help[id]'));
            return {ids: ids.length, dupes: ids.filter((id, i) => ids.indexOf(id) !== i),
                    helps: helps.length, untied: helps.filter((h) => !tied(h.id)).map((h) => h.id)};
        }"""
    )
    assert found['ids'] > 40 and found['dupes'] == [], found
    assert found['helps'] >= 10 and found['untied'] == [], found
