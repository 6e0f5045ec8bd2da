"""The scenario model in plain Python: parsing, validation, graphs, scoring, play and export."""

import subprocess
import sys

import pytest

from leadership_xblocks.scenario import engine, graph, olx, profile, validation
from leadership_xblocks.scenario.scoring import attempt_score
from tests.scenario_samples import FIT, GREEDY, JUDGED, LOOP, choice, ending, scenario, step


def parse(xml):
    return olx.parse_text(xml)[0]


def messages(xml, scoring=None):
    root_scoring = scoring or olx.parse_text(xml)[1].get('scoring', 'ending')
    return [(p.level, p.message) for p in validation.validate(parse(xml), root_scoring)]


def only_errors(xml, scoring=None):
    return [m for level, m in messages(xml, scoring) if level == 'error']


def test_parse_reads_steps_choices_endings_and_competencies():
    s = parse(FIT)
    assert s.start == 's1'
    assert [st.id for st in s.steps] == ['s1', 's2', 'late']
    first = s.step('s1')
    assert first.demands == 'urgent' and first.time_limit == 60 and first.timeout == 'late'
    assert [(c.id, c.mode, c.target) for c in first.choices] == [('now', 'urgent', 's2'), ('meet', 'consensual', 's2')]
    assert first.choice('now').effects[0].competency == 'safety' and first.choice('now').effects[0].value == 2
    assert first.html == '<p>What now?</p>'
    assert s.ending('poor').score == 0.25
    assert s.debrief == '<p>Shown at every ending</p>'


def test_shipped_samples_are_valid():
    for xml in (FIT, GREEDY, LOOP):
        assert only_errors(xml) == []


@pytest.mark.parametrize(
    'xml, expected',
    [
        (scenario(step('a', choice('x', 'nowhere')), ending('e')), 'target "nowhere"'),
        (scenario(step('a', choice('x', 'e')), step('a', choice('y', 'e')), ending('e')), 'Duplicate id "a"'),
        (scenario(step('e', choice('x', 'e')), ending('e')), 'Duplicate id "e"'),
        (scenario(step('a', choice('x', 'e'), choice('x', 'e')), ending('e')), 'duplicate choice id "x"'),
        (scenario(step('a', choice('x', 'e', mode='bossy')), ending('e')), 'unknown mode "bossy"'),
        (scenario(step('a', choice('x', 'e'), demands='loud'), ending('e')), 'demands unknown mode "loud"'),
        (scenario(step('a'), ending('e')), 'Step "a" has no choices'),
        (scenario(ending('e')), 'no steps'),
        (scenario(step('a', choice('x', 'e')), ending('e', score=1.5)), 'score "1.5"'),
        (scenario(step('a', choice('x', 'e'), extra=' timeout="e"'), ending('e')), 'timeout but no time_limit'),
        (
            scenario(step('a', choice('x', 'e', effects='<effect competency="ghost" value="1"/>')), ending('e')),
            'undeclared competency "ghost"',
        ),
        (
            scenario(
                '<competency id="c">C</competency>',
                step('a', choice('x', 'e', effects='<effect competency="c" value="1.5"/>')),
                ending('e'),
            ),
            'effect value "1.5"',
        ),
        (
            scenario(step('a', choice('x', 'b')), step('b', choice('y', 'a')), ending('e')),
            'No ending can be reached from step "a"',
        ),
    ],
)
def test_each_authoring_error_gets_one_message_naming_it(xml, expected):
    errors = only_errors(xml)
    matching = [m for m in errors if expected in m]
    assert len(matching) == 1, errors


def test_a_cycle_is_an_error_only_under_path_scoring():
    assert only_errors(LOOP, 'ending') == []
    assert only_errors(LOOP, 'fit') == []
    errors = only_errors(LOOP, 'path')
    assert len(errors) == 1 and 'a -> a' in errors[0]


