"""Settings for the xblock-sdk workbench running the leadership blocks (development and tests).

Everything comes from `workbench.settings`; this module only adds what the project needs.
Run the server from the repository root (`make workbench`).

Environment variables
---------------------
LEADERSHIP_DB           `sqlite` (default) or `mariadb`.
LEADERSHIP_SQLITE_PATH  SQLite file (default `var/workbench.db` under the repository root).
LEADERSHIP_DB_NAME      MariaDB database (default `test`); host/port/user are
LEADERSHIP_DB_HOST      127.0.0.1, 3306 and root with no password unless these
LEADERSHIP_DB_PORT      variables say otherwise.
LEADERSHIP_DB_USER
LEADERSHIP_VAR_DIR      Folder for the SQLite file, logs and the workbench file store
                        (default `var/` under the repository root).
LEADERSHIP_SDK_SAMPLES  `1` lists the sdk's own demo blocks on the index page too
                        (hidden by default so only our scenarios show).
LEADERSHIP_VERBOSE      `1` prints Django's debug output (SQL included) in the terminal;
                        by default it shows requests and warnings only (see Logging).
LEADERSHIP_CONTENT_LANGUAGE  The language the course content is written in (`lang` on
                        authored text; default `LANGUAGE_CODE`, `en`). Open edX uses the
                        course's own "Course Language".
WORKBENCH_DATABASES     The sdk's own JSON override; used when LEADERSHIP_DB is not `mariadb`.

Language
--------
English (`en`, the default) and Welsh (`cy`). `django.middleware.locale.LocaleMiddleware`
picks the language per request from, in order: the `?lang=cy` query parameter (handled by
`devserver.middleware.QueryLanguageMiddleware`, which also stores the choice in Django's
language cookie so the handler calls a page makes stay in that language), the
`django_language` cookie, then the browser's Accept-Language header. `?lang=en` switches back.
"""

import importlib.util
import os

from workbench.settings import *  # noqa: F401,F403
from workbench.settings import INSTALLED_APPS, MIDDLEWARE, WORKBENCH

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VAR_DIR = os.path.abspath(os.environ.get('LEADERSHIP_VAR_DIR') or os.path.join(REPO_ROOT, 'var'))
os.makedirs(VAR_DIR, exist_ok=True)


