"""The scenario editor in the workbench's Studio view (`/scenario/<id>/studio_view/`), as a course
author (the workbench's staff user) uses it: keyboard only where the brief says so, axe-core and
the 375 px reflow check in each state. The workbench has no Studio notification bar; the editor
shows its own status and alert regions, which is what these tests read.
"""

import re

from playwright.sync_api import expect

from . import helpers
from .conftest import EXAMPLE, wait_for_blocks
from .editor_steps import clear_draft, olx_and_back, open_in_welsh, reload_and_offer_draft
from .helpers import check_view, focused, new_student

EDITOR_DEMO = 'Editor demo: a new scenario block'
AUTHOR = 'staff'


def name_of_focus(page):
    return (focused(page) or {}).get('name', '')


def tab_to(page, name, max_presses=400, prefix=False):
    """Tab (keyboard only) until the focused control's accessible name is `name` (or starts with it)."""
    return helpers.tab_to(page, name, max_presses=max_presses, exact=not prefix, by_name=True)


def type_into(page, name, text):
    tab_to(page, name)
    page.keyboard.type(text)


def choose_option(page, name, presses):
    """Focus a select and move its choice down with the arrow key, as a keyboard user does."""
    tab_to(page, name)
    for _ in range(presses):
        page.keyboard.press('ArrowDown')


def open_editor(wb, page, title=EDITOR_DEMO):
    page.goto(wb.url(title, view='studio_view', student=AUTHOR))
    expect(page.locator('.lsx-editor [data-role="map"]')).to_be_visible()
    return page.locator('.lsx-editor')


def form_values(page):
    return page.eval_on_selector_all(
        '.lsx-editor [data-path], .lsx-editor [data-demand], .lsx-editor [data-shuffle]',
        'nodes => nodes.map(n => [n.getAttribute("data-key"), n.type === "checkbox" ? n.checked : n.value])',
    )


def delete_all(page, kind, count):
    """Delete the first `count` items of a list with the keyboard (each Delete button in turn)."""
    for _ in range(count):
        page.locator(f'[data-key="h:{kind}.0"]').focus()
        tab_to(page, 'Delete:', max_presses=6, prefix=True)
        page.keyboard.press('Enter')


def test_build_a_five_step_scenario_with_a_loop_by_keyboard_save_and_play(wb, page):
    editor = open_editor(wb, page)
    clear_draft(page)
    check_view(page, 'editor-new-block')
    status = editor.locator('[data-role="status"]')

    # Empty the new block's example: its competency, two steps and two endings.
    delete_all(page, 'competencies', 1)
    delete_all(page, 'steps', 2)
    delete_all(page, 'endings', 2)
    expect(editor.locator('.lsx-ed-steps')).to_have_count(0)

    # Five steps, then one ending, each added and named from the keyboard.
    page.locator('[data-key="add:steps"]').focus()
    for n in range(1, 6):
        page.keyboard.press('Enter')
        expect(page.locator(f'[data-key="h:steps.{n - 1}"]')).to_be_focused()
        type_into(page, 'Title', f'Moment {n}')
        type_into(page, 'Situation', f'<p>What happens at moment {n}.</p>')
        tab_to(page, 'Add a step')
    tab_to(page, 'Add an ending')
    page.keyboard.press('Enter')
    type_into(page, 'Title', 'Everyone is safe')
    type_into(page, 'Score from 0 to 1', '1')

    # Choices, from the map: its first node opens step 1 in the form.
    tab_to(page, 'Step: Moment 1 (step_1)', prefix=True)
    page.keyboard.press('Enter')
    expect(page.locator('[data-key="h:steps.0"]')).to_be_focused()
    # Target options: the empty one, the five steps, then the ending.
    routes = {1: [2], 2: [3], 3: [4, 1], 4: [5], 5: [6]}
    for n, targets in routes.items():
        for k, target in enumerate(targets):
            # The next "Add a choice" is this step's own; the first of a new step is the one after.
            for _ in range(2 if n > 1 and k == 0 else 1):
                tab_to(page, 'Add a choice')
            page.keyboard.press('Enter')
            type_into(page, 'Label', f'Option {k + 1} at moment {n}')
            choose_option(page, 'Decision mode', 1 + (n + k) % 4)
            choose_option(page, 'Leads to', target)
    problems = editor.locator('[data-role="problems"]')
    expect(problems.locator('.lsx-ed-summary')).to_have_text(re.compile(r'^(0 error\(s\)|No problems)'))
    expect(editor.locator('.lsx-map-loop')).to_have_count(1)
    expect(editor.locator('[data-role="outline"]')).to_contain_text('loops back')
    check_view(page, 'editor-five-steps-built')

    tab_to(page, 'Save')
    page.keyboard.press('Enter')
    expect(status).to_have_text('Saved.')

    # A learner plays it: through the loop and on to the ending.
    learner = page.context.new_page()
    wb.open(EDITOR_DEMO, student=new_student('editor-built'), page=learner)
    route = [
        'Option 1 at moment 1',
        'Option 1 at moment 2',
        'Option 2 at moment 3',
        'Option 1 at moment 1',
        'Option 1 at moment 2',
        'Option 1 at moment 3',
        'Option 1 at moment 4',
        'Option 1 at moment 5',
    ]
    for label in route:
        learner.get_by_role('button', name=label).click()
    expect(learner.get_by_role('heading', name='Everyone is safe')).to_be_visible()
    learner.close()


