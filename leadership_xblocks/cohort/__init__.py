"""Cohort data: one row per learner per block, from which every cohort figure is computed.

A Django app (`leadership_xblocks.cohort`) so the rows live in their own table, shipped
with migrations and registered for the LMS and Studio through the Open edX plugin entry
points (`lms.djangoapp`, `cms.djangoapp`). Blocks never import the model: they go through
`leadership_xblocks.records`, which reports `available() is False` when this app is not
installed, so the blocks still work (without cohort features) in such a runtime.
"""
