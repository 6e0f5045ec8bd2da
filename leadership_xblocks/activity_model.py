"""Helpers shared by the activity models: reading and writing OLX, ids, problems, numbers.

No XBlock or Django imports here. Problems reuse the scenario's `Problem` so the block
and the command-line checker treat every block type the same way.
"""

import math
import re

from .errors import UserFacingError
from .olx_io import (  # noqa: F401 (re-exported for the activity models)
    OLXSyntaxError,
    add_child,
    append_html,
    inner_html,
    integer,
    read_root,
    root_with_children,
    to_text,
)
from .sanitize import clean_authored_html, plain_text
from .scenario.validation import ERROR, WARNING, Problem, errors  # noqa: F401 (re-exported)

# Ids become JSON keys, form field names and parts of DOM ids: keep them to a safe token.
ID_PATTERN = re.compile(r'^[A-Za-z][A-Za-z0-9_-]{0,63}$')
_TAG = re.compile(r'<[^>]*>')


class AnswerError(UserFacingError):
    """A learner answer that cannot be stored (400 unless said otherwise)."""


class ProblemList(list):
    """A list of `Problem` with a short way to add one."""

    def add(self, level, template, at=0, **params):
        """Add a problem found on line `at` (0: unknown); `params` fill the template."""
        self.append(Problem(level, template, params, at or 0))

    def sorted(self):
        return sorted(self, key=lambda p: p.level != ERROR)


def parse_text(text, parse_element, empty, sanitize=True):
    """An activity model from OLX text (`parse_element(root, sanitize)`); a syntax error gives
    `empty(syntax_error=...)`, the default model carrying the message and its line."""
    try:
        root = read_root(text)
    except OLXSyntaxError as error:
        return empty(syntax_error=f'line {error.line}: {error}')
    return parse_element(root, sanitize)


def line_of(element):
    return (element.sourceline or 0) if element is not None else 0


def html_of(element, sanitize):
    """Inner HTML of an authored element, cleaned when `sanitize` (OLX import, Studio save)."""
    content = inner_html(element)
    return clean_authored_html(content) if sanitize else content


def text_of(element):
    """Inner content of an element as plain text (labels, statements)."""
    return ' '.join(plain_text(inner_html(element)).split())


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_id(problems, value, line, missing, invalid, **params):
    """Add the `missing` error when `value` is empty, the `invalid` one ({id}) when it is not a safe id."""
    if not value:
        problems.add(ERROR, missing, line, line=line, **params)
    elif not ID_PATTERN.match(value):
        problems.add(ERROR, invalid, line, id=value, **params)


def html_words(html):
    """The words of an HTML fragment, with tags counted as word breaks."""
    return plain_text(_TAG.sub(' ', html or '')).split()
