"""`?lang=` support for the workbench (see the Language section of devserver/settings.py)."""

from django.conf import settings
from django.utils.translation import get_supported_language_variant


class QueryLanguageMiddleware:
    """Let `?lang=cy` (or `?lang=en`) choose the language, and remember it in the language cookie.

    It runs just before `LocaleMiddleware`, which then finds the choice in the cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = None
        wanted = request.GET.get('lang')
        if wanted:
            try:
                chosen = get_supported_language_variant(wanted.strip().lower())
            except LookupError:
                chosen = None
        if chosen:
            request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = chosen
        response = self.get_response(request)
        if chosen:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
