"""Templates compiled once per process still render each request in its own language (common/rendering.py)."""

from django.utils import translation

from leadership_xblocks.common import rendering
from leadership_xblocks.workbench_i18n import WorkbenchI18nService

PACKAGE = 'leadership_xblocks.scenario'
CONTEXT = {'uid': 'u', 'title': 'T', 'intro': '', 'LANGUAGE_CODE': '', 'CONTENT_LANGUAGE': 'en'}


def scenario_page(language):
    with translation.override(language):
        return rendering.render(PACKAGE, 'templates/scenario.html', dict(CONTEXT), WorkbenchI18nService())


def test_alternating_languages_each_get_their_own_strings():
    for _ in range(4):  # the same compiled template, reused
        welsh, english = scenario_page('cy'), scenario_page('en')
        assert 'Eich penderfyniadau hyd yma' in welsh and 'Your decisions so far' not in welsh
        assert 'Your decisions so far' in english and 'Eich penderfyniadau hyd yma' not in english
    assert rendering.compiled.cache_info().hits >= 7


def test_rendering_leaves_django_catalogue_and_active_language_as_they_were():
    scenario_page('cy')
    with translation.override('cy'):
        # Django's own catalogue never gets ours merged in: only the render sees it.
        assert translation.gettext('Your decisions so far') == 'Your decisions so far'
        rendering.render(PACKAGE, 'templates/scenario.html', dict(CONTEXT), WorkbenchI18nService())
        assert translation.get_language() == 'cy'
        assert translation.gettext('Your decisions so far') == 'Your decisions so far'


def test_no_service_renders_the_english_text():
    with translation.override('cy'):
        html = rendering.render(PACKAGE, 'templates/scenario.html', dict(CONTEXT), None)
    assert 'Your decisions so far' in html
