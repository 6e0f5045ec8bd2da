"""The self-assessment block: fields, views and handlers. The model lives beside it in `model.py`.

Pre and post: blocks with the same `profile_key` in a course share the learner's *baseline*,
the profile from the first block of that key in which the learner submitted (kept in a
`Scope.preferences` field, which Open edX stores per learner and block type). Resubmitting
in that first block replaces the baseline; every other block shows the change since it.
"""

from xblock.core import XBlock
from xblock.fields import Dict, Scope, String

from .. import compat, events
from ..activity_model import ERROR, ProblemList
from ..api import api_handler, require_keys
from ..common.activity import ActivityBlockMixin, utc_now
from ..common.activity_studio import ActivityStudioMixin
from ..common.olx_body import OLXBodyMixin, body_problems
from ..common.workbench import demo_pages
from ..i18n import gettext_noop as _
from ..reports import report_rows
from . import answers, form, model, payloads, reports

SETTINGS = ('display_name', 'profile_key', 'module', 'framework')
MAX_PROFILE_KEY = 100


class LeadershipSelfAssessmentBlock(ActivityStudioMixin, ActivityBlockMixin, OLXBodyMixin):
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
    body = String(
        display_name=_('Statements and scale (OLX)'),
        default=model.DEFAULT_BODY,
        scope=Scope.content,
        multiline_editor=True,
        help=_(
            'An optional <intro>, the <scale> with its labels, and <dimension> elements holding the <item> statements.'
        ),
    )
    # answer (ActivityBlockMixin): the learner's ratings, {ratings: {item_id: int}, submitted_at, attempts}
    profiles = Dict(
        default={},
        scope=Scope.preferences,
        help='Per "<course>|<profile_key>": the baseline (first) and latest profile of this learner.',
    )

    editable_fields = SETTINGS + ('body',)
    olx_settings = SETTINGS
    olx_model = model
    olx_form = form  # the Studio editor's form (common/activity_studio.py)
    workbench_scenarios = classmethod(lambda cls: demo_pages('self_assessment_'))
    view_template = 'self_assessment.html'
    view_js = ('charts.js', 'self_assessment.js')
    js_init = 'LeadershipSelfAssessmentBlock'
    unavailable_message = _('This self-assessment is not available yet.')

    # model -----------------------------------------------------------------
    @property
    def problems(self):
        return list(body_problems(model, self.body)) + self._settings_problems(self.profile_key)

    def field_data_problems(self, data):
        return list(body_problems(model, data.body)) + self._settings_problems(data.profile_key)

    def editor_settings_problems(self, settings):
        key = settings.get('profile_key')
        return self._settings_problems(key.strip() if isinstance(key, str) else '')

    @staticmethod
    def _settings_problems(profile_key):
        problems = ProblemList()
        if profile_key and len(profile_key) > MAX_PROFILE_KEY:
            problems.add(ERROR, _('The profile key is longer than {limit} characters.'), limit=MAX_PROFILE_KEY)
        return problems

    # views -----------------------------------------------------------------
    def view_context(self, shown):
        """The template's texts, each with the `lang` it is shown in (see `i18n.shown_language`)."""
        content = compat.content_language(self)
        lang = self.text_language(content)
        source = self.parsed_body
        return {
            'CONTENT_LANGUAGE': content,  # render_template would look it up again
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
        after = answers.profile_means(answers.profile(shown, ratings))
        return {
            'role': 'later',
            'baseline_title': baseline.get('title', ''),
            'baseline_at': baseline.get('at'),
            'rows': answers.change(shown, baseline.get('means') or {}, after),
        }

    def _user_state(self, answer=None, profiles=None):
        shown = self._shown()
        answer = answer if answer is not None else self.answer
        profiles = profiles if profiles is not None else self.profiles
        return payloads.self_assessment_user_state(
            shown, answer, self._comparison(shown, answer, profiles), self.profile_key
        )

    @XBlock.handler
    @api_handler()
    def submit(self, data):
        self._require_usable()
        require_keys(data, 'ratings')
        current = self.parsed_body
        ratings = answers.check_ratings(current, data['ratings'])
        now = utc_now()
        means = answers.profile_means(answers.profile(current, ratings))
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
        self.learner_event(
            events.SELF_ASSESSMENT_SUBMITTED,
            profile_key=self.profile_key or None,
            role=role,
            attempt=answer['attempts'],
            ratings=ratings,
            profile=means,
        )
        self.emit_completion(1.0)
        result = self._user_state(answer, profiles)
        self._record(result)
        return result

    def _record(self, result):
        labels = {d['id']: d['label'] for d in result['dimensions']}
        content = compat.content_language(self)
        lang = self.text_language(content)  # each label's language as the learner was shown it (the view's rule)
        langs = {d.id: lang(d.label) for d in self.parsed_body.dimensions}
        comparison = result['comparison'] or {}
        if comparison.get('role') == 'later':
            rows = [(r['dimension'], r['before'], r['after']) for r in comparison['rows']]
        else:
            rows = [(r['dimension'], None, r['mean']) for r in result['profile']]
        self.record_cpd(
            {
                'activity': {
                    'template': _('Rated {count} leadership statements and reviewed the profile.'),
                    'params': {'count': len(result['items'])},
                },
                'profile': [
                    {'dimension': labels.get(d, d), 'lang': langs.get(d, ''), 'before': before, 'after': after}
                    for d, before, after in rows
                ],
            },
            content_language=content,
        )
