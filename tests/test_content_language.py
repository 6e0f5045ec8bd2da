"""The language of authored content (`lang` on the learner page): the course's, read fresh on every page.

In Open edX it comes from the platform's course overview (request-cached by the platform, kept in
step with the course on publish), else from the block's course ancestor; a block in no course (the
workbench) uses the `LEADERSHIP_CONTENT_LANGUAGE` setting without loading its parents.
"""

import sys
import types
from types import SimpleNamespace

import pytest
from django.test import override_settings

from leadership_xblocks import compat

OVERVIEW_MODULE = 'openedx.core.djangoapps.content.course_overviews.models'
COURSE = 'course-v1:Leadership+Judgement+2026'


class UsageKey:
    """An Open edX usage key as far as compat reads it: its course."""

    def __init__(self, course_key):
        self.course_key = course_key

    def __str__(self):
        return f'block-v1:{self.course_key}+type@leadership_scenario+block@s'


LOADED = []  # the blocks whose parent was loaded


def node(block_type, usage_id, parent=None, **fields):
    """A block with a parent chain, noting in LOADED each time its parent is loaded."""

    def get_parent():
        LOADED.append(block_type)
        return parent

    return SimpleNamespace(
        scope_ids=SimpleNamespace(block_type=block_type, usage_id=usage_id),
        runtime=SimpleNamespace(),
        get_parent=get_parent,
        **fields,
    )


@pytest.fixture
def overviews(monkeypatch):
    """A platform whose course overviews are this dict ({course key: language}; a missing key has none)."""
    stored = {}
    LOADED.clear()

    class CourseOverview:
        class DoesNotExist(Exception):
            pass

        @classmethod
        def get_from_id(cls, key):
            if key not in stored:
                raise cls.DoesNotExist(key)
            return SimpleNamespace(language=stored[key])

    parts = OVERVIEW_MODULE.split('.')
    for depth in range(1, len(parts)):
        name = '.'.join(parts[:depth])
        monkeypatch.setitem(sys.modules, name, sys.modules.get(name) or types.ModuleType(name))
    module = types.ModuleType(OVERVIEW_MODULE)
    module.CourseOverview = CourseOverview
    monkeypatch.setitem(sys.modules, OVERVIEW_MODULE, module)
    return stored


def test_the_course_overview_gives_the_language_and_an_authors_change_shows_on_the_next_page(overviews):
    block = node('leadership_scenario', UsageKey(COURSE), parent=node('course', UsageKey(COURSE), language='de'))
    overviews[COURSE] = 'cy'
    assert compat.content_language(block) == 'cy'
    overviews[COURSE] = 'en'  # the author changed the course's language and published
    assert compat.content_language(block) == 'en'
    assert LOADED == []  # the platform's request-cached overview, not a walk up the course


@override_settings(LEADERSHIP_CONTENT_LANGUAGE='fr')
def test_a_course_with_no_language_set_falls_back_to_the_setting(overviews):
    overviews[COURSE] = None
    block = node('leadership_scenario', UsageKey(COURSE), parent=node('course', UsageKey(COURSE), language='de'))
    assert compat.content_language(block) == 'fr'


def test_without_an_overview_the_course_ancestor_is_read(overviews):
    course = node('course', UsageKey(COURSE), language=' cy ')
    chapter = node('chapter', UsageKey(COURSE), parent=course)
    block = node('leadership_scenario', UsageKey(COURSE), parent=chapter)
    assert compat.content_language(block) == 'cy'


def test_outside_open_edx_the_course_ancestor_is_read():
    course = node('course', UsageKey(COURSE), language='cy')
    block = node('leadership_scenario', UsageKey(COURSE), parent=node('vertical', UsageKey(COURSE), parent=course))
    assert OVERVIEW_MODULE not in sys.modules
    assert compat.content_language(block) == 'cy'


@override_settings(LEADERSHIP_CONTENT_LANGUAGE='cy')
def test_a_block_in_no_course_uses_the_setting_without_loading_its_parents(overviews):
    vertical = node('vertical_demo', 'bench.vertical_demo.d0.u0')
    block = node('leadership_scenario', 'bench.leadership_scenario.d0.u0', parent=vertical)
    assert compat.content_language(block) == 'cy'
    assert LOADED == []
