"""The CPD record demo page in headless Chromium: a learner plays the scenario to an ending and
submits the reflection; after a reload the record shows both, grouped by module, passes axe-core
and the 375 px reflow check, and its download link returns the printable file."""

from playwright.sync_api import expect

from .conftest import CPD_RECORD
from .helpers import check_view

ENDING = 'The baby is protected'
REFLECTION = (
    'I checked the records and rang my manager before deciding, because no one was at '
    'immediate risk. Next time I would also ask the health visitor what she saw at the clinic.'
)


def test_the_record_gathers_a_scenario_and_a_reflection(wb, student):
    page = wb.open(CPD_RECORD, student=student)
    record = page.locator('.lsx-cpd-record')
    expect(record.get_by_role('status')).to_contain_text('Your record is empty for now')
    check_view(page, 'cpd-record-empty')

    scenario = page.locator('.lsx-scenario')
    scenario.get_by_role('button', name='Check the records and talk it through with your manager').click()
    scenario.get_by_role('button', name='Call a strategy discussion now').click()
    expect(scenario.get_by_role('heading', name=ENDING)).to_be_visible()

    reflection = page.locator('.lsx-reflection')
    reflection.get_by_label('Your reflection').fill(REFLECTION)
    reflection.get_by_role('button', name='Submit reflection').click()
    expect(reflection.get_by_role('heading', name='Your submitted reflection')).to_be_visible()

    page = wb.open(CPD_RECORD, student=student)
    record = page.locator('.lsx-cpd-record')
    expect(record.get_by_role('heading', name='Leading self')).to_be_visible()
    expect(record.get_by_text('BASW PCF: Professional leadership')).to_be_visible()
    expect(record.get_by_role('heading', name='A call to the duty desk')).to_be_visible()
    expect(record.get_by_role('heading', name='Reflecting on the duty call')).to_be_visible()
    expect(record.get_by_text(f'reached the ending "{ENDING}"')).to_be_visible()
    expect(record.get_by_text('mode: consultative')).to_be_visible()
    expect(record.get_by_text('Next time I would also ask the health visitor', exact=False)).to_be_visible()
    # The learner's own words are of unknown language (lang=""), not the interface's nor the course's.
    expect(record.locator('blockquote.lsx-cpd-reflection')).to_have_attribute('lang', '')
    check_view(page, 'cpd-record-filled')

    link = record.get_by_role('link', name='Download my CPD record')
    response = page.request.get(wb.base_url + link.get_attribute('href'))
    assert response.status == 200
    assert response.headers['content-disposition'] == 'attachment; filename=cpd-record.html'
    body = response.text()
    assert ENDING in body and 'Next time I would also ask the health visitor' in body and '@media print' in body
    assert '<blockquote class="lsx-cpd-reflection" lang="">' in body
