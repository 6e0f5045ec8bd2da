"""What issue 14 left: charts named in the interface language with their authored names only in the
HTML they point to, the self-assessment's comparison sentence with its quoted title in the course's
language, a learner's own words marked as of unknown language (lang=""), and the 3 px focus ring on
`summary` elements (accessibility audit, finding 13). The time allocation's chart is checked the same
way in `test_activity_journeys.py` (beside the cohort mean).

A chart's accessible name and description (`<title>`, `<desc>`) are one interface sentence each and
cannot mark a part's language, so they quote no authored text (step titles, choice labels, endings,
dimension and function names). The chart points with `aria-details` to the table, list or `details`
holding them, where each authored name carries its `lang`.
"""

import re

from playwright.sync_api import expect

from .conftest import REFLECTION, REVIEW, SELF_ASSESSMENT, wait_for_blocks
from .helpers import (
    AUTHORED_FORM_TEXTS,
    assert_accessible,
    assert_charts_named_in_interface_words,
    check_view,
    focused,
    tab_to,
)
from .test_activity_journeys import AUTHORED_REFLECTION, rate_all, words
from .test_content_language import authored
from .test_learner_experience import open_all_details, review_cohort  # noqa: F401 (the fixture)


def test_scenario_charts_quote_no_authored_text_and_point_to_their_tables(wb, page, review_cohort, student):  # noqa: F811
    seen = set()
    page.on('response', lambda r: '/handler/' in r.url and r.ok and seen.update(authored(r.json())))
    page.goto(wb.url(REVIEW, student=student))
    wait_for_blocks(page)
    scenario = page.locator('section.lsx-scenario')
    scenario.locator('[data-role="continue"]').click()
    scenario.locator('[data-choice="act_now"]').click()
    expect(scenario.locator('[data-role="cohort"] svg[role="img"]')).to_have_count(2)
    scenario.locator('[data-choice="agree_plan"]').click()
    route = scenario.get_by_role('img', name='Route map: your 2 decisions and your ending', exact=True)
    expect(route).to_be_visible()
    # The ending's title is in the list the map points to, not in the map's name.
    expect(route.locator('title')).not_to_contain_text(re.compile('A plan in place'))
    expect(page.locator(f'[id="{route.get_attribute("aria-details")}"] .lsx-route-list')).to_contain_text(
        'A plan in place'
    )
    # The last step's two cohort charts, the route map and the cohort's endings.
    assert_charts_named_in_interface_words(page, 'section.lsx-scenario', seen, 4)
    assert_accessible(page, 'chart-names-scenario-ending')
    open_all_details(page)
    assert_accessible(page, 'chart-names-scenario-ending-open')


def test_self_assessment_comparison_quotes_the_first_title_in_the_course_language(wb, page, student):
    """In the Welsh interface the comparison sentence is Welsh around the quoted English title, which carries
    lang="en"; the charts are named in Welsh and quote neither the dimensions nor the titles."""
    page.goto(wb.url(SELF_ASSESSMENT, student=student) + '&lang=cy')
    before = page.locator('section.lsx-self-assessment').nth(0)
    after = page.locator('section.lsx-self-assessment').nth(1)
    first_title = before.locator('h3.lsx-title').text_content().strip()
    assert first_title == 'Your leadership profile: before'
    for block, value in ((before, 2), (after, 4)):
        rate_all(block, value)
        block.locator('[data-role="submit"]').click()
        expect(block.locator('[data-role="result"] svg[role="img"]')).not_to_have_count(0)

    sentence = after.locator('.lsx-change p').first
    expect(sentence).to_have_text(f'O gymharu \u00e2\'ch gradd gyntaf, yn "{first_title}".')
    quoted = sentence.locator('span')
    expect(quoted).to_have_count(1)
    expect(quoted).to_have_text(first_title)  # the quotation marks and full stop stay in the Welsh sentence
    expect(quoted).to_have_attribute('lang', 'en')
    assert sentence.evaluate('p => p.closest("[lang]").lang') == 'cy'

    strings = set(page.evaluate(AUTHORED_FORM_TEXTS, 'section.lsx-self-assessment'))
    assert first_title in strings
    assert_charts_named_in_interface_words(page, 'section.lsx-self-assessment', strings, 3)
    assert_accessible(page, 'chart-names-self-assessment-cy')
    page.goto(wb.url(SELF_ASSESSMENT) + '?lang=en')  # leave the language cookie as the other tests expect it
    expect(page.locator('section.lsx-self-assessment').first).to_have_attribute('lang', 'en')


