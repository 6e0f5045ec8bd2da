"""The scenario block's Studio editor: a form and a live map over the same OLX `body`.

The browser edits the form model of `scenario.form`; every check, conversion and preview
move is made here, on the server, by the code learners' requests use, so the editor shows
the messages `validate()` and `leadership-olx-check` give and never re-implements a rule.
Saving goes through the Studio save every block has (`submit_studio_edits`: `api.studio_edits`,
the body sanitised and validated, refused with the messages when it has errors). None of
these handlers writes a field or any learner data.
"""

from xblock.core import XBlock

from ..api import RequestError, api_handler
from ..common.editor import AuthorMixin, editor_fragment, setting_rows
from ..common.olx_body import canonical_body
from ..i18n import gettext_noop as _
from ..olx_io import OLXSyntaxError
from . import form as form_model, layout, olx, validation
from .body import load_scenario, scenario_problems
from .labels import mode_titles
from .model import MODES

NOT_AN_AUTHOR = _('Only course authors can use the scenario editor.')
ROOT_SETTINGS = ('scoring', 'shuffle', 'review')
# The editor's own files, after the shared ones of common/editor.py (tests/test_scenario_form.py keeps
# them all under 30 KB gzipped).
EDITOR_JS = (
    'scenario_editor_map.js',
    'scenario_editor_form.js',
    'scenario_editor_try.js',
    'scenario_editor.js',
)
EDITOR_CSS = ('scenario_editor.css',)


class ScenarioStudioMixin(AuthorMixin):
    """`studio_view` and the editor's handlers (put before LeadershipBlockMixin in the bases)."""

    def studio_view(self, context=None):
        settings = {name: getattr(self, name) for name in ROOT_SETTINGS}
        args = {
            'settings': setting_rows(self, self.olx_settings),
            'modes': list(MODES),
            'mode_names': mode_titles(self._),
        }
        args['report'] = self._editor_report(self.body, settings)
        return editor_fragment(self, EDITOR_JS, EDITOR_CSS, 'LeadershipScenarioEditor', args, scenario=True)

    # the model -------------------------------------------------------------------
    @staticmethod
    def _read_settings(data):
        settings = data.get('settings', {})
        if not isinstance(settings, dict):
            raise RequestError(_('"settings" must be an object.'))
        scoring, shuffle, review = (
            settings.get('scoring', 'ending'),
            settings.get('shuffle', True),
            settings.get('review', 'final'),
        )
        if not (isinstance(scoring, str) and isinstance(review, str) and len(scoring + review) <= 40):
            raise RequestError(_('"scoring" and "review" must be short text.'))
        if not isinstance(shuffle, bool):
            raise RequestError(_('"shuffle" must be true or false.'))
        return {'scoring': scoring, 'shuffle': shuffle, 'review': review}

    def _body_from_request(self, data):
        """The canonical, sanitised OLX body of a request's `form` (or `olx`), or the syntax error."""
        if 'form' in data:
            scenario = form_model.from_form(form_model.read_form(data['form']))
            text = olx.to_text(scenario)
        elif isinstance(data.get('olx'), str):
            text = data['olx']
        else:
            raise RequestError(_('Send the scenario as "form" (an object) or "olx" (text).'))
        try:
            return canonical_body(olx, text), ''
        except OLXSyntaxError as error:
            return text, f'line {error.line}: {error}'

    def _editor_report(self, body, settings, syntax_error=''):
        """What the editor shows of a body: its OLX, its form, its problems and its map."""
        gettext = self._
        if syntax_error:
            message = gettext(_('The scenario is not well-formed XML ({detail}).')).format(detail=syntax_error)
            return {'olx': body, 'form': None, 'problems': [{'level': 'error', 'message': message, 'node': ''}]}
        scoring, shuffle, review = settings['scoring'], settings['shuffle'], settings['review']
        problems = scenario_problems(body, scoring, shuffle, review)
        scenario = load_scenario(body, shuffle, review)
        rows = [
            {'level': p.level, 'message': p.translated(gettext), 'node': layout.problem_node(p), 'line': p.line}
            for p in problems
        ]
        return {
            'olx': body,
            'form': form_model.to_form(scenario),
            'problems': rows,
            'map': layout.layout(scenario, [(r['level'], r['node']) for r in rows]),
            'playable': not validation.errors(problems),
        }

    # handlers ----------------------------------------------------------------------
    @XBlock.handler
    @api_handler(staff_only=NOT_AN_AUTHOR, permission='may_author')
    def editor_check(self, data):
        """The report of the scenario in the request (form or OLX) under the request's settings."""
        settings = self._read_settings(data)
        body, syntax_error = self._body_from_request(data)
        return self._editor_report(body, settings, syntax_error)

    @XBlock.handler
    @api_handler(staff_only=NOT_AN_AUTHOR, permission='may_author')
    def editor_preview(self, data):
        """One move of a preview from any node: what a learner would see there, and after a choice
        the choice's feedback and where it leads. Stateless: nothing is stored or published."""
        settings = self._read_settings(data)
        body, syntax_error = self._body_from_request(data)
        if syntax_error:
            raise RequestError(_('The scenario is not well-formed XML ({detail}).'), detail=syntax_error)
        scenario = load_scenario(body, settings['shuffle'], settings['review'])
        node = data.get('node')
        if not isinstance(node, str) or not scenario.is_node(node):
            raise RequestError(_('"node" must be the id of a step or ending of the scenario.'))
        choice_id = data.get('choice')
        if choice_id is None:
            return {'view': self._preview_view(scenario, node), 'feedback': ''}
        step = scenario.step(node)
        choice = step.choice(choice_id) if step and isinstance(choice_id, str) else None
        if choice is None:
            raise RequestError(_('"choice" must be the id of a choice of step "{step}".'), step=node)
        if not scenario.is_node(choice.target):
            raise RequestError(_('Choice "{choice}" leads nowhere: fix its target first.'), choice=choice.id)
        return {'view': self._preview_view(scenario, choice.target), 'feedback': choice.feedback}

    @staticmethod
    def _preview_view(scenario, node):
        step = scenario.step(node)
        if step is not None:
            return {
                'kind': 'step',
                'id': step.id,
                'title': step.title,
                'html': step.html,
                'choices': [{'id': c.id, 'label': c.label} for c in step.choices],
            }
        ending = scenario.ending(node)
        return {
            'kind': 'ending',
            'id': ending.id,
            'title': ending.title,
            'html': ending.html,
            'debrief': scenario.debrief,
        }
