"""The self-assessment block in the workbench runtime: rating, profile, pre/post change, events, OLX."""

import itertools
import json

import pytest
from lxml import etree

from leadership_xblocks import events
from leadership_xblocks.self_assessment import model
from tests.support.blocks import Learner, load, studio_save

_RUN = itertools.count()

HOST = """<leadership_self_assessment display_name="Host leadership" profile_key="{key}" module="Leading teams">
  <intro><p>Four principles <em>of</em> host leadership.</p><script>x()</script></intro>
  <scale min="1" max="4">
    <label value="1">Rarely</label><label value="4">Almost always</label>
  </scale>
  <dimension id="space" label="Creating the space">
    <item id="space_1">I make room for the team to meet.</item>
    <item id="space_2">I protect time for supervision.</item>
  </dimension>
  <dimension id="invite" label="Inviting">
    <item id="invite_1">I invite families into decisions.</item>
    <item id="invite_2">I ask quieter colleagues first.</item>
  </dimension>
</leadership_self_assessment>"""
GOOD = {'space_1': 1, 'space_2': 2, 'invite_1': 4, 'invite_2': 3}


def person(name):
    return f'{name}-{next(_RUN)}'


def key():
    return f'profile-{next(_RUN)}'


@pytest.fixture
def usage():
    return load(HOST.format(key=key()))


def all_ratings(value=3, ids=None):
    return {item_id: value for item_id in (ids or [i.id for i, _d in model.SelfAssessment().items])}


def test_default_block_rates_the_four_domains_on_a_labelled_scale():
    learner = Learner(load('<leadership_self_assessment/>'), person('alice'))
    state = learner.ok('student_view_user_state', method='GET')
    assert [d['label'] for d in state['dimensions']] == [
        'Leading self',
        'Leading teams',
        'Leading systems',
        'Leading change',
    ]
    assert state['scale']['min'] == 1 and state['scale']['max'] == 5
    assert state['scale']['labels'][0] == {'value': 1, 'label': 'Not yet'}
    assert len(state['items']) == 12 and set(state['items'][0]) == {'id', 'text', 'dimension'}
    assert state['ratings'] is None and state['profile'] is None and state['submitted'] is False
    html = learner.render().body_html()
    assert html.count('<fieldset class="lsx-rating"') == 12 and html.count('<legend lang=') == 12
    assert html.count('type="radio"') == 60 and 'Consistently' in html
    assert learner.block().validate().messages == []


def test_student_view_is_accessible_markup_with_chart_script(usage):
    frag = Learner(usage, person('alice')).render()
    html = frag.body_html()
    assert '<p>Four principles <em>of</em> host leadership.</p>' in html and 'x()' not in html
    # The error summary takes focus (read once), so it is not also a live region.
    assert '<div class="lsx-error" data-role="error"></div>' in html and 'role="status"' in html
    assert '<legend lang="en">I invite families into decisions.</legend>' in html  # authored: the course's language
    urls = [r.data for r in frag.resources if r.kind == 'url']
    ours = [u.rsplit('/', 1)[1] for u in urls if '/leadership_self_assessment/static/' in u]
    assert ours == ['leadership.css', 'activities.css', 'common.js', 'charts.js', 'self_assessment.js']


def test_submit_gives_a_profile_per_dimension(usage, event_log):
    learner = Learner(usage, person('alice'))
    state = learner.ok('submit', {'ratings': GOOD})
    assert state['submitted'] is True and state['ratings'] == GOOD and state['attempts'] == 1
    assert state['profile'] == [
        {'dimension': 'space', 'label': 'Creating the space', 'count': 2, 'mean': 1.5},
        {'dimension': 'invite', 'label': 'Inviting', 'count': 2, 'mean': 3.5},
    ]
    assert state['comparison']['role'] == 'baseline'
    assert event_log.named('completion') == [{'completion': 1.0}]
    assert learner.ok('student_view_user_state') == state


