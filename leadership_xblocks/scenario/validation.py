"""Check a scenario against the OLX contract: one message per problem, naming the id or value.

Errors make the scenario unplayable (learners see "not available yet"); warnings do not.
Messages are untranslated templates (marked for extraction) plus parameters, so the
block can translate them and the command-line checker can print them as they are.
"""

import math
from collections import Counter
from dataclasses import dataclass, field

from ..i18n import gettext_noop as _
from . import graph, shortcuts
from .model import MODES, REVIEW_MODES, SCORING_MODES

ERROR = 'error'
WARNING = 'warning'


@dataclass(frozen=True)
class Problem:
    level: str
    template: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    line: int = 0

    @property
    def message(self):
        return self.template.format(**self.params)

    def translated(self, gettext):
        return gettext(self.template).format(**self.params)


def validate(scenario, scoring='ending', analyse_shortcuts=True):
    """All problems of a scenario under a scoring mode, errors first, in document order.

    `analyse_shortcuts=False` leaves out the shortcut warnings (simulated play, the one
    costly check), for callers that only need to know whether the scenario is playable.
    """
    problems = []

    def add(level, template, line=0, **params):
        problems.append(Problem(level, template, params, line))

    if scenario.syntax_error:
        add(ERROR, _('The scenario is not well-formed XML ({detail}).'), detail=scenario.syntax_error)
        return problems
    if scoring not in SCORING_MODES:
        add(
            ERROR,
            _('Unknown scoring "{value}": use one of {allowed}.'),
            value=scoring,
            allowed=', '.join(SCORING_MODES),
        )
    if scenario.review not in REVIEW_MODES:
        add(
            ERROR,
            _('Unknown review "{value}": use one of {allowed}.'),
            value=scenario.review,
            allowed=', '.join(REVIEW_MODES),
        )
    if not isinstance(scenario.shuffle, bool):
        add(ERROR, _('The scenario has shuffle "{value}": use true or false.'), value=scenario.shuffle)
    if not scenario.steps:
        add(ERROR, _('The scenario has no steps.'))
    if not scenario.endings:
        add(ERROR, _('The scenario has no endings.'))

    _check_ids(scenario, add)
    competencies = {c.id for c in scenario.competencies}
    for step in scenario.steps:
        _check_step(scenario, step, competencies, add)
    for ending in scenario.endings:
        if ending.score is not None and not (isinstance(ending.score, float) and 0.0 <= ending.score <= 1.0):
            add(
                ERROR,
                _('Ending "{ending}" has score "{value}": it must be a number from 0 to 1.'),
                ending.line,
                ending=ending.id,
                value=ending.score,
            )
    if scenario.steps:
        _check_graph(scenario, scoring, add)
    if analyse_shortcuts and not errors(problems):
        for template, params in shortcuts.shortcut_warnings(scenario, scoring):
            add(WARNING, template, **params)
    return sorted(problems, key=lambda p: p.level != ERROR)


def errors(problems):
    return [p for p in problems if p.level == ERROR]


def _check_ids(scenario, add):
    counts = Counter([s.id for s in scenario.steps] + [e.id for e in scenario.endings])
    nodes = scenario.steps + scenario.endings
    for node in nodes:
        if not node.id:
            add(ERROR, _('A step or ending on line {line} has no id.'), node.line, line=node.line)
    for node_id, count in counts.items():
        if node_id and count > 1:
            line = next(n.line for n in nodes if n.id == node_id)
            add(ERROR, _('Duplicate id "{id}": step and ending ids must be unique.'), line, id=node_id)
    counts = Counter(c.id for c in scenario.competencies)
    for competency_id, count in counts.items():
        if count > 1:
            add(ERROR, _('Duplicate competency id "{id}".'), id=competency_id)


