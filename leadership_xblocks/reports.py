"""Readable report rows and CPD summaries, in plain Python (no XBlock imports).

* `report_rows(user_state_iterator, build_row, limit_responses)` is what every block's
  `generate_report_data` returns: Open edX's Problem Responses report passes an iterator
  of user-state objects with `.username` and `.state` (the block's user_state fields as a
  dict) and writes one CSV row per yielded `(username, {column: value})`. Each row is an
  `OrderedDict`, because the report keeps a block's column order only for that type and
  sorts the columns of any other mapping (edx-platform,
  `lms/djangoapps/instructor_task/tasks_helper/grades.py`, `ProblemResponses._build_student_data`);
  its column names and text are `cells.formula_safe`, as the report is a CSV staff open
  in a spreadsheet.
* each block's `reports.py`: `<block>_row(...)` turns one learner's state into readable columns. Column names and
  fixed words go through the block's gettext (the report is read by people); values are
  plain text or numbers.
* `<block>_cpd_summary(...)` builds the summary a block hands to `CPDMixin.record_cpd`.
"""

from collections import OrderedDict

from .cells import formula_safe

PATH_SEPARATOR = ' | '


def identity(text):
    return text


def report_row(row):
    """A row as the report needs it: columns in the order built, names and text formula-safe."""
    return OrderedDict((formula_safe(name), formula_safe(value)) for name, value in row.items())


def report_rows(user_state_iterator, build_row, limit_responses=None):
    """Yield `(username, report_row(build_row(state)))` per learner, at most `limit_responses` rows."""
    if limit_responses is not None and limit_responses <= 0:
        return
    count = 0
    for user_state in user_state_iterator:
        yield user_state.username, report_row(build_row(dict(user_state.state or {})))
        count += 1
        if limit_responses is not None and count >= limit_responses:
            return


def number(value, digits=3):
    """A score as a rounded number, or '' when there is none (the CSV shows an empty cell)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ''
    return round(float(value), digits)
