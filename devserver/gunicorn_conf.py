"""gunicorn settings for serving the workbench with several worker processes.

    GUNICORN_CMD_ARGS="--config python:devserver.gunicorn_conf" \
        python -m gunicorn workbench.wsgi:application --workers 4 --threads 4 --worker-class gthread

The xblock-sdk loads its scenarios lazily, in each process, on the first page request,
writing the scenarios' content and settings to the database as it goes. With several
workers (and threads) starting at once that loading races with itself: duplicate state
rows, and handler requests that reach a worker which has not loaded the scenarios yet
(404). Here the master process loads the app and the scenarios once, before it forks the
workers, and closes its database connections so no worker inherits one.

It also stops logging every SQL query (the sdk logs `django` at DEBUG, and a library's
root-logger warning sends those lines to the console too), which costs a busy server more
than the queries themselves. Set LEADERSHIP_SQL_LOG=1 to keep them.
"""

import logging
import os

preload_app = True


def when_ready(server):
    """Runs in the master after the app is loaded (preload) and before any worker is forked."""
    from django.db import connections
    from workbench.scenarios import get_scenarios

    get_scenarios()
    connections.close_all()
    if os.environ.get('LEADERSHIP_SQL_LOG') != '1':
        logging.getLogger('django.db.backends').setLevel(logging.INFO)