def test_unreachable_steps_are_warnings_not_errors():
    xml = scenario(step('a', choice('x', 'e')), step('island', choice('y', 'e')), ending('e'), ending('f'))
    result = messages(xml)
    assert ('warning', '"island" cannot be reached from the first step.') in result
    assert ('warning', '"f" cannot be reached from the first step.') in result
    assert only_errors(xml) == []


def test_malformed_xml_is_one_error_with_a_line_number():
    problems = validation.validate(parse('<leadership_scenario>\n<step id="a">\n</leadership_scenario>'))
    assert len(problems) == 1 and problems[0].level == 'error'
    assert 'line 3' in problems[0].message


def test_best_path_is_not_the_greedy_path():
    s = parse(GREEDY)
    assert graph.best_points(s) == 11.0
    greedy = [{'step': 'a', 'choice': 'big'}, {'step': 'b', 'choice': 'b1'}]
    best = [{'step': 'a', 'choice': 'small'}, {'step': 'c', 'choice': 'c1'}]
    assert attempt_score(s, 'path', greedy, 'end') == pytest.approx(6 / 11)
    assert attempt_score(s, 'path', best, 'end') == 1.0


def test_fit_scoring_counts_matched_modes_and_timeouts_as_misses():
    s = parse(FIT)
    assert attempt_score(s, 'fit', [{'step': 's1', 'choice': 'now'}, {'step': 's2', 'choice': 'agree'}], 'good') == 1.0
    assert attempt_score(s, 'fit', [{'step': 's1', 'choice': 'meet'}, {'step': 's2', 'choice': 'agree'}], 'good') == 0.5
    assert (
        attempt_score(s, 'fit', [{'step': 's1', 'choice': '__timeout__'}, {'step': 'late', 'choice': 'sorry'}], 'poor')
        == 0.0
    )


def test_ending_and_none_scoring():
    s = parse(FIT)
    assert attempt_score(s, 'ending', [], 'poor') == 0.25
    assert attempt_score(s, 'none', [], 'poor') is None


def test_profiles_sum_effects_and_count_modes_against_demands():
    s = parse(FIT)
    history = [{'step': 's1', 'choice': 'meet'}, {'step': 's2', 'choice': 'agree'}]
    assert profile.competency_profile(s, history) == [{'id': 'safety', 'label': 'Safety', 'value': -1}]
    assert profile.mode_profile(s, history) == [
        {'demand': 'urgent', 'met': 0, 'total': 1},
        {'demand': 'consensual', 'met': 1, 'total': 1},
    ]


def test_play_choose_back_timeout_restart():
    s = parse(FIT)
    play = engine.new_play()
    play, outcome = engine.choose(s, 'fit', play, 's1', 'now', now=100.0)
    assert play['position'] == 's2' and outcome['ending'] is None
    play, undone = engine.back(s, play, allow_back=True, now=101.0)
    assert undone['choice'] == 'now' and play['position'] == 's1' and play['history'] == []
    play, outcome = engine.timeout(s, 'fit', play, 's1', now=190.0)
    assert play['position'] == 'late'
    play, outcome = engine.choose(s, 'fit', play, 'late', 'sorry', now=200.0)
    assert outcome == {'seconds': 10.0, 'ending': 'poor', 'score': 0.0}
    with pytest.raises(engine.PlayError):
        engine.back(s, play, allow_back=True, now=201.0)  # decisions at an ending are final
    play = engine.restart(s, play, max_attempts=2, now=300.0)
    assert play['attempt'] == 2 and play['position'] == 's1' and play['scores'] == [0.0]
    play, _ = engine.choose(s, 'fit', play, 's1', 'now', now=301.0)
    with pytest.raises(engine.PlayError, match='used all 2 attempts'):
        engine.restart(s, play, max_attempts=2, now=302.0)


