"""The time-allocation activity in plain Python: how leaders divide their working time.

    <leadership_time_allocation>
      <prompt>HTML</prompt>
      <function id="planning">Long-term planning</function>
      ...
    </leadership_time_allocation>

Without `<prompt>` the default prompt is used; without `<function>` the seven default
functions. The learner's shares must total 100; they also name the leadership model they
espouse. The cohort mean shown beside an answer counts only other learners who consented
to research use, and only once at least `MIN_COHORT` of them have answered.
"""

from collections import Counter
from dataclasses import dataclass, field, replace

from lxml import etree

from .. import activity_model as common
from ..activity_model import ERROR, WARNING, AnswerError
from ..cohort.aggregates import MIN_COHORT
from ..i18n import gettext_noop as _
from ..olx_check import checker
from ..sanitize import plain_text

ROOT_TAG = 'leadership_time_allocation'
TOTAL = 100
TOLERANCE = 0.01  # a total of 99.995 or 100.004 (rounding in a browser) still counts as 100
MAX_FUNCTIONS = 20
MAX_MODEL_CHARS = 200
OWN_MODEL = 'own'


@dataclass(frozen=True)
class Function:
    id: str
    label: str
    line: int = field(default=0, compare=False)


DEFAULT_PROMPT = _(
    '<p>Research on social work leadership has little data on what leaders actually do with their '
    'time. Think of a typical month in your current role, or, if you are a student, the leadership '
    'role you hope to hold. What share of your working time goes to each of these functions?</p>'
)
DEFAULT_FUNCTIONS = (
    Function('planning', _('Long-term planning')),
    Function('crisis', _('Crisis management')),
    Function('budgeting', _('Budgeting')),
    Function('performance', _('Performance management')),
    Function('staff_support', _('Staff support and development')),
    Function('partnership', _('Partnership and system work')),
    Function('direct_practice', _('Direct practice')),
)
MODELS = (
    ('distributed', _('Distributed leadership')),
    ('compassionate', _('Compassionate leadership')),
    ('servant', _('Servant leadership')),
    ('collaborative', _('Collaborative leadership')),
    ('systems', _('Systems leadership')),
    ('host', _('Host leadership')),
)
MODEL_IDS = tuple(model_id for model_id, _label in MODELS)
DEFAULT_TEXTS = frozenset([DEFAULT_PROMPT] + [f.label for f in DEFAULT_FUNCTIONS])


@dataclass(frozen=True)
class TimeAllocation:
    prompt: str = DEFAULT_PROMPT
    functions: tuple = DEFAULT_FUNCTIONS
    syntax_error: str = ''

    def function_ids(self):
        return [f.id for f in self.functions]

    def translated(self, gettext):
        def tr(text):
            return gettext(text) if text in DEFAULT_TEXTS else text

        return replace(
            self, prompt=tr(self.prompt), functions=tuple(replace(f, label=tr(f.label)) for f in self.functions)
        )


def parse_element(root, sanitize=True):
    """A `TimeAllocation` from a `<leadership_time_allocation>` element (attributes are the caller's)."""
    prompt = root.find('prompt')
    functions = root.findall('function')
    return TimeAllocation(
        prompt=common.html_of(prompt, sanitize) if prompt is not None else DEFAULT_PROMPT,
        functions=tuple(Function(f.get('id', ''), common.text_of(f), common.line_of(f)) for f in functions)
        if functions
        else DEFAULT_FUNCTIONS,
    )


def parse_text(text, sanitize=True):
    """Parse OLX text; a syntax error gives the default model carrying the message."""
    return common.parse_text(text, parse_element, TimeAllocation, sanitize)


def to_element(model, attributes=None):
    root = etree.Element(ROOT_TAG, {k: str(v) for k, v in (attributes or {}).items()})
    if model.prompt:
        common.add_child(root, 'prompt', html=model.prompt)
    for function in model.functions:
        common.add_child(root, 'function', {'id': function.id}, text=function.label)
    return root


def to_text(model, attributes=None):
    return common.to_text(to_element(model, attributes))


DEFAULT_BODY = to_text(TimeAllocation())


