"""The one error type users see: an untranslated message template, its parameters and a status.

The plain-Python models raise it (as `PlayError`, `AnswerError`) without knowing about
HTTP or translation; the JSON handler wrapper in `api.py` translates the template with the
block's i18n service and answers with the status, before any field has been changed.
"""


class UserFacingError(Exception):
    default_status = 400

    def __init__(self, template, status=None, **params):
        super().__init__(template.format(**params))
        self.template = template
        self.status = status or self.default_status
        self.params = params

    def translated(self, gettext):
        return gettext(self.template).format(**self.params)
