"""Check OLX files for authoring problems before they reach a course.

    leadership-olx-check FILE_OR_FOLDER...    (or: python -m leadership_xblocks.olx_check ...)

Prints `path:line: error|warning: message` for each problem; exits 1 when any file has
an error (or, with --strict, a warning). Folders are searched for leadership block files.
"""

import argparse
import pathlib
import sys

from .scenario import olx, validation

CHECKERS = {}


def checker(tag):
    """Register a function `root_element -> [Problem]` for a block's root tag."""

    def register(function):
        CHECKERS[tag] = function
        return function

    return register


@checker('leadership_scenario')
def check_scenario(root):
    scenario = olx.parse_element(root, sanitize=False)
    return validation.validate(scenario, root.get('scoring', 'ending'))


def _load_other_checkers():
    """Blocks other than the scenario register their checkers in their own model modules."""
    import importlib

    for module in (
        'leadership_xblocks.reflection.model',
        'leadership_xblocks.self_assessment.model',
        'leadership_xblocks.time_allocation.model',
    ):
        try:
            importlib.import_module(module)
        except ImportError:
            pass


def check_file(path):
    """[(line, level, message)] for one file; files of other block types give []."""
    text = pathlib.Path(path).read_text(encoding='utf-8')
    try:
        root = olx.read_root(text)
    except olx.OLXSyntaxError as error:
        return [(error.line, validation.ERROR, f'not well-formed XML: {error}')]
    function = CHECKERS.get(root.tag)
    if function is None:
        return []
    return [(p.line, p.level, p.message) for p in function(root)]


def files_under(paths):
    for name in paths:
        path = pathlib.Path(name)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob('*.xml') if p.parent.name.startswith('leadership_') or p.parent == path
            )
        else:
            yield path


def main(argv=None):
    parser = argparse.ArgumentParser(prog='leadership-olx-check', description=__doc__.splitlines()[0])
    parser.add_argument('paths', nargs='+', help='OLX files, or folders to search')
    parser.add_argument('--strict', action='store_true', help='treat warnings as errors')
    args = parser.parse_args(argv)
    _load_other_checkers()
    failed = False
    checked = 0
    for path in files_under(args.paths):
        checked += 1
        for line, level, message in check_file(path):
            print(f'{path}:{line}: {level}: {message}')
            failed = failed or level == validation.ERROR or args.strict
    print(f'{checked} file(s) checked: {"problems found" if failed else "no errors"}', file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
