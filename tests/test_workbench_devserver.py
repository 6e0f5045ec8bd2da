"""The workbench as a developer meets it: the index (modules first, titles in plain words) and a
terminal that shows requests, not SQL, unless asked (`make workbench VERBOSE=1`)."""

import html
import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.support import REPO_ROOT
from tests.support.live_server import free_port

MODULES = ['Module 1: Leading self', 'Module 2: Leading teams', 'Module 3: Leading systems', 'Module 4: Leading change']
_LINK = re.compile(r'<a href="/scenario/(?P<id>[^/"]+)/">(?P<title>.*?)</a>', re.DOTALL)


def index_links(base_url):
    with urllib.request.urlopen(base_url + '/', timeout=30) as response:
        return [(m.group('id'), m.group('title').strip()) for m in _LINK.finditer(response.read().decode('utf-8'))]


def test_index_lists_the_four_modules_first_then_every_demo_in_plain_words(live_server_url):
    links = index_links(live_server_url)
    assert [title for _id, title in links[:4]] == MODULES
    # Every title is plain words: no markup (the hostile demos keep theirs inside the block).
    for _id, title in links:
        assert '<' not in html.unescape(title) and '>' not in html.unescape(title), title
    assert any(html.unescape(title) == 'Hostile content demo' for _id, title in links)
    # The demos follow in block-type order, numbered pages in number order (not 10 before 2).
    rest = [scenario_id.rsplit('.', 1) for scenario_id, _title in links[4:]]
    assert rest == sorted(rest, key=lambda pair: (pair[0], int(pair[1])))


def run_workbench(tmp_path, verbose, every_page=False):
    """Start `manage.py runserver` as `make workbench` does, load the index and the first page (or every
    page the index lists), stop it: its terminal output."""
    port = free_port()
    env = dict(
        os.environ,
        LEADERSHIP_VAR_DIR=str(tmp_path),
        LEADERSHIP_VERBOSE='1' if verbose else '',
        DJANGO_SETTINGS_MODULE='devserver.settings',
        PYTHONUNBUFFERED='1',
    )
    env.pop('LEADERSHIP_DB', None)
    tmp_path.mkdir(parents=True, exist_ok=True)
    manage = [sys.executable, 'devserver/manage.py']
    subprocess.run([*manage, 'migrate', '--run-syncdb', '-v', '0'], cwd=REPO_ROOT, env=env, check=True)
    log_path = tmp_path / 'terminal.txt'  # a file, not a pipe: verbose output would fill a pipe and block it
    log = log_path.open('w')
    server = subprocess.Popen(
        [*manage, 'runserver', f'127.0.0.1:{port}', '--noreload'],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f'http://127.0.0.1:{port}/', timeout=5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        pages = [scenario_id for scenario_id, _title in index_links(f'http://127.0.0.1:{port}')]
        for scenario_id in pages if every_page else ['leadership_scenario.0']:
            urllib.request.urlopen(f'http://127.0.0.1:{port}/scenario/{scenario_id}/', timeout=60).close()
        time.sleep(1)  # the server logs a request after answering it
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return log_path.read_text(encoding='utf-8')


@pytest.fixture(scope='module')
def quiet_terminal(tmp_path_factory):
    """What the terminal shows while a developer opens the index and every page it lists."""
    return run_workbench(tmp_path_factory.mktemp('quiet'), verbose=False, every_page=True)


@pytest.mark.slow
def test_workbench_pages_load_without_warnings(quiet_terminal):
    """The demo OLX and the course give no field the blocks lack (the sdk logs "does not contain field")."""
    assert '"GET /scenario/leadership_scenario.0/ HTTP/1.1" 200' in quiet_terminal, quiet_terminal[-2000:]
    # Django's own "WARNING: This is a development server" is runserver's notice, not a warning of ours.
    warnings = [line for line in quiet_terminal.splitlines() if re.match(r'(WARNING|ERROR) \S+: ', line)]
    assert warnings == [], '\n'.join(warnings)
    assert 'does not contain field' not in quiet_terminal


@pytest.mark.slow
def test_workbench_terminal_shows_requests_not_sql_unless_verbose(tmp_path, quiet_terminal):
    quiet = quiet_terminal
    assert '"GET / HTTP/1.1" 200' in quiet and '"GET /scenario/leadership_scenario.0/ HTTP/1.1" 200' in quiet
    assert 'SELECT' not in quiet and 'django.db.backends' not in quiet, quiet[-2000:]
    verbose = run_workbench(tmp_path / 'verbose', verbose=True)
    assert 'SELECT' in verbose and '"GET / HTTP/1.1" 200' in verbose
