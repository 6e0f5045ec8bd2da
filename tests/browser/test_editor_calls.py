"""The Studio editors' handler calls, all through common.js's one `caller()`, when they fail: a check the
server refuses says its message in the alert, a save the server never receives says the work is kept
as a draft, and a "Try it" move that cannot reach the server says so where the scenario plays."""

import json

from playwright.sync_api import expect

from .editor_steps import clear_draft
from .test_activity_editor import EDITOR_DEMO, open_editor

AUTHOR = 'staff'
SCENARIO_DEMO = 'Editor demo: a new scenario block'
UNREACHABLE = 'The server could not be reached.'


def test_a_refused_check_and_an_unreachable_save_are_said_in_the_alert_and_the_work_stays(wb, page):
    editor = open_editor(wb, page, EDITOR_DEMO)
    label = page.locator('[data-key="functions.0.label"]')
    alert = editor.locator('[data-role="alert"]')

    refusal = json.dumps({'error': 'The editor check is refused for this test.'})
    page.route(
        '**/editor_check/**', lambda route: route.fulfill(status=400, body=refusal, content_type='application/json')
    )
    label.fill('Planning ahead')
    expect(alert).to_contain_text('The editor check is refused for this test.')
    page.unroute('**/editor_check/**')
    with page.expect_response(lambda response: 'editor_check' in response.url and response.ok):
        label.fill('Planning the week')  # a check that works: the save below has its report

    page.route('**/submit_studio_edits/**', lambda route: route.abort())
    editor.locator('[data-role="save"]').click()
    expect(alert).to_contain_text(UNREACHABLE + ' Your work is kept as a draft in this browser.')
    expect(label).to_have_value('Planning the week')
    clear_draft(page)


def test_a_try_it_move_that_cannot_reach_the_server_says_so_where_the_scenario_plays(wb, page):
    page.goto(wb.url(SCENARIO_DEMO, view='studio_view', student=AUTHOR))
    editor = page.locator('.lsx-editor')
    expect(editor.locator('[data-role="map"]')).to_be_visible()
    editor.get_by_role('tab', name='Try it').click()
    page.route('**/editor_preview/**', lambda route: route.abort())
    editor.get_by_role('button', name='Play from here').click()
    expect(editor.get_by_role('alert')).to_contain_text(UNREACHABLE)
    clear_draft(page)
