"""The plain-Python models of the reflection, self-assessment and time-allocation activities."""

import pytest
from lxml import etree

from leadership_xblocks import activity_model as common, olx_check
from leadership_xblocks.activity_model import AnswerError
from leadership_xblocks.reflection import model as refl
from leadership_xblocks.sanitize import clean_authored_html
from leadership_xblocks.self_assessment import answers as sa_answers, model as sa
from leadership_xblocks.time_allocation import model as ta


def root(xml):
    return common.read_root(xml)


def messages(problems, level=None):
    return [p.message for p in problems if level is None or p.level == level]


def check(tag_xml):
    element = root(tag_xml)
    return olx_check.CHECKERS[element.tag](element)


# Shared ------------------------------------------------------------------------------


def test_checkers_are_registered_for_the_three_blocks():
    for tag in ('leadership_reflection', 'leadership_self_assessment', 'leadership_time_allocation'):
        assert tag in olx_check.CHECKERS


@pytest.mark.parametrize('text', [refl.DEFAULT_PROMPT, refl.DEFAULT_GUIDANCE, ta.DEFAULT_PROMPT])
def test_default_html_is_already_clean_so_it_can_be_recognised_for_translation(text):
    assert clean_authored_html(text) == text


def test_words_are_counted_across_tags_and_entities():
    assert refl.count_words('<p>one</p><p>two&nbsp;three</p>') == 3
    assert refl.count_words('<p>Hello,<br>world &amp; all</p>') == 4
    assert refl.count_words('') == 0


# Reflection --------------------------------------------------------------------------


def test_reflection_without_children_gets_the_default_prompt_and_guidance():
    model = refl.parse_element(root('<leadership_reflection/>'))
    assert model.prompt == refl.DEFAULT_PROMPT and model.guidance == refl.DEFAULT_GUIDANCE
    assert refl.validate(model) == []
    assert model.word_minimum == 0 and model.word_limit == refl.HARD_MAX_WORDS


def test_reflection_with_its_own_prompt_has_no_default_guidance():
    model = refl.parse_element(root('<leadership_reflection><prompt><p>Why?</p></prompt></leadership_reflection>'))
    assert model.prompt == '<p>Why?</p>' and model.guidance == ''
    assert messages(refl.validate(model), common.WARNING) == [
        'There is no guidance: learners see nothing of yours after they submit.'
    ]


def test_reflection_html_is_sanitised_on_parse():
    model = refl.parse_element(
        root(
            '<leadership_reflection><prompt><p onclick="x()">Hi<script>alert(1)</script></p>'
            '<iframe src="http://evil"></iframe></prompt><guidance><a href="javascript:x()">g</a></guidance>'
            '</leadership_reflection>'
        )
    )
    assert model.prompt == '<p>Hi</p>'
    assert 'javascript' not in model.guidance and 'g' in model.guidance


def test_reflection_round_trip():
    model = refl.parse_element(
        root(
            '<leadership_reflection><prompt><p>A <em>hard</em> call</p></prompt>'
            '<guidance><ul><li>one</li></ul></guidance></leadership_reflection>'
        )
    )
    again = refl.parse_element(refl.to_element(model))
    assert (again.prompt, again.guidance) == (model.prompt, model.guidance)


@pytest.mark.parametrize(
    'attrs, expected',
    [
        ('min_words="many"', 'min_words is "many": it must be a whole number, 0 or more.'),
        ('max_words="-3"', 'max_words is "-3": it must be a whole number, 0 (no limit) or more.'),
        ('max_words="20000"', 'max_words is 20000: no answer may be longer than 10000 words.'),
        ('min_words="300" max_words="200"', 'min_words (300) is more than max_words (200).'),
    ],
)
def test_reflection_bad_limits_are_named(attrs, expected):
    problems = check(f'<leadership_reflection {attrs}/>')
    assert expected in messages(problems, common.ERROR)


def test_reflection_empty_prompt_is_an_error_with_its_line():
    problems = check(
        '<leadership_reflection>\n  <prompt>  </prompt>\n  <guidance>g</guidance>\n</leadership_reflection>'
    )
    assert [(p.line, p.message) for p in problems] == [
        (2, 'The prompt is empty: learners need a question to reflect on.')
    ]


