"""The wheel carries everything a block needs, and works installed without the repository.

1. Build the wheel from a clean copy of the source tree (no stale `build/`).
2. Check it holds the JS, CSS, scenario XML and templates, and registers the blocks, that every
   block folder's `public/static/` holds the shared assets as regular files (the repository keeps
   them once, in `common/public/static/`, with symlinks in each block folder), and that Open edX's
   pipeline finder would publish only JS, CSS and images.
3. Make a fresh venv (no system site-packages), install the wheel (not editable) and the
   xblock-sdk (plus the version's extras from requirements/py<X.Y>.txt), then, in that venv
   and outside the repository, render `leadership_scenario`'s student_view in the workbench
   runtime and fetch its JS and CSS through `/resource/leadership_scenario/static/<file>`
   with Django's test client; render every block type's student_view and check each asset it
   references is a regular file in that block's installed package (what the pipeline collects).
"""

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest
from xblock.core import XBlock

from tests.support import REPO_ROOT

pytestmark = pytest.mark.slow  # builds a wheel and a fresh venv

PY = f'{sys.version_info.major}.{sys.version_info.minor}'
COPY_IGNORE = shutil.ignore_patterns(
    '.git',
    '.venv*',
    'var',
    'artifacts',
    'build',
    'dist',
    '*.egg-info',
    '__pycache__',
    '.pytest_cache',
    'node_modules',
    '*.pyc',
)

# Runs inside the clean venv, with the working directory in a temp folder.
RENDER_SCRIPT = textwrap.dedent("""
    import importlib.resources, json, os, sys
    os.makedirs('var', exist_ok=True)
    os.environ['DJANGO_SETTINGS_MODULE'] = 'workbench.settings'
    import django
    django.setup()
    from django.core.management import call_command
    call_command('migrate', run_syncdb=True, verbosity=0, interactive=False)

    BLOCK_TYPES = __BLOCKS__
    import leadership_xblocks
    from django.test import Client
    from xblock.core import XBlock
    from workbench.runtime import WorkbenchRuntime
    from workbench.scenarios import get_scenarios

    out = {'package_file': leadership_xblocks.__file__, 'sys_path': sys.path}
    cls = XBlock.load_class('leadership_scenario')
    out['class'] = cls.__module__ + '.' + cls.__name__

    runtime = WorkbenchRuntime('packaging-student')
    scenarios = get_scenarios()
    chosen = next((name for name, sc in sorted(scenarios.items())
                   if '<leadership_scenario' in sc.xml), None)
    out['scenario'] = chosen
    if chosen:
        usage_id = scenarios[chosen].usage_id
    else:
        runtime.id_generator.set_scenario('packaging')
        usage_id = runtime.parse_xml_string('<leadership_scenario/>')

    def find(block):
        if block.scope_ids.block_type == 'leadership_scenario':
            return block
        for child in getattr(block, 'children', None) or []:
            found = find(runtime.get_block(child))
            if found is not None:
                return found
        return None

    block = find(runtime.get_block(usage_id))
    frag = block.render('student_view', {})
    out['html_length'] = len(frag.body_html())
    out['resources'] = [[r.kind, r.mimetype, r.data if r.kind == 'url' else ''] for r in frag.resources]

    client = Client()
    static = leadership_xblocks.public_static('leadership_xblocks.scenario')
    fetched = {}
    for kind, mimetype, url in out['resources']:
        if kind != 'url' or not url.startswith('/resource/leadership_scenario/static/'):
            continue
        response = client.get(url)
        name = url.rsplit('/', 1)[1]
        shipped = static.joinpath(name).read_bytes() if static.joinpath(name).is_file() else None
        fetched[url] = {'status': response.status_code, 'length': len(response.content),
                        'content_type': response.get('Content-Type', ''),
                        'same_as_shipped': shipped is not None and response.content == shipped}
    out['fetched'] = fetched

    # Every block type: the assets its student_view references, and whether each is a regular file
    # (not a symlink) in the installed folder the pipeline finder collects for that block.
    import importlib, pathlib
    assets = {}
    runtime.id_generator.set_scenario('packaging-assets')
    for block_type in BLOCK_TYPES:
        usage = runtime.parse_xml_string('<%s/>' % block_type)
        rendered = runtime.get_block(usage).render('student_view', {})
        cls = XBlock.load_class(block_type)
        package = importlib.import_module(cls.__module__.rsplit('.', 1)[0])
        public = pathlib.Path(package.__file__).parent / cls.get_resources_dir()
        prefix = '/resource/%s/' % block_type
        rows = []
        for r in rendered.resources:
            if r.kind == 'url' and r.data.startswith(prefix):
                path = public / r.data[len(prefix):]
                rows.append([r.data[len(prefix):], path.is_file() and not path.is_symlink(),
                             client.get(r.data).status_code])
        assets[block_type] = {'package': package.__name__, 'files': rows}
    out['assets'] = assets
    if chosen:
        page = client.get('/scenario/%s/' % chosen)
        out['page'] = {'status': page.status_code,
                       'has_block': b'leadership_scenario' in page.content}
    print('RESULT ' + json.dumps(out))
""")

