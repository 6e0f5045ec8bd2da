"""Language of parts in what the scripts draw (accessibility audit, finding 3): in the Welsh interface,
authored English (step titles, choices, feedback, endings, cohort chart labels, the route map, the
facilitator dashboard's tables) is marked lang="en", so a screen reader reads it with an English voice,
while the interface around it stays lang="cy".

The authored strings are taken from the JSON the page itself received; every element whose own text
holds one must have an ancestor-or-self `lang` of "en" nearer than any "cy". SVG `<title>`/`<desc>` are
left out: a chart's name is one interface sentence and cannot hold a marked part. The activity blocks'
results (self-assessment, time allocation, reflection) are checked against the lang their server-drawn
form gave each text: a default label is shown translated, so it stays "cy".
"""

from playwright.sync_api import expect

from .conftest import CPD_RECORD, HOSTILE_ACTIVITIES, REVIEW, SELF_ASSESSMENT, TIME_ALLOCATION, wait_for_blocks
from .test_learner_experience import review_cohort  # noqa: F401 (the fixture)

AUTHORED_KEYS = {'title', 'label', 'step_title', 'choice_label', 'choice', 'step', 'ending'}

# Elements in `area` whose own text holds one of the [text, lang] pairs, yet whose nearest lang is not that
# pair's lang (SVG <text>: its whole text).
MISMARKED = """([area, pairs]) => {
    const bad = [];
    for (const node of document.querySelector(area).querySelectorAll('*')) {
        const tag = node.tagName.toLowerCase();
        if (['title', 'desc', 'tspan', 'script', 'style', 'noscript'].includes(tag)) { continue; }
        const own = tag === 'text' ? node.textContent : Array.from(node.childNodes)
            .filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.nodeValue).join('');
        const lang = node.closest('[lang]') && node.closest('[lang]').getAttribute('lang');
        for (const [text, want] of pairs) {
            if (own.includes(text) && lang !== want) {
                bad.push(`lang=${lang} not ${want}: ${node.outerHTML.slice(0, 110)}`);
            }
        }
    }
    return bad;
}"""


def authored(payload, found=None):
    """Every authored string in a handler's JSON (titles and labels), at least four characters long."""
    found = set() if found is None else found
    if isinstance(payload, dict):
        for key, value in payload.items():
            if key in AUTHORED_KEYS and isinstance(value, str) and len(value) >= 4:
                found.add(value)
            authored(value, found)
    elif isinstance(payload, list):
        for item in payload:
            authored(item, found)
    return found


def unmarked(page, area, strings):
    assert strings, 'no authored strings collected: the check would pass on anything'
    return page.evaluate(MISMARKED, [area, [[text, 'en'] for text in sorted(strings)]])


def test_learner_scenario_marks_authored_text_english_in_the_welsh_interface(wb, page, review_cohort, student):  # noqa: F811
    seen = set()
    page.on('response', lambda r: '/handler/' in r.url and r.ok and seen.update(authored(r.json())))
    page.goto(wb.url(REVIEW, student=student) + '&lang=cy')
    wait_for_blocks(page)
    scenario = page.locator('section.lsx-scenario')
    expect(scenario).to_have_attribute('lang', 'cy')
    area = 'section.lsx-scenario'
    scenario.locator('[data-role="continue"]').click()
    assert unmarked(page, area, seen) == [], 'first step'

    # Feedback ("You chose: ..."), the history and the cohort's figures for the step just answered.
    scenario.locator('[data-choice="act_now"]').click()
    expect(scenario.locator('[data-role="cohort"] svg')).not_to_have_count(0)
    page.evaluate(f"() => document.querySelectorAll('{area} details').forEach((d) => {{ d.open = true; }})")
    expect(scenario.locator('.lsx-chosen span[lang="en"]')).to_have_count(1)
    assert unmarked(page, area, seen) == [], 'feedback, history and cohort step figures'
    # The interface around it stays Welsh.
    assert scenario.locator('.lsx-chosen').evaluate('p => p.closest("[lang]").lang') == 'cy'

    # The ending: route map and its words, competencies, the cohort's endings.
    scenario.locator('[data-choice="agree_plan"]').click()
    expect(scenario.locator('.lsx-route')).to_be_visible()
    page.evaluate(f"() => document.querySelectorAll('{area} details').forEach((d) => {{ d.open = true; }})")
    expect(scenario.locator('.lsx-route-list li')).not_to_have_count(0)
    assert unmarked(page, area, seen) == [], 'ending'
    page.goto(wb.url(REVIEW) + '?lang=en')  # leave the language cookie as the other tests expect it


