"""The facilitator dashboard every leadership block can include (staff only).

Add `StaffDashboardMixin` to a block's bases (before `XBlock`) and call
`self.add_staff_dashboard(fragment)` at the end of `student_view`. The block then has:

* `staff_dashboard`: a JSON handler. Non-staff get 403 and nothing is read or changed.
  POST `{}` (or GET) returns `{"available": bool, "dashboard": {...}}`; POST
  `{"view": "present", "step": "<step id>"}` returns `{"available": bool, "present": {...}}`
  (the step's results for projection; figures only from the cohort minimum).
* for staff, a region under the block named "Facilitator dashboard: <block title>", with the
  block's module, so several on one page can be told apart (`common/templates/staff_dashboard.html`,
  `static/dashboard.js`, `static/dashboard.css`): a button to open the dashboard and a "present"
  mode, opened right under its button, that refreshes itself every few seconds.

Staff status comes from `compat.user_is_staff` (the user service's
`edx-platform.user_is_staff` in Open edX; the workbench's `LEADERSHIP_WORKBENCH_STAFF`
user ids, `?student=staff` by default). All figures are read from the block's summary rows
(`leadership_xblocks.records`, sums over the learners' rows kept exact on every write) and
carry counts only, never a learner id or name.

Blocks other than the scenario get a generic dashboard (learners started and completed,
score distribution, and the means of numeric dicts their records keep under the keys in
`dashboard_mean_keys`, labelled by `dashboard_means_labels()`); a block can override
`dashboard_payload(options)` and `present_payload(options)` for more.
"""

import datetime

from xblock.core import XBlock, XBlockMixin

from .. import compat, dashboards, records
from ..api import RequestError, api_handler
from ..cohort import aggregates
from ..i18n import gettext_noop as _
from .exports import RecordExportMixin

DASHBOARD_REFRESH_SECONDS = 5


class StaffDashboardMixin(RecordExportMixin, XBlockMixin):
    """Facilitator dashboard and present mode for any leadership block (needs `LeadershipBlockMixin`)."""

    dashboard_mean_keys = ()
    dashboard_can_present = False  # True when `present_payload` shows one step at a time

    # what a block may override ---------------------------------------------------------
    def cohort_block_key(self):
        """The key of this block's learner records (the usage id as text)."""
        return str(self.scope_ids.usage_id)

    def cohort_minimum_value(self):
        """The block's minimum cohort size for learner-facing and projected figures (never below 5)."""
        return aggregates.effective_minimum(getattr(self, 'cohort_minimum', None))

    def dashboard_means_labels(self):
        """{data key: (title, {sub key: label})} for the generic dashboard's mean tables."""
        return {}

    def save_cohort_row(self, data, completed=False, score=None, consent=None):
        """Write the current learner's one row for this block (`records.save_record`, which says what
        `consent` does); no-op without the app. The one writer of every block's cohort rows."""
        return records.save_record(
            self.cohort_block_key(),
            self.scope_ids.block_type,
            self.record_learner(),
            compat.course_key(self),
            data,
            completed=completed,
            score=score,
            consent=consent,
        )

    def dashboard_payload(self, options):
        totals = records.generic_totals(self.cohort_block_key(), self.dashboard_mean_keys)
        return dashboards.generic_dashboard(
            self.scope_ids.block_type,
            self.display_name,
            totals,
            self.cohort_minimum_value(),
            self.dashboard_means_labels(),
        )

    def present_payload(self, options):
        """None: this block has nothing to present step by step (the dashboard is shown instead)."""
        return None

    # the handler ---------------------------------------------------------------------
    @XBlock.handler
    @api_handler(allow_get=True, staff_only=_('Only course staff can see the facilitator dashboard.'))
    def staff_dashboard(self, data):
        """Dashboard or present-mode figures for staff; 403 (before the request is read) for anyone else."""
        view = data.get('view', 'dashboard')
        if view not in ('dashboard', 'present'):
            raise RequestError(_('Unknown dashboard view "{view}".'), view=str(view)[:40])
        step = data.get('step')
        if step is not None and (not isinstance(step, str) or len(step) > 200):
            raise RequestError(
                _('"{key}" must be a non-empty string of at most {max_length} characters.'), key='step', max_length=200
            )
        result = {
            'available': records.available(),
            'view': view,
            'refresh_seconds': DASHBOARD_REFRESH_SECONDS,
            'generated_at': datetime.datetime.now(datetime.UTC).isoformat(timespec='seconds'),
        }
        options = {'step': step}
        if view == 'present':
            result['present'] = self.present_payload(options)
        else:
            result['dashboard'] = self.dashboard_payload(options)
        return result

    # the staff region under the block ---------------------------------------------------
    def add_staff_dashboard(self, frag):
        """For staff, append the facilitator dashboard region and its assets to `frag`."""
        if not self.is_staff():
            return frag
        html = self.render_template(
            'staff_dashboard.html',
            {
                'handler_url': self.runtime.handler_url(self, 'staff_dashboard'),
                'block_type': self.scope_ids.block_type,
                'title': self.display_name,
                'module': compat.module_title(self),
                'available': records.available(),
                'can_present': self.dashboard_can_present,
                'minimum': self.cohort_minimum_value(),
                **{f'{kind}_url': url for kind, url in self.export_urls().items()},
            },
        )
        frag.add_content(html)
        frag.add_css_url(self.runtime.local_resource_url(self, 'static/dashboard.css'))
        for name in ('common.js', 'charts.js', 'dashboard.js'):  # charts.js: the table builder
            frag.add_javascript_url(self.runtime.local_resource_url(self, f'static/{name}'))
        return frag
