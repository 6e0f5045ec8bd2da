"""One row per learner per block (the learner's own facts), and each block's summary figures.

Each learner row is written only by its learner's own requests (keyed on `(block_key,
learner)`), so concurrent learners answering the same step through several LMS processes
cannot lose each other's updates. The summary figures (`CohortFigure`) are sums over those
rows, kept up to date by atomic increments in the same transaction as each learner write
(`cohort.summaries`), so reading a cohort figure costs the same with 50,000 learners as with 10.
"""

from django.db import models


class LearnerRecord(models.Model):
    """What one learner did in one block. `learner` is an anonymous id, never a name."""

    block_key = models.CharField(max_length=255)
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
        indexes = [
            # a block's rows in id order (keyset pagination of the exports): no scan of other blocks
            models.Index(fields=['block_key', 'id'], name='leadership_block_key_id'),
            # one learner's rows in a course (`records.decision_time`, consent in the exports)
            models.Index(fields=['learner', 'course_key'], name='leadership_record_learner'),
        ]
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


class CohortFigure(models.Model):
    """One summary figure of a block: `n` learners and their `total` (in millionths), e.g. how many chose
    a choice at a step, or the sum of their scores. `figure` is the figure's unique key in the block
    (see `cohort.figures.storage_key`) and `detail` its parts as JSON; `kind` and `n` index the top paths.
    """

    block_key = models.CharField(max_length=255)
    figure = models.CharField(max_length=255)
    kind = models.CharField(max_length=16)
    detail = models.TextField(default='')
    n = models.BigIntegerField(default=0)
    total = models.BigIntegerField(default=0)

    class Meta:
        unique_together = (('block_key', 'figure'),)
        indexes = [models.Index(fields=['block_key', 'kind', 'n', 'figure'], name='leadership_figure_top')]
        verbose_name = 'cohort summary figure'

    def __str__(self):
        return f'{self.block_key} {self.detail}: {self.n}'
