"""Django project for running the leadership blocks in the xblock-sdk workbench (not shipped)."""
