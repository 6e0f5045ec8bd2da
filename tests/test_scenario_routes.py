"""What the learner page says about routes: the decision count ("Decision 2 of 2 to 3") and the
scale of each competency, from the scenario's graph, without naming any choice's target."""

from leadership_xblocks.scenario import olx
from leadership_xblocks.scenario.labels import MODE_NAMES, mode_labels
from leadership_xblocks.scenario.model import MODES
from leadership_xblocks.scenario.routes import competency_ranges, decisions_left, progress

from .scenario_samples import FIT, choice, ending, scenario, step

# a -> b -> end is two decisions; a -> c -> d -> end is three.
UNEVEN = scenario(
    '<competency id="trust">Trust</competency>',
    step('a', choice('short', 'b', effects='<effect competency="trust" value="-2"/>'), choice('long', 'c')),
    step('b', choice('b1', 'end', effects='<effect competency="trust" value="1"/>')),
    step('c', choice('c1', 'd', effects='<effect competency="trust" value="3"/>')),
    step('d', choice('d1', 'end'), choice('d2', 'end', effects='<effect competency="trust" value="2"/>')),
    ending('end'),
)


def parse(text):
    return olx.parse_text(text)[0]


def test_decisions_left_counts_the_shortest_and_longest_route_from_each_step():
    spans = decisions_left(parse(UNEVEN))
    assert spans == {'end': (0, 0), 'd': (1, 1), 'b': (1, 1), 'c': (2, 2), 'a': (2, 3)}


def test_progress_is_exact_when_every_route_has_the_same_length():
    fit = parse(FIT)
    assert progress(fit, 's1', 0) == {'number': 1, 'fewest': 2, 'most': 2}
    uneven = parse(UNEVEN)
    assert progress(uneven, 'a', 0) == {'number': 1, 'fewest': 2, 'most': 3}
    # once on the long branch the count is exact again
    assert progress(uneven, 'c', 1) == {'number': 2, 'fewest': 3, 'most': 3}
    assert progress(uneven, 'end', 2) is None


def test_competency_range_is_the_lowest_and_highest_total_of_any_route():
    # short route: -2 + 1 = -1; long route: 3 + 0 or 3 + 2
    assert competency_ranges(parse(UNEVEN)) == {'trust': (-1, 5)}
    # a timeout branch gives nothing: FIT's safety ranges from -1 (meet) to +2 (now)
    assert competency_ranges(parse(FIT)) == {'safety': (-1, 2)}


def test_mode_labels_are_written_once_and_translated_when_sent():
    labels = mode_labels(lambda text: f'<{text}>')
    assert list(labels) == list(MODES)
    assert labels['urgent']['name'] == f'<{MODE_NAMES["urgent"]}>'
    assert labels['delegated']['met'].startswith('<Situations that called for delegation')


def test_mode_titles_are_written_once_and_translated_when_sent_to_the_dashboard():
    from leadership_xblocks.scenario.labels import MODE_TITLES, mode_titles

    assert mode_titles(lambda text: f'<{text}>') == {mode: f'<{MODE_TITLES[mode]}>' for mode in MODES}
    assert mode_titles(str) == {
        'urgent': 'Urgent',
        'consultative': 'Consultative',
        'consensual': 'Consensual',
        'delegated': 'Delegated',
    }