def test_a_dead_end_is_flagged_a_save_refused_and_the_draft_recovered(wb, page):
    editor = open_editor(wb, page, EXAMPLE)
    clear_draft(page)
    page.reload()
    expect(editor.locator('[data-role="map"] .lsx-map-key')).to_have_count(5)
    # The author adds a step and sends a choice to it: a step with no way on.
    page.locator('[data-key="add:steps"]').click()
    editor.get_by_label('Leads to').first.select_option('step_1')
    message = 'No ending can be reached from step "step_1".'
    problems = editor.locator('[data-role="problems"]')
    expect(problems).to_contain_text(message)
    expect(problems).to_contain_text('Step "step_1" has no choices.')
    node = editor.locator('.lsx-map-node[data-node="step_1"]')
    expect(node).to_have_class('lsx-map-node lsx-map-step lsx-map-error')
    expect(editor.locator('.lsx-map-key[data-node="step_1"]')).to_contain_text('2 problem(s)')
    check_view(page, 'editor-dead-end')

    # Save is refused with the messages; the work stays in the editor.
    editor.locator('[data-role="save"]').click()
    alert = editor.locator('[data-role="alert"]')
    expect(alert).to_contain_text('Not saved')
    expect(alert).to_contain_text(message)
    expect(editor.locator('[data-key="h:steps.3"]')).to_be_visible()

    # Reloading warns about unsaved changes; the draft comes back.
    draft = reload_and_offer_draft(page, editor, 'An unsaved draft of this scenario')
    expect(editor.locator('[data-key="h:steps.3"]')).to_have_count(0)
    check_view(page, 'editor-draft-offered')
    draft.get_by_role('button', name='Recover the draft').click()
    expect(editor.locator('[data-key="h:steps.3"]')).to_be_visible()
    expect(problems).to_contain_text(message)
    draft_values = form_values(page)
    clear_draft(page)
    assert any(key == 'steps.3.id' and value == 'step_1' for key, value in draft_values)


def test_olx_and_back_changes_nothing_and_olx_edits_reach_the_form(wb, page):
    editor = open_editor(wb, page, EXAMPLE)
    clear_draft(page)
    before = form_values(page)
    form_tab, olx = olx_and_back(
        page, editor, 'Scenario (OLX)', '<step id="referral"', lambda: form_values(page), 'editor-olx'
    )
    olx_tab = editor.get_by_role('tab', name='OLX')

    # An edit in the OLX shows in the form, the map and the outline.
    olx_tab.click()
    olx.fill(olx.input_value().replace('title="19:00: at the family home"', 'title="19:30: at the family home"'))
    form_tab.click()
    expect(editor.get_by_label('Title').nth(1)).to_have_value('19:30: at the family home')
    expect(editor.locator('[data-role="outline"]')).to_contain_text('19:30: at the family home')
    after = dict(form_values(page))
    assert after['steps.1.title'] == '19:30: at the family home'
    assert {k: v for k, v in after.items() if k != 'steps.1.title'} == {
        k: v for k, v in dict(before).items() if k != 'steps.1.title'
    }
    clear_draft(page)


