"""The fast loop leaves out what needs Chromium, MariaDB or minutes, and nothing else does.

`make test-fast` selects with the markers of tests/conftest.py; `make test` (and so CI)
must not select at all.
"""

import re
import subprocess
import sys

from tests.support import REPO_ROOT
from tests.support.deselected import PREFIX

FAST = 'not browser and not mariadb and not slow'


def make_plan(*args):
    """The commands `make -n` would run for `args` (nothing runs)."""
    command = ['make', '-n', '--no-print-directory', *args]
    return subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False).stdout


def collected(*args):
    """(kept, left out): the node ids a `--collect-only` run with `args` keeps and deselects, in one run."""
    result = subprocess.run(
        [sys.executable, '-m', 'pytest', '-p', 'no:cacheprovider', '-p', 'tests.support.deselected', '-s']
        + ['--collect-only', '-q', *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if '::' in line]
    left_out = [line[len(PREFIX) :] for line in lines if line.startswith(PREFIX)]
    return [line for line in lines if not line.startswith(PREFIX)], left_out


def test_fast_selection_leaves_out_browser_mariadb_and_slow_tests():
    fast, left_out = collected('-m', FAST)
    everything = fast + left_out
    assert not set(fast) & set(left_out)
    assert fast and not any(test.startswith('tests/browser/') for test in fast)
    assert all(test in left_out for test in everything if test.startswith('tests/browser/'))
    assert any(test.startswith('tests/browser/') for test in left_out)
    for module in ('tests/test_packaging.py', 'tests/test_load_mariadb.py'):
        assert any(test.startswith(module) for test in left_out), module
        assert not any(test.startswith(module) for test in fast), module
    assert any('across_processes' in test for test in left_out)  # the MariaDB cohort test


def test_make_test_selects_nothing_out():
    for release in ('teak', 'ulmo', 'verawood'):
        plan = make_plan('test-one', f'R={release}')
        pytest_lines = [line for line in plan.splitlines() if '-m pytest' in line]
        assert pytest_lines, plan
        assert not any(re.search(r'\s-m\s', line.split('-m pytest', 1)[1]) for line in pytest_lines), pytest_lines
    fast = make_plan('test-fast')
    assert f"-m '{FAST}'" in fast, fast
