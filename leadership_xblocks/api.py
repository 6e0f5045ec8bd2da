"""Plumbing shared by every handler of the native API, and the one place requests are read.

Handlers (and the models they call) raise `UserFacingError` for anything a client got wrong; the decorator turns it
into a 4xx JSON response `{"error": message}` before any field has been changed.

Every request is read here (`read_json_object`, `query_params`), so no body, encoding,
content type, method or nesting depth can reach a handler as anything but a clean dict of
JSON values, or a 4xx. The limits (README, "Security"):

* a body of at most `MAX_BODY_BYTES` (Studio saves: `MAX_STUDIO_BODY_BYTES`), else 413;
* JSON (UTF-8) as `application/json`, `text/plain` or jQuery's default form type, else 415;
* one JSON object nested at most `MAX_DEPTH` deep, with finite numbers and whole numbers of at
  most `MAX_INT_DIGITS` digits, else 400;
* text that UTF-8 can store and a page can show: no lone surrogates, no control characters
  but tab, line feed and carriage return (XML, and so OLX export, cannot hold them), else 400.
"""

import functools
import json
import math

from webob import Response

from .errors import UserFacingError
from .i18n import block_gettext, gettext_noop as _

MAX_BODY_BYTES = 2 * 1024 * 1024  # a 150,000-character reflection, every character \u-escaped, fits
MAX_STUDIO_BODY_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 16
MAX_INT_DIGITS = 18
# What browsers and the platform send JSON as: fetch() says application/json, while
# xblock.utils' studio_edits.js posts JSON with jQuery's default form content type.
JSON_CONTENT_TYPES = frozenset({'', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'})
UTF8_CHARSETS = frozenset({'', 'utf-8', 'utf8', 'us-ascii', 'ascii'})
_ALLOWED_CONTROLS = frozenset('\t\n\r')
_CONTROLS = frozenset(chr(code) for code in range(32)) - _ALLOWED_CONTROLS


class RequestError(UserFacingError):
    """A client error in a request (status 4xx), raised by the handlers themselves."""


def json_response(payload, status=200):
    return Response(
        body=json.dumps(payload).encode('utf-8'), status=status, content_type='application/json', charset='utf-8'
    )


def download_response(content_type, disposition, body=None, app_iter=None, sandbox=False):
    """A file for the learner or staff to keep: never cached, never sniffed as another type, and with
    `sandbox` a page whose scripts, frames and remote resources are all refused (inline styles only)."""
    if app_iter is not None:
        response = Response(app_iter=app_iter, content_type=content_type, charset='utf-8')
    else:
        response = Response(body=body, content_type=content_type, charset='utf-8')
    response.headers['Content-Disposition'] = disposition
    response.headers['Cache-Control'] = 'private, no-store'
    response.headers['X-Content-Type-Options'] = 'nosniff'
    if sandbox:
        response.headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


def error_response(block, error):
    """The JSON 4xx response of a `UserFacingError`, in the block's language."""
    return json_response({'error': error.translated(block_gettext(block))}, status=error.status)


def check_text(text):
    """Raise a 400 for text that cannot be stored as UTF-8 or shown in a page (see module docstring)."""
    try:
        text.encode('utf-8')
    except UnicodeEncodeError:
        raise RequestError(_('The request contains text that cannot be stored (a lone surrogate).')) from None
    if not _CONTROLS.isdisjoint(text):
        raise RequestError(_('The request contains control characters that cannot be stored.'))
    return text


def _check_values(value):
    """Walk a parsed JSON value without recursion: depth and every string (keys included)."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            check_text(item)
        elif isinstance(item, (dict, list)):
            if depth > MAX_DEPTH:
                raise RequestError(_('The request body is nested more than {depth} levels deep.'), depth=MAX_DEPTH)
            if isinstance(item, dict):
                for key, child in item.items():
                    check_text(key)
                    pending.append((child, depth + 1))
            else:
                pending.extend((child, depth + 1) for child in item)


def _finite_float(text):
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def _bounded_int(text):
    if len(text.lstrip('-')) > MAX_INT_DIGITS:
        raise ValueError(text)
    return int(text)


def _no_constant(text):
    raise ValueError(text)  # NaN, Infinity and -Infinity are not JSON


def read_body(request, max_bytes=MAX_BODY_BYTES):
    """The raw body, refused (413, 415) when it is too large or not in a JSON content type."""
    declared = request.content_length
    if declared is not None and declared > max_bytes:
        raise RequestError(_('The request body is larger than {limit} bytes.'), status=413, limit=max_bytes)
    content_type = (request.content_type or '').lower()
    charset = (request.charset or '').lower() if content_type else ''
    if content_type not in JSON_CONTENT_TYPES or charset not in UTF8_CHARSETS:
        raise RequestError(_('Send the request body as JSON in UTF-8 (Content-Type: application/json).'), status=415)
    body = request.body
    if len(body) > max_bytes:
        raise RequestError(_('The request body is larger than {limit} bytes.'), status=413, limit=max_bytes)
    return body


def parse_json_object(body):
    """One JSON object from UTF-8 bytes, within the limits above, or a 400."""
    try:
        text = body.decode('utf-8')
    except UnicodeDecodeError:
        raise RequestError(_('The request body is not valid UTF-8.')) from None
    try:
        data = json.loads(text or '{}', parse_float=_finite_float, parse_int=_bounded_int, parse_constant=_no_constant)
    except RecursionError:
        raise RequestError(_('The request body is nested more than {depth} levels deep.'), depth=MAX_DEPTH) from None
    except ValueError:
        raise RequestError(_('The request body is not valid JSON.')) from None
    if not isinstance(data, dict):
        raise RequestError(_('The request body must be a JSON object.'))
    _check_values(data)
    return data


def read_json_object(request, allow_get=False, max_bytes=MAX_BODY_BYTES):
    """The request body as a dict; a GET (when allowed) counts as `{}`."""
    if request.method == 'GET' and allow_get:
        return {}
    if request.method != 'POST':
        raise RequestError(_('Use POST with a JSON object.'), status=405)
    return parse_json_object(read_body(request, max_bytes))


def query_params(request):
    """The query string as {name: last value}, or a 400 when it is not UTF-8 text a page can hold."""
    try:
        params = dict(request.GET.items())
    except UnicodeDecodeError:
        raise RequestError(_('The query string is not valid UTF-8.')) from None
    for key, value in params.items():
        check_text(key)
        check_text(value)
    return params


def api_handler(allow_get=False, staff_only=None, permission='is_staff'):
    """Decorate `method(self, data) -> dict` as an XBlock handler speaking JSON.

    Combine with `@XBlock.handler` (applied outermost). With `staff_only` (the message of the
    403), anyone for whom the block's `permission` method (default `is_staff`) is false is
    refused before the request is even read.
    """

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, request, suffix=''):
            try:
                if staff_only is not None and not getattr(self, permission)():
                    raise RequestError(staff_only, status=403)
                data = read_json_object(request, allow_get=allow_get)
                return json_response(method(self, data))
            except UserFacingError as error:
                return error_response(self, error)

        return wrapper

    return decorator


def studio_edits(block, request):
    """Check a Studio save body the way xblock.utils' `submit_studio_edits` will read it:
    `{"values": {field: JSON value}, "defaults": [field, ...]}`, editable fields only, each
    value one its field accepts. Raises `RequestError`; returns nothing (the platform handler
    then reads the same body)."""
    data = read_json_object(request, max_bytes=MAX_STUDIO_BODY_BYTES)
    values, defaults = data.get('values'), data.get('defaults')
    if not isinstance(values, dict) or not isinstance(defaults, list):
        raise RequestError(_('A Studio save needs "values" (an object) and "defaults" (a list).'))
    editable = set(block.editable_fields)
    unknown = sorted(str(name) for name in list(values) + defaults if not isinstance(name, str) or name not in editable)
    if unknown:
        raise RequestError(_('Not an editable field: {fields}.'), fields=', '.join(unknown)[:200])
    for name, value in values.items():
        try:
            block.fields[name].from_json(value)
        except (TypeError, ValueError, OverflowError):
            raise RequestError(_('"{field}" has a value of the wrong type.'), field=name) from None


def require_keys(data, *keys):
    """Fail with a clear message when a required key is missing."""
    missing = [key for key in keys if key not in data]
    if missing:
        raise RequestError(_('Missing field(s): {fields}.'), fields=', '.join(missing))


def require_str(data, key, max_length=200):
    value = data.get(key)
    if not isinstance(value, str) or not value or len(value) > max_length:
        raise RequestError(
            _('"{key}" must be a non-empty string of at most {max_length} characters.'), key=key, max_length=max_length
        )
    return value
