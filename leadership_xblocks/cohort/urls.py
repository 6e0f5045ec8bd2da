"""The cohort app's URLs, mounted by the LMS's plugin framework under `plugin_app['url_config']`
(`apps.CohortConfig`): `<prefix>export/records.csv` and `<prefix>export/research.csv`."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r'^export/(?P<kind>records|research)\.csv$', views.export_csv, name='export'),
]
