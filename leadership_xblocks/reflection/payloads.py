"""What the reflection block sends to the browser and native apps (see `scenario/payloads.py`
for the rule: nothing a learner should not see)."""


def reflection_summaries(journal, block_id):
    """The learner's own reflections across reflection blocks, oldest first, without their text."""
    rows = []
    for key, entry in (journal or {}).items():
        if not isinstance(entry, dict):
            continue
        rows.append(
            {
                'block_id': key,
                'this_block': key == block_id,
                'title': entry.get('title', ''),
                'module': entry.get('module', ''),
                'submitted': bool(entry.get('submitted')),
                'words': entry.get('words', 0),
                'updated_at': entry.get('updated_at'),
            }
        )
    return sorted(rows, key=lambda row: (row['updated_at'] or '', row['title']))


def reflection_user_state(reflection, answer, journal, block_id):
    """`student_view_user_state` of a reflection: the learner's text, limits, guidance once submitted."""
    answer = answer or {}
    submitted = bool(answer.get('submitted'))
    return {
        'text': answer.get('text', ''),
        'submitted': submitted,
        'word_count': answer.get('words', 0),
        'saved_at': answer.get('saved_at'),
        'submitted_at': answer.get('submitted_at'),
        'min_words': reflection.word_minimum,
        'max_words': reflection.word_limit,
        'guidance': (reflection.guidance or None) if submitted else None,
        'reflections': reflection_summaries(journal, block_id),
    }


def reflection_view_data(reflection, settings):
    return {
        'display_name': settings['display_name'],
        'prompt': reflection.prompt,
        'min_words': reflection.word_minimum,
        'max_words': reflection.word_limit,
        'has_guidance': bool(reflection.guidance),
        'module': settings['module'],
        'framework': settings['framework'],
    }
