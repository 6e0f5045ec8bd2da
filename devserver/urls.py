"""The workbench's URLs plus the plugin apps' LMS URLs, mounted as the LMS mounts them, and our own
index page (`devserver/index.py`: the four course modules first) in place of the sdk's.

lms/urls.py (edx-platform) ends its patterns with `get_plugin_url_patterns(ProjectType.LMS)`
from edx-django-utils (edx_django_utils/plugins/plugin_urls.py): for every Django app an
`lms.djangoapp` entry point names, it reads `plugin_app['url_config']['lms.djangoapp']` and
adds `re_path(regex, include((<app>.<relative_path or 'urls'>, <app name>), namespace=<namespace
or app name>))`. `plugin_url_patterns` does the same from the installed distributions' entry
points, so a URL our app declares is served here exactly where the LMS would serve it.
"""

from importlib.metadata import entry_points

from django.urls import include, re_path
from django.utils.module_loading import import_string
from workbench.urls import urlpatterns as workbench_patterns

from devserver.index import index

LMS = 'lms.djangoapp'


def plugin_url_patterns(project_type=LMS):
    """The URL patterns of every plugin app registered for `project_type` (see module docstring)."""
    patterns = []
    for entry_point in entry_points(group=project_type):
        app_config = import_string(entry_point.value.replace(':', '.'))
        config = getattr(app_config, 'plugin_app', {}).get('url_config', {}).get(project_type)
        if config is None:
            continue
        module = f'{app_config.name}.{config.get("relative_path", "urls")}'
        namespace = config.get('namespace', app_config.name)
        patterns.append(re_path(config.get('regex', r''), include((module, app_config.name), namespace=namespace)))
    return patterns


# Before the workbench's, whose last pattern (`static(MEDIA_URL, ...)`, MEDIA_URL '') matches every path.
urlpatterns = (
    [re_path(r'^$', index, name='workbench_index')]
    + plugin_url_patterns()
    + [pattern for pattern in workbench_patterns if getattr(pattern, 'name', None) != 'workbench_index']
)