def test_answer_checks():
    clean, words = refl.clean_answer('<p>I <strong>paused</strong><script>x()</script> first</p>')
    assert clean == '<p>I <strong>paused</strong> first</p>' and words == 3
    with pytest.raises(AnswerError, match='must be a string'):
        refl.clean_answer(['a list'])
    with pytest.raises(AnswerError) as too_long:
        refl.clean_answer('a' * (refl.MAX_TEXT_CHARS + 1))
    assert too_long.value.status == 413
    with pytest.raises(AnswerError) as too_many:
        refl.clean_answer('word ' * (refl.HARD_MAX_WORDS + 1))
    assert too_many.value.status == 413 and '10001 words' in str(too_many.value)
    limits = refl.Reflection(min_words=3, max_words=5)
    refl.check_submission(limits, 3)
    refl.check_submission(limits, 5)
    with pytest.raises(AnswerError, match='write at least 3'):
        refl.check_submission(limits, 2)
    with pytest.raises(AnswerError, match='the limit is 5'):
        refl.check_submission(limits, 6)
    with pytest.raises(AnswerError, match='Write your reflection'):
        refl.check_submission(refl.Reflection(), 0)


# Self-assessment ---------------------------------------------------------------------


def test_self_assessment_defaults_are_four_domains_on_a_labelled_five_point_scale():
    model = sa.parse_element(root('<leadership_self_assessment/>'))
    assert [d.label for d in model.dimensions] == ['Leading self', 'Leading teams', 'Leading systems', 'Leading change']
    assert model.scale.points() == [
        (1, 'Not yet'),
        (2, 'Occasionally'),
        (3, 'Sometimes'),
        (4, 'Often'),
        (5, 'Consistently'),
    ]
    assert len(model.items) == 12 and sa.validate(model) == []


HOST = """<leadership_self_assessment>
  <scale min="0" max="3"><label value="0">Never</label><label value="3">Always</label></scale>
  <dimension id="space" label="Creating the space">
    <item id="a">I make room.</item><item id="b">I protect time.</item>
  </dimension>
  <dimension id="invite" label="Inviting">
    <item id="c">I invite people in.</item><item id="d">I ask quieter colleagues.</item>
  </dimension>
</leadership_self_assessment>"""


def test_author_defined_dimensions_and_scale_round_trip():
    model = sa.parse_element(root(HOST))
    assert [d.id for d in model.dimensions] == ['space', 'invite']
    assert model.scale.points() == [(0, 'Never'), (1, ''), (2, ''), (3, 'Always')]
    assert sa.parse_text(sa.to_text(model)) == model
    assert sa.validate(model) == []


def test_self_assessment_default_body_parses_to_the_defaults():
    assert sa.parse_text(sa.DEFAULT_BODY) == sa.SelfAssessment()


@pytest.mark.parametrize(
    'xml, expected',
    [
        ('<scale min="5" max="1"/>', 'The scale minimum (5) must be below its maximum (1).'),
        ('<scale min="a" max="5"/>', 'The scale runs from "a" to "5": both must be whole numbers.'),
        ('<scale min="1" max="20"/>', 'The scale has 20 points: at most 11 are allowed.'),
        (
            '<scale min="1" max="5"><label value="9">x</label></scale>',
            'Scale label "x" has value "9": it must be a whole number from 1 to 5.',
        ),
        ('<dimension id="d" label="D"/>', 'Dimension "d" has no items to rate.'),
        (
            '<dimension label="D"><item id="i">x</item><item id="j">y</item></dimension>',
            'A dimension on line 1 has no id.',
        ),
        ('<dimension id="d"><item id="i">x</item><item id="j">y</item></dimension>', 'Dimension "d" has no label.'),
        (
            '<dimension id="d" label="D"><item id="i">x</item><item id="i">y</item></dimension>',
            'Duplicate item id "i": item ids must be unique across dimensions.',
        ),
        ('<dimension id="d" label="D"><item id="i">x</item><item id="j"/></dimension>', 'Item "j" has no statement.'),
        (
            '<dimension id="d" label="D"><item id="has space">x</item><item id="j">y</item></dimension>',
            'Item id "has space" must start with a letter and use only letters, digits, "_" or "-".',
        ),
    ],
)
def test_self_assessment_problems_are_named(xml, expected):
    problems = check(f'<leadership_self_assessment>{xml}</leadership_self_assessment>')
    assert expected in messages(problems, common.ERROR)


