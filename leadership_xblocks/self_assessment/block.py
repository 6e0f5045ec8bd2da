"""The self-assessment block: fields, views and handlers. The model lives beside it in `model.py`.

Pre and post: blocks with the same `profile_key` in a course share the learner's *baseline*,
the profile from the first block of that key in which the learner submitted (kept in a
`Scope.preferences` field, which Open edX stores per learner and block type). Resubmitting
in that first block replaces the baseline; every other block shows the change since it.
"""

import functools

from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Dict, Scope, String
from xblock.utils.studio_editable import StudioEditableXBlockMixin

from .. import compat, events
from ..activity_model import ERROR, ProblemList
from ..api import RequestError, api_handler, require_keys
from ..common.activity import problem_messages, utc_now, with_problems
from ..common.base import LeadershipBlockMixin
from ..common.cpd import CPDMixin
from ..common.olx_body import OLXBodyMixin
from ..common.staff import StaffDashboardMixin
from ..common.workbench import demo_pages
from ..i18n import gettext_noop as _, shown_language
from ..reports import report_rows
from . import model, payloads, reports

SETTINGS = ('display_name', 'profile_key', 'module', 'framework')
MAX_PROFILE_KEY = 100


@functools.lru_cache(maxsize=128)
def load_model(body):
    """The self-assessment stored in `body` (already sanitised when saved), parsed once per process."""
    return model.parse_text(body, sanitize=False)


@functools.lru_cache(maxsize=128)
def model_problems(body):
    return tuple(model.validate(load_model(body)))


