"""An emulation of Open edX's Problem Responses report, as far as our rows meet it.

Written from edx-platform `lms/djangoapps/instructor_task/tasks_helper/grades.py`
(`ProblemResponses._build_student_data` and `generate`), `lms/djangoapps/instructor_analytics/csvs.py`
(`format_dictlist`) and `lms/djangoapps/instructor_task/models.py` (`ReportStore.store_rows`):

* each `(username, row)` a block yields is merged over the platform's own columns;
* the block's column order is kept only when the row is an `OrderedDict`, otherwise its
  columns are sorted; columns are collected across rows in first-seen order;
* the header is `username, title, location`, the block's columns, then `block_key, state`;
  missing cells are '' and every cell is written by `csv.writer` as `str(value)`.
"""

import csv
import io
import json
from collections import OrderedDict

PLATFORM_FIRST = ['username', 'title', 'location']
PLATFORM_LAST = ['block_key', 'state']


def report_csv(block, user_states, title='Block', location='Section > Unit'):
    """(header, rows as lists of cells, CSV text) for one block and its learners' user states."""
    user_states = list(user_states)
    generated = {}
    for username, row in block.generate_report_data(iter(user_states), None):
        generated.setdefault(username, []).append(row)
    keys = OrderedDict()
    student_data = []
    for user_state in user_states:
        response = {
            'username': user_state.username,
            'title': title,
            'location': location,
            'block_key': str(block.scope_ids.usage_id),
            'state': json.dumps(user_state.state),
        }
        for row in generated.get(user_state.username, []):
            merged = dict(response)
            merged.update(row)
            for key in row.keys() if isinstance(row, OrderedDict) else sorted(row.keys()):
                keys[key] = 1
            student_data.append(merged)
    header = PLATFORM_FIRST + list(keys) + PLATFORM_LAST
    rows = [[data.get(key, '') for key in header] for data in student_data]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header] + rows)
    return header, rows, buffer.getvalue()
