"""OLX import, export and Studio cleaning for blocks whose settings are root attributes.

`OLXSettingsMixin` reads and writes the `olx_settings` fields as attributes.
`OLXBodyMixin` adds one authored `body` field holding the block's content as canonical,
sanitised OLX, read and written by a model module (`olx_model`) that offers `ROOT_TAG`,
`parse_element(root, sanitize)`, `parse_text(text, sanitize)`, `validate(parsed)`, `to_element(parsed)`
and `to_text(parsed)`; `parsed()` and `body_problems()` cache the parse and the problems per process.
"""

import functools

from ..olx_io import OLXSyntaxError, read_root, resolve_pointer, root_with_children


@functools.lru_cache(maxsize=256)
def parsed(model, body):
    """The content stored in `body` (already sanitised when saved), parsed once per process."""
    return model.parse_text(body, sanitize=False)


@functools.lru_cache(maxsize=256)
def body_problems(model, body):
    """The model's validation problems of `body`, once per process."""
    return tuple(model.validate(parsed(model, body)))


class OLXSettingsMixin:
    """Settings fields written as root attributes (put before XBlock in the bases)."""

    olx_settings = ()

    @classmethod
    def read_olx_settings(cls, block, node):
        for name in cls.olx_settings:
            if name in node.attrib:
                cls._set_field_if_present(block, name, node.get(name), {})

    def write_olx_settings(self, node):
        node.tag = self.scope_ids.block_type
        for name in self.olx_settings:
            field = self.fields[name]
            if field.is_set_on(self):
                node.set(name, field.to_string(getattr(self, name)))


def canonical_body(model, text):
    """Sanitise authored OLX and write it back in canonical form; raises OLXSyntaxError."""
    return model.to_text(model.parse_element(read_root(text), sanitize=True))


class OLXBodyMixin(OLXSettingsMixin):
    """Content kept as one sanitised OLX `body` (put before StudioEditableXBlockMixin and XBlock)."""

    olx_model = None

    @property
    def parsed_body(self):
        return parsed(self.olx_model, self.body)

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        node = resolve_pointer(node, runtime)
        block = runtime.construct_xblock_from_class(cls, keys)
        cls.read_olx_settings(block, node)
        if any(isinstance(child.tag, str) for child in node):  # an empty element keeps the default content
            root = root_with_children(cls.olx_model.ROOT_TAG, node)
            block.body = cls.olx_model.to_text(cls.olx_model.parse_element(root, sanitize=True))
        return block

    def add_xml_to_node(self, node):
        self.write_olx_settings(node)
        if self.fields['body'].is_set_on(self):
            exported = self.olx_model.to_element(self.parsed_body)
            node.text = exported.text
            node.extend(list(exported))

    def clean_studio_edits(self, data):
        if isinstance(data.get('body'), str):
            try:
                data['body'] = canonical_body(self.olx_model, data['body'])
            except OLXSyntaxError:
                pass  # validate_field_data reports it with its line number
