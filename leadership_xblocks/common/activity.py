"""What the reflection, self-assessment and time-allocation blocks share: `ActivityBlockMixin` (the
learner view, the unavailable view, the author view, validation, the learner-state handler),
timestamps, validation messages and the authoring problems shown above the preview."""

import datetime

from web_fragments.fragment import Fragment
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Dict, Scope
from xblock.utils.studio_editable import StudioEditableXBlockMixin
from xblock.validation import ValidationMessage

from .. import compat
from ..activity_model import ERROR
from ..api import RequestError, api_handler
from ..i18n import gettext_noop as _, shown_language
from .base import LeadershipBlockMixin
from .cpd import CPDFieldsMixin, CPDMixin
from .olx_body import OLXSettingsMixin
from .staff import StaffDashboardMixin


def utc_now():
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat()


def problem_text(problem, gettext):
    """A model problem in the author's language, with its line when known."""
    text = problem.translated(gettext)
    if problem.line:
        text = gettext('Line {line}: {message}').format(line=problem.line, message=text)
    return text


def problem_messages(problems, gettext):
    """Model problems as XBlock validation messages, with the line when known."""
    return [
        ValidationMessage(
            ValidationMessage.ERROR if p.level == ERROR else ValidationMessage.WARNING, problem_text(p, gettext)
        )
        for p in problems
    ]


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


@XBlock.needs('i18n')
@XBlock.wants('user')
@XBlock.wants('studio_user_permissions')  # the Studio editor's author check (ActivityStudioMixin)
class ActivityBlockMixin(
    LeadershipBlockMixin,
    CPDMixin,
    CPDFieldsMixin,
    StaffDashboardMixin,
    OLXSettingsMixin,
    StudioEditableXBlockMixin,
    CompletableXBlockMixin,
    XBlock,
):
    """The shape of an activity block, and its bases: a block's class is `(ActivityStudioMixin,
    ActivityBlockMixin)`, with `OLXBodyMixin` last when its content is an OLX body (the body mixin then
    comes before the settings one, as it must). It is an XBlock class with no entry point of its own.

    A block says what is its own: `view_template`, `view_js` (its scripts), `js_init`,
    `unavailable_message`, `parsed_body` (its model, translated by `_shown()`), `problems`,
    `field_data_problems(data)` (the problems of fields being saved in Studio), `view_context(shown)`
    and `_user_state()` (its payload).
    """

    answer = Dict(
        default=None,
        scope=Scope.user_state,
        help="The learner's answer, None until they give one (each block's class says what it holds).",
    )

    has_author_view = True  # Studio previews author_view only when set (cms/djangoapps/contentstore/views/preview.py)
    view_template = None
    view_js = ()
    js_init = None
    unavailable_message = _('This exercise is not available yet.')

    @property
    def usable(self):
        """False while the authored content has an error: learners then see the unavailable view."""
        return not any(p.level == ERROR for p in self.problems)

    def _settings(self):
        return {name: getattr(self, name) for name in self.olx_settings}

    def _shown(self):
        """The model with its default texts in the learner's language."""
        return self.parsed_body.translated(self._)

    def text_language(self, content=None):
        """`lang(original)`: the language a text of the parsed body is shown in now (`i18n.shown_language`):
        a default text translated, the interface's; an authored one, the course's (`content`, looked up if None).
        The learner view and the CPD entry both mark their texts with it."""
        content = content or compat.content_language(self)
        defaults = self.olx_model.DEFAULT_TEXTS
        return lambda original: shown_language(original, defaults, content)

    def view_context(self, shown):
        raise NotImplementedError

    def field_data_problems(self, data):
        raise NotImplementedError

    # views -----------------------------------------------------------------
    @XBlock.supports('multi_device')
    def student_view(self, context=None):
        if not self.usable:
            return self.fragment(
                self.render_template('unavailable.html', {'title': self.display_name}), css=['leadership.css']
            )
        html = self.render_template(self.view_template, dict(self.view_context(self._shown()), title=self.display_name))
        frag = self.fragment(
            html,
            js=['common.js', *self.view_js],
            css=['leadership.css', 'activities.css'],
            init=self.js_init,
            init_args={'state': self._user_state()},
        )
        return self.add_staff_dashboard(frag)

    def author_view(self, context=None):
        return with_problems(self, self.student_view(context), self.problems)

    def validate_field_data(self, validation_result, data):
        for message in problem_messages(self.field_data_problems(data), self._):
            validation_result.add(message)

    # learner API -------------------------------------------------------------
    def _require_usable(self):
        if not self.usable:
            raise RequestError(self.unavailable_message, status=409)

    @XBlock.handler
    @api_handler(allow_get=True)
    def student_view_user_state(self, data):
        self._require_usable()
        return self._user_state()
