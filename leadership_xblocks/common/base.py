"""What every leadership block shares: assets, templates, i18n, events and staff checks.

Block classes stay thin (fields, views, handlers); anything reusable lives here or in
the plain-Python modules beside this package.
"""

import functools
import importlib.resources
import io
import json
import re

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.exceptions import DisallowedFileError

from .. import RESOURCES_DIR, SHARED_PACKAGE, compat, events, public_static, records
from ..api import error_response, studio_edits
from ..errors import UserFacingError
from ..i18n import I18N_JS_NAMESPACE, block_gettext, shipped_js_catalogue
from . import rendering

ASSET_NAME = re.compile(r'^static/(?P<name>[a-z0-9_-]+\.(?:js|css|svg))$')


@functools.cache
def _static_file(package, name):
    return public_static(package).joinpath(name).read_bytes()


@functools.cache
def _template_package(package, template):
    """The block's own package when it has `templates/<template>`, else the shared one."""
    if not importlib.resources.files(package).joinpath('templates', template).is_file():
        package = SHARED_PACKAGE
    return package


def resource_package(cls):
    """The package a block class's assets are served from: the unmixed class's module minus its last
    part, as Open edX computes it (`xblock_resource_pkg`, openedx/core/lib/xblock_utils/__init__.py)."""
    return getattr(cls, 'unmixed_class', cls).__module__.rsplit('.', 1)[0]


def script_safe_json(value):
    """JSON text with no `<`, `>` or `&`, so authored or learner text cannot close the
    `<script>` element in which runtimes embed a block's init arguments.

    The runtime serialises init arguments into that element without escaping; passing them
    as one string of escaped JSON (read back by `LeadershipXBlocks.initArgs`) keeps every
    character of the payload out of the page's markup.
    """
    text = json.dumps(value)
    return text.replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026')


class LeadershipBlockMixin:
    """Mixin for the leadership blocks (put it before `XBlock` in the bases)."""

    i18n_js_namespace = I18N_JS_NAMESPACE
    # `static/<name>` URIs resolve under it in the LMS's collected static files (see RESOURCES_DIR).
    resources_dir = RESOURCES_DIR

    @classmethod
    def open_local_resource(cls, uri):
        """Serve only the block package's own JS, CSS and SVG files from its `public/static/`."""
        if isinstance(uri, bytes):
            uri = uri.decode('utf-8')
        match = ASSET_NAME.match(uri)
        if not match:
            raise DisallowedFileError(f'Not a public asset of this package: {uri!r}')
        try:
            return io.BytesIO(_static_file(resource_package(cls), match.group('name')))
        except FileNotFoundError as error:
            raise DisallowedFileError(f'No such asset: {uri!r}') from error

    # i18n -----------------------------------------------------------------
    @property
    def _(self):
        return block_gettext(self)

    # rendering ------------------------------------------------------------
    def render_template(self, template, context):
        """Render a Django template from the block folder's `templates/` (or, for the shared ones,
        `common/templates/`) with the i18n service."""
        from django.utils.translation import get_language

        context = dict(context, uid=self.dom_id())
        context.setdefault('LANGUAGE_CODE', get_language() or '')  # interface strings: lang="cy" on Welsh pages
        context.setdefault('CONTENT_LANGUAGE', compat.content_language(self))  # authored content: the course's
        package = _template_package(resource_package(type(self)), template)
        return rendering.render(package, f'templates/{template}', context, self.runtime.service(self, 'i18n'))

    def dom_id(self):
        """An id prefix unique to this block on the page, for labels and ARIA references."""
        return 'lsx-' + re.sub(r'[^A-Za-z0-9_-]', '-', str(self.scope_ids.usage_id))

    def fragment(self, html, js=(), css=(), init=None, init_args=None):
        """A web fragment with the page's assets, its JS catalogue and its initialiser."""
        frag = Fragment(html)
        for name in css:
            frag.add_css_url(self.runtime.local_resource_url(self, f'static/{name}'))
        catalogue_url = self._js_catalogue_url()
        if catalogue_url:
            frag.add_javascript_url(catalogue_url)
        for name in js:
            frag.add_javascript_url(self.runtime.local_resource_url(self, f'static/{name}'))
        if init:
            frag.initialize_js(init, {'json': script_safe_json(init_args or {})})
        return frag

    def studio_view(self, context=None):
        """xblock.utils' editor, with targets and fields sized for WCAG 2.2 and narrow screens."""
        frag = super().studio_view(context)
        frag.add_css_url(self.runtime.local_resource_url(self, 'static/studio.css'))
        return frag

    @XBlock.handler
    def submit_studio_edits(self, request, suffix=''):
        """xblock.utils' Studio save, once `api.studio_edits` found the body well formed.

        The platform handler indexes `values` and `defaults` and converts each value without
        checks, so a malformed body would otherwise be a 500; here it is a 4xx JSON error.
        """
        try:
            studio_edits(self, request)
        except UserFacingError as error:
            return error_response(self, error)
        return super().submit_studio_edits(request, suffix)

    def _js_catalogue_url(self):
        service = self.runtime.service(self, 'i18n')
        get_url = getattr(service, 'get_javascript_i18n_catalog_url', None)
        url = get_url(self) if get_url else None
        if not url:
            # No runtime catalogue (e.g. Open edX without atlas-pulled ones): use the one we ship.
            from django.utils.translation import get_language

            name = shipped_js_catalogue(get_language(), resource_package(type(self)))
            url = self.runtime.local_resource_url(self, f'static/{name}') if name else None
        return url

    # people ----------------------------------------------------------------
    def is_staff(self):
        return compat.user_is_staff(self)

    def anonymous_id(self):
        return compat.anonymous_user_id(self)

    def record_learner(self):
        """The anonymous id under which this request may store learner records, or None: in a
        Studio preview, when staff masquerade as a learner, or with no user id, nothing is stored."""
        return self.anonymous_id() if compat.learner_data_is_real(self) else None

    def clear_student_state(self, user_id, course_id, item_id, requesting_user_id):
        """The instructor's "delete learner state": remove the learner's row of this block (answers,
        consent) and its CPD entry, so dashboards, cohort figures and exports stop counting them.

        Called with keyword arguments on a block loaded for no user, `user_id` being the learner's
        anonymous id in the course (lms/djangoapps/instructor/enrollment.py, reset_student_attempts).
        """
        records.forget_learner_in_block(str(self.scope_ids.usage_id), user_id)

    # events ----------------------------------------------------------------
    def emit(self, name, payload):
        """Publish a tracking event listed in `events.ALL_EVENTS`."""
        if name not in events.ALL_EVENTS:
            raise ValueError(f'Unlisted event name: {name}')
        self.runtime.publish(self, name, payload)

    def learner_event(self, name, **fields):
        """Publish `name` with the prefix every learner event has: the block type and the learner's
        anonymous id (never a name), then `fields`."""
        self.emit(name, {'block_type': self.scope_ids.block_type, 'anonymous_user_id': self.anonymous_id(), **fields})
