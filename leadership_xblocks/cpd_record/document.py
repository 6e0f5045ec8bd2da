"""What the CPD record shows, in plain Python: the entries grouped by module, ready for a template.

`grouped(entries, gettext)` takes the learner's `leadership_cpd_entries` (see
`common/cpd.py`) and returns a list of modules, each with its frameworks and its entries
in date order. Everything is text or numbers; templates escape it.
"""

import datetime
import string

from ..i18n import gettext_noop as _
from ..scenario.labels import mode_label

DEFAULT_ACTIVITY = _('Completed a leadership activity.')
# Activity sentence values quoted from authored content (they keep the course's language)
AUTHORED_PARAMS = frozenset({'ending'})
NO_MODULE = _('Other activities')


def _date(value):
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _activity(entry, gettext):
    activity = entry.get('activity') or {}
    template = activity.get('template') or DEFAULT_ACTIVITY
    params = activity.get('params') or {}
    try:
        return gettext(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return gettext(template)


def _activity_parts(entry, gettext):
    """The activity sentence as [{text, lang}] pieces: an authored value quoted in it (an ending's
    title) carries the entry's language, the translated words around it none (the interface's)."""
    activity = entry.get('activity') or {}
    template = gettext(activity.get('template') or DEFAULT_ACTIVITY)
    params = activity.get('params') or {}
    parts = []
    try:
        for literal, name, _spec, _conversion in string.Formatter().parse(template):
            if literal:
                parts.append({'text': literal, 'lang': ''})
            if name is not None:
                lang = entry.get('lang', '') if name in AUTHORED_PARAMS else ''
                parts.append({'text': str(params[name]), 'lang': lang})
    except (KeyError, IndexError, ValueError):
        return [{'text': _activity(entry, gettext), 'lang': ''}]
    return parts


def _number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value) if float(value).is_integer() else round(float(value), 2)


def _signed(change):
    """'+1.5', '-1', '0', or '' when there is no earlier rating to compare with."""
    if change is None:
        return ''
    return f'{change:+}' if change else '0'


def _row_lang(row):
    """A profile or allocation row's label language as recorded; '' for an entry recorded before rows had one
    (the label is then left unmarked)."""
    lang = row.get('lang')
    return lang.strip() if isinstance(lang, str) else ''


def _profile_rows(rows):
    out = []
    for row in rows or ():
        before, after = _number(row.get('before')), _number(row.get('after'))
        change = None
        if before is not None and after is not None:
            change = round(after - before, 2)
            change = int(change) if float(change).is_integer() else change
        out.append(
            {
                'dimension': row.get('dimension') or '',
                'lang': _row_lang(row),
                'before': before,
                'after': after,
                'change': change,
                'change_text': _signed(change),
            }
        )
    return out


def entry_view(entry, gettext):
    score = _number(entry.get('score'))
    return {
        'id': entry.get('block_id') or '',
        'title': entry.get('title') or gettext('Untitled activity'),
        'title_lang': entry.get('lang', '') if entry.get('title') else '',
        'lang': entry.get('lang', ''),
        'block_type': entry.get('block_type') or '',
        'date': _date(entry.get('date')),
        'date_iso': str(entry.get('date') or '')[:10],
        'activity': _activity(entry, gettext),
        'activity_parts': _activity_parts(entry, gettext),
        'outcome': entry.get('outcome') or '',
        'score_percent': round(score * 100) if score is not None else None,
        'decisions': [
            {
                'step': d.get('step') or '',
                'choice': d.get('choice'),
                'mode': mode_label(d.get('mode'), gettext) if d.get('mode') else '',
            }
            for d in entry.get('decisions') or ()
        ],
        'reflection_paragraphs': [p.strip() for p in str(entry.get('reflection') or '').split('\n') if p.strip()],
        'words': _number(entry.get('words')),
        'prompt': entry.get('prompt') or '',
        'prompt_lang': entry.get('prompt_lang') or entry.get('lang', ''),
        'profile': _profile_rows(entry.get('profile')),
        'allocation': [
            {'function': a.get('function') or '', 'lang': _row_lang(a), 'percent': _number(a.get('percent'))}
            for a in entry.get('allocation') or ()
        ],
    }


def grouped(entries, gettext=lambda text: text):
    """[{module, frameworks, entries}] in the order the learner first met each module."""
    ordered = sorted(
        (e for e in (entries or {}).values() if isinstance(e, dict)),
        key=lambda e: (str(e.get('first_recorded') or e.get('recorded_at') or ''), str(e.get('title') or '')),
    )
    modules = {}
    for entry in ordered:
        name = str(entry.get('module') or '').strip()
        group = modules.setdefault(
            name,
            # `lang`: the language of the module's name and frameworks, from its first entry that says
            # (empty: the interface's, as for "Other activities" and entries recorded before)
            {'module': name or gettext(NO_MODULE), 'lang': '', 'frameworks': [], 'entries': []},
        )
        if name and not group['lang']:
            group['lang'] = str(entry.get('lang') or '')
        framework = str(entry.get('framework') or '').strip()
        if framework and framework not in group['frameworks']:
            group['frameworks'].append(framework)
        group['entries'].append(entry_view(entry, gettext))
    # Activities without a module come last, so the named modules read as the course runs.
    return [g for name, g in modules.items() if name] + ([modules['']] if '' in modules else [])
