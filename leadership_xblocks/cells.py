"""Spreadsheet-safe text: the one rule for every cell a spreadsheet may open.

Staff CSV, research CSV (`exports.py`) and the rows of Open edX's Problem Responses report
(`reports.py`) all pass their text through `formula_safe`. A spreadsheet runs a cell that
starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (OWASP, "CSV
Injection"), so such a cell gets a leading `'`, which spreadsheets show as text. A cell
that is a real number (`-12.5`, `+3`, `-1e3`) stays as it is, so negative numbers keep working.
"""

import re

FORMULA_START = ('=', '+', '-', '@', '\t', '\r')
NUMBER = re.compile(r'^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$')


def formula_safe(value):
    """`value` unchanged unless it is text a spreadsheet would run as a formula; then `'` + text."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER.match(value):
        return "'" + value
    return value