def test_facilitator_dashboard_marks_authored_text_english_in_the_welsh_interface(wb, page, review_cohort):  # noqa: F811
    page.goto(wb.url(REVIEW, student='staff') + '&lang=cy')
    wait_for_blocks(page)
    dashboard = page.locator('section.lsx-dashboard')
    with page.expect_response(lambda r: 'staff_dashboard' in r.url) as answer:
        dashboard.locator('[data-action="toggle"]').click()
    strings = authored(answer.value.json())
    figures = dashboard.locator('[data-role="figures"]')
    expect(figures.locator('table')).not_to_have_count(0)
    assert unmarked(page, 'section.lsx-dashboard', strings) == [], 'dashboard'

    with page.expect_response(lambda r: 'staff_dashboard' in r.url) as answer:
        dashboard.locator('[data-action="present"]').click()
    strings = authored(answer.value.json())
    expect(dashboard.locator('.lsx-present-title')).to_have_attribute('lang', 'en')
    assert unmarked(page, 'section.lsx-dashboard', strings) == [], 'present mode'
    page.goto(wb.url(REVIEW) + '?lang=en')


# The texts of the server-drawn form (dimension headings, statements, function labels, the block's title)
# with the lang each was given.
FORM_TEXTS = """(area) => Array.from(document.querySelectorAll(
    `${area} h3.lsx-title, ${area} h4[data-dimension], ${area} legend[lang], ${area} label[for][lang]`))
    .map((node) => [node.textContent.trim(), node.getAttribute('lang')]).filter(([text]) => text.length >= 4)"""


def mismarked(page, area):
    """The form's texts as the script drew them again (results, charts, error summaries), wrongly marked."""
    pairs = page.evaluate(FORM_TEXTS, area)
    assert any(lang == 'en' for _, lang in pairs), 'no authored text in the form: the check would pass on anything'
    page.evaluate(f"() => document.querySelectorAll('{area} details').forEach((d) => {{ d.open = true; }})")
    return page.evaluate(MISMARKED, [area, pairs])


def test_activity_results_mark_authored_text_in_the_welsh_interface(wb, page, student):
    """Self-assessment, time allocation and reflection: what their scripts draw from authored text keeps the
    lang the form gave it (English for authored labels, Welsh for a translated default one)."""
    page.goto(wb.url(HOSTILE_ACTIVITIES, student=student) + '&lang=cy')
    rate = 'section.lsx-self-assessment'
    assessment = page.locator(rate)
    expect(assessment).to_have_attribute('lang', 'cy')
    assessment.locator('[data-role="submit"]').click()  # nothing rated: the summary links to each statement
    expect(assessment.locator('[data-role="error"] li a')).to_have_count(3)
    assert mismarked(page, rate) == [], 'self-assessment error summary'
    for fieldset in assessment.locator('fieldset').all():
        fieldset.locator('input[value="2"]').check()
    assessment.locator('[data-role="submit"]').click()
    expect(assessment.locator('[data-role="result"] svg text.lsx-chart-label')).to_have_count(1)
    assert mismarked(page, rate) == [], 'self-assessment profile chart and table'
    assert assessment.locator('[data-role="result"] h4').evaluate('h => h.closest("[lang]").lang') == 'cy'

    share = 'section.lsx-time-allocation'
    allocation = page.locator(share)
    allocation.locator('[data-role="submit"]').click()  # the shares add up to 0: linked to the first function
    expect(allocation.locator('[data-role="error"] li a')).to_have_count(1)
    assert mismarked(page, share) == [], 'time allocation error summary'
    inputs = allocation.locator('input[data-function]')
    inputs.nth(0).fill('60')
    inputs.nth(1).fill('40')
    allocation.locator('input[name$="-model"]').first.check()
    allocation.locator('input[name$="-consent"][value="no"]').check()
    allocation.locator('[data-role="submit"]').click()
    expect(allocation.locator('[data-role="result"] svg text.lsx-chart-label')).to_have_count(2)
    assert mismarked(page, share) == [], 'time allocation chart and table'

    write = 'section.lsx-reflection'
    reflection = page.locator(write)
    reflection.locator('[data-role="text"]').fill('I decided quickly and then asked my supervisor.')
    reflection.locator('[data-role="submit"]').click()
    expect(reflection.locator('.lsx-guidance')).to_have_attribute('lang', 'en')
    expect(reflection.locator('[data-role="record"] li strong')).to_have_attribute('lang', 'en')  # its title
    assert mismarked(page, write) == [], 'reflection record'
    page.goto(wb.url(REVIEW) + '?lang=en')


