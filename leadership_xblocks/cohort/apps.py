"""Django app configuration, also read by the Open edX plugin framework."""

from django.apps import AppConfig


class CohortConfig(AppConfig):
    """Registered for the LMS and Studio by the `lms.djangoapp` / `cms.djangoapp` entry points.

    The app needs neither URLs nor settings: `plugin_app` declares none, so the plugin
    framework adds the app to INSTALLED_APPS (and `migrate` creates its tables) and, in the
    LMS, connects the account-retirement receiver (`signals.retire_learner`). The keys are
    those of edx-django-utils' plugin constants (`PluginSignals`).
    """

    name = 'leadership_xblocks.cohort'
    label = 'leadership_cohort'
    verbose_name = 'Leadership XBlocks cohort data'
    # Pinned so the shipped migration matches whatever DEFAULT_AUTO_FIELD a platform uses.
    default_auto_field = 'django.db.models.BigAutoField'

    plugin_app = {
        'url_config': {},
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
