"""The Studio editor's form model: a scenario as plain JSON the browser edits, and back.

Every value the OLX holds as an attribute travels as the text the author typed ('' for an
absent number), so the form can hold what validation must name (a weight of "heavy") and
the way back reads it with the same rules as `olx.parse_element`. `to_form` then `from_form`
gives the same `Scenario` for any scenario OLX can express (see tests/test_scenario_form.py).

`read_form` is the request-side check (with `form_input`): anything but the expected shape is a `FormError`
(400) naming the first part that is wrong, before anything is built from it.
"""

from ..form_input import FormError, read_flat_form, read_item, require_list  # noqa: F401 (FormError re-exported)
from .model import Choice, Competency, Effect, Ending, Scenario, Step
from .olx import _boolean, _fmt, _number, integer

TEXTS = ('intro', 'content_note', 'debrief')
LISTS = {
    'competencies': ('id', 'label'),
    'steps': ('id', 'title', 'html', 'demands', 'time_limit', 'timeout', 'weight', 'shuffle'),
    'endings': ('id', 'title', 'html', 'score'),
}
CHOICE_KEYS = ('id', 'label', 'mode', 'target', 'points', 'feedback')
EFFECT_KEYS = ('competency', 'value')


def _text(value):
    """A form value as text: numbers written as OLX writes them, None as ''."""
    if value is None:
        return ''
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, float):
        return _fmt(value)
    return str(value)


def to_form(scenario):
    """The JSON-able form of a scenario (root settings excluded: they are block fields)."""
    return {
        'intro': scenario.intro,
        'content_note': scenario.content_note,
        'debrief': scenario.debrief,
        'competencies': [{'id': c.id, 'label': c.label} for c in scenario.competencies],
        'steps': [
            {
                'id': s.id,
                'title': s.title,
                'html': s.html,
                'demands': s.demands,
                'time_limit': _text(s.time_limit),
                'timeout': s.timeout,
                'weight': _text(s.weight),
                'shuffle': _text(s.shuffle),
                'choices': [
                    {
                        'id': c.id,
                        'label': c.label,
                        'mode': c.mode,
                        'target': c.target,
                        'points': _text(c.points),
                        'feedback': c.feedback,
                        'effects': [{'competency': e.competency, 'value': _text(e.value)} for e in c.effects],
                    }
                    for c in s.choices
                ],
            }
            for s in scenario.steps
        ],
        'endings': [{'id': e.id, 'title': e.title, 'html': e.html, 'score': _text(e.score)} for e in scenario.endings],
    }


def _blank_none(text):
    return None if text == '' else text


def from_form(form, shuffle=True, review='final'):
    """The scenario a (checked) form describes, with the block's root settings."""
    return Scenario(
        intro=form['intro'],
        content_note=form['content_note'],
        debrief=form['debrief'],
        competencies=[Competency(id=c['id'], label=c['label']) for c in form['competencies']],
        steps=[
            Step(
                id=s['id'],
                title=s['title'],
                html=s['html'],
                demands=' '.join(s['demands'].split()),
                time_limit=integer(_blank_none(s['time_limit'])),
                timeout=s['timeout'],
                weight=_number(s['weight'] or '1', float),
                shuffle=_boolean(_blank_none(s['shuffle'])),
                choices=[
                    Choice(
                        id=c['id'],
                        label=c['label'],
                        mode=c['mode'],
                        target=c['target'],
                        points=_number(c['points'] or '0', float),
                        feedback=c['feedback'],
                        effects=tuple(
                            Effect(competency=e['competency'], value=integer(e['value'])) for e in c['effects']
                        ),
                    )
                    for c in s['choices']
                ],
            )
            for s in form['steps']
        ],
        endings=[
            Ending(id=e['id'], title=e['title'], html=e['html'], score=_number(_blank_none(e['score']), float))
            for e in form['endings']
        ],
        shuffle=shuffle,
        review=review,
    )


def _read_choice(choice, where):
    read = read_item(choice, CHOICE_KEYS, where)
    effects = require_list(choice.get('effects', []), f'{where}.effects')
    read['effects'] = [read_item(e, EFFECT_KEYS, f'{where}.effects[{i}]') for i, e in enumerate(effects)]
    return read


def read_form(form):
    """A form from a request, checked and normalised (missing keys are ''), or a FormError."""
    read = read_flat_form(form, TEXTS, LISTS)
    for i, (step, raw) in enumerate(zip(read['steps'], form['steps'] if 'steps' in form else [])):
        choices = require_list(raw.get('choices', []), f'steps[{i}].choices')
        step['choices'] = [_read_choice(c, f'steps[{i}].choices[{j}]') for j, c in enumerate(choices)]
    return read
