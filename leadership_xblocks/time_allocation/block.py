"""The time-allocation block: fields, views and handlers. The model lives beside it in `model.py`.

Research consent is explicit and revocable (`set_consent`, or `consent` in `submit`) and
recorded with a timestamp. The learner's cohort row (`leadership_xblocks.records`) holds
their allocation and leadership model only while they consent; without consent the row
keeps no answer, so the answer serves the learner's own view and nothing else. The mean
shown beside an answer is that of the *other* consenting learners (the block's summary
figures less the learner's own row), and only once there are at least `MIN_COHORT` of them.
"""

from xblock.core import XBlock
from xblock.fields import Dict, Scope, String

from .. import compat, events, records
from ..api import api_handler, require_keys
from ..common.activity import ActivityBlockMixin, utc_now
from ..common.activity_studio import ActivityStudioMixin
from ..common.olx_body import OLXBodyMixin, body_problems
from ..common.workbench import demo_pages
from ..i18n import gettext_noop as _
from ..reports import report_rows
from . import form, model, payloads, reports

SETTINGS = ('display_name', 'module', 'framework')
MAX_CONSENT_HISTORY = 50
RECORD_VERSION = 1


class LeadershipTimeAllocationBlock(ActivityStudioMixin, ActivityBlockMixin, OLXBodyMixin):
    """How leaders divide their working time between functions, beside the cohort's mean."""

    display_name = String(
        display_name=_('Display name'), default=_('How leaders spend their time'), scope=Scope.settings
    )
    body = String(
        display_name=_('Prompt and functions (OLX)'),
        default=model.DEFAULT_BODY,
        scope=Scope.content,
        multiline_editor=True,
        help=_('A <prompt> and one <function id="..."> element per function of leadership.'),
    )
    # answer (ActivityBlockMixin): {allocations: {function_id: percent}, model, model_text, submitted_at}
    consent = Dict(
        default=None,
        scope=Scope.user_state,
        help='Research consent: {given: bool, at: ISO time, history: [{given, at}]}.',
    )

    editable_fields = SETTINGS + ('body',)
    olx_settings = SETTINGS
    olx_model = model
    olx_form = form  # the Studio editor's form (common/activity_studio.py)
    workbench_scenarios = classmethod(lambda cls: demo_pages('time_allocation_'))
    view_template = 'time_allocation.html'
    view_js = ('charts.js', 'time_allocation.js')
    js_init = 'LeadershipTimeAllocationBlock'

    # model -----------------------------------------------------------------
    @property
    def problems(self):
        return body_problems(model, self.body)

    def field_data_problems(self, data):
        return body_problems(model, data.body)

    def _models(self):
        gettext = self._
        return [(model_id, gettext(label)) for model_id, label in model.MODELS]

    # views -----------------------------------------------------------------
    def view_context(self, shown):
        """The template's texts, each with the `lang` it is shown in (see `i18n.shown_language`)."""
        content = compat.content_language(self)
        lang = self.text_language(content)
        return {
            'CONTENT_LANGUAGE': content,  # render_template would look it up again
            'prompt': shown.prompt,
            'prompt_lang': lang(self.parsed_body.prompt),
            'functions': [
                {'id': f.id, 'label': f.label, 'lang': lang(o.label)}
                for f, o in zip(shown.functions, self.parsed_body.functions)
            ],
            'models': self._models(),
            'own_model': model.OWN_MODEL,
            'total': model.TOTAL,
            'minimum': model.MIN_COHORT,
        }

    dashboard_mean_keys = ('allocations',)  # facilitator dashboard (staff.py): mean shares, consenting learners

    def dashboard_means_labels(self):
        return {
            'allocations': (
                self._('Mean share of working time (%), learners who consented'),
                {f.id: f.label for f in self._shown().functions},
            )
        }

    def student_view_data(self, context=None):
        return payloads.time_allocation_view_data(self._shown(), self._models(), self._settings())

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Rows for Open edX's Problem Responses report: see `reports.time_allocation_row`."""
        shown, models = self._shown(), self._models()
        return report_rows(
            user_state_iterator, lambda s: reports.time_allocation_row(shown, models, s, self._), limit_responses
        )

    # cohort ------------------------------------------------------------------
    def _save_record(self, answer, consent_given):
        """This learner's cohort row: the answer while they consent, nothing of it otherwise."""
        data = {'v': RECORD_VERSION}
        if consent_given and answer:
            data.update({'allocations': answer['allocations'], 'model': answer['model']})
            if answer.get('model_text'):
                data['model_text'] = answer['model_text']
        self.save_cohort_row(data, completed=bool(answer), consent=consent_given)

    def _cohort(self, answer):
        if not answer or not records.available():
            return None
        count, sums = records.consented_others(self.cohort_block_key(), 'allocations', self.anonymous_id())
        means, count = model.cohort_mean(self.parsed_body, count, sums)
        return {'means': means, 'count': count} if means is not None else None

    # learner API -------------------------------------------------------------
    def _user_state(self, answer=None, consent=None):
        answer = answer if answer is not None else self.answer
        consent = consent if consent is not None else self.consent
        return payloads.time_allocation_user_state(self._shown(), self._models(), answer, consent, self._cohort(answer))

    def _new_consent(self, given, now):
        """The consent field after a decision (`at` is always the latest decision's time), and
        whether it changed this block's answer (`history` keeps the changes)."""
        current = dict(self.consent or {})
        changed = current.get('given') is None or bool(current.get('given')) != given
        history = list(current.get('history') or [])
        if changed:
            history = history[-(MAX_CONSENT_HISTORY - 1) :] + [{'given': given, 'at': now}]
        return {'given': given, 'at': now, 'history': history}, changed

    def _consent_event(self, consent):
        self.learner_event(events.RESEARCH_CONSENT_CHANGED, consent=consent['given'], at=consent['at'])

    @XBlock.handler
    @api_handler()
    def submit(self, data):
        self._require_usable()
        require_keys(data, 'allocations', 'model', 'consent')
        allocations = model.check_allocations(self.parsed_body, data['allocations'])
        model_id, model_text = model.check_model(data['model'])
        given = model.check_consent(data['consent'])
        now = utc_now()
        answer = {'allocations': allocations, 'model': model_id, 'model_text': model_text, 'submitted_at': now}
        consent, consent_changed = self._new_consent(given, now)
        self.answer = answer
        self.consent = consent
        self._save_record(answer, given)
        if consent_changed:
            self._consent_event(consent)
        # Without consent the answer stays out of the tracking log too.
        shared = {'allocations': allocations, 'model': model_id} if given else {}
        self.learner_event(events.TIME_ALLOCATION_SUBMITTED, consent=given, **shared)
        self.emit_completion(1.0)
        labels = {f.id: f.label for f in self._shown().functions}
        content = compat.content_language(self)
        lang = self.text_language(content)  # each label's language as the learner was shown it (the view's rule)
        langs = {f.id: lang(f.label) for f in self.parsed_body.functions}
        self.record_cpd(
            {
                'activity': {
                    'template': _('Mapped how your working time divides between leadership functions.'),
                    'params': {},
                },
                'allocation': [
                    {'function': labels[key], 'lang': langs[key], 'percent': value}
                    for key, value in allocations.items()
                ],
            },
            content_language=content,
        )
        return self._user_state(answer, consent)

    @XBlock.handler
    @api_handler()
    def set_consent(self, data):
        """Give or withdraw research consent at any time; withdrawing removes the answer from the cohort row."""
        self._require_usable()
        require_keys(data, 'consent')
        given = model.check_consent(data['consent'])
        consent, changed = self._new_consent(given, utc_now())
        self.consent = consent
        # Every decision is one, even a first "no" before any answer: the learner's latest
        # decision in the course governs every research export (`exports.latest_decisions`).
        self._save_record(self.answer, given)
        if changed:
            self._consent_event(consent)
        return self._user_state(None, consent)
