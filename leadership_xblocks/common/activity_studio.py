"""The Studio editor of the activity blocks whose content is an OLX `body` (`OLXBodyMixin`): a form of
their texts and lists beside an OLX tab, over the same body.

A block opts in with `olx_form`, a plain module offering `SCHEMA` (what the form shows), `to_form`,
`read_form` and `from_form`. Every conversion and check is made here by the block's own model, so
the editor shows the messages Studio's validation and `leadership-olx-check` give; saving is the
Studio save every block has (`submit_studio_edits`), refused with those messages when the body has
errors. `editor_check` writes nothing.
"""

from xblock.core import XBlock

from ..api import RequestError, api_handler
from ..i18n import gettext_noop as _
from ..olx_io import OLXSyntaxError
from .activity import problem_text
from .editor import AuthorMixin, editor_fragment, setting_rows
from .olx_body import body_problems, canonical_body, parsed

NOT_AN_AUTHOR = _('Only course authors can use this editor.')
EDITOR_JS = ('activity_editor.js',)  # after the shared editor_common.js (common/editor.py)


class ActivityStudioMixin(AuthorMixin):
    """`studio_view` and `editor_check` for an `OLXBodyMixin` block with an `olx_form` (put first in the bases)."""

    olx_form = None

    def _schema(self):
        gettext = self._

        def tr(entry):
            return {k: (gettext(v) if k in ('label', 'help', 'item') and v else v) for k, v in entry.items()}

        schema = self.olx_form.SCHEMA
        return {
            'texts': [tr(t) for t in schema['texts']],
            'lists': [dict(tr(lst), columns=[tr(c) for c in lst['columns']]) for lst in schema['lists']],
        }

    def studio_view(self, context=None):
        args = {'settings': setting_rows(self, self.olx_settings), 'schema': self._schema()}
        args['report'] = self._editor_report(self.body)
        return editor_fragment(self, EDITOR_JS, (), 'LeadershipActivityEditor', args)

    def _body_from_request(self, data):
        """The canonical, sanitised OLX body of a request's `form` (or `olx`), and whether it parsed."""
        model = self.olx_model
        if 'form' in data:
            text = model.to_text(self.olx_form.from_form(self.olx_form.read_form(data['form'])))
        elif isinstance(data.get('olx'), str):
            text = data['olx']
        else:
            raise RequestError(_('Send the content as "form" (an object) or "olx" (text).'))
        try:
            return canonical_body(model, text), True
        except OLXSyntaxError:
            return text, False

    def _editor_report(self, body, well_formed=True):
        """What the editor shows of a body: its OLX, its form (None when it is not XML) and its problems."""
        gettext = self._
        rows = [{'level': p.level, 'message': problem_text(p, gettext)} for p in body_problems(self.olx_model, body)]
        content = parsed(self.olx_model, body)
        form = None if (not well_formed or content.syntax_error) else self.olx_form.to_form(content)
        return {'olx': body, 'form': form, 'problems': rows}

    @XBlock.handler
    @api_handler(staff_only=NOT_AN_AUTHOR, permission='may_author')
    def editor_check(self, data):
        """The report of the content in the request (form or OLX)."""
        body, well_formed = self._body_from_request(data)
        return self._editor_report(body, well_formed)
