"""The reflection activity in plain Python: OLX model, defaults, validation and word limits.

    <leadership_reflection min_words="50" max_words="600">
      <prompt>HTML: the reflective question</prompt>
      <guidance>HTML shown after submitting (optional)</guidance>
    </leadership_reflection>

With neither `<prompt>` nor `<guidance>`, the default prompt and guidance are used; with a
prompt of its own and no guidance, the block shows no guidance.
"""

from dataclasses import dataclass, field, replace

from lxml import etree

from .. import activity_model as common
from ..activity_model import ERROR, WARNING, AnswerError
from ..i18n import gettext_noop as _
from ..olx_check import checker
from ..sanitize import clean_learner_html

ROOT_TAG = 'leadership_reflection'

# Whatever the settings say, no answer may be longer than this (words, then characters:
# a "word" of a million letters is still refused before bleach ever sees it).
HARD_MAX_WORDS = 10000
MAX_TEXT_CHARS = 150000

DEFAULT_PROMPT = _(
    '<p>Think of a recent moment in your practice when you had to lead, with or without a title: '
    'challenging a plan in a strategy meeting, supporting a colleague after a difficult visit, or '
    'escalating a concern about a family or an adult at risk.</p>'
    '<p>What did you do? What shaped your decision, and what would you do differently next time?</p>'
)
DEFAULT_GUIDANCE = _(
    '<p>When experienced supervisors read a reflection like this, they notice:</p>'
    '<ul><li>whether you separate what you knew at the time from what you assumed;</li>'
    '<li>whose voice shaped the decision, including that of the child or adult concerned;</li>'
    '<li>how you used your authority, and how others are likely to have experienced it;</li>'
    '<li>what support you looked for, and what you did with your own feelings;</li>'
    '<li>whether "next time" is concrete enough that a colleague could see you do it.</li></ul>'
)
DEFAULT_TEXTS = frozenset({DEFAULT_PROMPT, DEFAULT_GUIDANCE})


@dataclass(frozen=True)
class Reflection:
    prompt: str = DEFAULT_PROMPT
    guidance: str = DEFAULT_GUIDANCE
    min_words: object = 0  # int when valid; the raw text otherwise, so validation can name it
    max_words: object = 0  # 0: no limit of the author's (HARD_MAX_WORDS still applies)
    prompt_line: int = field(default=0, compare=False)
    syntax_error: str = ''

    @property
    def word_limit(self):
        """The most words an answer may have: the author's maximum, never above the hard cap."""
        if common.is_int(self.max_words) and 0 < self.max_words < HARD_MAX_WORDS:
            return self.max_words
        return HARD_MAX_WORDS

    @property
    def word_minimum(self):
        return self.min_words if common.is_int(self.min_words) and self.min_words > 0 else 0

    def translated(self, gettext):
        """A copy whose default texts are shown in the learner's language."""
        return replace(
            self, prompt=translate_default(self.prompt, gettext), guidance=translate_default(self.guidance, gettext)
        )


def translate_default(text, gettext):
    return gettext(text) if text in DEFAULT_TEXTS else text


def parse_element(root, sanitize=True):
    """A `Reflection` from a `<leadership_reflection>` element, attributes included."""
    prompt_el, guidance_el = root.find('prompt'), root.find('guidance')
    if prompt_el is None and guidance_el is None:
        prompt, guidance = DEFAULT_PROMPT, DEFAULT_GUIDANCE
    else:
        prompt = common.html_of(prompt_el, sanitize) if prompt_el is not None else ''
        guidance = common.html_of(guidance_el, sanitize) if guidance_el is not None else ''
    return Reflection(
        prompt=prompt,
        guidance=guidance,
        min_words=common.integer(root.get('min_words', '0')),
        max_words=common.integer(root.get('max_words', '0')),
        prompt_line=common.line_of(prompt_el) or common.line_of(root),
    )