@pytest.mark.parametrize(
    'ratings, message',
    [
        ({'space_1': 1, 'space_2': 2, 'invite_1': 4}, 'Rate every statement before you submit: 1 still to rate.'),
        (dict(GOOD, extra=2), 'Unknown item(s): extra.'),
        (dict(GOOD, space_1=5), 'The rating for "space_1" must be a whole number from 1 to 4.'),
        (dict(GOOD, space_1=0), 'from 1 to 4'),
        (dict(GOOD, space_1=2.5), 'from 1 to 4'),
        (dict(GOOD, space_1='2'), 'from 1 to 4'),
        (dict(GOOD, space_1=None), 'from 1 to 4'),
        ([1, 2, 3, 4], '"ratings" must be an object'),
        ('space_1=1', '"ratings" must be an object'),
    ],
)
def test_bad_ratings_get_400_and_change_nothing(usage, event_log, ratings, message):
    learner = Learner(usage, person('alice'))
    learner.ok('submit', {'ratings': GOOD})
    before = learner.ok('student_view_user_state')
    code, payload = learner.call('submit', {'ratings': ratings})
    assert code == 400 and message in payload['error']
    assert learner.ok('student_view_user_state') == before
    assert len(event_log.named(events.SELF_ASSESSMENT_SUBMITTED)) == 1


def test_missing_ratings_key_and_malformed_bodies(usage):
    learner = Learner(usage, person('alice'))
    code, payload = learner.call('submit', {})
    assert code == 400 and 'Missing field(s): ratings.' in payload['error']
    assert learner.call('submit', body=b'nope')[0] == 400
    assert learner.call('submit', method='GET')[0] == 405
    assert learner.ok('student_view_user_state')['submitted'] is False


def test_pre_and_post_with_a_shared_profile_key_show_the_change():
    shared = key()
    pre = load(HOST.format(key=shared).replace('display_name="Host leadership"', 'display_name="Before"'))
    post = load(HOST.format(key=shared).replace('display_name="Host leadership"', 'display_name="After"'))
    alice = person('alice')
    first = Learner(pre, alice).ok('submit', {'ratings': GOOD})
    assert first['comparison'] == {
        'role': 'baseline',
        'baseline_title': 'Before',
        'baseline_at': first['submitted_at'],
        'rows': [],
    }
    later = Learner(post, alice).ok('submit', {'ratings': {'space_1': 3, 'space_2': 4, 'invite_1': 4, 'invite_2': 2}})
    assert later['comparison']['role'] == 'later' and later['comparison']['baseline_title'] == 'Before'
    assert later['comparison']['rows'] == [
        {'dimension': 'space', 'label': 'Creating the space', 'before': 1.5, 'after': 3.5, 'change': 2.0},
        {'dimension': 'invite', 'label': 'Inviting', 'before': 3.5, 'after': 3.0, 'change': -0.5},
    ]
    # The pre block still shows itself as the baseline; a fresh view of the post block keeps the change.
    assert Learner(pre, alice).ok('student_view_user_state')['comparison']['role'] == 'baseline'
    assert Learner(post, alice).ok('student_view_user_state')['comparison']['rows'][0]['change'] == 2.0


def test_post_before_pre_and_other_learners_stay_separate():
    shared = key()
    pre, post = load(HOST.format(key=shared)), load(HOST.format(key=shared))
    alice, bob = person('alice'), person('bob')
    Learner(pre, alice).ok('submit', {'ratings': GOOD})
    # Bob has never rated: his post block is his first rating, not a change from Alice's.
    bob_state = Learner(post, bob).ok('submit', {'ratings': dict(GOOD, space_1=4)})
    assert bob_state['comparison']['role'] == 'baseline'
    assert bob_state['ratings']['space_1'] == 4
    assert Learner(pre, bob).ok('student_view_user_state')['ratings'] is None
    alice_pre = Learner(pre, alice).ok('student_view_user_state')
    assert alice_pre['ratings'] == GOOD and 'space_1": 4' not in json.dumps(alice_pre)


def test_blocks_with_different_keys_or_no_key_do_not_compare():
    alice = person('alice')
    Learner(load(HOST.format(key=key())), alice).ok('submit', {'ratings': GOOD})
    other = Learner(load(HOST.format(key=key())), alice).ok('submit', {'ratings': GOOD})
    assert other['comparison']['role'] == 'baseline'
    unkeyed = Learner(load(HOST.replace(' profile_key="{key}"', '')), alice).ok('submit', {'ratings': GOOD})
    assert unkeyed['comparison'] is None and unkeyed['profile_key'] == ''


def test_resubmitting_the_first_block_replaces_the_baseline():
    shared = key()
    pre, post = load(HOST.format(key=shared)), load(HOST.format(key=shared))
    alice = person('alice')
    Learner(pre, alice).ok('submit', {'ratings': GOOD})
    again = Learner(pre, alice).ok('submit', {'ratings': dict(GOOD, space_1=2)})
    assert again['attempts'] == 2 and again['comparison']['role'] == 'baseline'
    later = Learner(post, alice).ok('submit', {'ratings': dict(GOOD, space_1=2)})
    assert [row['change'] for row in later['comparison']['rows']] == [0.0, 0.0]


