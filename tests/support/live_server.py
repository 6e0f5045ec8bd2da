"""The workbench as a real HTTP server (gunicorn) in a subprocess, for browser and load tests.

    with LiveServer() as server:                       # SQLite in a temp folder, 1 worker
        urllib.request.urlopen(server.url + '/')

    with start_mariadb_live_server(workers=4) as server:   # a fresh MariaDB database
        ...

The server runs `workbench.wsgi:application` with `devserver.settings` from the repository
root. Static files are served by the workbench's own `staticfiles_urlpatterns()` (the sdk
settings keep DEBUG on). Each server gets its own temp folder (`LEADERSHIP_VAR_DIR`) for the
SQLite file and logs; its gunicorn log is copied to `artifacts/logs/` when it stops.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

from . import ARTIFACTS, REPO_ROOT

MARIADB = {'host': '127.0.0.1', 'port': 3306, 'user': 'root', 'password': ''}


def handler_request(base, url, csrf, data):
    """A JSON handler call as the blocks' JS sends it to a live server: the CSRF token from the
    page's cookie, the AJAX header and a same-origin Referer (Django's CSRF check over HTTP)."""
    return urllib.request.Request(
        url,
        data=json.dumps(data).encode('utf-8'),
        method='POST',
        headers={
            'Content-Type': 'application/json',
            'X-CSRFToken': csrf,
            'X-Requested-With': 'XMLHttpRequest',
            'Referer': base + '/',
        },
    )


class LiveServerError(RuntimeError):
    """The server could not be prepared or did not become ready."""


def free_port(host='127.0.0.1'):
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _mariadb_connect(db=None):
    """A MySQLdb connection to the test MariaDB (to database `db` when given, such as a live server's)."""
    import MySQLdb

    return MySQLdb.connect(
        host=MARIADB['host'],
        port=MARIADB['port'],
        user=MARIADB['user'],
        passwd=MARIADB['password'],
        charset='utf8mb4',
        **({'db': db} if db else {}),
    )


def mariadb_available():
    try:
        _mariadb_connect().close()
    except Exception:
        return False
    return True


class LiveServer:
    """One gunicorn process tree serving the workbench on a free loopback port.

    db: 'sqlite' (default) or 'mariadb'. With 'mariadb' a database named
    `leadership_live_<random>` is created (utf8mb4) and dropped again on stop, unless
    `db_name` names an existing one to use (then it is kept).
    workers/threads: gunicorn's `--workers` and `--threads` (gthread worker).
    env: extra environment variables for the server.
    """

    def __init__(
        self, db='sqlite', workers=None, threads=None, python=None, env=None, db_name=None, host='127.0.0.1', timeout=60
    ):
        if db not in ('sqlite', 'mariadb'):
            raise ValueError(f'db must be sqlite or mariadb, not {db!r}')
        self.db = db
        self.workers = workers or (1 if db == 'sqlite' else 4)
        self.threads = threads or 4
        self.python = python or sys.executable
        self.extra_env = dict(env or {})
        self.db_name = db_name
        self._own_db = False
        self.host = host
        self.timeout = timeout
        self.port = None
        self.process = None
        self.tmpdir = None
        self.log_path = None
        self._log = None

    @property
    def url(self):
        return f'http://{self.host}:{self.port}'

    # -- environment ---------------------------------------------------------------
    def environment(self):
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(
                ('LEADERSHIP_DB', 'LEADERSHIP_SQLITE', 'LEADERSHIP_VAR_DIR', 'WORKBENCH_DATABASES', 'PYTEST_')
            )
        }
        env.update(
            {
                'DJANGO_SETTINGS_MODULE': 'devserver.settings',
                'PYTHONPATH': os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get('PYTHONPATH')])),
                'PYTHONUNBUFFERED': '1',
                'LEADERSHIP_VAR_DIR': self.tmpdir,
                'LEADERSHIP_DB': self.db,
            }
        )
        if self.db == 'sqlite':
            env['LEADERSHIP_SQLITE_PATH'] = os.path.join(self.tmpdir, 'live.db')
        else:
            env['LEADERSHIP_DB_NAME'] = self.db_name
        env.update(self.extra_env)
        return env

    def _create_database(self):
        if self.db != 'mariadb':
            return
        if not self.db_name:
            self.db_name = f'leadership_live_{uuid.uuid4().hex[:12]}'
            self._own_db = True
        try:
            conn = _mariadb_connect()
        except Exception as error:
            raise LiveServerError(
                f'MariaDB is not answering on {MARIADB["host"]}:{MARIADB["port"]}: {error} (make test starts it)'
            ) from error
        try:
            conn.cursor().execute(
                f'CREATE DATABASE IF NOT EXISTS `{self.db_name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
            )
        finally:
            conn.close()

    def _drop_database(self):
        if self.db != 'mariadb' or not self._own_db:
            return
        try:
            conn = _mariadb_connect()
            try:
                conn.cursor().execute(f'DROP DATABASE IF EXISTS `{self.db_name}`')
            finally:
                conn.close()
        except Exception:
            pass

    # -- lifecycle -----------------------------------------------------------------
    def start(self):
        self.tmpdir = tempfile.mkdtemp(prefix='leadership-live-')
        try:
            self._create_database()
            env = self.environment()
            migrate = subprocess.run(
                [
                    self.python,
                    str(REPO_ROOT / 'devserver' / 'manage.py'),
                    'migrate',
                    '--run-syncdb',
                    '--verbosity',
                    '0',
                    '--no-input',
                ],
                cwd=REPO_ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            if migrate.returncode != 0:
                raise LiveServerError(f'migrate failed:\n{migrate.stdout}\n{migrate.stderr}')
            self._launch(env)
        except BaseException:
            self.stop()
            raise
        return self

    def _launch(self, env):
        last_error = None
        for _attempt in range(3):  # the free port may be taken between picking and binding
            self.port = free_port(self.host)
            self.log_path = os.path.join(self.tmpdir, f'gunicorn-{self.port}.log')
            self._log = open(self.log_path, 'ab')
            self.process = subprocess.Popen(
                [
                    self.python,
                    '-m',
                    'gunicorn',
                    'workbench.wsgi:application',
                    # load the scenarios once in the master before forking (see devserver/gunicorn_conf.py)
                    '--config',
                    'python:devserver.gunicorn_conf',
                    '--bind',
                    f'{self.host}:{self.port}',
                    '--chdir',
                    str(REPO_ROOT),
                    '--workers',
                    str(self.workers),
                    '--threads',
                    str(self.threads),
                    '--worker-class',
                    'gthread',
                    '--timeout',
                    '120',
                    '--graceful-timeout',
                    '5',
                    '--access-logfile',
                    '-',
                    '--error-logfile',
                    '-',
                ],
                cwd=REPO_ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                self._wait_ready()
                return
            except LiveServerError as error:
                last_error = error
                self._terminate()
                if 'Address already in use' not in self.log_tail():
                    break
        raise last_error

    def _wait_ready(self):
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LiveServerError(f'gunicorn exited with {self.process.returncode}:\n{self.log_tail()}')
            try:
                with urllib.request.urlopen(self.url + '/', timeout=10) as response:
                    if response.status == 200:
                        return
            except (TimeoutError, urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        raise LiveServerError(f'workbench not ready at {self.url} after {self.timeout} s:\n{self.log_tail()}')

    def log_tail(self, lines=60):
        if not self.log_path or not os.path.exists(self.log_path):
            return ''
        with open(self.log_path, encoding='utf-8', errors='replace') as log:
            return ''.join(log.readlines()[-lines:])

    def _terminate(self):
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=5)
        self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def stop(self):
        self._terminate()
        self._drop_database()
        if self.tmpdir:
            if self.log_path and os.path.exists(self.log_path):
                logs = ARTIFACTS / 'logs'
                logs.mkdir(parents=True, exist_ok=True)
                shutil.copy(self.log_path, logs / f'live-server-{self.db}-{self.port}.log')
            shutil.rmtree(self.tmpdir, ignore_errors=True)
            self.tmpdir = None

    def __enter__(self):
        if self.process is None:
            self.start()
        return self

    def __exit__(self, *exc):
        self.stop()


def start_mariadb_live_server(workers=4, threads=4, **kwargs):
    """A started server on a fresh MariaDB database with several workers (for load tests).

    Use it as a context manager, or call `.stop()` yourself.
    """
    return LiveServer(db='mariadb', workers=workers, threads=threads, **kwargs).start()
