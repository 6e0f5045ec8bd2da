#!/usr/bin/env python
"""Django's command-line utility for the leadership workbench.

Run it from the repository root, e.g. `python devserver/manage.py runserver 127.0.0.1:8000`.
"""

import os
import sys


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if root not in sys.path:
        sys.path.insert(0, root)
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'devserver.settings')
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == '__main__':
    main()
