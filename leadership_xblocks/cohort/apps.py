"""Django app configuration, also read by the Open edX plugin framework."""

from django.apps import AppConfig


class CohortConfig(AppConfig):
    """Registered for the LMS and Studio by the `lms.djangoapp` / `cms.djangoapp` entry points.

    The plugin framework adds the app to INSTALLED_APPS (and `migrate` creates its tables)
    and, in the LMS, mounts its URLs (`urls.py`: the streaming CSV downloads) under
    `/leadership-xblocks/` in the namespace `leadership_xblocks`, and connects the
    account-retirement receiver (`signals.retire_learner`). No settings are needed. The keys
    are those of edx-django-utils' plugin constants (`PluginURLs`, `PluginSignals`); lms/urls.py
    adds the URLs with `get_plugin_url_patterns(ProjectType.LMS)`.
    """

    name = 'leadership_xblocks.cohort'
    label = 'leadership_cohort'
    verbose_name = 'Leadership XBlocks cohort data'
    # Pinned so the shipped migration matches whatever DEFAULT_AUTO_FIELD a platform uses.
    default_auto_field = 'django.db.models.BigAutoField'

    plugin_app = {
        'url_config': {
            'lms.djangoapp': {
                'namespace': 'leadership_xblocks',
                'regex': r'^leadership-xblocks/',
                'relative_path': 'urls',
            },
        },
        'settings_config': {
            'lms.djangoapp': {},
            'cms.djangoapp': {},
        },
        'signals_config': {
            'lms.djangoapp': {
                'relative_path': 'signals',
                'receivers': [
                    {
                        'receiver_func_name': 'retire_learner',
                        'signal_path': 'openedx.core.djangoapps.user_api.accounts.signals.USER_RETIRE_LMS_CRITICAL',
                        'dispatch_uid': 'leadership_xblocks.cohort.retire_learner',
                    }
                ],
            },
        },
    }