def test_unlabelled_scale_ends_and_single_item_dimensions_are_warnings():
    problems = check(
        '<leadership_self_assessment><scale min="1" max="3"/>'
        '<dimension id="d" label="D"><item id="i">x</item></dimension></leadership_self_assessment>'
    )
    assert messages(problems, common.ERROR) == []
    assert len(messages(problems, common.WARNING)) == 2


def test_ratings_are_checked_against_the_items_and_the_scale():
    model = sa.parse_element(root(HOST))
    good = {'a': 0, 'b': 3, 'c': 2, 'd': 1}
    assert sa_answers.check_ratings(model, good) == good
    for ratings, message in [
        ([1, 2], 'must be an object'),
        ({'a': 0, 'b': 3, 'c': 2}, '1 still to rate'),
        (dict(good, zz=1), 'Unknown item(s): zz.'),
        (dict(good, a=4), 'from 0 to 3'),
        (dict(good, a=-1), 'from 0 to 3'),
        (dict(good, a=1.5), 'whole number'),
        (dict(good, a='2'), 'whole number'),
        (dict(good, a=True), 'whole number'),
    ]:
        with pytest.raises(AnswerError, match=message.replace('(', r'\(').replace(')', r'\)')):
            sa_answers.check_ratings(model, ratings)


def test_profile_and_change_per_dimension():
    model = sa.parse_element(root(HOST))
    rows = sa_answers.profile(model, {'a': 1, 'b': 2, 'c': 3, 'd': 3})
    assert rows == [
        {'dimension': 'space', 'label': 'Creating the space', 'count': 2, 'mean': 1.5},
        {'dimension': 'invite', 'label': 'Inviting', 'count': 2, 'mean': 3.0},
    ]
    assert sa_answers.change(model, {'space': 1.5, 'invite': 3.0}, {'space': 2.25}) == [
        {'dimension': 'space', 'label': 'Creating the space', 'before': 1.5, 'after': 2.25, 'change': 0.75}
    ]
    assert sa_answers.change(model, {'space': 1.5, 'invite': 3.0}, {'space': 2.25, 'invite': 2.0}) == [
        {'dimension': 'space', 'label': 'Creating the space', 'before': 1.5, 'after': 2.25, 'change': 0.75},
        {'dimension': 'invite', 'label': 'Inviting', 'before': 3.0, 'after': 2.0, 'change': -1.0},
    ]


def test_default_texts_are_translated_and_authored_ones_are_not():
    shouting = sa.SelfAssessment().translated(str.upper)
    assert shouting.dimensions[0].label == 'LEADING SELF' and shouting.scale.labels[0].label == 'NOT YET'
    authored = sa.parse_element(root(HOST)).translated(str.upper)
    assert authored.dimensions[0].label == 'Creating the space'


# Time allocation ---------------------------------------------------------------------


def test_time_allocation_defaults():
    model = ta.parse_element(root('<leadership_time_allocation/>'))
    assert [f.label for f in model.functions] == [
        'Long-term planning',
        'Crisis management',
        'Budgeting',
        'Performance management',
        'Staff support and development',
        'Partnership and system work',
        'Direct practice',
    ]
    assert model.prompt == ta.DEFAULT_PROMPT and ta.validate(model) == []
    assert ta.parse_text(ta.DEFAULT_BODY) == ta.TimeAllocation()


def test_time_allocation_round_trip_with_authored_functions():
    model = ta.parse_element(
        root(
            '<leadership_time_allocation><prompt><p>Your week</p></prompt>'
            '<function id="a">Alpha</function><function id="b">Beta &amp; co</function>'
            '</leadership_time_allocation>'
        )
    )
    assert [(f.id, f.label) for f in model.functions] == [('a', 'Alpha'), ('b', 'Beta & co')]
    assert ta.parse_text(ta.to_text(model)) == model


