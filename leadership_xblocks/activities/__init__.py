"""Plain-Python models of the reflection, self-assessment and time-allocation activities.

No XBlock or Django imports: parsing OLX, defaults, validation messages and the checks on
learner answers live here, so they can be tested alone and reused by `olx_check`.
Importing this package registers each activity's OLX checker.
"""

from . import reflection, self_assessment, time_allocation  # noqa: F401
