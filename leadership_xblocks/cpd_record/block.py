"""The learner's CPD record: the entries every leadership block added, grouped by module.

The entries are the learner's CPD rows (or, without the cohort app, the `Scope.user_info`
field of `CPDMixin`, shared by every block of the learner). This block only reads them: it shows
them, returns them as JSON for native apps, and offers them as a printable HTML document.
"""

import datetime

from xblock.core import XBlock
from xblock.fields import Scope, String
from xblock.utils.studio_editable import StudioEditableXBlockMixin

from ..api import api_handler, download_response
from ..common.base import LeadershipBlockMixin
from ..common.cpd import CPDMixin
from ..common.workbench import demo_pages
from ..i18n import gettext_noop as _
from ..olx_io import resolve_pointer
from . import document as cpd_document

DOCUMENT_FILENAME = 'cpd-record.html'


def _language():
    try:
        from django.utils import translation
    except ImportError:  # pragma: no cover - every runtime we support has Django
        return 'en'
    return translation.get_language() or 'en'


@XBlock.needs('i18n')
@XBlock.wants('user')
class LeadershipCPDRecordBlock(LeadershipBlockMixin, CPDMixin, StudioEditableXBlockMixin, XBlock):
    """Shows the learner's continuing professional development record and lets them download it."""

    display_name = String(display_name=_('Display name'), default=_('My CPD record'), scope=Scope.settings)

    editable_fields = ('display_name',)
    workbench_scenarios = classmethod(lambda cls: demo_pages('cpd_record_'))

    has_author_view = False
    has_score = False

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        return super().parse_xml(resolve_pointer(node, runtime), runtime, keys, *args, **kwargs)

    # model -----------------------------------------------------------------
    def _groups(self):
        return cpd_document.grouped(self.cpd_entries(), self._)

    def _entries_html(self, groups, h_module, h_entry):
        return self.render_template(
            'cpd_record_entries.html', {'groups': groups, 'h_module': h_module, 'h_entry': h_entry}
        )

    def _learner_name(self):
        service = self.runtime.service(self, 'user')
        user = service.get_current_user() if service is not None else None
        return (getattr(user, 'full_name', '') or '').strip() if user is not None else ''

    # views -----------------------------------------------------------------
    @XBlock.supports('multi_device')
    def student_view(self, context=None):
        groups = self._groups()
        html = self.render_template(
            'cpd_record.html',
            {
                'title': self._(self.display_name),
                'groups': groups,
                'entry_count': sum(len(g['entries']) for g in groups),
                'entries_html': self._entries_html(groups, 4, 5) if groups else '',
                'download_url': self.runtime.handler_url(self, 'download'),
            },
        )
        return self.fragment(html, css=['leadership.css', 'activities.css', 'cpd_record.css'])

    def student_view_data(self, context=None):
        """For native apps: the entries come from `student_view_user_state`, the document from `download`."""
        return {'display_name': self._(self.display_name), 'download_url': self.runtime.handler_url(self, 'download')}

    def document_html(self, now=None):
        """The whole record as a standalone, printable HTML page (text escaped by the template)."""
        now = now or datetime.datetime.now(datetime.UTC)
        groups = self._groups()
        return self.render_template(
            'cpd_record_document.html',
            {
                'heading': self._('Continuing professional development record: leadership'),
                'language': _language(),
                'name': self._learner_name(),
                'generated': now.date(),
                'generated_iso': now.date().isoformat(),
                'groups': groups,
                'entry_count': sum(len(g['entries']) for g in groups),
                'entries_html': self._entries_html(groups, 2, 3) if groups else '',
            },
        )

    # handlers ----------------------------------------------------------------
    @XBlock.handler
    def download(self, request, suffix=''):
        """The record as an HTML file to keep or print (`Content-Disposition: attachment`)."""
        body = self.document_html().encode('utf-8')
        return download_response('text/html', f'attachment; filename={DOCUMENT_FILENAME}', body=body, sandbox=True)

    @XBlock.handler
    @api_handler(allow_get=True)
    def student_view_user_state(self, data):
        """The record for native apps: the same groups the page shows (dates as ISO text)."""
        groups = self._groups()
        for group in groups:
            for entry in group['entries']:
                entry['date'] = entry.pop('date_iso')
        return {'modules': groups}
