"""The decision-scenario block: fields, views and handlers. The model lives beside it in this package."""

import time

from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, Scope, String
from xblock.utils.studio_editable import StudioEditableXBlockMixin
from xblock.validation import ValidationMessage

from .. import events
from ..api import RequestError, api_handler, require_str
from ..common.base import LeadershipBlockMixin
from ..common.cpd import CPDFieldsMixin, CPDMixin
from ..common.olx_body import OLXBodyMixin
from ..common.staff import StaffDashboardMixin
from ..common.workbench import course_pages, demo_pages
from ..i18n import gettext_noop as _
from ..reports import report_rows
from . import engine, olx, payloads, reports, shortcuts, validation
from .body import DEFAULT_BODY, load_scenario, scenario_problems, shortcut_scores
from .cohort import ScenarioCohortMixin
from .labels import mode_labels
from .studio import ScenarioStudioMixin

SETTINGS = (
    'display_name',
    'scoring',
    'max_attempts',
    'allow_back',
    'weight',
    'module',
    'framework',
    'cohort_results',
    'cohort_minimum',
    'shuffle',
    'review',
)


@XBlock.needs('i18n')
@XBlock.wants('user')
@XBlock.wants('studio_user_permissions')
class LeadershipScenarioBlock(
    ScenarioStudioMixin,
    LeadershipBlockMixin,
    CPDMixin,
    CPDFieldsMixin,
    ScenarioCohortMixin,
    StaffDashboardMixin,
    OLXBodyMixin,
    StudioEditableXBlockMixin,
    CompletableXBlockMixin,
    XBlock,
):
    """A situation unfolds step by step; at each decision point the learner chooses how to lead."""

    display_name = String(display_name=_('Display name'), default=_('Leadership scenario'), scope=Scope.settings)
    scoring = String(
        display_name=_('Scoring'),
        default='ending',
        scope=Scope.settings,
        values=[
            {'display_name': _('Score of the ending reached'), 'value': 'ending'},
            {'display_name': _('Points along the route'), 'value': 'path'},
            {'display_name': _('Fit of decision modes to what each step demands'), 'value': 'fit'},
            {'display_name': _('Ungraded (completion only)'), 'value': 'none'},
        ],
        # Studio's editor shows `values` untranslated; this gives it the options in the user's language.
        values_provider=lambda block: [
            dict(v, display_name=block._(v['display_name'])) for v in block.fields['scoring'].values
        ],
        help=_('How an attempt is scored.'),
    )
    max_attempts = Integer(
        display_name=_('Maximum attempts'),
        default=0,
        scope=Scope.settings,
        values={'min': 0},
        help=_('0 means unlimited.'),
    )
    allow_back = Boolean(
        display_name=_('Allow going back'),
        default=True,
        scope=Scope.settings,
        help=_('Learners may undo their last decision before reaching an ending.'),
    )
    weight = Float(
        display_name=_('Weight'),
        default=1.0,
        scope=Scope.settings,
        values={'min': 0},
        help=_('The points this exercise is worth in the course grade.'),
    )
    shuffle = Boolean(
        display_name=_('Shuffle choices'),
        default=True,
        scope=Scope.settings,
        help=_(
            'Each learner sees the choices of a step in their own order (a step with '
            'shuffle="false" keeps the authored order).'
        ),
    )
    review = String(
        display_name=_('Route review'),
        default='final',
        scope=Scope.settings,
        values=[
            {'display_name': _('After every ending'), 'value': 'ending'},
            {'display_name': _('Only when no attempts are left'), 'value': 'final'},
            {'display_name': _('Never'), 'value': 'never'},
        ],
        values_provider=lambda block: [
            dict(v, display_name=block._(v['display_name'])) for v in block.fields['review'].values
        ],
        help=_(
            "When the ending shows, step by step, what each moment demanded and how the learner's "
            'choices fitted. Showing it before a graded retry gives the answers away.'
        ),
    )
    body = String(
        display_name=_('Scenario (OLX)'),
        default=DEFAULT_BODY,
        scope=Scope.content,
        multiline_editor=True,
        help=_('The scenario as OLX: intro, competencies, steps with choices, endings, debrief.'),
    )
    play = Dict(default=None, scope=Scope.user_state, help="The learner's progress (see scenario.engine).")

    editable_fields = SETTINGS + ('body',)
    has_author_view = True  # Studio previews author_view only when set (cms/djangoapps/contentstore/views/preview.py)
    olx_settings = SETTINGS
    olx_model = olx

    @classmethod
    def workbench_scenarios(cls):
        return course_pages() + demo_pages('scenario_')

    # model -----------------------------------------------------------------
    @property
    def scenario(self):
        return load_scenario(self.body, self.shuffle, self.review)

    parsed_body = scenario

    @property
    def problems(self):
        return scenario_problems(self.body, self.scoring, self.shuffle, self.review)

    @property
    def playable(self):
        return self._playable_scenario() is not None

    def _playable_scenario(self):
        """The scenario, or None when it has errors; learner requests never wait for the shortcut
        analysis (it only warns). Each request takes it once and passes it on: XBlock scans a
        String field's whole text for control characters on every read (`xblock.fields.String`)."""
        body, shuffle, review = self.body, self.shuffle, self.review
        problems = scenario_problems(body, self.scoring, shuffle, review, analyse_shortcuts=False)
        return None if validation.errors(problems) else load_scenario(body, shuffle, review)

    @property
    def has_score(self):
        return self.scoring != 'none'

    def max_score(self):
        return self.weight if self.has_score else None

    def _settings(self):
        """The settings the native-API payloads need (each field read is a query in some runtimes)."""
        return {
            'scoring': self.scoring,
            'max_attempts': self.max_attempts,
            'allow_back': self.allow_back,
            'learner': self.anonymous_id(),
            'block': str(self.scope_ids.usage_id),
        }

    # views -----------------------------------------------------------------
    @XBlock.supports('multi_device')
    def student_view(self, context=None):
        scenario = self._playable_scenario()
        if scenario is None:
            return self.fragment(
                self.render_template('unavailable.html', {'title': self.display_name}), css=['leadership.css']
            )
        html = self.render_template('scenario.html', {'title': self.display_name, 'intro': scenario.intro})
        frag = self.fragment(
            html,
            js=['common.js', 'charts.js', 'scenario_results.js', 'scenario.js'],
            css=['leadership.css'],
            init='LeadershipScenarioBlock',
        )
        return self.add_staff_dashboard(frag)

    def author_view(self, context=None):
        scenario = self.scenario
        gettext = self._
        html = self.render_template(
            'scenario_author.html',
            {
                'title': self.display_name,
                'scenario': scenario,
                'problems': [(p.level, p.translated(gettext)) for p in self.problems],
                'shortcuts': self._shortcut_rows() if self.playable else [],
                'pass_level': shortcuts.PASS_THRESHOLD,
            },
        )
        return self.fragment(html, css=['leadership.css'])

    def _shortcut_rows(self):
        """The author preview's table: each shortcut strategy, its mean score, and whether it is too high."""
        scores = shortcut_scores(self.body, self.scoring, self.shuffle, self.review)
        passing = shortcuts.passing_shortcuts(self.scenario, scores)
        return [
            {
                'label': self._(shortcuts.STRATEGY_LABELS[name]),
                'strategy': name,
                'score': round(score, 2),
                'percent': round(score * 100),
                'too_high': name in passing,
            }
            for name, score in scores.items()
        ]

    def student_view_data(self, context=None):
        return payloads.scenario_view_data(self.scenario, dict(self._settings(), display_name=self.display_name))

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Rows for Open edX's Problem Responses report: see `reports.scenario_row`."""
        return report_rows(
            user_state_iterator, lambda s: reports.scenario_row(self.scenario, s, self._), limit_responses
        )

    # validation ------------------------------------------------------------
    def validate_field_data(self, validation_result, data):
        gettext = self._
        if data.scoring not in ('ending', 'path', 'fit', 'none'):
            validation_result.add(
                ValidationMessage(
                    ValidationMessage.ERROR, gettext('Unknown scoring "{value}".').format(value=data.scoring)
                )
            )
        if data.max_attempts is None or data.max_attempts < 0:
            validation_result.add(
                ValidationMessage(ValidationMessage.ERROR, gettext('Maximum attempts must be 0 (unlimited) or more.'))
            )
        if data.weight is None or data.weight < 0:
            validation_result.add(ValidationMessage(ValidationMessage.ERROR, gettext('Weight must be 0 or more.')))
        # xblock/utils/studio_editable.py refuses a Studio save when validation holds any message,
        # warnings included; warnings (the shortcut analysis among them) must not stop an author
        # saving, so they are only given to `validate()`, which passes the block itself as `data`.
        showing = data is self
        for problem in scenario_problems(data.body, data.scoring, data.shuffle, data.review):
            if problem.level != validation.ERROR and not showing:
                continue
            level = ValidationMessage.ERROR if problem.level == validation.ERROR else ValidationMessage.WARNING
            message = problem.translated(gettext)
            if problem.line:
                message = gettext('Line {line}: {message}').format(line=problem.line, message=message)
            validation_result.add(ValidationMessage(level, message))
        self.validate_cohort_settings(validation_result, data)

    # learner API -------------------------------------------------------------
    def _require_playable(self):
        scenario = self._playable_scenario()
        if scenario is None:
            raise RequestError(_('This scenario is not available yet.'), status=409)
        return scenario

    def _start_clock(self):
        """The first time a learner sees the scenario, note when, so decisions can be timed."""
        if not self.play or self.play.get('entered_at') is None:
            self.play = dict(engine.normalise(self.play), entered_at=time.time())

    def _user_state(self, scenario, play=None):
        play = play if play is not None else self.play
        result = payloads.scenario_user_state(scenario, play, self._settings())
        result['cohort'] = self.learner_cohort(scenario, play)
        result['modes'] = mode_labels(self._)
        return result

    def _event(self, scenario, name, entry, attempt, **extra):
        step = scenario.step(entry['step'])
        choice = step.choice(entry['choice']) if step else None
        fields = {
            'step': entry['step'],
            'choice': entry['choice'],
            'mode': choice.mode if choice else None,
            'demand': (step.demands or None) if step else None,
            'attempt': attempt,
            'seconds': entry.get('seconds'),
        }
        self.learner_event(name, **dict(fields, **extra))

    def _after_move(self, scenario, new_play, outcome, event_name):
        self.play = new_play
        self.record_cohort(scenario, new_play, outcome)
        entry = new_play['history'][-1]
        self._event(scenario, event_name, entry, new_play.get('attempt', 1))
        if outcome['ending']:
            self.learner_event(
                events.SCENARIO_ENDING_REACHED,
                ending=outcome['ending'],
                attempt=new_play['attempt'],
                score=outcome['score'],
            )
            if self.has_score:
                self.runtime.publish(
                    self, 'grade', {'value': new_play['best_score'] * self.weight, 'max_value': self.weight}
                )
            self.emit_completion(1.0)
            self.record_cpd(reports.scenario_cpd_summary(scenario, new_play, outcome['ending'], outcome['score']))

    @XBlock.handler
    @api_handler(allow_get=True)
    def student_view_user_state(self, data):
        scenario = self._require_playable()
        self._start_clock()
        return self._user_state(scenario)

    @XBlock.handler
    @api_handler()
    def choose(self, data):
        scenario = self._require_playable()
        step_id, choice_id = require_str(data, 'step'), require_str(data, 'choice')
        new_play, outcome = engine.choose(scenario, self.scoring, self.play or {}, step_id, choice_id, time.time())
        self._after_move(scenario, new_play, outcome, events.SCENARIO_CHOICE_MADE)
        result = self._user_state(scenario, new_play)
        result['feedback'] = scenario.step(step_id).choice(choice_id).feedback
        return result

    @XBlock.handler
    @api_handler()
    def timeout(self, data):
        scenario = self._require_playable()
        step_id = require_str(data, 'step')
        new_play, outcome = engine.timeout(scenario, self.scoring, self.play or {}, step_id, time.time())
        self._after_move(scenario, new_play, outcome, events.SCENARIO_TIMEOUT_TAKEN)
        return self._user_state(scenario, new_play)

    @XBlock.handler
    @api_handler()
    def back(self, data):
        scenario = self._require_playable()
        play = engine.normalise(self.play)
        new_play, undone = engine.back(scenario, play, self.allow_back, time.time())
        self._event(scenario, events.SCENARIO_STEP_UNDONE, undone, play.get('attempt', 1))
        self.play = new_play
        self.record_cohort(scenario, new_play)
        return self._user_state(scenario, new_play)

    @XBlock.handler
    @api_handler()
    def restart(self, data):
        scenario = self._require_playable()
        new_play = engine.restart(scenario, engine.normalise(self.play), self.max_attempts, time.time())
        self.play = new_play
        self.record_cohort(scenario, new_play)
        self.learner_event(events.SCENARIO_ATTEMPT_RESTARTED, attempt=new_play['attempt'])
        return self._user_state(scenario, new_play)
