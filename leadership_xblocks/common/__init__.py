"""What the block classes share: the base mixin, the staff dashboard, CPD, exports, OLX body
handling and workbench pages, with the shared `templates/` and the shared assets in `public/static/`
(each block's `public/static/` links to them: see `leadership_xblocks/__init__.py`)."""
