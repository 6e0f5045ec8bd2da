"""The reflection's report row (see `leadership_xblocks/reports.py`)."""

from ..reports import identity
from ..sanitize import plain_text


def _text_with_breaks(html):
    """Learner HTML (sanitised) as plain text, keeping paragraph and line breaks."""
    for tag in ('</p>', '<br>', '<br/>', '<br />', '</li>', '</blockquote>'):
        html = html.replace(tag, tag + '\n')
    return '\n'.join(line.strip() for line in plain_text(html).split('\n') if line.strip())


def reflection_row(state, gettext=identity):
    """One learner's reflection: status, words, the text (plain, with line breaks), dates."""
    answer = state.get('answer') or {}
    if answer.get('submitted'):
        status = gettext('submitted')
    elif answer.get('text'):
        status = gettext('draft')
    else:
        status = gettext('not started')
    return {
        gettext('Status'): status,
        gettext('Words'): answer.get('words', 0) if answer.get('text') else 0,
        gettext('Reflection'): _text_with_breaks(answer.get('text') or ''),
        gettext('Submitted at'): answer.get('submitted_at') or '',
        gettext('Last saved at'): answer.get('saved_at') or '',
    }
