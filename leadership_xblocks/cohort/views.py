"""The streaming CSV downloads: a Django view the LMS serves as a plugin URL (`urls.py`).

Why a view and not only the blocks' `download_records` / `download_research` handlers: the
LMS answers a handler with `webob_to_django_response(resp)` (lms/djangoapps/courseware/
block_render.py, `_invoke_xblock_handler`), a plain `HttpResponse` that joins the whole body
in memory before the first byte leaves, so a handler cannot stream; a `StreamingHttpResponse` can.

`GET <plugin prefix>export/<kind>.csv?block=<usage key>`, kind `records` or `research`. In
order, with nothing of the learners' data read before the staff check:

1. 403 unless the user is staff of the block's course (`compat.request_is_staff`, the same
   check the LMS gives the handlers), or 400 when `block` names no block at all;
2. 405 for anything but GET, 400 for a query string that is not clean text;
3. 404 when no block with downloads has that key; 503 without the cohort app;
4. the CSV, the same bytes and headers the handler gives (`exports.download`).
"""

import json

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import get_language
from xblock.core import XBlock

from .. import compat, exports, records
from ..api import RequestError, query_params, require_str
from ..errors import UserFacingError
from ..i18n import catalogue, gettext_noop as _

MAX_BLOCK_KEY = 255  # the length of `LearnerRecord.block_key`


def _error(error):
    text = error.translated(catalogue((get_language() or 'en').split('-')[0]).gettext)
    return HttpResponse(
        json.dumps({'error': text}), status=error.status, content_type='application/json; charset=utf-8'
    )


def _has_downloads(block_type):
    from ..common.exports import RecordExportMixin

    try:
        return issubclass(XBlock.load_class(block_type), RecordExportMixin)
    except Exception:  # no such XBlock type installed
        return False


def _block_ref(request):
    """The `block` parameter if the query string holds it once, else None (checked later)."""
    values = request.GET.getlist('block')
    return values[0] if len(values) == 1 else None


def _target(request, block_ref):
    """(block key, course key) to export, or a `RequestError` for the caller."""
    if request.method != 'GET':
        raise RequestError(_('Use GET to download this file.'), status=405)
    params = query_params(request)
    if block_ref is None:
        raise RequestError(_('Name the block once, as "block" in the query string.'))
    require_str(params, 'block', max_length=MAX_BLOCK_KEY)
    target = compat.export_target(request, block_ref)
    if target is None or not _has_downloads(target[0]):
        raise RequestError(_('There is no block with learner downloads at this address.'), status=404)
    if not records.available():
        raise RequestError(_('Learner records are not available on this site.'), status=503)
    return target[1], target[2]


def export_csv(request, kind):
    """Stream the staff (`records`) or research CSV of one block to course staff."""
    block_ref = _block_ref(request)
    try:
        staff = compat.request_is_staff(request, block_ref)
        if staff is False:
            raise RequestError(_('Only course staff can download this data.'), status=403)
        if staff is None:
            raise RequestError(_('The "block" parameter is not the key of a block.'))
        block_key, course_key = _target(request, block_ref)
    except UserFacingError as error:
        return _error(error)
    download = exports.download(kind, block_key, course_key)
    response = StreamingHttpResponse(download.app_iter)
    for name, value in download.headerlist:  # Content-Type, Content-Disposition, Cache-Control, ...
        response[name] = value
    return response