def test_event_has_ratings_and_profile_but_no_names_or_text(usage, event_log):
    learner = Learner(usage, person('alice'))
    learner.ok('submit', {'ratings': GOOD})
    payload = event_log.named(events.SELF_ASSESSMENT_SUBMITTED)[0]
    assert set(payload) == {'block_type', 'anonymous_user_id', 'profile_key', 'role', 'attempt', 'ratings', 'profile'}
    assert payload['ratings'] == GOOD and payload['profile'] == {'space': 1.5, 'invite': 3.5}
    assert payload['role'] == 'baseline' and payload['attempt'] == 1
    assert 'alice' not in json.dumps(event_log.events) and len(payload['anonymous_user_id']) == 32


def test_olx_export_round_trip(usage):
    block = Learner(usage, 'author').block()
    node = etree.Element('x')
    block.add_xml_to_node(node)
    text = etree.tostring(node, encoding='unicode')
    assert node.get('display_name') == 'Host leadership' and node.get('profile_key').startswith('profile-')
    assert '<dimension id="invite" label="Inviting">' in text and 'x()' not in text
    again = Learner(load(text), 'author').block()
    assert again.body == block.body and again.profile_key == block.profile_key


def test_bad_authored_content_is_reported_and_unavailable():
    usage = load(
        '<leadership_self_assessment><scale min="3" max="1"/>'
        '<dimension id="d" label="D"><item id="i">x</item><item id="i">y</item></dimension>'
        '</leadership_self_assessment>'
    )
    learner = Learner(usage, person('alice'))
    texts = [m.text for m in learner.block().validate().messages]
    # Lines are those of the body as Studio shows it (canonical, one element a line).
    assert 'Line 2: The scale minimum (3) must be below its maximum (1).' in texts
    assert 'Line 4: Duplicate item id "i": item ids must be unique across dimensions.' in texts
    assert 'not available yet' in learner.render().body_html()
    assert learner.call('submit', {'ratings': {'i': 1}})[0] == 409
    assert 'Problems to fix' in learner.render('author_view').body_html()


def test_studio_edits_canonicalise_the_body_and_refuse_errors(usage):
    block = Learner(usage, 'author').block()

    def save(values):
        return studio_save(block, values)

    body = (
        '<leadership_self_assessment><dimension id="a" label="A"><item id="a1">One <b>x</b></item>'
        '<item id="a2">Two</item></dimension></leadership_self_assessment>'
    )
    assert save({'body': body, 'profile_key': '  spaced  '}).status_code == 200
    assert block.profile_key == 'spaced'
    assert '<item id="a1">One x</item>' in block.body and '<scale min="1" max="5">' in block.body
    before = block.body
    response = save({'body': '<leadership_self_assessment><dimension id="a" label="A"/></leadership_self_assessment>'})
    assert response.status_code == 400 and 'has no items to rate' in response.body.decode('utf-8')
    assert save({'body': '<leadership_self_assessment><dimension'}).status_code == 400
    assert block.body == before


def test_student_view_data_for_native_apps(usage):
    data = Learner(usage, person('alice')).block().student_view_data()
    assert data['display_name'] == 'Host leadership' and data['module'] == 'Leading teams'
    assert data['scale'] == {
        'min': 1,
        'max': 4,
        'labels': [
            {'value': 1, 'label': 'Rarely'},
            {'value': 2, 'label': ''},
            {'value': 3, 'label': ''},
            {'value': 4, 'label': 'Almost always'},
        ],
    }
    assert [i['id'] for i in data['items']] == ['space_1', 'space_2', 'invite_1', 'invite_2']


def test_submitting_records_the_profile_in_the_cpd_record():
    shared = key()
    pre, post = load(HOST.format(key=shared)), load(HOST.format(key=shared))
    alice = person('alice')
    Learner(pre, alice).ok('submit', {'ratings': GOOD})
    Learner(post, alice).ok('submit', {'ratings': dict(GOOD, space_1=3)})
    entries = Learner(post, alice).block().cpd_entries()
    first = {'dimension': 'Creating the space', 'lang': 'en', 'before': None, 'after': 1.5}
    assert entries[str(pre)]['profile'][0] == first
    assert entries[str(post)]['profile'][0] == dict(first, before=1.5, after=2.5)
