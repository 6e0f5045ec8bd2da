"""Staff-only CSV downloads of a block's cohort rows: `download_records` and `download_research`.

Both are GET handlers answering 403 to anyone who is not course staff (`compat.user_is_staff`)
and 503 when the cohort app is not installed. The body is a generator (`exports.download`, an
`api.download_response` with an `app_iter` over `exports.staff_csv` / `exports.research_csv`),
so rows are read and written one chunk at a time. The LMS, though, gathers a handler's whole
response before sending it, so the dashboard links the streaming view (`cohort/views.py`)
wherever it is installed (`export_urls`); the handlers serve runtimes without it. Columns: `docs/data-dictionary.md`.
"""

from xblock.core import XBlock

from .. import compat, exports, records
from ..api import json_response
from ..i18n import gettext_noop as _


class RecordExportMixin:
    """Adds the two CSV download handlers. Put it before `XBlock` in the bases."""

    def _export_block_key(self):
        return str(self.scope_ids.usage_id)

    def _export_refusal(self):
        """A JSON error response when this request may not download, else None."""
        if not self.is_staff():
            return json_response({'error': self._(_('Only course staff can download this data.'))}, status=403)
        if not records.available():
            return json_response({'error': self._(_('Learner records are not available on this site.'))}, status=503)
        return None

    def _csv_response(self, kind):
        refusal = self._export_refusal()
        if refusal is not None:
            return refusal
        return exports.download(kind, self._export_block_key(), compat.course_key(self))

    def export_urls(self):
        """{kind: URL} of the two downloads: the streaming view where it is installed, else the handler."""
        return {
            kind: compat.export_url(self, kind) or self.runtime.handler_url(self, f'download_{kind}')
            for kind in exports.KINDS
        }

    @XBlock.handler
    def download_records(self, request, suffix=''):
        """Every learner's row for this block, anonymous ids only (staff only)."""
        return self._csv_response('records')

    @XBlock.handler
    def download_research(self, request, suffix=''):
        """Rows of learners who gave research consent, structured values only (staff only)."""
        return self._csv_response('research')
