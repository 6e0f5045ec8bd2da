"""Account retirement (UK GDPR erasure): a retired user's learner rows and CPD entries are deleted.

The Open edX plugin framework connects `retire_learner` to the LMS's `USER_RETIRE_LMS_CRITICAL`
(see `apps.CohortConfig.plugin_app`), which the retirement pipeline sends with the user as
`sender=<the view class>, user=<User>` (openedx/core/djangoapps/user_api/accounts/views.py,
`AccountRetirementView`; signals.py beside it defines the signal). Newer releases add keyword
arguments, which are accepted and ignored.
"""

import logging

from .. import compat, records

log = logging.getLogger(__name__)


def retire_learner(sender, user=None, **kwargs):
    """Delete every row of the user's anonymous ids, and their CPD record."""
    if user is None:
        return
    learners, owners = compat.ids_of_retired_user(user)
    deleted = records.forget_people(learners, owners)
    log.info('Retirement: deleted %s leadership learner rows', deleted)
