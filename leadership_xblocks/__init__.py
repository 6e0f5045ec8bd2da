"""Open edX XBlocks that teach leadership of self, teams, systems and change to social workers."""

import importlib.resources

__version__ = '0.1.0'

# The blocks' `resources_dir`. Open edX's pipeline finder (openedx/core/lib/xblock_pipeline/finder.py)
# publishes every file under `<resource package>/<resources_dir>` except Python and SCSS, where the
# resource package is the block module's parent (`xblock_resource_pkg` in
# openedx/core/lib/xblock_utils/__init__.py): `leadership_xblocks.<block>` for `<block>/block.py`.
# So each block folder's `public/` holds only JS, CSS and images; templates, the OLX in `scenarios/`
# and the translations live elsewhere in the package, never under it. The assets every block uses
# live once in `common/public/static/`; each block's `public/static/` holds relative symlinks to
# them, which the wheel build turns into regular files (tests/test_packaging.py checks it).
RESOURCES_DIR = 'public'
SHARED_PACKAGE = __name__ + '.common'


def public_static(package=SHARED_PACKAGE):
    """The folder of a package's public assets, which its blocks serve as `static/<name>`."""
    return importlib.resources.files(package).joinpath(RESOURCES_DIR, 'static')
