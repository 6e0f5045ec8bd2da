"""Open edX XBlocks that teach leadership of self, teams, systems and change to social workers."""

import importlib.resources

__version__ = '0.1.0'

# The blocks' `resources_dir`: Open edX's pipeline finder (openedx/core/lib/xblock_pipeline/finder.py)
# publishes every file under it except Python and SCSS, so it holds only JS, CSS and images.
# Templates, the OLX in `scenarios/` and the translations live beside it, never under it.
RESOURCES_DIR = 'public'


def public_static():
    """The folder of the package's public assets, which the blocks serve as `static/<name>`."""
    return importlib.resources.files(__name__).joinpath(RESOURCES_DIR, 'static')
