"""The module pages, the facilitator guide, the About page and the reading list of the shipped course:
outcomes mapped to the four nations, the same outcomes for staff and learners, realistic hours, the
report cited in its own form and the roundtable's words kept apart from the editors' introduction.
(The scenarios themselves: `test_course_judgement_m12.py`, `test_course_judgement_m34.py`.)
"""

import importlib.resources
import re

import pytest
from lxml import etree

from tests.support import REPO_ROOT as REPO
from tests.test_course_judgement_m12 import NAMES, read, routes
from tests.test_course_judgement_m34 import FILES

COURSE = importlib.resources.files('leadership_xblocks.scenarios') / 'course'
GUIDE = REPO / 'docs' / 'facilitator-guide.md'

# Modules 1 and 2 --------------------------------------------------------------------------


def module_guide(number):
    text = GUIDE.read_text(encoding='utf-8')
    return text[text.index(f'## Module {number}:') : text.index(f'## Module {number + 1}:')]


@pytest.mark.parametrize('number', [1, 2])
def test_the_guide_presents_steps_that_every_route_passes(number):
    titles = re.findall(r'step "([^"]+)"', module_guide(number))
    assert len(titles) >= 2
    data = [read(name) for name in NAMES]
    for title in titles:
        owner = [
            (steps, start, endings)
            for _root, steps, start, endings in data
            if any(step['title'] == title for step in steps.values())
        ]
        assert len(owner) == 1, title
        steps, start, endings = owner[0]
        for path, _end in routes(steps, start, endings):
            assert any(steps[s]['title'] == title for s, _c in path), title


@pytest.mark.parametrize(
    'number, vertical, page', [(1, 'm1_intro_start', 'm1_outcomes'), (2, 'm2_intro_learn', 'm2_outcomes')]
)
def test_each_module_opens_with_outcomes_mapped_to_the_four_nations(number, vertical, page):
    chapter = etree.fromstring(
        (COURSE / 'chapter' / f'module_{number}_{("self", "teams")[number - 1]}.xml').read_bytes()
    )
    sequential = etree.fromstring((COURSE / 'sequential' / f'{chapter[0].get("url_name")}.xml').read_bytes())
    assert sequential[0].get('url_name') == vertical
    first = etree.fromstring((COURSE / 'vertical' / f'{vertical}.xml').read_bytes())[0]
    assert first.tag == 'html' and first.get('url_name') == page
    html = ' '.join((COURSE / 'html' / f'{page}.html').read_text(encoding='utf-8').split())
    for needed in (
        'Learning outcomes',
        'Study time',
        'as at December 2026',
        'Social Work England',
        'SSSC Codes of Practice',
        'Social Care Wales Code of Professional Practice',
        'NISCC Standards of Conduct and Practice',
        'Miller RS and Geoghegan L (Eds) (2022)',
    ):
        assert needed in html, needed
    assert len(re.findall(r'<li>', html.split('<h4>How the outcomes map')[0])) >= 4
    assert 'Learning outcomes' in module_guide(number) and 'Study time' in module_guide(number)


# Modules 3 and 4 --------------------------------------------------------------------------

PAGES = importlib.resources.files('leadership_xblocks.scenarios') / 'course'
CITE_AS = (
    'Miller RS and Geoghegan L (Eds) (2022) <cite>Leadership and Social Work in the UK: Valuing its '
    'Potential: A roundtable discussion</cite>. Birmingham: BASW / University of Birmingham.'
)


def page(path):
    return (PAGES / path).read_text(encoding='utf-8')


@pytest.mark.parametrize('first_page', ['html/m3_intro_systems.html', 'html/m4_intro_change.html'])
def test_each_module_opens_with_outcomes_mapped_to_all_four_nations(first_page):
    text = page(first_page)
    assert 'Learning outcomes' in text and 'Study time' in text and 'as at December 2026' in text
    for standards in (
        'Social Work England professional standards',
        'Social Care Wales Code of Professional Practice',
        'SSSC Codes of Practice',
        'NISCC Standards of Conduct and Practice',
    ):
        assert standards in text, standards
    assert text.count('<li>') >= 5 and CITE_AS in text


def test_the_facilitator_guide_carries_the_same_outcomes_in_markdown_and_in_the_course():
    guide = (REPO / 'docs' / 'facilitator-guide.md').read_text(encoding='utf-8')
    for number in (3, 4):
        staff_page = page(f'html/fg_module_{number}.html')
        section = guide.split(f'## Module {number}:')[1].split('\n## ')[0]
        assert 'Learning outcomes' in section and 'Learning outcomes' in staff_page
        for nation in ('England', 'Wales', 'Scotland', 'Northern Ireland'):
            assert f'| {nation} |' in section and f'<th scope="row">{nation}</th>' in staff_page


def test_the_about_page_states_realistic_hours_the_nations_and_a_reading_list():
    overview = page('about/overview.html')
    assert '9 to 10 hours' in overview and '12 to 13 hours' not in overview
    assert 'reading-list' in overview and overview.count('<li>') >= 10
    assert (
        '<cite>Leadership and Social Work in the UK: Valuing its Potential: A roundtable discussion</cite>' in overview
    )
    assert 'as at December 2026' in overview
    reading = page('html/reading_list.html')
    assert CITE_AS.split('</cite>')[0] in reading and 'doi:10.1093/bjsw/bcac017' in reading


MISATTRIBUTIONS = [
    'The roundtable saw this as a strength',
    "The roundtable's first recommendation",
    'The roundtable noted that people in senior social work leadership',
    'found five that are drawn on most often',
    'health services must keep social workers in their teams',
    'the same independent role sits with',
    "the roundtable's call for leaders to challenge blame",
    "the roundtable's reminder that leaders must sometimes",
    '42 integrated care systems',
    'Miller, R. and Geoghegan, L.',
]


def test_course_pages_separate_the_discussion_from_the_editors_introduction():
    texts = {
        path.name: path.read_text(encoding='utf-8')
        for folder in ('html', 'about')
        for path in (PAGES / folder).iterdir()
        if path.name.endswith('.html')
    }
    texts |= {name: page(f'leadership_scenario/{name}') for name in FILES}
    for name, text in texts.items():
        for phrase in MISATTRIBUTIONS:
            assert phrase not in text, (name, phrase)
    for name in ('m4_intro_diversity.html', 'm4_intro_change.html', 'm1_intro_what.html'):
        assert 'introduction' in texts[name], name
