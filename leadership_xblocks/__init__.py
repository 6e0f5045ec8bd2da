"""Open edX XBlocks that teach leadership of self, teams, systems and change to social workers."""

import importlib.resources

__version__ = '0.1.0'

# The blocks' `resources_dir`. Open edX's pipeline finder (openedx/core/lib/xblock_pipeline/finder.py)
# publishes every file under `<resource package>/<resources_dir>` except Python and SCSS, where the
# resource package is the block module's parent (`xblock_resource_pkg` in
# openedx/core/lib/xblock_utils/__init__.py): `leadership_xblocks.blocks` for every block here. So
# `blocks/public/` holds only JS, CSS and images; templates, the OLX in `scenarios/` and the
# translations live elsewhere in the package, never under it.
RESOURCES_DIR = 'public'
RESOURCE_PACKAGE = __name__ + '.blocks'


def public_static():
    """The folder of the package's public assets, which the blocks serve as `static/<name>`."""
    return importlib.resources.files(RESOURCE_PACKAGE).joinpath(RESOURCES_DIR, 'static')