def validate(model):
    problems = common.ProblemList()
    if model.syntax_error:
        problems.add(ERROR, _('The time allocation is not well-formed XML ({detail}).'), detail=model.syntax_error)
        return problems
    if not common.html_words(model.prompt):
        problems.add(WARNING, _('The prompt is empty: learners see only the list of functions.'))
    if len(model.functions) < 2:
        problems.add(ERROR, _('List at least two functions to divide time between.'))
    if len(model.functions) > MAX_FUNCTIONS:
        problems.add(
            ERROR,
            _('There are {count} functions: at most {limit} are allowed.'),
            count=len(model.functions),
            limit=MAX_FUNCTIONS,
        )
    for function in model.functions:
        common.check_id(
            problems,
            function.id,
            function.line,
            _('A function on line {line} has no id.'),
            _('Function id "{id}" must start with a letter and use only letters, digits, "_" or "-".'),
        )
        if not function.label:
            problems.add(ERROR, _('Function "{function}" has no label.'), function.line, function=function.id)
    for function_id, count in Counter(model.function_ids()).items():
        if function_id and count > 1:
            line = next(f.line for f in model.functions if f.id == function_id)
            problems.add(ERROR, _('Duplicate function id "{id}".'), line, id=function_id)
    return problems.sorted()


# Learner answers -------------------------------------------------------------------


def check_allocations(model, allocations):
    """{function_id: number} for every function (missing ones count as 0), or raise `AnswerError`."""
    if not isinstance(allocations, dict):
        raise AnswerError(_('"allocations" must be an object of function ids and numbers.'))
    known = model.function_ids()
    unknown = sorted(str(key) for key in allocations if key not in known)
    if unknown:
        raise AnswerError(_('Unknown function(s): {functions}.'), functions=', '.join(unknown)[:500])
    result = {}
    for function_id in known:
        value = allocations.get(function_id, 0)
        if not common.is_number(value):
            raise AnswerError(_('The share for "{function}" must be a number.'), function=function_id)
        if value < 0 or value > TOTAL:
            raise AnswerError(
                _('The share for "{function}" must be from 0 to {total}.'), function=function_id, total=TOTAL
            )
        result[function_id] = value
    total = sum(result.values())
    if abs(total - TOTAL) > TOLERANCE:
        raise AnswerError(
            _('Your shares add up to {total}: they must add up to {expected}.'), total=_fmt(total), expected=TOTAL
        )
    return result


def check_model(raw):
    """(model_id, own_words) for the leadership model a learner names, or raise `AnswerError`.

    A known id (e.g. "host") gives (id, ''); anything else is the learner's own words, kept
    as plain text: (OWN_MODEL, text).
    """
    if not isinstance(raw, str):
        raise AnswerError(_('"model" must be a string.'))
    if len(raw) > MAX_MODEL_CHARS * 5:
        raise AnswerError(_('Name your leadership model in at most {limit} characters.'), limit=MAX_MODEL_CHARS)
    text = ' '.join(plain_text(raw).split())
    if text in MODEL_IDS:
        return text, ''
    if not text:
        raise AnswerError(_('Name the leadership model you espouse, or describe it in your own words.'))
    if len(text) > MAX_MODEL_CHARS:
        raise AnswerError(_('Name your leadership model in at most {limit} characters.'), limit=MAX_MODEL_CHARS)
    return OWN_MODEL, text


def check_consent(raw):
    if not isinstance(raw, bool):
        raise AnswerError(_('"consent" must be true or false.'))
    return raw


def cohort_mean(model, count, sums, minimum=MIN_COHORT):
    """({function_id: mean}, count) from `count` answers and `sums` ({function_id: sum of their numeric
    percentages}, a missing one counting 0), or (None, count) below `minimum`."""
    if count < minimum:
        return None, count
    return {function_id: round(sums.get(function_id, 0) / count, 1) for function_id in model.function_ids()}, count


def _fmt(number):
    return str(int(number)) if float(number).is_integer() else f'{number:.2f}'.rstrip('0')


@checker(ROOT_TAG)
def check_olx(root):
    return validate(parse_element(root, sanitize=False))