BLOCKS = (
    'leadership_scenario',
    'leadership_reflection',
    'leadership_self_assessment',
    'leadership_time_allocation',
    'leadership_cpd_record',
)
# The assets every block shares, kept once in `common/public/static/` (symlinked into each block folder).
SHARED_ASSETS = (
    'common.js',
    'charts.js',
    'i18n-cy.js',
    'leadership.css',
    'dashboard.js',
    'dashboard.css',
    'studio.css',
    'activities.css',
)


def extras_for_version():
    """The non-shared lines of requirements/py<X.Y>.txt (the sdk's extras on 3.11)."""
    path = REPO_ROOT / 'requirements' / f'py{PY}.txt'
    if not path.exists():
        return []
    lines = [line.split('#', 1)[0].strip() for line in path.read_text().splitlines()]
    return [line for line in lines if line and not line.startswith('-')]


def run(cmd, timeout, **kwargs):
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False, **kwargs)
    assert result.returncode == 0, (
        f'{cmd} failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}'
    )
    return result


@pytest.fixture(scope='module')
def wheel(tmp_path_factory):
    src = tmp_path_factory.mktemp('src') / 'leadership-xblocks'
    shutil.copytree(REPO_ROOT, src, ignore=COPY_IGNORE)
    dist = tmp_path_factory.mktemp('dist')
    run([sys.executable, '-m', 'build', '--wheel', '--outdir', str(dist), str(src)], timeout=300)
    wheels = sorted(dist.glob('leadership_xblocks-*.whl'))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_contents(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next((archive.read(n).decode() for n in names if n.endswith('.dist-info/entry_points.txt')), '')

    def has(pattern):
        return any(re.fullmatch(pattern, name) for name in names)

    assert has(r'leadership_xblocks/scenario/public/static/[^/]+\.js'), names
    assert has(r'leadership_xblocks/scenario/public/static/[^/]+\.css'), names
    assert has(r'leadership_xblocks/scenarios/[^/]+\.xml'), names
    assert has(r'leadership_xblocks/scenario/templates/[^/]+\.html'), names
    assert has(r'leadership_xblocks/common/templates/[^/]+\.html'), names
    # Translations: where Open edX's XBlock i18n service reads them, and the JS catalogue.
    assert has(r'leadership_xblocks/translations/cy/LC_MESSAGES/text\.mo'), names
    assert has(r'leadership_xblocks/common/public/static/i18n-cy\.js'), names
    assert has(r'leadership_xblocks/scenarios/course/course\.xml'), names
    assert re.search(r'^leadership_scenario\s*=', entry_points, re.M), entry_points
    assert not any(name.startswith(('devserver/', 'tests/')) for name in names)


def test_every_block_folder_in_the_wheel_holds_the_shared_assets_as_regular_files(wheel):
    """The repository keeps each shared asset once (block folders hold symlinks); the wheel must hold
    a regular copy with the same bytes in each block's `public/static/`, which is what the pipeline
    finder collects and `open_local_resource` reads for that block."""
    with zipfile.ZipFile(wheel) as archive:
        infos = {info.filename: info for info in archive.infolist()}
        for folder in ('scenario', 'reflection', 'self_assessment', 'time_allocation', 'cpd_record'):
            for name in SHARED_ASSETS:
                info = infos.get(f'leadership_xblocks/{folder}/public/static/{name}')
                assert info is not None, (folder, name)
                mode = info.external_attr >> 16
                assert not stat.S_ISLNK(mode), (folder, name, oct(mode))
                shared = archive.read(f'leadership_xblocks/common/public/static/{name}')
                assert archive.read(info) == shared and len(shared) > 0, (folder, name)


def test_installed_wheel_serves_block_in_workbench(wheel, tmp_path):
    env_dir = tmp_path / 'venv'
    venv.EnvBuilder(with_pip=True, system_site_packages=False, clear=True).create(env_dir)
    python = env_dir / 'bin' / 'python'

    # Same versions as the test venv, so pip mostly takes them from its cache.
    frozen = subprocess.run(
        [sys.executable, '-m', 'pip', 'freeze', '--exclude-editable'], capture_output=True, text=True, check=True
    ).stdout
    constraints = tmp_path / 'constraints.txt'
    constraints.write_text(
        '\n'.join(
            line
            for line in frozen.splitlines()
            if line
            and not line.startswith(('-e', '#'))
            and '@' not in line
            and not line.lower().startswith(('leadership-xblocks', 'leadership_xblocks'))
        )
        + '\n'
    )
    run(
        [
            str(python),
            '-m',
            'pip',
            'install',
            '-q',
            '--disable-pip-version-check',
            '-c',
            str(constraints),
            str(wheel),
            'xblock-sdk',
            *extras_for_version(),
        ],
        timeout=600,
    )

    workdir = tmp_path / 'run'
    workdir.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(('PYTHON', 'DJANGO_', 'LEADERSHIP_', 'WORKBENCH_', 'VIRTUAL_ENV'))
    }
    result = run(
        [str(python), '-I', '-c', RENDER_SCRIPT.replace('__BLOCKS__', repr(BLOCKS))], timeout=300, cwd=workdir, env=env
    )
    line = next(text for text in result.stdout.splitlines() if text.startswith('RESULT '))
    out = json.loads(line[len('RESULT ') :])

    assert Path(out['package_file']).is_relative_to(env_dir), out['package_file']
    assert not any(str(REPO_ROOT) == p for p in out['sys_path'])
    assert out['html_length'] > 0
    urls = [url for kind, _m, url in out['resources'] if kind == 'url']
    js = [u for u in urls if re.fullmatch(r'/resource/leadership_scenario/static/[^/]+\.js', u)]
    css = [u for u in urls if re.fullmatch(r'/resource/leadership_scenario/static/[^/]+\.css', u)]
    assert js, urls
    assert css, urls
    for url in js + css:
        fetched = out['fetched'][url]
        assert fetched['status'] == 200, (url, fetched)
        assert fetched['length'] > 0 and fetched['same_as_shipped'], (url, fetched)
    if out.get('scenario'):
        assert out['page'] == {'status': 200, 'has_block': True}, out['page']
    # Each block type is served from its own package, and every asset it references is a regular file
    # there that the workbench serves.
    assert sorted(out['assets']) == sorted(BLOCKS)
    for block_type, found in out['assets'].items():
        assert found['package'] == 'leadership_xblocks.' + block_type.removeprefix('leadership_'), found
        names = [name for name, _regular, _status in found['files']]
        assert 'static/leadership.css' in names, (block_type, names)  # a shared asset, from the block's package
        assert all(regular and status == 200 for _name, regular, status in found['files']), (block_type, found)


