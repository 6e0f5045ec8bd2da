"""The Studio editor journey, and axe-core plus the 375 px checks on every page in every view.

The workbench renders the Studio editor that `xblock.utils`' StudioEditableXBlockMixin builds
(`/scenario/<id>/studio_view/`) without two things Studio's own page provides: the CSRF header
Studio adds to every jQuery request (without it the editor's Save is refused with a 403), and
the notification bar that shows `runtime.notify(...)` (the workbench only logs it to the
console). `show_studio_notifications` adds both: the header, and a stand-in for the bar beside
the editor (outside the block area that axe checks), a role="alert" region with the title and
message Studio would show, so the test reads what an author would read. The scenario block's
editor (tests/browser/test_scenario_editor.py) has its OLX in a tab and is for course authors
(the workbench's staff user).
"""

import pytest
from playwright.sync_api import expect

from .conftest import EXAMPLE, wait_for_blocks
from .helpers import check_view, new_student

STUDIO_STAND_IN = """() => {
    $.ajaxSetup({headers: {'X-CSRFToken': $.cookie('csrftoken')}});
    const bar = document.createElement('div');
    bar.id = 'studio-notification';
    bar.setAttribute('role', 'alert');
    document.querySelector('.workbench .main').prepend(bar);
    window.__studioNotifications = [];
    RuntimeProvider.getRuntime(1).notify = (name, data) => {
        window.__studioNotifications.push([name, data]);
        if (name === 'error') { bar.textContent = data.title + ': ' + data.message; }
        if (name === 'save') { bar.textContent = data.state === 'end' ? 'Saved' : (data.message || ''); }
    };
}"""


def show_studio_notifications(page):
    page.evaluate(STUDIO_STAND_IN)
    return page.locator('#studio-notification')


def save_editor(page):
    page.locator('.xblock-actions').get_by_role('link', name='Save').click()


def show_tab(page, name):
    page.get_by_role('tab', name=name).click()


def test_studio_edit_with_a_validation_error_then_fixed(wb, page):
    wb.open(EXAMPLE, view='studio_view', student='staff')
    notification = show_studio_notifications(page)
    body = page.get_by_label('Scenario (OLX)')
    name = page.get_by_label('Display name')
    original_name = name.input_value()
    show_tab(page, 'OLX')
    original_body = body.input_value()
    assert 'target="home_visit"' in original_body
    check_view(page, 'studio-editor-scenario')

    try:
        # An author points a choice at a step that does not exist, and breaks the XML elsewhere.
        body.fill(original_body.replace('target="home_visit"', 'target="no_such_step"', 1))
        save_editor(page)
        expect(notification).to_contain_text('Unable to update settings')
        expect(notification).to_contain_text('no_such_step')
        expect(notification).to_contain_text('Line ')
        message = notification.inner_text()
        assert 'Traceback' not in message and '{' not in message, message

        body.fill('<leadership_scenario><step id="a" title="A"><choice id="x"</step></leadership_scenario>')
        save_editor(page)
        expect(notification).to_contain_text('well-formed', ignore_case=True)

        # Nothing of the rejected edits was stored.
        learner = page.context.new_page()
        wb.open(EXAMPLE, student=new_student('after-rejected-edit'), page=learner)
        expect(learner.get_by_role('heading', name='16:40 on a Friday: a referral from a school')).to_be_visible()
        learner.close()

        # The author fixes the OLX and renames the exercise: the save goes through.
        body.fill(original_body)
        show_tab(page, 'Form')
        name.fill(original_name + ' (edited in Studio)')
        save_editor(page)
        expect(notification).to_have_text('Saved')
        learner = wb.open(EXAMPLE, student=new_student('after-fixed-edit'))
        expect(learner.get_by_role('heading', name=original_name + ' (edited in Studio)')).to_be_visible()
        expect(learner.get_by_role('heading', name='16:40 on a Friday: a referral from a school')).to_be_visible()
    finally:
        wb.open(EXAMPLE, view='studio_view', student='staff')
        notification = show_studio_notifications(page)
        page.get_by_label('Display name').fill(original_name)
        show_tab(page, 'OLX')
        page.get_by_label('Scenario (OLX)').fill(original_body)
        save_editor(page)
        expect(notification).to_have_text('Saved')


@pytest.mark.parametrize('view', ['student_view', 'author_view', 'studio_view'])
def test_every_page_passes_axe_and_reflows(wb, page, workbench_pages, view):
    """Each workbench page of the project, as first opened, in one view: axe-core, no sideways
    scrolling at 375 px, screenshots at 1280 and 375 px.
    The Studio editor is the same form for every block of a type, so it is checked on the first
    pages that between them hold every block type. All failures are reported together."""
    failures, types_seen = [], set()
    student = new_student(f'sweep-{view}')
    studio = view == 'studio_view'
    # Demo pages are short; the course modules repeat their block types at length.
    pages = sorted(workbench_pages, key=lambda entry: studio and entry[1].startswith('Module'))
    for scenario_id, title in pages:
        page.goto(f'{wb.base_url}/scenario/{scenario_id}/{view}/?student={student}')
        wait_for_blocks(page)
        types = set(
            page.eval_on_selector_all(
                '.xblock-v1[data-block-type^="leadership_"]', 'nodes => nodes.map(n => n.dataset.blockType)'
            )
        )
        if studio and types <= types_seen:
            continue
        types_seen |= types
        try:
            check_view(page, f'view-{view}-{scenario_id}')
        except AssertionError as error:
            failures.append(f'--- {title} ({scenario_id}, {view}):\n{error}')
    assert not failures, '\n\n'.join(failures)