def test_play_functions_never_change_the_play_they_are_given():
    s = parse(FIT)
    play = engine.new_play()
    before = repr(play)
    engine.choose(s, 'fit', play, 's1', 'now', now=1.0)
    assert repr(play) == before


def test_loops_can_be_played():
    s = parse(LOOP)
    play = engine.new_play()
    for _ in range(3):
        play, _outcome = engine.choose(s, 'ending', play, 'a', 'retry', now=1.0)
    play, outcome = engine.choose(s, 'ending', play, 'a', 'go', now=2.0)
    assert outcome['ending'] == 'end' and len(play['history']) == 4


def test_export_round_trip_gives_the_same_scenario():
    for xml in (FIT, GREEDY, LOOP):
        first, attrs = olx.parse_text(xml)
        text = olx.to_text(first, attrs)
        second, attrs2 = olx.parse_text(text)
        assert second == first and attrs2 == attrs
        assert olx.to_text(second, attrs2) == text


HOSTILE = scenario(
    '<intro><p>Hi</p><script>window.pwned=1</script><img src="x" onerror="window.pwned=1"/></intro>',
    step(
        'a',
        choice('x', 'e', feedback='<a href="javascript:alert(1)">link</a>'),
        text='<p onclick="x()">Text</p><iframe src="https://example.org"></iframe>'
        '<svg onload="x()"><script>1</script></svg>'
        '<p style="background:url(javascript:alert(1))">styled</p>',
    ),
    ending('e'),
)


def test_sanitising_removes_scripts_handlers_javascript_urls_and_iframes():
    s = parse(HOSTILE)
    everything = s.intro + s.step('a').html + s.step('a').choice('x').feedback
    for bad in ('<script', 'pwned', 'onerror', 'onclick', 'javascript:', '<iframe', '<svg', 'onload', 'style='):
        assert bad not in everything
    assert '<p>Text</p>' in s.step('a').html and 'link' in s.step('a').choice('x').feedback


def test_validation_scales_linearly():
    """Correctness at size: a 1,000-step chain validates and scores without recursion errors."""
    parts = [step(f's{i}', choice('go', f's{i + 1}' if i < 999 else 'end', points=1)) for i in range(1000)]
    s = parse(scenario(*parts, ending('end'), scoring='path'))
    assert only_errors(olx.to_text(s, {'scoring': 'path'})) == []
    assert graph.best_points(s) == 1000.0


def test_olx_check_command_prints_each_problem_with_its_line(tmp_path):
    bad = tmp_path / 'bad.xml'
    bad.write_text(
        '<leadership_scenario scoring="path">\n'
        '  <step id="a" title="A">\n'
        '    <choice id="x" mode="urgent" target="ghost"><label>X</label></choice>\n'
        '  </step>\n'
        '  <ending id="e" score="2"/>\n'
        '</leadership_scenario>\n'
    )
    good = tmp_path / 'good.xml'
    good.write_text(JUDGED)
    gameable = tmp_path / 'gameable.xml'
    gameable.write_text(FIT)
    result = subprocess.run(
        [sys.executable, '-m', 'leadership_xblocks.olx_check', str(bad), str(good), str(gameable)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f'{bad}:3: error: Choice "x" in step "a" has target "ghost", which is not a step or ending.' in lines
    assert f'{bad}:5: error: Ending "e" has score "2.0": it must be a number from 0 to 1.' in lines
    assert not any(str(good) in line for line in lines)
    assert (
        f'{gameable}:0: warning: Shortcut: the strategy "shortest" scores 1.00 on average, at or above the '
        'pass level of 0.50, without any judgement.' in lines
    )


def test_self_closed_dangerous_elements_go_alone_and_keep_what_follows():
    s = parse(
        scenario(
            step('a', choice('x', 'e'), text='<p>before</p><iframe src="x"/><p>kept</p><embed src="y"/><p>also</p>'),
            ending('e'),
        )
    )
    assert s.step('a').html == '<p>before</p><p>kept</p><p>also</p>'