# Open edX's pipeline finder ---------------------------------------------------------------

# What openedx/core/lib/xblock_pipeline/finder.py leaves out of a block's resources (the
# extensions `XBlockPackageStorage.listdir` skips); every other file is collected and served.
FINDER_SKIPS = ('.py', '.pyc', '.scss')
PUBLIC_SUFFIXES = ('.js', '.css', '.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.woff', '.woff2')


def finder_collects(package_root, resources_dir):
    """The files the finder's storage lists for one (package, resources_dir): a walk of
    `<package>/<resources_dir>` that skips FINDER_SKIPS, as `utils.get_files` drives it."""
    base = Path(package_root) / resources_dir
    if not base.exists():
        return []
    return sorted(
        str(path.relative_to(base)) for path in base.rglob('*') if path.is_file() and path.suffix not in FINDER_SKIPS
    )


def resources_of_every_block():
    """{(package folder, resources_dir)} as the finder gathers them: `xblock_resource_pkg`
    (openedx/core/lib/xblock_utils/__init__.py) takes the block module's name less its last part,
    `get_resources_dir` the class's folder."""
    import importlib

    found = set()
    for name in BLOCKS:
        block_class = XBlock.load_class(name)
        package = importlib.import_module(block_class.__module__.rsplit('.', 1)[0])
        found.add((Path(package.__file__).parent, block_class.get_resources_dir()))
    return found


def test_the_pipeline_finder_publishes_only_js_css_and_images():
    found = resources_of_every_block()
    assert len(found) == len(BLOCKS)  # one package per block
    for package_root, resources_dir in found:
        collected = finder_collects(package_root, resources_dir)
        private = [name for name in collected if not name.endswith(PUBLIC_SUFFIXES)]
        assert private == [], f'the finder would publish {len(private)} private files, e.g. {private[:5]}'
        assert 'static/leadership.css' in collected and 'static/common.js' in collected, package_root
        assert not [name for name in collected if name.startswith(('templates', 'scenarios', 'translations'))]
    scenario_root = next(root for root, _dir in found if root.name == 'scenario')
    assert 'static/scenario.js' in finder_collects(scenario_root, 'public')


def test_every_asset_a_block_asks_for_is_one_the_finder_collects():
    """The LMS asks for `xblock/resources/<package>/<uri>` (openedx/core/lib/xblock_utils,
    `xblock_local_resource_url`): each URI a block uses must be a collected file."""
    import importlib

    from tests.support.blocks import Learner, load

    for block_type in BLOCKS:
        block_class = XBlock.load_class(block_type)
        package = importlib.import_module(block_class.__module__.rsplit('.', 1)[0])
        collected = set(finder_collects(Path(package.__file__).parent, block_class.get_resources_dir()))
        usage = load(f'<{block_type}/>')
        uris = []
        for view in ('student_view', 'studio_view'):
            fragment = Learner(usage, 'staff').render(view)
            uris += [
                url.split(f'/{block_type}/', 1)[1]
                for kind, url in ((r.kind, r.data) for r in fragment.resources)
                if kind == 'url' and f'/{block_type}/' in url
            ]
        assert uris and set(uris) <= collected, (block_type, uris, sorted(collected)[:10])
