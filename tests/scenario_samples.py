"""Small scenario OLX samples shared by the model and block tests."""


def step(step_id, *choices, demands='', extra='', text='<p>What now?</p>'):
    attrs = f' demands="{demands}"' if demands else ''
    return f'<step id="{step_id}" title="Step {step_id}"{attrs}{extra}>{text}{"".join(choices)}</step>'


def choice(choice_id, target, mode='urgent', points=0, feedback='', effects=''):
    fb = f'<feedback><p>{feedback or "Feedback for " + choice_id}</p></feedback>'
    return (
        f'<choice id="{choice_id}" mode="{mode}" target="{target}" points="{points}">'
        f'<label>Label {choice_id}</label>{fb}{effects}</choice>'
    )


def ending(ending_id, score=1.0):
    return f'<ending id="{ending_id}" title="Ending {ending_id}" score="{score}"><p>Debrief {ending_id}</p></ending>'


def scenario(*parts, scoring='ending', extra=''):
    return f'<leadership_scenario display_name="Test" scoring="{scoring}"{extra}>{"".join(parts)}</leadership_scenario>'


# Greedy trap: taking the 5-point choice first leads to a branch worth 1 more; the 1-point
# choice leads to a branch worth 10 more. The best route is 11 points.
GREEDY = scenario(
    step('a', choice('big', 'b', points=5), choice('small', 'c', points=1, mode='consensual')),
    step('b', choice('b1', 'end', points=1)),
    step('c', choice('c1', 'end', points=10, mode='consultative')),
    ending('end'),
    scoring='path',
)

FIT = scenario(
    '<competency id="safety">Safety</competency>',
    step(
        's1',
        choice('now', 's2', mode='urgent', effects='<effect competency="safety" value="2"/>'),
        choice('meet', 's2', mode='consensual', effects='<effect competency="safety" value="-1"/>'),
        demands='urgent',
        extra=' time_limit="60" timeout="late"',
    ),
    step(
        's2', choice('agree', 'good', mode='consensual'), choice('impose', 'poor', mode='urgent'), demands='consensual'
    ),
    step('late', choice('sorry', 'poor', mode='consultative')),
    ending('good', 1.0),
    ending('poor', 0.25),
    '<debrief><p>Shown at every ending</p></debrief>',
    scoring='fit',
)

LOOP = scenario(
    step('a', choice('retry', 'a', mode='consultative'), choice('go', 'end')), ending('end'), scoring='ending'
)

# No shortcut passes: every mode fits one step (the third, weighted 2, accepts two modes),
# labels are of equal length and the best choice is never listed first.
JUDGED = scenario(
    step(
        'p1',
        choice('a1', 'p2', mode='consultative'),
        choice('b1', 'p2', mode='urgent'),
        choice('c1', 'p2', mode='consensual'),
        choice('d1', 'p2', mode='delegated'),
        demands='urgent',
    ),
    step(
        'p2',
        choice('a2', 'p3', mode='urgent'),
        choice('b2', 'p3', mode='consultative'),
        choice('c2', 'p3', mode='delegated'),
        choice('d2', 'p3', mode='consensual'),
        demands='consensual',
    ),
    step(
        'p3',
        choice('a3', 'done', mode='consensual'),
        choice('b3', 'done', mode='urgent'),
        choice('c3', 'done', mode='consultative'),
        choice('d3', 'done', mode='delegated'),
        demands='consultative delegated',
        extra=' weight="2"',
    ),
    ending('done'),
    scoring='fit',
)
