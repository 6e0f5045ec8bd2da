"""The layout's rules, checked rather than only written down (CONTRIBUTING.md, "Layout").

* No file of the code, tests, tools or benchmarks is over 400 lines (course content, the OLX and
  HTML of `leadership_xblocks/scenarios/`, and the generated translation files are not code).
* The plain-Python models (every module of a block folder but its XBlock side, and the shared
  plain modules) import neither XBlock nor Django nor the web libraries the runtime brings: each
  is imported in a fresh interpreter where importing those packages fails.
"""

import json
import subprocess
import sys

from tests.support import REPO_ROOT

PACKAGE = REPO_ROOT / 'leadership_xblocks'
BLOCK_FOLDERS = ('scenario', 'reflection', 'self_assessment', 'time_allocation', 'cpd_record')
# The XBlock side of a block folder: the block class and the mixins only it uses (the scenario's
# cohort results and its Studio editor).
XBLOCK_SIDE = {'block', 'cohort', 'studio'}
# Shared modules at the package top level that are plain Python too.
SHARED_MODELS = (
    'activity_model',
    'cells',
    'cohort.aggregates',
    'cohort.figures',
    'dashboards',
    'errors',
    'form_input',
    'i18n',
    'olx_check',
    'olx_io',
    'reports',
    'sanitize',
)
BLOCKED = ('xblock', 'django', 'webob', 'web_fragments')
MAX_LINES = 400
CHECKED_FOLDERS = ('leadership_xblocks', 'tests', 'tools', 'benchmarks')
CHECKED_SUFFIXES = ('.py', '.js', '.css', '.html', '.txt', '.cfg')
# Course content and generated files: not code a person keeps small.
NOT_CODE = ('leadership_xblocks/scenarios/', 'leadership_xblocks/translations/')
GENERATED = ('i18n-',)

IMPORT_BLOCKED = """
import importlib, importlib.abc, json, sys

BLOCKED = {blocked!r}

class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in BLOCKED:
            raise ImportError('blocked: ' + name)
        return None

sys.meta_path.insert(0, Blocker())
failures = {{}}
for module in {modules!r}:
    try:
        importlib.import_module(module)
    except ImportError as error:
        failures[module] = str(error)
print(json.dumps(failures))
"""


def model_modules():
    modules = [f'leadership_xblocks.{name}' for name in SHARED_MODELS]
    for folder in BLOCK_FOLDERS:
        for path in sorted((PACKAGE / folder).glob('*.py')):
            if path.stem not in XBLOCK_SIDE and path.stem != '__init__':
                modules.append(f'leadership_xblocks.{folder}.{path.stem}')
    return modules


def test_model_modules_import_neither_xblock_nor_django():
    modules = model_modules()
    assert 'leadership_xblocks.scenario.engine' in modules and 'leadership_xblocks.reflection.model' in modules
    script = IMPORT_BLOCKED.format(blocked=BLOCKED, modules=modules)
    result = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert json.loads(result.stdout) == {}


def test_the_import_blocker_catches_a_block_module():
    """The check can fail: a block class's module does import XBlock."""
    script = IMPORT_BLOCKED.format(blocked=BLOCKED, modules=['leadership_xblocks.reflection.block'])
    result = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert json.loads(result.stdout)['leadership_xblocks.reflection.block'].startswith('blocked: ')


def checked_files():
    for folder in CHECKED_FOLDERS:
        for path in sorted((REPO_ROOT / folder).rglob('*')):
            relative = path.relative_to(REPO_ROOT).as_posix()
            if not path.is_file() or path.is_symlink() or '__pycache__' in relative:
                continue
            if relative.startswith(NOT_CODE) or path.name.startswith(GENERATED):
                continue
            if path.suffix in CHECKED_SUFFIXES:
                yield path, relative


def test_no_file_is_over_400_lines():
    files = list(checked_files())
    assert any(name == 'leadership_xblocks/scenario/block.py' for _path, name in files)
    too_long = {
        name: count for path, name in files if (count := len(path.read_text(encoding='utf-8').splitlines())) > MAX_LINES
    }
    assert too_long == {}, f'split these files (at most {MAX_LINES} lines each): {too_long}'