def _importable(name):
    """True when `name` can be imported (without importing it); False if a parent is missing."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


# Apps -----------------------------------------------------------------------
INSTALLED_APPS = list(INSTALLED_APPS)
if _importable('leadership_xblocks.cohort') and 'leadership_xblocks.cohort' not in INSTALLED_APPS:
    INSTALLED_APPS.append('leadership_xblocks.cohort')

# Workbench services ---------------------------------------------------------
WORKBENCH = dict(WORKBENCH)
WORKBENCH['services'] = dict(WORKBENCH.get('services', {}))
if _importable('leadership_xblocks.workbench_i18n'):
    WORKBENCH['services']['i18n'] = 'leadership_xblocks.workbench_i18n.WorkbenchI18nService'

if os.environ.get('LEADERSHIP_SDK_SAMPLES') != '1':
    EXCLUDED_XBLOCKS = {
        'allscopes_demo',
        'attempts_scoreboard_demo',
        'equality_demo',
        'filethumbs',
        'helloworld_demo',
        'html_demo',
        'problem_demo',
        'sidebar_demo',
        'slider_demo',
        'textinput_demo',
        'thumbs',
        'view_counter_demo',
        'sequence_demo',
        'vertical_demo',
        'debugchild',
    }

# Database -------------------------------------------------------------------
if os.environ.get('LEADERSHIP_DB', 'sqlite').lower() in ('mariadb', 'mysql'):
    DATABASES = {
        'default': {
            'ENGINE': 'django.db.backends.mysql',
            'NAME': os.environ.get('LEADERSHIP_DB_NAME', 'test'),
            'USER': os.environ.get('LEADERSHIP_DB_USER', 'root'),
            'PASSWORD': '',
            'HOST': os.environ.get('LEADERSHIP_DB_HOST', '127.0.0.1'),
            'PORT': os.environ.get('LEADERSHIP_DB_PORT', '3306'),
            'OPTIONS': {
                'charset': 'utf8mb4',
                'init_command': "SET sql_mode='STRICT_TRANS_TABLES'",
                'isolation_level': 'read committed',
            },
            'TEST': {'CHARSET': 'utf8mb4', 'COLLATION': 'utf8mb4_unicode_ci'},
        },
    }
elif 'WORKBENCH_DATABASES' not in os.environ:
    DATABASES = {
        'default': {
            'ENGINE': 'django.db.backends.sqlite3',
            'NAME': os.path.abspath(os.environ.get('LEADERSHIP_SQLITE_PATH') or os.path.join(VAR_DIR, 'workbench.db')),
            # Several server threads may write at once: wait for the lock instead of failing.
            'OPTIONS': {'timeout': 20},
        },
    }
# else: keep the sdk's DATABASES, parsed from WORKBENCH_DATABASES.

# Logging --------------------------------------------------------------------
# Quiet by default: the terminal shows one line per request (django.server) and warnings; the
# sdk's settings sent every SQL statement there (its DEBUG `django` logger reached the root
# handler Python adds on the first warning). LEADERSHIP_VERBOSE=1 (`make workbench VERBOSE=1`)
# prints everything, SQL included. var/workbench.log keeps Django's messages either way.
VERBOSE = os.environ.get('LEADERSHIP_VERBOSE', '').lower() in ('1', 'true', 'yes')
_LEVEL = 'DEBUG' if VERBOSE else 'INFO'
LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'formatters': {
        'plain': {'format': '%(levelname)s %(name)s: %(message)s'},
        'request': {'()': 'django.utils.log.ServerFormatter', 'format': '[{server_time}] {message}', 'style': '{'},
    },
    'handlers': {
        'console': {'class': 'logging.StreamHandler', 'level': 'DEBUG' if VERBOSE else 'WARNING', 'formatter': 'plain'},
        'requests': {'class': 'logging.StreamHandler', 'level': 'INFO', 'formatter': 'request'},
        'logfile': {
            'class': 'logging.handlers.RotatingFileHandler',
            'level': _LEVEL,
            'filename': os.path.join(VAR_DIR, 'workbench.log'),
            'maxBytes': 500000,
            'backupCount': 2,
        },
    },
    'root': {'handlers': ['console'], 'level': _LEVEL},
    'loggers': {
        'django': {'handlers': ['logfile'], 'level': _LEVEL, 'propagate': True},
        'django.db.backends': {'level': 'DEBUG' if VERBOSE else 'WARNING'},
        'django.server': {'handlers': ['requests'], 'level': 'INFO', 'propagate': False},
    },
}
DJFS = {'type': 'osfs', 'directory_root': os.path.join(VAR_DIR, 'djpyfs'), 'url_root': '/static/djpyfs'}

# Languages ------------------------------------------------------------------
LANGUAGE_CODE = 'en'
LEADERSHIP_CONTENT_LANGUAGE = os.environ.get('LEADERSHIP_CONTENT_LANGUAGE') or 'en'
LANGUAGES = [
    ('en', 'English'),
    ('cy', 'Cymraeg (Welsh)'),
]
USE_I18N = True

MIDDLEWARE = list(MIDDLEWARE)
# LocaleMiddleware must come after the session middleware and before CommonMiddleware.
_session = MIDDLEWARE.index('django.contrib.sessions.middleware.SessionMiddleware')
for _name in ('django.middleware.locale.LocaleMiddleware', 'devserver.middleware.QueryLanguageMiddleware'):
    if _name in MIDDLEWARE:
        MIDDLEWARE.remove(_name)
MIDDLEWARE[_session + 1 : _session + 1] = [
    'devserver.middleware.QueryLanguageMiddleware',
    'django.middleware.locale.LocaleMiddleware',
]
if MIDDLEWARE.index('django.middleware.common.CommonMiddleware') < MIDDLEWARE.index(
    'django.middleware.locale.LocaleMiddleware'
):
    MIDDLEWARE.remove('django.middleware.common.CommonMiddleware')
    MIDDLEWARE.insert(
        MIDDLEWARE.index('django.middleware.locale.LocaleMiddleware') + 1, 'django.middleware.common.CommonMiddleware'
    )

# URLs -----------------------------------------------------------------------
# The workbench's own, plus the plugin apps' LMS URLs (the export view), as lms/urls.py adds them,
# and an index listing the course modules first (devserver/index.py).
ROOT_URLCONF = 'devserver.urls'
