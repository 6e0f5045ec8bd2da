"""Playwright (Python, sync API) fixtures driving Debian's Chromium headless.

Playwright's own browser download does not work on these machines, so the browser is
`/usr/bin/chromium` (override with LEADERSHIP_CHROMIUM); `make test` installs it.

Fixtures: `browser` (session), `browser_context` and `page` (per test), and `screenshot`,
a function `screenshot(name, page=None, full_page=True)` that saves
`artifacts/screenshots/<name>.png` and returns its path. A failing test that used `page`
also leaves `artifacts/screenshots/FAILED-<test>.png`.
"""

import os
import re
from pathlib import Path

import pytest

from . import ARTIFACTS

CHROMIUM = os.environ.get('LEADERSHIP_CHROMIUM', '/usr/bin/chromium')
CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
]
SCREENSHOTS = ARTIFACTS / 'screenshots'


def safe_name(text):
    return re.sub(r'[^A-Za-z0-9_.-]+', '_', text).strip('_')[:150] or 'screenshot'


def save_screenshot(page, name, full_page=True):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f'{safe_name(name)}.png'
    page.screenshot(path=str(path), full_page=full_page)
    return path


TIMEOUT_MS = 15_000  # actions and `expect` assertions alike (Playwright's assertions wait 5 s by default)


@pytest.fixture(scope='session')
def playwright_driver():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)  # a loaded 2-vCPU machine can take over 5 s to draw a page's blocks
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope='session')
def browser(playwright_driver):
    if not Path(CHROMIUM).exists():
        pytest.fail(f'{CHROMIUM} is missing: `make test` installs Debian chromium and chromium-driver', pytrace=False)
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()


@pytest.fixture
def browser_context(browser):
    context = browser.new_context(viewport={'width': 1280, 'height': 900}, locale='en-GB')
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(browser_context, request):
    tab = browser_context.new_page()
    yield tab
    report = getattr(request.node, 'rep_call', None)
    if report is not None and report.failed:
        try:
            save_screenshot(tab, f'FAILED-{request.node.nodeid}')
        except Exception:
            pass


@pytest.fixture
def screenshot(request):
    """`screenshot(name, page=None, full_page=True)`: save a PNG under artifacts/screenshots/."""

    def take(name, page=None, full_page=True):
        target = page if page is not None else request.getfixturevalue('page')
        return save_screenshot(target, name, full_page=full_page)

    return take