def test_cpd_record_marks_authored_text_english_in_the_welsh_interface(wb, page, student):
    """The CPD record and the printable reflections quote authored titles, modules, frameworks, steps and
    choices: each keeps the course's language (recorded with the entry) inside the Welsh interface."""
    page.goto(wb.url(CPD_RECORD, student=student) + '&lang=cy')
    wait_for_blocks(page)
    scenario = page.locator('.lsx-scenario')
    scenario.get_by_role('button', name='Check the records and talk it through with your manager').click()
    scenario.get_by_role('button', name='Call a strategy discussion now').click()
    expect(scenario.get_by_role('heading', name='The baby is protected')).to_be_visible()
    reflection = page.locator('.lsx-reflection')
    reflection.locator('[data-role="text"]').fill(
        'I checked the records and rang my manager before deciding, because no one was at immediate risk. '
        'Next time I would also ask the health visitor what she saw at the clinic.'
    )
    reflection.locator('[data-role="submit"]').click()
    expect(reflection.locator('[data-role="result"]')).to_be_visible()

    page.goto(wb.url(CPD_RECORD, student=student) + '&lang=cy')
    wait_for_blocks(page)
    record = page.locator('.lsx-cpd-record')
    expect(record.locator('.lsx-cpd-entry')).to_have_count(2)
    assert record.evaluate('r => r.closest("[lang]").lang') == 'cy'
    authored = ['Leading self', 'BASW PCF: Professional leadership', 'A call to the duty desk']
    authored += ['Reflecting on the duty call', 'Call a strategy discussion now', 'The baby is protected']
    authored += record.locator('.lsx-cpd-step').all_text_contents()
    assert page.evaluate(MISMARKED, ['.lsx-cpd-record', [[text.strip(' :'), 'en'] for text in authored]]) == []
    # what the interface says around them stays Welsh
    assert record.locator('.lsx-cpd-part').first.evaluate('h => h.closest("[lang]").lang') == 'cy'

    printable = page.request.get(wb.base_url + record.get_by_role('link').first.get_attribute('href')).text()
    assert 'lang="en">A call to the duty desk</h' in printable
    reflections_link = page.locator('.lsx-reflection a[download]').get_attribute('href')
    reflections = page.request.get(wb.base_url + reflections_link).text()
    assert '<h2 lang="en">Reflecting on the duty call</h2>' in reflections


# The labels of a server-drawn form that the CPD record quotes (dimension headings, function labels), with their lang.
ROW_LABELS = """(block) => Array.from(block.querySelectorAll('h4[data-dimension], label[for][lang]'))
    .map((node) => [node.textContent.trim(), node.getAttribute('lang')])"""


def rate_and_record(page, area):
    """Rate every statement of the first self-assessment in `area`; its labels with the lang they were shown in."""
    block = page.locator(area).first
    shown = block.evaluate(ROW_LABELS)
    for fieldset in block.locator('fieldset').all():
        fieldset.locator('input[value="2"]').check()
    block.locator('[data-role="submit"]').click()
    expect(block.locator('[data-role="result"] table')).not_to_have_count(0)
    return shown


def allocate_and_record(page, area):
    block = page.locator(area)
    shown = block.evaluate(ROW_LABELS)
    inputs = block.locator('input[data-function]')
    for index in range(inputs.count()):
        inputs.nth(index).fill('100' if index == 0 else '0')
    block.locator('input[name$="-model"]').first.check()
    block.locator('input[name$="-consent"][value="no"]').check()
    block.locator('[data-role="submit"]').click()
    expect(block.locator('[data-role="result"] table')).not_to_have_count(0)
    return shown


def test_cpd_record_marks_profile_and_allocation_rows_with_the_language_they_were_shown_in(wb, page, student):
    """The self-assessment's dimensions and the time allocation's functions in the CPD record: default labels a
    learner recorded in the Welsh interface stay Welsh when the record is read in English, and authored labels
    stay English when it is read in Welsh (each row recorded the lang its form gave the label)."""
    shown = []
    page.goto(wb.url(SELF_ASSESSMENT, student=student) + '&lang=cy')  # the default content: translated
    shown += rate_and_record(page, 'section.lsx-self-assessment')
    page.goto(wb.url(TIME_ALLOCATION, student=student) + '&lang=cy')
    shown += allocate_and_record(page, 'section.lsx-time-allocation')
    page.goto(wb.url(HOSTILE_ACTIVITIES, student=student) + '&lang=cy')  # authored English content
    shown += rate_and_record(page, 'section.lsx-self-assessment')
    shown += allocate_and_record(page, 'section.lsx-time-allocation')
    assert {lang for _text, lang in shown} == {'cy', 'en'}, shown  # both kinds, or the check proves nothing

    for language in ('en', 'cy'):
        page.goto(wb.url(CPD_RECORD, student=student) + f'&lang={language}')
        wait_for_blocks(page)
        record = page.locator('.lsx-cpd-record')
        expect(record.locator('.lsx-cpd-entry')).to_have_count(4)
        assert record.evaluate('r => r.closest("[lang]").lang') == language
        headers = record.locator('th[scope="row"]').all_text_contents()
        assert sorted(h.strip() for h in headers) == sorted(text for text, _lang in shown)
        assert page.evaluate(MISMARKED, ['.lsx-cpd-record', shown]) == [], f'the record read in {language}'
        printable = page.request.get(wb.base_url + record.get_by_role('link').first.get_attribute('href')).text()
        welsh = next(text for text, lang in shown if lang == 'cy')
        assert f'<th scope="row" lang="cy">{welsh}</th>' in printable
    page.goto(wb.url(REVIEW) + '?lang=en')