def _check_step(scenario, step, competencies, add):
    for mode in step.fitting_modes:
        if mode not in MODES:
            add(
                ERROR,
                _('Step "{step}" demands unknown mode "{value}": use one of {allowed}.'),
                step.line,
                step=step.id,
                value=mode,
                allowed=', '.join(MODES),
            )
    if not (isinstance(step.weight, float) and math.isfinite(step.weight) and step.weight >= 0):
        add(
            ERROR,
            _('Step "{step}" has weight "{value}": it must be a number of 0 or more.'),
            step.line,
            step=step.id,
            value=step.weight,
        )
    if not isinstance(step.shuffle, bool):
        add(
            ERROR,
            _('Step "{step}" has shuffle "{value}": use true or false.'),
            step.line,
            step=step.id,
            value=step.shuffle,
        )
    if not step.choices:
        add(ERROR, _('Step "{step}" has no choices.'), step.line, step=step.id)
    if step.time_limit is not None and not (isinstance(step.time_limit, int) and step.time_limit > 0):
        add(
            ERROR,
            _('Step "{step}" has time_limit "{value}": it must be a whole number of seconds above 0.'),
            step.line,
            step=step.id,
            value=step.time_limit,
        )
    if step.timeout and step.time_limit is None:
        add(ERROR, _('Step "{step}" has a timeout but no time_limit.'), step.line, step=step.id)
    if step.time_limit is not None and not step.timeout:
        add(ERROR, _('Step "{step}" has a time_limit but no timeout branch.'), step.line, step=step.id)
    if step.timeout and not scenario.is_node(step.timeout):
        add(
            ERROR,
            _('Step "{step}" has timeout "{target}", which is not a step or ending.'),
            step.line,
            step=step.id,
            target=step.timeout,
        )
    for choice_id, count in Counter(c.id for c in step.choices).items():
        if count > 1:
            add(
                ERROR, _('Step "{step}" has duplicate choice id "{choice}".'), step.line, step=step.id, choice=choice_id
            )
    for choice in step.choices:
        _check_choice(scenario, step, choice, competencies, add)


def _check_choice(scenario, step, choice, competencies, add):
    where = dict(step=step.id, choice=choice.id)
    if not choice.id:
        add(ERROR, _('A choice in step "{step}" has no id.'), choice.line, step=step.id)
    if choice.mode not in MODES:
        add(
            ERROR,
            _('Choice "{choice}" in step "{step}" has unknown mode "{value}": use one of {allowed}.'),
            choice.line,
            value=choice.mode,
            allowed=', '.join(MODES),
            **where,
        )
    if not scenario.is_node(choice.target):
        add(
            ERROR,
            _('Choice "{choice}" in step "{step}" has target "{target}", which is not a step or ending.'),
            choice.line,
            target=choice.target,
            **where,
        )
    if not choice.label:
        add(ERROR, _('Choice "{choice}" in step "{step}" has no label.'), choice.line, **where)
    if not isinstance(choice.points, float):
        add(
            ERROR,
            _('Choice "{choice}" in step "{step}" has points "{value}": it must be a number.'),
            choice.line,
            value=choice.points,
            **where,
        )
    for effect in choice.effects:
        if effect.competency not in competencies:
            add(
                ERROR,
                _('Choice "{choice}" in step "{step}" has an effect on undeclared competency "{value}".'),
                effect.line or choice.line,
                value=effect.competency,
                **where,
            )
        if not isinstance(effect.value, int):
            add(
                ERROR,
                _('Choice "{choice}" in step "{step}" has effect value "{value}": it must be a whole number.'),
                effect.line or choice.line,
                value=effect.value,
                **where,
            )


def _check_graph(scenario, scoring, add):
    if scoring == 'path':
        cycle = graph.find_cycle(scenario)
        if cycle:
            add(
                ERROR,
                _('Path scoring needs a graph without loops, but steps loop: {cycle}.'),
                scenario.step(cycle[0]).line,
                cycle=' -> '.join(cycle),
            )
    finishing = graph.can_finish(scenario)
    for step in scenario.steps:
        if step.id not in finishing:
            add(ERROR, _('No ending can be reached from step "{step}".'), step.line, step=step.id)
    reached = graph.reachable(scenario)
    for node in scenario.steps + scenario.endings:
        if node.id not in reached:
            add(WARNING, _('"{id}" cannot be reached from the first step.'), node.line, id=node.id)
