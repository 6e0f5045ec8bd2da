"""A scenario block's body: the default scenario, and its parse, validation and shortcut
analysis, each computed once per process (bodies are sanitised when saved, so parsing skips it)."""

import functools

from . import olx, shortcuts, validation

DEFAULT_BODY = """<leadership_scenario>
  <intro><p>A short example. Replace it with your own scenario in Studio.</p></intro>
  <competency id="judgement">Professional judgement</competency>
  <step id="duty_call" title="A call to the duty desk" demands="consultative">
    <p>A health visitor rings about a baby with a bruise. The parents have an explanation.</p>
    <choice id="check_records" mode="consultative" target="strategy">
      <label>Check the records and talk it through with your manager before deciding</label>
      <feedback><p>Consulting before you decide is proportionate here: no one is at immediate risk.</p></feedback>
      <effect competency="judgement" value="1"/>
    </choice>
    <choice id="close_case" mode="urgent" target="missed">
      <label>Accept the explanation and close the contact today</label>
      <feedback><p>A quick call closes down curiosity: the demand here was to consult.</p></feedback>
    </choice>
  </step>
  <step id="strategy" title="The records show earlier concerns" demands="urgent">
    <p>The records show two earlier contacts. The child is seen at clinic in an hour.</p>
    <choice id="wait_week" mode="consensual" target="missed">
      <label>Wait for next week's team meeting to agree a plan</label>
      <feedback><p>Seeking agreement is valuable, but not when a child may be at risk today.</p></feedback>
    </choice>
    <choice id="strategy_now" mode="urgent" target="safe">
      <label>Call a strategy discussion now</label>
      <feedback><p>A firm call at the right moment: urgency met decisively.</p></feedback>
      <effect competency="judgement" value="2"/>
    </choice>
  </step>
  <ending id="safe" title="The baby is protected"
          score="1"><p>A medical shows the injury was not accidental; a safety plan is in place.</p></ending>
  <ending id="missed" title="A chance was missed"
          score="0"><p>The concern returns a month later, more serious.</p></ending>
  <debrief><p>Leadership is choosing how to decide as much as what to decide.</p></debrief>
</leadership_scenario>"""


@functools.lru_cache(maxsize=128)
def load_scenario(body, shuffle=True, review='final'):
    """The scenario stored in `body` (already sanitised when saved) with the block's root
    settings `shuffle` and `review`, parsed once per process."""
    scenario = olx.parse_text(body, sanitize=False)[0]
    scenario.shuffle, scenario.review = shuffle, review
    return scenario


@functools.lru_cache(maxsize=128)
def scenario_problems(body, scoring, shuffle=True, review='final', analyse_shortcuts=True):
    """Validation problems (with the shortcut analysis unless told not to), once per process."""
    return tuple(validation.validate(load_scenario(body, shuffle, review), scoring, analyse_shortcuts))


@functools.lru_cache(maxsize=128)
def shortcut_scores(body, scoring, shuffle=True, review='final'):
    """The shortcut analysis of the author preview, computed once per process."""
    return shortcuts.strategy_scores(load_scenario(body, shuffle, review), scoring)
