"""Data classes for a scenario: steps, choices, endings and competencies."""

from dataclasses import dataclass, field
from functools import cached_property

MODES = ('urgent', 'consultative', 'consensual', 'delegated')
SCORING_MODES = ('ending', 'path', 'fit', 'none')
REVIEW_MODES = ('ending', 'final', 'never')  # when the route review appears: see state.review_allowed


@dataclass(frozen=True)
class Effect:
    competency: str
    value: object  # int when valid; the raw text otherwise, so validation can name it
    line: int = field(default=0, compare=False)


@dataclass
class Choice:
    id: str
    label: str
    mode: str = ''
    target: str = ''
    points: object = 0.0  # float when valid; the raw text otherwise
    feedback: str = ''
    effects: tuple = ()
    line: int = field(default=0, compare=False)


@dataclass
class Step:
    id: str
    title: str = ''
    html: str = ''
    demands: str = ''  # space-separated fitting modes, as written (validation names unknown ones)
    time_limit: object = None  # positive int when valid; raw text otherwise
    timeout: str = ''
    choices: list = field(default_factory=list)
    weight: object = 1.0  # non-negative float when valid; raw text otherwise
    shuffle: object = True  # bool when valid; raw text otherwise
    line: int = field(default=0, compare=False)

    def choice(self, choice_id):
        return next((c for c in self.choices if c.id == choice_id), None)

    @cached_property
    def fitting_modes(self):
        """The modes that fit this moment (empty when the step is not judged)."""
        return tuple(dict.fromkeys(self.demands.split()))

    @property
    def weight_value(self):
        """The weight as a number for scoring (1 when the authored value is not valid)."""
        return self.weight if isinstance(self.weight, float) and self.weight >= 0 else 1.0

    def credited_points(self, choice):
        """What a choice earns here under `path` scoring: its points times the step's weight
        (0 for a timeout, None, or points that are not a number)."""
        if choice is None or not isinstance(choice.points, float):
            return 0.0
        return choice.points * self.weight_value


@dataclass
class Ending:
    id: str
    title: str = ''
    html: str = ''
    score: object = None  # float when valid; raw text otherwise; None when absent
    line: int = field(default=0, compare=False)


@dataclass
class Competency:
    id: str
    label: str
    line: int = field(default=0, compare=False)


@dataclass
class Scenario:
    intro: str = ''
    content_note: str = ''  # HTML shown before the first step (suicide, restraint, abuse...)
    debrief: str = ''
    competencies: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    endings: list = field(default_factory=list)
    shuffle: object = True  # root setting: bool when valid, raw text otherwise
    review: str = 'final'  # root setting: one of REVIEW_MODES when valid
    syntax_error: str = ''  # set when the OLX text could not be read at all

    def __post_init__(self):
        self.reindex()

    def reindex(self):
        """Rebuild the id lookups after the lists change (first definition of an id wins)."""
        self._steps = {}
        self._endings = {}
        for step in self.steps:
            self._steps.setdefault(step.id, step)
        for ending in self.endings:
            self._endings.setdefault(ending.id, ending)

    @property
    def start(self):
        return self.steps[0].id if self.steps else None

    def step(self, node_id):
        return self._steps.get(node_id)

    def ending(self, node_id):
        return self._endings.get(node_id)

    def competency(self, competency_id):
        return next((c for c in self.competencies if c.id == competency_id), None)

    def is_node(self, node_id):
        return node_id in self._steps or node_id in self._endings