@XBlock.needs('i18n')
@XBlock.wants('user')
class LeadershipSelfAssessmentBlock(
    LeadershipBlockMixin,
    CPDMixin,
    StaffDashboardMixin,
    OLXBodyMixin,
    StudioEditableXBlockMixin,
    CompletableXBlockMixin,
    XBlock,
):
    """Statements rated on a labelled scale, grouped into dimensions; a profile per dimension."""

    display_name = String(display_name=_('Display name'), default=_('Leadership self-assessment'), scope=Scope.settings)
    profile_key = String(
        display_name=_('Profile key'),
        default='',
        scope=Scope.settings,
        help=_(
            'Give two self-assessments (before and after a module) the same key to show '
            'learners how their ratings changed. Leave empty for a stand-alone profile.'
        ),
    )
    module = String(
        display_name=_('Module'),
        default='',
        scope=Scope.settings,
        help=_("The module this exercise belongs to, shown in the learner's CPD record."),
    )
    framework = String(
        display_name=_('Professional framework'),
        default='',
        scope=Scope.settings,
        help=_('The professional framework the module supports.'),
    )
    body = String(
        display_name=_('Statements and scale (OLX)'),
        default=model.DEFAULT_BODY,
        scope=Scope.content,
        multiline_editor=True,
        help=_(
            'An optional <intro>, the <scale> with its labels, and <dimension> elements holding the <item> statements.'
        ),
    )
    answer = Dict(
        default=None,
        scope=Scope.user_state,
        help="The learner's ratings: {ratings: {item_id: int}, submitted_at, attempts}.",
    )
    profiles = Dict(
        default={},
        scope=Scope.preferences,
        help='Per "<course>|<profile_key>": the baseline (first) and latest profile of this learner.',
    )

    editable_fields = SETTINGS + ('body',)
    has_author_view = True  # Studio previews author_view only when set (cms/djangoapps/contentstore/views/preview.py)
    olx_settings = SETTINGS
    olx_model = model
    workbench_scenarios = classmethod(lambda cls: demo_pages('self_assessment_'))

    # model -----------------------------------------------------------------
    @property
    def model(self):
        return load_model(self.body)

    parsed_body = model

    @property
    def problems(self):
        return list(model_problems(self.body)) + self._settings_problems(self.profile_key)

    @property
    def usable(self):
        return not any(p.level == ERROR for p in self.problems)

    @staticmethod
    def _settings_problems(profile_key):
        problems = ProblemList()
        if profile_key and len(profile_key) > MAX_PROFILE_KEY:
            problems.add(ERROR, _('The profile key is longer than {limit} characters.'), limit=MAX_PROFILE_KEY)
        return problems

    def _settings(self):
        return {name: getattr(self, name) for name in SETTINGS}

    def _shown(self):
        return self.model.translated(self._)

    # views -----------------------------------------------------------------
    @XBlock.supports('multi_device')
    def student_view(self, context=None):
        if not self.usable:
            return self.fragment(
                self.render_template('unavailable.html', {'title': self.display_name}), css=['leadership.css']
            )
        shown = self._shown()
        html = self.render_template('self_assessment.html', self._view_context(shown))
        frag = self.fragment(
            html,
            js=['common.js', 'charts.js', 'self_assessment.js'],
            css=['leadership.css', 'activities.css'],
            init='LeadershipSelfAssessmentBlock',
            init_args={'state': self._user_state()},
        )
        return self.add_staff_dashboard(frag)

    def _view_context(self, shown):
        """The template's texts, each with the `lang` it is shown in (see `i18n.shown_language`)."""
        content = compat.content_language(self)

        def lang(text):
            return shown_language(text, model.DEFAULT_TEXTS, content)

        source = self.model
        return {
            'title': self.display_name,
            'intro': shown.intro,
            'intro_lang': lang(source.intro),
            'dimensions': [
                {
                    'id': d.id,
                    'label': d.label,
                    'lang': lang(o.label),
                    'items': [{'id': i.id, 'text': i.text, 'lang': lang(oi.text)} for i, oi in zip(d.items, o.items)],
                }
                for d, o in zip(shown.dimensions, source.dimensions)
            ],
            'points': [(value, label, lang(source.scale.label(value))) for value, label in shown.scale.points()],
        }

    dashboard_mean_keys = ('means',)  # facilitator dashboard (staff.py): mean rating per dimension

    def dashboard_means_labels(self):
        return {'means': (self._('Mean self-rating by dimension'), {d.id: d.label for d in self._shown().dimensions})}

    def author_view(self, context=None):
        return with_problems(self, self.student_view(context), self.problems)

    def student_view_data(self, context=None):
        return payloads.self_assessment_view_data(self._shown(), self._settings())

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Rows for Open edX's Problem Responses report: see `reports.self_assessment_row`."""
        shown = self._shown()
        return report_rows(
            user_state_iterator, lambda s: reports.self_assessment_row(shown, s, self._), limit_responses
        )

    # validation ------------------------------------------------------------
    def clean_studio_edits(self, data):
        super().clean_studio_edits(data)
        if isinstance(data.get('profile_key'), str):
            data['profile_key'] = data['profile_key'].strip()

    def validate_field_data(self, validation_result, data):
        problems = list(model_problems(data.body)) + self._settings_problems(data.profile_key)
        for message in problem_messages(problems, self._):
            validation_result.add(message)

    # learner API -------------------------------------------------------------
    def _block_id(self):
        return str(self.scope_ids.usage_id)

    def _profile_slot(self):
        """Where this block's profile key lives in the learner's preferences: Open edX keeps them per
        learner and block type across courses, so the key is scoped to the course."""
        return f'{compat.course_key(self)}|{self.profile_key}'

    def _comparison(self, shown, answer, profiles):
        """How this block's ratings relate to the learner's first rating under the same profile key."""
        ratings = (answer or {}).get('ratings')
        if not self.profile_key or not ratings:
            return None
        baseline = ((profiles or {}).get(self._profile_slot()) or {}).get('baseline')
        if not baseline:
            return None
        if baseline.get('block') == self._block_id():
            return {
                'role': 'baseline',
                'baseline_title': baseline.get('title', ''),
                'baseline_at': baseline.get('at'),
                'rows': [],
            }
        after = model.profile_means(model.profile(shown, ratings))
        return {
            'role': 'later',
            'baseline_title': baseline.get('title', ''),
            'baseline_at': baseline.get('at'),
            'rows': model.change(shown, baseline.get('means') or {}, after),
        }

    def _user_state(self, answer=None, profiles=None):
        shown = self._shown()
        answer = answer if answer is not None else self.answer
        profiles = profiles if profiles is not None else self.profiles
        return payloads.self_assessment_user_state(
            shown, answer, self._comparison(shown, answer, profiles), self.profile_key
        )

    def _require_usable(self):
        if not self.usable:
            raise RequestError(_('This self-assessment is not available yet.'), status=409)

    @XBlock.handler
    @api_handler(allow_get=True)
    def student_view_user_state(self, data):
        self._require_usable()
        return self._user_state()

    @XBlock.handler
    @api_handler()
    def submit(self, data):
        self._require_usable()
        require_keys(data, 'ratings')
        current = self.model
        ratings = model.check_ratings(current, data['ratings'])
        now = utc_now()
        means = model.profile_means(model.profile(current, ratings))
        answer = {'ratings': ratings, 'submitted_at': now, 'attempts': (self.answer or {}).get('attempts', 0) + 1}
        profiles = dict(self.profiles or {})
        role = None
        if self.profile_key:
            entry = dict(profiles.get(self._profile_slot()) or {})
            record = {'block': self._block_id(), 'title': self.display_name, 'at': now, 'means': means}
            baseline = entry.get('baseline')
            if not baseline or baseline.get('block') == self._block_id():
                entry['baseline'] = record
                role = 'baseline'
            else:
                role = 'later'
            entry['latest'] = record
            profiles[self._profile_slot()] = entry
        self.answer = answer
        self.profiles = profiles
        self.save_cohort_row({'v': 1, 'means': means, 'attempts': answer['attempts']}, completed=True)
        self.emit(
            events.SELF_ASSESSMENT_SUBMITTED,
            {
                'block_type': self.scope_ids.block_type,
                'anonymous_user_id': self.anonymous_id(),
                'profile_key': self.profile_key or None,
                'role': role,
                'attempt': answer['attempts'],
                'ratings': ratings,
                'profile': means,
            },
        )
        self.emit_completion(1.0)
        result = self._user_state(answer, profiles)
        self._record(result)
        return result

    def _record(self, result):
        labels = {d['id']: d['label'] for d in result['dimensions']}
        comparison = result['comparison'] or {}
        if comparison.get('role') == 'later':
            rows = [
                {'dimension': labels.get(r['dimension'], r['dimension']), 'before': r['before'], 'after': r['after']}
                for r in comparison['rows']
            ]
        else:
            rows = [{'dimension': r['label'], 'before': None, 'after': r['mean']} for r in result['profile']]
        self.record_cpd(
            {
                'activity': {
                    'template': _('Rated {count} leadership statements and reviewed the profile.'),
                    'params': {'count': len(result['items'])},
                },
                'profile': rows,
            }
        )
