"""Add up pytest's JUnit reports: `python tests/support/junit_total.py a.xml b.xml ...`.

Prints one line per report and a closing `total: N passed, N failed, N skipped` line
(a missing report, e.g. when a venv could not be installed, counts as one failure).
"""

import sys
import xml.etree.ElementTree as ET


def counts(path):
    passed = failed = skipped = 0
    for suite in ET.parse(path).getroot().iter('testsuite'):
        tests = int(suite.get('tests', 0))
        bad = int(suite.get('failures', 0)) + int(suite.get('errors', 0))
        skip = int(suite.get('skipped', 0))
        passed += tests - bad - skip
        failed += bad
        skipped += skip
    return passed, failed, skipped


def main(paths):
    total = [0, 0, 0]
    for path in paths:
        try:
            found = counts(path)
        except (OSError, ET.ParseError):
            print(f'{path}: no report')
            found = (0, 1, 0)
        else:
            print(f'{path}: {found[0]} passed, {found[1]} failed, {found[2]} skipped')
        total = [a + b for a, b in zip(total, found)]
    print(f'total: {total[0]} passed, {total[1]} failed, {total[2]} skipped')


if __name__ == '__main__':
    main(sys.argv[1:])
