"""Cohort results for the scenario block: its learner record, its settings, its dashboard.

`LeadershipScenarioBlock` includes `ScenarioCohortMixin` and calls `record_cohort` after
every choose, timeout, back and restart. The record (one row per learner, see
`leadership_xblocks.records`) holds the current attempt's path and every finished attempt;
`cohort.aggregates` documents the format and which decisions count for the cohort.
"""

from xblock.core import XBlockMixin
from xblock.fields import Boolean, Dict, Integer, List, Scope
from xblock.validation import ValidationMessage

from .. import records
from ..cohort import aggregates
from ..i18n import gettext_noop as _
from . import payloads
from .labels import mode_titles
from .profile import competency_profile
from .scoring import TIMEOUT

MAX_LOGGED_ATTEMPTS = 5  # finished attempts kept whole in the learner's record (the newest)


def path_entries(scenario, history):
    """The record's view of an attempt's decisions: step, choice, mode, demand, seconds, timed out."""
    rows = []
    for entry in history:
        step = scenario.step(entry.get('step'))
        choice_id = entry.get('choice')
        choice = step.choice(choice_id) if step is not None and choice_id != TIMEOUT else None
        rows.append(
            {
                'step': entry.get('step'),
                'choice': choice_id,
                'mode': choice.mode if choice is not None else None,
                'demand': (step.demands or None) if step is not None else None,
                'seconds': entry.get('seconds'),
                'timed_out': choice_id == TIMEOUT,
            }
        )
    return rows


class ScenarioCohortMixin(XBlockMixin):
    """Fields and methods for the scenario's cohort results and facilitator dashboard."""

    cohort_results = Boolean(
        display_name=_('Show cohort results'),
        default=True,
        scope=Scope.settings,
        help=_(
            'After each decision, and at the ending, show learners how the other learners of this block '
            'chose (shares only, never names).'
        ),
    )
    cohort_minimum = Integer(
        display_name=_('Minimum learners for cohort results'),
        default=aggregates.MIN_COHORT,
        scope=Scope.settings,
        values={'min': aggregates.MIN_COHORT},
        help=_(
            'Cohort results appear only once at least this many learners have answered a step. '
            'It cannot be lower than 5.'
        ),
    )
    attempt_log = List(
        default=[],
        scope=Scope.user_state,
        help="The learner's newest finished attempts (path, ending, score), kept for their cohort record.",
    )
    attempt_earlier = Dict(
        default={},
        scope=Scope.user_state,
        help='The standing decision at each step of the finished attempts no longer in attempt_log.',
    )

    dashboard_can_present = True

    # the learner's record ------------------------------------------------------------
    def record_cohort(self, scenario, play, outcome=None):
        """Save this learner's record after a move; `outcome` (from the engine) when an attempt ended."""
        play = payloads.read_play(play)
        if outcome and outcome.get('ending'):
            log = [a for a in (self.attempt_log or []) if a.get('attempt') != play['attempt']]
            log.append(
                {
                    'attempt': play['attempt'],
                    'ending': outcome['ending'],
                    'score': outcome.get('score'),
                    'path': path_entries(scenario, play['history']),
                    'competencies': {row['id']: row['value'] for row in competency_profile(scenario, play['history'])},
                }
            )
            self._keep_attempts(log)
        if not records.available():
            return
        data = {
            'v': 1,
            'attempt': play['attempt'],
            'path': path_entries(scenario, play['history']),
            'finished': list(self.attempt_log or []),
        }
        if self.attempt_earlier:
            data['earlier'] = dict(self.attempt_earlier)
        self.save_cohort_row(data, completed=bool(play['completed']), score=play['best_score'])

    def _keep_attempts(self, log):
        """Keep the newest attempts whole; of older ones only each step's latest decision, which is all the
        cohort counts of them (`aggregates.standing_decisions`): a record's size no longer grows with replays."""
        dropped = log[:-MAX_LOGGED_ATTEMPTS]
        if dropped:
            earlier = dict(self.attempt_earlier or {})
            for attempt in dropped:
                for entry in aggregates.path_decisions(attempt.get('path')):
                    earlier[entry['step']] = entry
            self.attempt_earlier = earlier
        self.attempt_log = log[-MAX_LOGGED_ATTEMPTS:]

    def cohort_totals(self, paths=True):
        """The block's cohort figures, from its summary rows (their number does not grow with the cohort);
        `paths` False: without the most common paths (only the dashboard shows them: one query less)."""
        return records.scenario_totals(self.cohort_block_key(), paths)

    def learner_cohort(self, scenario, play):
        """`cohort` for the learner's state: None when switched off, unavailable or below the minimum."""
        if not self.cohort_results or not records.available():
            return None
        return payloads.scenario_cohort(scenario, play, self.cohort_totals(paths=False), self.cohort_minimum_value())

    # settings ----------------------------------------------------------------------
    def validate_cohort_settings(self, validation_result, data):
        if data.cohort_minimum is None or data.cohort_minimum < aggregates.MIN_COHORT:
            gettext = self._
            validation_result.add(
                ValidationMessage(
                    ValidationMessage.ERROR,
                    gettext('The minimum for cohort results must be {minimum} or more.').format(
                        minimum=aggregates.MIN_COHORT
                    ),
                )
            )

    # facilitator dashboard (see staff.StaffDashboardMixin) ----------------------------
    def dashboard_payload(self, options):
        data = payloads.scenario_dashboard(
            self.scenario, self.cohort_totals(), self.display_name, self.cohort_minimum_value()
        )
        return dict(data, mode_names=mode_titles(self._))

    def present_payload(self, options):
        data = payloads.scenario_present(
            self.scenario, self.cohort_totals(paths=False), options.get('step'), self.cohort_minimum_value()
        )
        return dict(data, mode_names=mode_titles(self._))