def to_element(reflection, attributes=None):
    """Readable OLX for a reflection, with the given root attributes. With neither text, an empty
    `<prompt/>` is written, so that the OLX does not read back as the default texts."""
    root = etree.Element(ROOT_TAG, {k: str(v) for k, v in (attributes or {}).items()})
    if reflection.prompt or not reflection.guidance:
        common.add_child(root, 'prompt', html=reflection.prompt)
    if reflection.guidance:
        common.add_child(root, 'guidance', html=reflection.guidance)
    return root


def to_text(reflection):
    """The OLX the Studio editor shows: the texts and the word limits of the author's (as attributes)."""
    limits = {name: getattr(reflection, name) for name in ('min_words', 'max_words')}
    return common.to_text(to_element(reflection, {k: v for k, v in limits.items() if v != 0}))


def parse_text(text, sanitize=True):
    """Parse OLX text; a syntax error gives the default model carrying the message."""
    return common.parse_text(text, parse_element, Reflection, sanitize)


def validate(reflection):
    """Authoring problems, errors first."""
    problems = common.ProblemList()
    if reflection.syntax_error:
        problems.add(ERROR, _('The reflection is not well-formed XML ({detail}).'), detail=reflection.syntax_error)
        return problems
    minimum, maximum = reflection.min_words, reflection.max_words
    if not (common.is_int(minimum) and minimum >= 0):
        problems.add(ERROR, _('min_words is "{value}": it must be a whole number, 0 or more.'), value=minimum)
    if not (common.is_int(maximum) and maximum >= 0):
        problems.add(
            ERROR, _('max_words is "{value}": it must be a whole number, 0 (no limit) or more.'), value=maximum
        )
    elif maximum > HARD_MAX_WORDS:
        problems.add(
            ERROR,
            _('max_words is {value}: no answer may be longer than {limit} words.'),
            value=maximum,
            limit=HARD_MAX_WORDS,
        )
    if common.is_int(minimum) and minimum > HARD_MAX_WORDS:
        problems.add(
            ERROR,
            _('min_words is {value}: no answer may be longer than {limit} words.'),
            value=minimum,
            limit=HARD_MAX_WORDS,
        )
    if common.is_int(minimum) and common.is_int(maximum) and maximum > 0 and minimum > maximum:
        problems.add(
            ERROR, _('min_words ({minimum}) is more than max_words ({maximum}).'), minimum=minimum, maximum=maximum
        )
    if not common.html_words(reflection.prompt):
        problems.add(ERROR, _('The prompt is empty: learners need a question to reflect on.'), reflection.prompt_line)
    if not reflection.guidance:
        problems.add(WARNING, _('There is no guidance: learners see nothing of yours after they submit.'))
    return problems.sorted()


# Learner answers -----------------------------------------------------------------


def count_words(html):
    return len(common.html_words(html))


def clean_answer(text):
    """(clean_html, word_count) for an answer of any stage, or raise `AnswerError`.

    The type and the hard caps are checked before bleach runs, so no request can make the
    server clean or store megabytes.
    """
    if not isinstance(text, str):
        raise AnswerError(_('"text" must be a string.'))
    if len(text) > MAX_TEXT_CHARS:
        raise AnswerError(
            _('Your text is too long to save: the limit is {limit} words.'), status=413, limit=HARD_MAX_WORDS
        )
    clean = clean_learner_html(text)
    words = count_words(clean)
    if words > HARD_MAX_WORDS:
        raise AnswerError(
            _('Your text has {count} words: the limit is {limit} words.'), status=413, count=words, limit=HARD_MAX_WORDS
        )
    return clean, words


def check_submission(reflection, words):
    """Raise `AnswerError` when a final answer breaks the author's word limits."""
    if words == 0:
        raise AnswerError(_('Write your reflection before you submit it.'))
    if words < reflection.word_minimum:
        raise AnswerError(
            _('Your reflection has {count} words: write at least {minimum}.'),
            count=words,
            minimum=reflection.word_minimum,
        )
    if words > reflection.word_limit:
        raise AnswerError(
            _('Your reflection has {count} words: the limit is {maximum}.'), count=words, maximum=reflection.word_limit
        )


@checker(ROOT_TAG)
def check_olx(root):
    return validate(parse_element(root, sanitize=False))
