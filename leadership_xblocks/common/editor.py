"""What the Studio editors share (XBlock side): who may use them, and the block's settings as the
rows an editor shows (kind, label, help, value, default, options), and the fragment of an editor."""

from xblock.fields import Boolean, Float, Integer

from .. import compat

SHARED_JS = ('common.js', 'editor_common.js')
SHARED_CSS = ('leadership.css', 'studio.css', 'editor.css')


def field_kind(field):
    if isinstance(field, Boolean):
        return 'boolean'
    if isinstance(field, Integer):
        return 'integer'
    if isinstance(field, Float):
        return 'float'
    return 'select' if field.values else 'string'


def setting_rows(block, names):
    """The editor's rows of the block's settings `names`, labels in the author's language."""
    rows = []
    for name in names:
        field = block.fields[name]
        values = field.runtime_options.get('values_provider')
        options = values(block) if values else field.values
        rows.append(
            {
                'name': name,
                'kind': field_kind(field),
                'label': block._(field.display_name),
                'help': block._(field.help) if field.help else '',
                'value': getattr(block, name),
                'default': field.default,
                'set': field.is_set_on(block),
                'options': [{'value': o['value'], 'label': block._(o['display_name'])} for o in options]
                if isinstance(options, list)
                else [],
            }
        )
    return rows


def editor_fragment(block, js, css, init, args, scenario=False):
    """The fragment of a Studio editor: the shared template (`editor.html`), the shared scripts and
    styles first, then the editor's own `js` and `css`; `args` may give the `body` (else the block's)."""
    html = block.render_template('editor.html', {'title': block.display_name, 'scenario': scenario})
    return block.fragment(
        html,
        js=SHARED_JS + tuple(js),
        css=SHARED_CSS + tuple(css),
        init=init,
        init_args=dict(args, block=str(block.scope_ids.usage_id), body=args['body'] if 'body' in args else block.body),
    )


class AuthorMixin:
    """`may_author`, the permission every editor handler checks (`api_handler(permission=...)`)."""

    def may_author(self):
        return compat.may_author(self)
