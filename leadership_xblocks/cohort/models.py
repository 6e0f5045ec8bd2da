"""One row per learner per block: the learner's own facts, from which aggregates are computed.

Aggregates are never stored. Every figure a learner or facilitator sees is computed from
these rows, and each row is written only by its learner's own requests (an atomic upsert
keyed on `(block_key, learner)`), so concurrent learners answering the same step through
several LMS processes cannot lose each other's updates.
"""

from django.db import models


class LearnerRecord(models.Model):
    """What one learner did in one block. `learner` is an anonymous id, never a name."""

    block_key = models.CharField(max_length=255, db_index=True)
    block_type = models.CharField(max_length=64)
    learner = models.CharField(max_length=64)
    course_key = models.CharField(max_length=255, blank=True, default='', db_index=True)
    data = models.JSONField(default=dict)
    completed = models.BooleanField(default=False)
    score = models.FloatField(null=True, blank=True)
    consent = models.BooleanField(default=False)
    consent_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = (('block_key', 'learner'),)
        verbose_name = 'learner record'

    def __str__(self):
        return f'{self.block_type} {self.block_key} ({self.learner[:8]}...)'


class CPDEntry(models.Model):
    """One entry of a learner's CPD record: what one block recorded, replaced when it records again.

    One row per (owner, block) with an atomic upsert, so two tabs recording at once cannot
    overwrite each other's entries (a read-modify-write of one shared field could).
    `owner` is the learner across courses (`compat.cpd_owner_id`); `learner` is their anonymous
    id in the block's course, which an instructor's reset (`clear_student_state`) names.
    """

    owner = models.CharField(max_length=64, db_index=True)
    learner = models.CharField(max_length=64, db_index=True)
    block_key = models.CharField(max_length=255)
    course_key = models.CharField(max_length=255, blank=True, default='')
    entry = models.JSONField(default=dict)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = (('owner', 'block_key'),)
        verbose_name = 'CPD record entry'
        verbose_name_plural = 'CPD record entries'

    def __str__(self):
        return f'CPD entry {self.block_key} ({self.owner[:8]}...)'
