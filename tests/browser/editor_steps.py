"""Steps the Studio editors' browser tests share (the scenario editor and the activity editors)."""

import re

from playwright.sync_api import expect

from .helpers import check_view, tab_to


def clear_draft(page):
    page.evaluate('() => Object.keys(localStorage).forEach((k) => localStorage.removeItem(k))')


def olx_and_back(page, editor, label, pattern, values, view_name):
    """From the Form tab to OLX with the arrow key (its text matching `pattern`; axe and reflow there) and
    back: the form's `values()` are what they were. Returns the Form tab and the OLX text area."""
    before = values()
    form_tab = editor.get_by_role('tab', name='Form')
    form_tab.focus()
    page.keyboard.press('ArrowRight')
    expect(editor.get_by_role('tab', name='OLX')).to_have_attribute('aria-selected', 'true')
    olx = editor.get_by_label(label)
    expect(olx).to_have_value(re.compile(pattern))
    check_view(page, view_name)
    page.keyboard.press('ArrowLeft')
    expect(form_tab).to_have_attribute('aria-selected', 'true')
    assert values() == before
    return form_tab, olx


def reload_and_offer_draft(page, editor, text):
    """Reload with unsaved changes: the browser asks first (one beforeunload dialog, accepted), and the
    editor offers the draft it kept, saying `text`. Returns the draft box."""
    dialogs = []
    page.on('dialog', lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.reload()
    assert dialogs == ['beforeunload']
    draft = editor.locator('[data-role="draft"]')
    expect(draft).to_contain_text(text)
    return draft


def open_in_welsh(wb, page, title, author):
    """An editor's Studio view in Welsh: the editor says it is in Welsh, and its Form tab is open."""
    page.goto(wb.url(title, view='studio_view', student=author) + '&lang=cy')
    editor = page.locator('.lsx-editor')
    expect(editor).to_have_attribute('lang', 'cy')
    expect(editor.get_by_role('tab', name='Ffurflen')).to_have_attribute('aria-selected', 'true')
    return editor


def olx_edit_reaches_form(page, editor, form_tab, olx, change, key, value):
    """On the OLX tab, make the `change` (old, new); back on the Form tab, the field `key` holds `value`."""
    editor.get_by_role('tab', name='OLX').click()
    olx.fill(olx.input_value().replace(*change))
    form_tab.click()
    expect(page.locator(f'[data-key="{key}"]')).to_have_value(value)


def check_and_save_by_keyboard(page, editor, view_name):
    """No problems (axe and reflow as `view_name`), then Tab to Save and press Enter: saved."""
    expect(editor.locator('[data-role="problems"]')).to_contain_text('No problems found.')
    check_view(page, view_name)
    tab_to(page, 'Save', max_presses=200, exact=True, by_name=True)
    page.keyboard.press('Enter')
    expect(editor.locator('[data-role="status"]')).to_have_text('Saved.')
