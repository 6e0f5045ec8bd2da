"""Smoke test: the workbench index opens in headless Chromium through the live server."""

from importlib.metadata import entry_points


def leadership_blocks():
    return sorted(ep.name for ep in entry_points(group='xblock.v1') if ep.name.startswith('leadership_'))


def test_index_lists_scenarios(live_server_url, page, screenshot):
    response = page.goto(live_server_url + '/')
    assert response is not None and response.status == 200
    page.wait_for_load_state('load')
    screenshot('workbench-index', page)

    heading = page.locator('h1').first.inner_text()
    assert 'XBlock' in page.title() + ' ' + heading
    # The workbench's own stylesheet comes through the live server's static files.
    css = page.request.get(live_server_url + '/static/workbench/css/workbench.css')
    assert css.status == 200 and css.body()

    links = page.locator('a[href^="/scenario/"]')
    if leadership_blocks():
        assert links.count() >= 1, 'the index lists no scenario although leadership blocks are installed'
