"""The Studio editor of the activity blocks: a form of their texts and (nested) lists beside an OLX
tab, over the same content.

A block opts in with `olx_model` (a model module offering `to_text`, `parse_text`, `parse_element` and
`validate`) and `olx_form`, a plain module offering `SCHEMA` (what the form shows), `to_form`, `read_form`,
`from_form` and, if it needs, `form_problems` (what the form's OLX cannot show). An `OLXBodyMixin` block edits
its `body`; a block whose content is in several fields (the reflection) says how its fields make one OLX text
(`editor_body`) and back (`editor_fields`). Every conversion and check is made here by the block's own model,
so the editor shows the messages Studio's validation and `leadership-olx-check` give; saving is the Studio
save every block has (`submit_studio_edits`), refused with those messages when the content has errors.
`editor_check` writes nothing.
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
TRANSLATED = ('label', 'help', 'item')


def _translated_list(entry, tr):
    return dict(
        tr(entry),
        columns=[tr(c) for c in entry['columns']],
        lists=[_translated_list(s, tr) for s in entry.get('lists', ())],
    )


class ActivityStudioMixin(AuthorMixin):
    """`studio_view` and `editor_check` for a block with an `olx_model` and an `olx_form` (put first in the bases)."""

    olx_form = None
    editor_settings = None  # the settings the form shows (default: `olx_settings`)

    def _schema(self):
        gettext = self._

        def tr(entry):
            return {k: (gettext(v) if k in TRANSLATED and v else v) for k, v in entry.items() if k != 'lists'}

        schema = self.olx_form.SCHEMA
        return {'texts': [tr(t) for t in schema['texts']], 'lists': [_translated_list(s, tr) for s in schema['lists']]}

    def editor_body(self):
        """The block's content as the OLX text the editor shows."""
        return self.body

    def editor_fields(self, content, body):
        """The fields a Studio save writes for `body` (`content`: its model, None when it is not XML);
        None when no field can hold it (the editor then refuses to save, showing the problems)."""
        return {'body': body}

    def editor_settings_problems(self, settings):
        """Problems of the setting values the editor sends (`settings`, name: value) that the model checks."""
        return []

    def studio_view(self, context=None):
        body = self.editor_body()
        args = {'settings': setting_rows(self, self.editor_settings or self.olx_settings), 'schema': self._schema()}
        args['report'] = self._editor_report(body, settings={row['name']: row['value'] for row in args['settings']})
        args['body'] = body
        return editor_fragment(self, EDITOR_JS, (), 'LeadershipActivityEditor', args)

    def _body_from_request(self, data):
        """The canonical, sanitised OLX of a request's `form` (or `olx`), whether it parsed, and the
        problems of the form that its OLX cannot show (the form module's `form_problems`, if any)."""
        model, extra = self.olx_model, []
        if 'form' in data:
            content = self.olx_form.from_form(self.olx_form.read_form(data['form']))
            extra = getattr(self.olx_form, 'form_problems', lambda c: [])(content)
            text = model.to_text(content)
        elif isinstance(data.get('olx'), str):
            text = data['olx']
        else:
            raise RequestError(_('Send the content as "form" (an object) or "olx" (text).'))
        try:
            return canonical_body(model, text), True, extra
        except OLXSyntaxError:
            return text, False, extra

    def _editor_report(self, body, well_formed=True, settings=None, extra=()):
        """What the editor shows of a body: its OLX, its form (None when it is not XML), its problems
        (the model's, then `extra`) and the fields a save writes."""
        gettext = self._
        problems = list(body_problems(self.olx_model, body)) + list(self.editor_settings_problems(settings or {}))
        problems += list(extra)
        rows = [{'level': p.level, 'message': problem_text(p, gettext)} for p in problems]
        content = parsed(self.olx_model, body)
        if not well_formed or content.syntax_error:
            content = None
        form = None if content is None else self.olx_form.to_form(content)
        return {'olx': body, 'form': form, 'problems': rows, 'fields': self.editor_fields(content, body)}

    @XBlock.handler
    @api_handler(staff_only=NOT_AN_AUTHOR, permission='may_author')
    def editor_check(self, data):
        """The report of the content in the request (form or OLX) and its `settings` (optional)."""
        settings = data.get('settings', {})
        if not isinstance(settings, dict):
            raise RequestError(_('"settings" must be an object of setting values.'))
        body, well_formed, extra = self._body_from_request(data)
        return self._editor_report(body, well_formed, settings, extra)
