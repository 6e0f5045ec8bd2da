"""Fixtures of the browser suite: the workbench's pages as its index lists them, and `wb`,
a small driver for opening a page as a given learner.

Pages are found by (part of) their title on the index, never by a hard-coded id, because
the workbench numbers pages by their order. Every test uses learner ids of its own
(`helpers.new_student`), so tests do not depend on each other's state; blocks whose figures
count learners (cohort results) have demo pages no other test answers.
"""

import html
import re
import urllib.request

import pytest

from .helpers import new_student

EXAMPLE = 'Example: Friday afternoon on the duty desk'
TIMED = 'Timed demo: three seconds to decide'
REVIEW = 'Review demo: a content note and the route review'
COHORT = 'Cohort demo: one decision, shared with the group'
HOSTILE = 'Hostile content demo'
HOSTILE_ACTIVITIES = 'Hostile content in the activities'
REFLECTION = 'Reflection: the default prompt and an authored one'
SELF_ASSESSMENT = 'Self-assessment: before and after a module'
HOST_SELF_ASSESSMENT = 'Host leadership: the four principles'
TIME_ALLOCATION = 'What leaders do: your working time'
TIME_ALLOCATION_GROUP = 'What leaders do, as a group: your time beside the cohort mean'
CPD_RECORD = 'CPD record: a scenario, a reflection and the record they fill'

_LINK = re.compile(r'<a[^>]+href="/scenario/(?P<id>[^/"]+)/"[^>]*>(?P<title>.*?)</a>', re.DOTALL)


@pytest.fixture(scope='session')
def workbench_pages(live_server_url):
    """[(scenario id, title)] in index order."""
    with urllib.request.urlopen(live_server_url + '/', timeout=30) as response:
        index = response.read().decode('utf-8')
    pages = [
        (m.group('id'), html.unescape(re.sub(r'<[^>]+>', '', m.group('title'))).strip()) for m in _LINK.finditer(index)
    ]
    assert pages, 'the workbench index lists no pages'
    return pages


class Workbench:
    """Open workbench pages in the test's browser tab."""

    def __init__(self, page, base_url, pages):
        self.page = page
        self.base_url = base_url
        self.pages = pages

    def scenario_id(self, title):
        found = [sid for sid, text in self.pages if text.startswith(title)]
        assert found, f'no workbench page titled {title!r}; the index lists {[t for _, t in self.pages]}'
        return found[0]

    def url(self, title, view=None, student=None):
        path = f'/scenario/{self.scenario_id(title)}/' + (f'{view}/' if view else '')
        return self.base_url + path + (f'?student={student}' if student else '')

    def open(self, title, view=None, student=None, page=None):
        """Go to a page (as `student`) and wait until every block on it has drawn its state."""
        tab = page or self.page
        response = tab.goto(self.url(title, view=view, student=student))
        assert response is not None and response.status == 200, f'{title} answered {response and response.status}'
        wait_for_blocks(tab)
        return tab


def wait_for_blocks(page):
    """Scenario blocks fetch their state after load: wait until each has drawn it."""
    page.wait_for_function(
        """() => Array.from(document.querySelectorAll('.lsx-scenario')).every(
            (s) => s.getAttribute('aria-busy') !== 'true'
                   && s.querySelector('[data-role="progress"]').textContent !== '')"""
    )


@pytest.fixture
def wb(page, live_server_url, workbench_pages):
    return Workbench(page, live_server_url, workbench_pages)


@pytest.fixture
def student(request):
    """A learner id of this test's own."""
    return new_student(request.node.name)
