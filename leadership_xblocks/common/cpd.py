"""The learner's CPD record: every leadership block adds an entry, the CPD record block shows them.

Social workers keep a record of continuing professional development. Each block calls
`self.record_cpd(summary)` when the learner finishes something worth recording (a
scenario ending, a submitted reflection, self-assessment or time allocation). Entries live
in one `Scope.user_info` field, which a learner shares across every block (and, in Open
edX, every course): Open edX stores user_info fields by field name and user only, so the
field name is prefixed to stay clear of other XBlocks.

An entry (JSON, one per block, replaced when the learner records again)::

    {
      "block_id": "<usage id>", "block_type": "leadership_reflection",
      "course": "<course key or ''>", "module": "Leading self", "framework": "BASW PCF: ...",
      "title": "<block display name>",
      "date": "2026-03-01", "recorded_at": "2026-03-01T10:12:03.123456+00:00", "first_recorded": "...",
      "activity": {"template": "<untranslated msgid>", "params": {...}},
      # any of, depending on the block:
      "outcome": "ending title", "score": 0.75,
      "decisions": [{"step": "step title", "choice": "choice label", "mode": "urgent" | null}],
      "reflection": "plain text", "words": 212, "prompt": "plain text",
      "profile": [{"dimension": "Leading self", "lang": "cy", "before": 2.5, "after": 3.25}],
      "allocation": [{"function": "Long-term planning", "lang": "en", "percent": 20}],
    }

Where the cohort app is installed (every supported Open edX and the workbench), entries are
rows of `leadership_xblocks.cohort.models.CPDEntry`, one per learner and block, each written by
an atomic upsert: two tabs recording at once cannot lose each other's entry, as a read and
write back of the one shared user_info field can. The field is the store only without the
app, and entries it holds from before are still shown (a row replaces its block's entry).

`activity` is stored untranslated and translated when shown, so the record follows the
learner's language. Text is stored as plain text and escaped when rendered. `lang` is the
course's language (of the title, module, steps, choices, outcome); a profile or allocation
row's `lang` is its label's, as the learner was shown it: the interface's at the time for a
translated default label, the course's for an authored one (entries from before have none).
"""

import datetime

from xblock.fields import Dict, Scope, String

from .. import compat, records
from ..i18n import gettext_noop as _

CPD_FIELD = 'leadership_cpd_entries'
MAX_TEXT = 60000  # characters kept of a reflection (the record must stay small)
MAX_SHORT = 500  # characters kept of titles, labels and names
MAX_ITEMS = 200  # rows kept in any list (decisions, profile, allocation)
MAX_LANG = 35  # characters kept of a language tag (BCP 47 tags are shorter)
LIST_KEYS = {
    'decisions': ('step', 'choice', 'mode'),
    'profile': ('dimension', 'before', 'after'),
    'allocation': ('function', 'percent'),
}
# Each row's `lang` (its label's language as shown when recorded), kept only when known
ROW_LANG_KEYS = frozenset({'profile', 'allocation'})
TEXT_LIMITS = {'outcome': MAX_SHORT, 'prompt': 2000, 'prompt_lang': MAX_LANG}


def _short(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)[:MAX_SHORT]
    return value


def clean_summary(summary):
    """Keep only the documented keys, with bounded sizes, so the user_info blob stays small."""
    entry = {}
    activity = summary.get('activity')
    if isinstance(activity, dict) and isinstance(activity.get('template'), str):
        params = activity.get('params') or {}
        entry['activity'] = {
            'template': activity['template'][:MAX_SHORT],
            'params': {str(k): _short(v) for k, v in params.items()},
        }
    for key, limit in TEXT_LIMITS.items():
        if summary.get(key):
            entry[key] = str(summary[key])[:limit]
    if summary.get('reflection'):
        text = str(summary['reflection'])
        entry['reflection'] = text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + ' [...]'
    for key in ('score', 'words'):
        value = summary.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            entry[key] = value
    for key, columns in LIST_KEYS.items():
        rows = summary.get(key)
        if rows:
            entry[key] = [
                _row(row, columns, key in ROW_LANG_KEYS) for row in list(rows)[:MAX_ITEMS] if isinstance(row, dict)
            ]
    return entry


def _row(row, columns, with_lang):
    out = {c: _short(row.get(c)) for c in columns}
    if with_lang and isinstance(row.get('lang'), str) and row['lang'].strip():
        out['lang'] = row['lang'].strip()[:MAX_LANG]
    return out


class CPDFieldsMixin:
    """The module and framework a block's CPD entries show (the blocks that record learner work)."""

    module = String(
        display_name=_('Module'),
        default='',
        scope=Scope.settings,
        help=_("The module this exercise belongs to, shown in the learner's CPD record."),
    )
    framework = String(
        display_name=_('Professional framework'),
        default='',
        scope=Scope.settings,
        help=_('The professional framework the module supports.'),
    )


class CPDMixin:
    """Adds `record_cpd(summary)` and the shared user_info field. Put it before `XBlock`."""

    leadership_cpd_entries = Dict(
        default={},
        scope=Scope.user_info,
        help=_("The learner's CPD record: one entry per leadership block, shared by every block."),
    )

    def cpd_block_id(self):
        return str(self.scope_ids.usage_id)

    def cpd_entries(self):
        """{block id: entry} of this learner's whole CPD record, every block and course."""
        entries = dict(self.leadership_cpd_entries or {})
        entries.update(records.cpd_entries(compat.cpd_owner_id(self)))
        return entries

    def record_cpd(self, summary, now=None, content_language=None):
        """Add or replace this block's entry in the learner's CPD record; returns the entry.

        `summary`: `activity` ({template, params}) and whichever of `outcome`, `score`,
        `decisions`, `reflection`, `words`, `prompt`, `profile`, `allocation` apply.
        Module, framework, title, block type, course, dates and the course's language (`content_language`,
        looked up when the caller has not) are added here. Nothing is
        recorded (None) in a Studio preview or when staff masquerade as the learner.
        """
        if not compat.learner_data_is_real(self):
            return None
        now = now or datetime.datetime.now(datetime.UTC)
        stamp = now.isoformat()  # microseconds keep the order of entries recorded within a second
        block_id = self.cpd_block_id()
        previous = self.cpd_entries().get(block_id) or {}
        entry = {
            'block_id': block_id,
            'block_type': self.scope_ids.block_type,
            'course': compat.course_key(self),
            'module': str(getattr(self, 'module', '') or '')[:MAX_SHORT],
            'framework': str(getattr(self, 'framework', '') or '')[:MAX_SHORT],
            'title': str(getattr(self, 'display_name', '') or '')[:MAX_SHORT],
            # the language of the authored texts (title, module, steps, choices), for their `lang`
            'lang': (content_language or compat.content_language(self))[:MAX_LANG],
            'date': now.date().isoformat(),
            'recorded_at': stamp,
            'first_recorded': previous.get('first_recorded') or stamp,
        }
        entry.update(clean_summary(summary or {}))
        legacy = dict(self.leadership_cpd_entries or {})
        if records.available():
            records.save_cpd_entry(
                compat.cpd_owner_id(self), self.anonymous_id(), block_id, compat.course_key(self), entry
            )
            if legacy.pop(block_id, None) is not None:  # the row replaces an entry kept from before
                self.leadership_cpd_entries = legacy
        else:
            legacy[block_id] = entry
            self.leadership_cpd_entries = legacy
        return entry
