"""A pytest plugin (`-p tests.support.deselected`) that prints, after collection, the node id of
every test a `-m` or `-k` selection left out, each behind `deselected: `: so one collection run
says both what a selection keeps and what it leaves out (tests/test_markers.py)."""

PREFIX = 'deselected: '


def pytest_deselected(items):
    for item in items:
        print(PREFIX + item.nodeid)
