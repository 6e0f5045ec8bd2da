"""Every tracking event the blocks emit, in one list.

Names follow the Open edX convention `namespace.object.action` (past tense). Payloads
carry anonymous facts about the decision, never names, emails or free text.
README.md documents each event's fields; tests assert that every emitted name is here.
"""

NAMESPACE = 'edx.leadership'

SCENARIO_CHOICE_MADE = f'{NAMESPACE}.scenario.choice_made'
SCENARIO_TIMEOUT_TAKEN = f'{NAMESPACE}.scenario.timeout_taken'
SCENARIO_STEP_UNDONE = f'{NAMESPACE}.scenario.step_undone'
SCENARIO_ATTEMPT_RESTARTED = f'{NAMESPACE}.scenario.attempt_restarted'
SCENARIO_ENDING_REACHED = f'{NAMESPACE}.scenario.ending_reached'

REFLECTION_DRAFT_SAVED = f'{NAMESPACE}.reflection.draft_saved'
REFLECTION_SUBMITTED = f'{NAMESPACE}.reflection.submitted'
SELF_ASSESSMENT_SUBMITTED = f'{NAMESPACE}.self_assessment.submitted'
TIME_ALLOCATION_SUBMITTED = f'{NAMESPACE}.time_allocation.submitted'
RESEARCH_CONSENT_CHANGED = f'{NAMESPACE}.research_consent.changed'

ALL_EVENTS = frozenset(
    value
    for name, value in dict(globals()).items()
    if name.isupper() and isinstance(value, str) and value.startswith(NAMESPACE + '.')
)
