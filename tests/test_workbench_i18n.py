"""The workbench's i18n service finds its catalogue once per request and still sees a recompiled one.

The workbench builds a runtime, and so a new service, for every request; the service looks the
catalogue of the request's language up (the .mo files and their times) on its first message only.
"""

import gettext
import os

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from django.utils import translation

from leadership_xblocks import workbench_i18n
from leadership_xblocks.workbench_i18n import WorkbenchI18nService


def compile_catalogue(root, translations, stamp):
    """Write `root`/cy/LC_MESSAGES/text.mo with `translations` and the modification time `stamp`."""
    folder = root / 'cy' / 'LC_MESSAGES'
    folder.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(locale='cy')
    for message, text in translations.items():
        catalog.add(message, text)
    path = folder / 'text.mo'
    with open(path, 'wb') as handle:
        write_mo(handle, catalog)
    os.utime(path, ns=(stamp, stamp))


@pytest.fixture
def catalogues(tmp_path, monkeypatch):
    monkeypatch.setattr(workbench_i18n, 'TRANSLATIONS_DIR', str(tmp_path))
    monkeypatch.setattr(workbench_i18n, '_CACHE', {})
    return tmp_path


def test_a_recompiled_catalogue_is_seen_by_the_next_request(catalogues):
    compile_catalogue(catalogues, {'Submit': 'Cyflwyno'}, 1_000_000_000)
    with translation.override('cy'):
        request = WorkbenchI18nService()
        assert request.gettext('Submit') == 'Cyflwyno'
        compile_catalogue(catalogues, {'Submit': 'Anfon'}, 2_000_000_000)  # `make compile_translations`
        assert WorkbenchI18nService().gettext('Submit') == 'Anfon'


def test_one_request_looks_the_catalogue_up_once_per_language(catalogues, monkeypatch):
    compile_catalogue(catalogues, {'Submit': 'Cyflwyno', 'Back': 'Yn ôl'}, 1_000_000_000)
    lookups = []
    find = gettext.find

    def counting_find(*args, **kwargs):
        lookups.append(kwargs.get('languages'))
        return find(*args, **kwargs)

    monkeypatch.setattr(workbench_i18n.gettext, 'find', counting_find)
    service = WorkbenchI18nService()
    with translation.override('cy'):
        assert [service.gettext(m) for m in ('Submit', 'Back', 'Submit', 'Other')] == [
            'Cyflwyno',
            'Yn ôl',
            'Cyflwyno',
            'Other',
        ]
    with translation.override('en'):
        assert service.gettext('Submit') == 'Submit'
    with translation.override('cy'):
        assert service.gettext('Back') == 'Yn ôl'  # the same request back in Welsh: looked up again
    assert lookups == [['cy'], ['en'], ['cy']]