def test_self_assessment_comparison_sentence_in_english(wb, page, student):
    wb.open(SELF_ASSESSMENT, student=student)
    blocks = page.locator('section.lsx-self-assessment')
    for index in (0, 1):
        rate_all(blocks.nth(index), 3)
        blocks.nth(index).get_by_role('button', name='Submit and see my profile').click()
    sentence = blocks.nth(1).locator('.lsx-change p').first
    expect(sentence).to_have_text('Compared with your first rating, in "Your leadership profile: before".')
    expect(sentence.locator('span[lang="en"]')).to_have_text('Your leadership profile: before')


def luminance(css):
    red, green, blue = (int(v) / 255 for v in re.findall(r'\d+', css)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, two):
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


RING = """() => {
    const el = document.activeElement, style = getComputedStyle(el);
    let ground = 'rgb(255, 255, 255)';
    for (let up = el.parentElement; up; up = up.parentElement) {
        const colour = getComputedStyle(up).backgroundColor;
        if (colour && !/rgba\\(.*,\\s*0\\)$/.test(colour) && colour !== 'transparent') { ground = colour; break; }
    }
    return {tag: el.tagName.toLowerCase(), style: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0,
            colour: style.outlineColor, ground: ground};
}"""


def test_summaries_get_the_3px_focus_ring_from_the_keyboard(wb, page, review_cohort, student):  # noqa: F811
    """Audit finding 13: a chart's "the figures as a table" and "Your route in words", reached with Tab, show the same
    3 px ring as every other control, in a colour that stands out from the page (at least 3:1)."""
    page.goto(wb.url(REVIEW, student=student))
    wait_for_blocks(page)
    scenario = page.locator('section.lsx-scenario')
    scenario.locator('[data-role="continue"]').click()
    scenario.locator('[data-choice="act_now"]').click()
    scenario.locator('[data-choice="agree_plan"]').click()
    expect(scenario.locator('.lsx-route')).to_be_visible()
    page.locator('body').click(position={'x': 1, 'y': 1})
    rings = {}
    for name in ('Choices made at this step: the figures as a table', 'Your route in words'):
        now = tab_to(page, name)
        assert now['tag'] == 'summary', now
        rings[name] = page.evaluate(RING)
    tab_to(page, 'Start a new attempt')
    button = page.evaluate(RING)
    check_view(page, 'summary-focus-ring', widths=(1280,))
    for name, ring in rings.items():
        assert ring['style'] == 'solid' and ring['width'] >= 3, f'{name}: {ring}'
        assert contrast(ring['colour'], ring['ground']) >= 3, f'{name}: {ring}'
        assert (ring['colour'], ring['width']) == (button['colour'], button['width']), f'{name}: {ring} / {button}'
    assert focused(page)['tag'] == 'button'


def test_a_learners_own_words_are_marked_as_of_unknown_language(wb, page, student):
    """The learner may write in any language: the text box and their submitted text carry lang="" (unknown, HTML's
    "The lang and xml:lang attributes"), so a screen reader reads them in the user's own voice and the spellchecker
    uses the user's languages, not the Welsh interface's; the printable copy marks them the same way."""
    page.goto(wb.url(REFLECTION, student=student) + '&lang=cy')
    block = page.locator('section.lsx-reflection').filter(has=page.locator('h3', has_text=AUTHORED_REFLECTION))
    expect(block).to_have_attribute('lang', 'cy')
    text = block.locator('[data-role="text"]')
    expect(text).to_have_attribute('lang', '')
    text.fill(words(60))
    block.locator('[data-role="submit"]').click()
    own = block.locator('.lsx-learner-text')
    expect(own).to_contain_text(words(60).split()[0])
    assert own.evaluate('node => node.closest("[lang]").getAttribute("lang")') == ''
    assert block.locator('[data-role="result"] h4').first.evaluate('h => h.closest("[lang]").lang') == 'cy'
    assert_accessible(page, 'reflection-own-words-cy')
    printable = page.request.get(wb.base_url + block.locator('a[target="_blank"]').get_attribute('href')).text()
    assert re.search(r'<div class="text" lang="">\s*(<p>)?When the school rang', printable), printable[-800:]
    page.goto(wb.url(REFLECTION) + '?lang=en')  # leave the language cookie as the other tests expect it
