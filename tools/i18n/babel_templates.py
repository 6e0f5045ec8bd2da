"""A Babel extractor for Django templates, through Django's own `templatize()`.

`templatize()` is what Django's `makemessages` runs on a template before handing it to
xgettext as Python (django/core/management/commands/makemessages.py): it turns `{% trans %}`,
`{% blocktrans %}` (placeholders become `%(name)s`), `_("...")` constants and
`{# Translators: ... #}` comments into Python calls and comments on the same lines. Babel's
Python extractor then reads that, so templates give the same msgids as with `makemessages`.
Registered in `text.cfg` under `[extractors]`.
"""

import io
import warnings

from babel.messages.extract import extract_python


def extract_django(fileobj, keywords, comment_tags, options):
    """Babel extraction method: (lineno, funcname, message, comments) of a Django template."""
    from django.utils.translation.template import templatize  # needs Django's settings configured

    encoding = options.get('encoding', 'utf-8')
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # templatize warns about tags it passes through
        python = templatize(fileobj.read().decode(encoding))
    # xgettext ignores indentation, Python's tokenizer does not: start every line at column 0
    # (the line numbers stay the same).
    python = '\n'.join(line.lstrip() for line in python.split('\n'))
    return extract_python(io.BytesIO(python.encode('utf-8')), keywords, comment_tags, {'encoding': 'utf-8'})
