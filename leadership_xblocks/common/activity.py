"""What the reflection, self-assessment and time-allocation blocks share: timestamps,
validation messages and the authoring problems shown above the preview."""

import datetime

from web_fragments.fragment import Fragment
from xblock.validation import ValidationMessage

from .. import compat
from ..activity_model import ERROR


def utc_now():
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat()


def problem_messages(problems, gettext):
    """Model problems as XBlock validation messages, with the line when known."""
    messages = []
    for problem in problems:
        level = ValidationMessage.ERROR if problem.level == ERROR else ValidationMessage.WARNING
        text = problem.translated(gettext)
        if problem.line:
            text = gettext('Line {line}: {message}').format(line=problem.line, message=text)
        messages.append(ValidationMessage(level, text))
    return messages


def with_problems(block, frag, problems):
    """The fragment with the authoring problems listed above it (author and Studio views), and in
    Studio a note that answers given in the preview are not saved (see `compat.learner_data_is_real`)."""
    gettext = block._
    html = block.render_template(
        'activity_problems.html',
        {'problems': [(p.level, p.translated(gettext)) for p in problems], 'preview': compat.is_author_mode(block)},
    )
    out = Fragment(html + frag.content)
    out.add_fragment_resources(frag)
    if frag.js_init_fn:
        out.initialize_js(frag.js_init_fn, frag.json_init_args)
    return out
