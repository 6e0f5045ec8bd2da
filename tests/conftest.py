"""Test set-up shared by the whole suite.

* Django is configured in-process with `devserver.settings` on a SQLite file in a temp
  folder made for this test session; the tables are created once per session
  (`migrate --run-syncdb`), before the first test.
* `client`: Django's test client for the workbench. `workbench_reset`: clears the
  workbench's stored state and scenarios.
* `live_server_url`: the workbench served by gunicorn in a subprocess on a free loopback
  port, for the session (SQLite). Parametrise it indirectly with 'mariadb' to run it on
  MariaDB, or use `live_server_factory(db=..., workers=...)` /
  `tests.support.live_server.start_mariadb_live_server` for load tests.
* Browser fixtures (`browser`, `page`, `screenshot`) come from `tests/support/browser.py`.
* Markers, for choosing what to run (`make test-fast` leaves out all three; `make test` and CI
  run everything): `browser` (everything under tests/browser/, marked here by path),
  `mariadb` (needs the server on 127.0.0.1:3306: marked in the test files, and here any test
  given `live_server_url` = 'mariadb'), `slow` (packaging builds, load tests: marked in the
  test files).
"""

import os
import shutil
import sys
import tempfile

import pytest

from tests.support import REPO_ROOT
from tests.support.browser import (  # noqa: F401
    browser,
    browser_context,
    page,
    playwright_driver,
    screenshot,
)
from tests.support.live_server import LiveServer, mariadb_available

_SESSION_TMP = tempfile.mkdtemp(prefix='leadership-tests-')

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))
# In-process tests always use their own SQLite file, whatever the shell says.
for _name in ('LEADERSHIP_DB_NAME', 'WORKBENCH_DATABASES'):
    os.environ.pop(_name, None)
os.environ['LEADERSHIP_DB'] = 'sqlite'
os.environ['LEADERSHIP_VAR_DIR'] = _SESSION_TMP
os.environ['LEADERSHIP_SQLITE_PATH'] = os.path.join(_SESSION_TMP, 'tests.db')
os.environ['DJANGO_SETTINGS_MODULE'] = 'devserver.settings'
# Playwright's sync API runs an event loop in this thread; the Django calls made by tests
# in the same process are still synchronous.
os.environ['DJANGO_ALLOW_ASYNC_UNSAFE'] = 'true'


MARKERS = {
    'browser': 'drives Chromium through Playwright (everything under tests/browser/)',
    'mariadb': 'needs MariaDB on 127.0.0.1:3306 (`make mariadb` starts it)',
    'slow': 'takes tens of seconds or more: packaging builds, load tests',
}
BROWSER_DIR = REPO_ROOT / 'tests' / 'browser'


def pytest_configure(config):
    for name, meaning in MARKERS.items():
        config.addinivalue_line('markers', f'{name}: {meaning}')
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()
    from django.db.backends.signals import connection_created

    connection_created.connect(_no_fsync)


def _no_fsync(sender, connection, **kwargs):
    """The session's SQLite file is thrown away at the end: its commits need not wait for the disk
    (what a transaction sees and keeps is unchanged; only durability after a crash is given up)."""
    if connection.vendor == 'sqlite':
        with connection.cursor() as cursor:
            cursor.execute('PRAGMA synchronous=OFF')


def pytest_unconfigure(config):
    try:
        from django.db import connections

        connections.close_all()
    except Exception:
        pass
    shutil.rmtree(_SESSION_TMP, ignore_errors=True)


def pytest_collection_modifyitems(items):
    """Mark what is known from where a test lives or how it is parametrised."""
    for item in items:
        if BROWSER_DIR in item.path.parents:
            item.add_marker(pytest.mark.browser)
        callspec = getattr(item, 'callspec', None)
        if callspec is not None and callspec.params.get('live_server_url') == 'mariadb':
            item.add_marker(pytest.mark.mariadb)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item (the `page` fixture screenshots failures)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f'rep_{report.when}', report)


@pytest.fixture(scope='session', autouse=True)
def django_db_setup():
    """Create the tables of the session's SQLite database once."""
    from django.core.management import call_command

    call_command('migrate', run_syncdb=True, verbosity=0, interactive=False)


@pytest.fixture
def client():
    from django.test import Client

    return Client()


@pytest.fixture
def workbench_reset():
    """Start the test with no stored block state and freshly loaded scenarios."""
    from workbench.runtime_util import reset_global_state

    reset_global_state()
    yield
    reset_global_state()


@pytest.fixture(scope='session')
def repo_root():
    return REPO_ROOT


@pytest.fixture(scope='session')
def live_server_factory():
    """`live_server_factory(db='sqlite'|'mariadb', workers=None, threads=None, env=None)`.

    Returns a started `LiveServer`; every one is stopped at the end of the session.
    """
    servers = []

    def start(db='sqlite', **kwargs):
        if db == 'mariadb' and not mariadb_available():
            pytest.fail('MariaDB is not answering on 127.0.0.1:3306 (`make test` starts it)', pytrace=False)
        server = LiveServer(db=db, **kwargs).start()
        servers.append(server)
        return server

    yield start
    for server in reversed(servers):
        server.stop()


def _live_db(request):
    return getattr(request, 'param', None) or os.environ.get('LEADERSHIP_LIVE_DB', 'sqlite')


@pytest.fixture(scope='session')
def live_server(request, live_server_factory):
    """The session's live workbench (a `LiveServer`): SQLite unless parametrised indirectly
    with 'mariadb' or LEADERSHIP_LIVE_DB=mariadb is set."""
    return live_server_factory(db=_live_db(request))


@pytest.fixture(scope='session')
def live_server_url(request, live_server_factory):
    """Base URL (no trailing slash) of the live workbench; parametrise indirectly with
    'sqlite' or 'mariadb' to choose the database:

        @pytest.mark.parametrize('live_server_url', ['mariadb'], indirect=True)
    """
    if getattr(request, 'param', None):
        return live_server_factory(db=request.param).url
    return request.getfixturevalue('live_server').url


@pytest.fixture
def event_log():
    """Events published through the workbench runtime during the test: `.events`, `.named(name)`."""
    import logging

    from tests.support.blocks import EventLog

    handler = EventLog()
    logger = logging.getLogger('workbench.runtime')
    previous = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(previous)
