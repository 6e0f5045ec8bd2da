"""Language of parts in what the scripts draw (accessibility audit, finding 3): in the Welsh interface,
authored English (step titles, choices, feedback, endings, cohort chart labels, the route map, the
facilitator dashboard's tables) is marked lang="en", so a screen reader reads it with an English voice,
while the interface around it stays lang="cy".

The authored strings are taken from the JSON the page itself received; every element whose own text
holds one must have an ancestor-or-self `lang` of "en" nearer than any "cy". SVG `<title>`/`<desc>` are
left out: a chart's name is one interface sentence and cannot hold a marked part.
"""

from playwright.sync_api import expect

from .conftest import REVIEW, wait_for_blocks
from .test_learner_experience import review_cohort  # noqa: F401 (the fixture)

AUTHORED_KEYS = {'title', 'label', 'step_title', 'choice_label', 'choice', 'step', 'ending'}

# Elements in `area` whose own text (an SVG <text>'s whole text) holds an authored string, yet whose
# nearest lang is not "en".
UNMARKED = """([area, strings]) => {
    const bad = [];
    for (const node of document.querySelector(area).querySelectorAll('*')) {
        const tag = node.tagName.toLowerCase();
        if (['title', 'desc', 'tspan', 'script', 'style', 'noscript'].includes(tag)) { continue; }
        const own = tag === 'text' ? node.textContent : Array.from(node.childNodes)
            .filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.nodeValue).join('');
        const hit = strings.find((s) => own.includes(s));
        if (!hit) { continue; }
        const lang = node.closest('[lang]') && node.closest('[lang]').getAttribute('lang');
        if (lang !== 'en') { bad.push(`lang=${lang}: ${node.outerHTML.slice(0, 110)}`); }
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
    return page.evaluate(UNMARKED, [area, sorted(strings)])


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
