"""The summary figures table, and indexes that keep every learner request on an index at any table size:
(block_key, id) for a block's rows in id order (instead of a primary-key scan past ~10,000 rows on
MariaDB; it also serves every lookup the single-column block_key index did, which is dropped), and
(learner, course_key) for a learner's rows in a course (`records.decision_time`)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ('leadership_cohort', '0002_cpdentry'),
    ]

    operations = [
        migrations.CreateModel(
            name='CohortFigure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('block_key', models.CharField(max_length=255)),
                ('figure', models.CharField(max_length=255)),
                ('kind', models.CharField(max_length=16)),
                ('detail', models.TextField(default='')),
                ('n', models.BigIntegerField(default=0)),
                ('total', models.BigIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'cohort summary figure',
                'unique_together': {('block_key', 'figure')},
                'indexes': [models.Index(fields=['block_key', 'kind', 'n', 'figure'], name='leadership_figure_top')],
            },
        ),
        migrations.AddIndex(
            model_name='learnerrecord',
            index=models.Index(fields=['block_key', 'id'], name='leadership_block_key_id'),
        ),
        migrations.AddIndex(
            model_name='learnerrecord',
            index=models.Index(fields=['learner', 'course_key'], name='leadership_record_learner'),
        ),
        migrations.AlterField(
            model_name='learnerrecord',
            name='block_key',
            field=models.CharField(max_length=255),
        ),
    ]
