"""Plumbing shared by every JSON handler of the native API.

Handlers (and the models they call) raise `UserFacingError` for anything a client got wrong; the decorator turns it
into a 4xx JSON response `{"error": message}` before any field has been changed.
"""
import functools
import json

from webob import Response

from .errors import UserFacingError
from .i18n import block_gettext, gettext_noop as _


class RequestError(UserFacingError):
    """A client error in a request (status 4xx), raised by the handlers themselves."""


def json_response(payload, status=200):
    return Response(body=json.dumps(payload).encode('utf-8'), status=status,
                    content_type='application/json', charset='utf-8')


def read_json_object(request, allow_get=False):
    """The request body as a dict; a GET (when allowed) counts as `{}`."""
    if request.method == 'GET' and allow_get:
        return {}
    if request.method != 'POST':
        raise RequestError(_('Use POST with a JSON object.'), status=405)
    try:
        data = json.loads(request.body.decode('utf-8') or '{}')
    except (UnicodeDecodeError, ValueError):
        raise RequestError(_('The request body is not valid JSON.')) from None
    if not isinstance(data, dict):
        raise RequestError(_('The request body must be a JSON object.'))
    return data


def api_handler(allow_get=False):
    """Decorate `method(self, data) -> dict` as an XBlock handler speaking JSON.

    Combine with `@XBlock.handler` (applied outermost).
    """
    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, request, suffix=''):  # pylint: disable=unused-argument
            try:
                data = read_json_object(request, allow_get=allow_get)
                return json_response(method(self, data))
            except UserFacingError as error:
                return json_response({'error': error.translated(block_gettext(self))}, status=error.status)
        return wrapper
    return decorator


def require_keys(data, *keys):
    """Fail with a clear message when a required key is missing."""
    missing = [key for key in keys if key not in data]
    if missing:
        raise RequestError(_('Missing field(s): {fields}.'), fields=', '.join(missing))


def require_str(data, key, max_length=200):
    value = data.get(key)
    if not isinstance(value, str) or not value or len(value) > max_length:
        raise RequestError(_('"{key}" must be a non-empty string of at most {max_length} characters.'),
                           key=key, max_length=max_length)
    return value