def test_try_it_plays_from_any_step_without_learner_data(wb, page):
    editor = open_editor(wb, page, EXAMPLE)
    clear_draft(page)
    editor.get_by_role('tab', name='Try it').click()
    editor.get_by_label('Start from').select_option('home_visit')
    editor.get_by_role('button', name='Play from here').click()
    expect(editor.get_by_role('heading', name='19:00: at the family home')).to_be_focused()
    editor.get_by_role('button', name='Work out a safety plan with the mother and grandmother together').click()
    expect(editor.locator('.lsx-feedback-box').first).to_contain_text('A plan the family helped to make')
    expect(editor.get_by_role('heading', name='Ending: A safety plan the family owns')).to_be_visible()
    check_view(page, 'editor-try-it')
    # The preview wrote nothing: a learner's first view of the page is the first step.
    learner = page.context.new_page()
    wb.open(EXAMPLE, student=AUTHOR, page=learner)
    wait_for_blocks(learner)
    expect(learner.get_by_role('heading', name='16:40 on a Friday: a referral from a school')).to_be_visible()
    learner.close()


def test_the_map_is_keyboard_navigable_and_opens_nodes_in_the_form(wb, page):
    editor = open_editor(wb, page, EXAMPLE)
    clear_draft(page)
    first = editor.locator('.lsx-map-key').first
    first.focus()
    page.keyboard.press('ArrowRight')
    expect(editor.locator('.lsx-map-key[data-node="home_visit"]')).to_be_focused()
    page.keyboard.press('ArrowDown')
    expect(editor.locator('.lsx-map-key[data-node="weekend"]')).to_be_focused()
    page.keyboard.press('Enter')
    expect(page.locator('[data-key="h:steps.2"]')).to_be_focused()
    assert name_of_focus(page).startswith('Step 3: Monday morning')

    # Folding every step leaves their headings, for an overview; opening a node from the map unfolds it.
    situation = editor.locator('[data-path="steps.1.html"]')
    editor.get_by_role('button', name='Hide the details of every step').click()
    expect(situation).to_be_hidden()
    expect(editor.locator('[data-path="steps.0.html"]')).to_be_hidden()
    show_first = editor.get_by_role('button', name='Show details: step 1 (referral)')
    expect(show_first).to_have_attribute('aria-expanded', 'false')
    check_view(page, 'editor-folded')
    editor.locator('.lsx-map-key[data-node="home_visit"]').click()
    expect(page.locator('[data-key="h:steps.1"]')).to_be_focused()
    expect(situation).to_be_visible()
    editor.get_by_role('button', name='Hide details: step 2 (home_visit)').press('Enter')
    expect(situation).to_be_hidden()
    expect(editor.get_by_role('button', name='Show details: step 2 (home_visit)')).to_be_focused()


def test_the_editor_speaks_welsh_and_says_so(wb, page):
    editor = open_in_welsh(wb, page, EXAMPLE, AUTHOR)
    expect(editor.get_by_role('button', name='Ychwanegu cam')).to_be_visible()
    expect(editor.locator('.lsx-map-legend')).to_contain_text('Terfyn amser')
    expect(editor.locator('[data-role="problems"]')).to_contain_text('rhybudd')
    check_view(page, 'editor-welsh')


def test_a_discarded_draft_is_gone_after_a_reload(wb, page):
    editor = open_editor(wb, page, EXAMPLE)
    clear_draft(page)
    editor.get_by_label('Title').first.fill('A changed title')
    page.wait_for_function("() => Object.keys(localStorage).some((k) => k.includes('scenario-draft'))")
    page.on('dialog', lambda dialog: dialog.accept())
    page.reload()
    editor.get_by_role('button', name='Discard the draft').click()
    expect(editor.locator('[data-role="status"]')).to_have_text('The draft was discarded.')
    page.reload()
    expect(editor.locator('[data-role="map"] .lsx-map-key')).to_have_count(5)
    expect(editor.locator('[data-role="draft"]')).to_be_hidden()
    expect(editor.get_by_label('Title').first).to_have_value('16:40 on a Friday: a referral from a school')