@pytest.mark.parametrize(
    'xml, expected',
    [
        ('<function id="a">A</function>', 'List at least two functions to divide time between.'),
        ('<function id="a">A</function><function id="a">B</function>', 'Duplicate function id "a".'),
        ('<function id="a">A</function><function id="b"/>', 'Function "b" has no label.'),
        ('<function>A</function><function id="b">B</function>', 'A function on line 1 has no id.'),
    ],
)
def test_time_allocation_problems_are_named(xml, expected):
    problems = check(f'<leadership_time_allocation>{xml}</leadership_time_allocation>')
    assert expected in messages(problems, common.ERROR)


def test_not_well_formed_body_is_reported():
    model = ta.parse_text('<leadership_time_allocation><function id="a">')
    assert messages(ta.validate(model))[0].startswith('The time allocation is not well-formed XML')


def test_allocations_must_be_known_non_negative_and_total_100():
    model = ta.TimeAllocation()
    answer = {'planning': 10, 'crisis': 30.5, 'budgeting': 9.5, 'staff_support': 50}
    checked = ta.check_allocations(model, answer)
    assert checked['performance'] == 0 and sum(checked.values()) == 100
    assert ta.check_allocations(model, {'planning': 33.333, 'crisis': 33.333, 'budgeting': 33.334})
    for allocations, message in [
        ('planning=100', 'must be an object'),
        ({'planning': 90}, 'add up to 90: they must add up to 100'),
        ({'planning': 60, 'crisis': 50}, 'add up to 110'),
        ({'planning': 110, 'crisis': -10}, 'from 0 to 100'),
        ({'planning': 50, 'crisis': 50, 'lunch': 0}, 'Unknown function(s): lunch.'),
        ({'planning': '100'}, 'must be a number'),
        ({'planning': True}, 'must be a number'),
        ({'planning': float('nan')}, 'must be a number'),
    ]:
        with pytest.raises(AnswerError, match=message.replace('(', r'\(').replace(')', r'\)')):
            ta.check_allocations(model, allocations)


def test_models_known_or_in_the_learners_own_words():
    assert ta.check_model('host') == ('host', '')
    assert ta.check_model('  <b>Relational</b>   leadership ') == ('own', 'Relational leadership')
    for raw, message in [
        (None, 'must be a string'),
        ('   ', 'Name the leadership model'),
        ('x' * 201, 'at most 200 characters'),
        ('x' * 5000, 'at most 200 characters'),
    ]:
        with pytest.raises(AnswerError, match=message):
            ta.check_model(raw)
    with pytest.raises(AnswerError, match='true or false'):
        ta.check_consent('yes')


def test_cohort_mean_needs_the_minimum_number_of_answers():
    model = ta.parse_element(
        root(
            '<leadership_time_allocation><function id="a">A</function>'
            '<function id="b">B</function></leadership_time_allocation>'
        )
    )
    # four answers (10/90, 20/80, 30/70, 40/60), then a fifth (50/50); a function nobody rated counts 0
    assert ta.cohort_mean(model, 4, {'a': 100, 'b': 300}) == (None, 4)
    assert ta.cohort_mean(model, 5, {'a': 150, 'b': 350}) == ({'a': 30.0, 'b': 70.0}, 5)
    assert ta.cohort_mean(model, 5, {'a': 150}) == ({'a': 30.0, 'b': 0.0}, 5)
    assert ta.MIN_COHORT == 5


def test_olx_check_command_reads_the_new_blocks(tmp_path, capsys):
    bad = tmp_path / 'leadership_time_allocation'
    bad.mkdir()
    (bad / 'x.xml').write_text(
        '<leadership_time_allocation>\n<function id="a">A</function>\n</leadership_time_allocation>', encoding='utf-8'
    )
    good = tmp_path / 'leadership_reflection'
    good.mkdir()
    (good / 'y.xml').write_text('<leadership_reflection/>', encoding='utf-8')
    assert olx_check.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert 'x.xml:0: error: List at least two functions' in out and 'y.xml' not in out


def test_export_indents_structure_and_keeps_html():
    element = sa.to_element(sa.parse_element(root(HOST)))
    text = etree.tostring(element, encoding='unicode')
    assert '\n  <dimension id="space" label="Creating the space">\n    <item id="a">I make room.</item>' in text
