"""Build the summary figures of every block from the learner rows already stored (written before
the summaries existed). Reversing it needs nothing: 0003's reversal drops the table."""

from django.db import migrations


def build(apps, schema_editor):
    from leadership_xblocks.cohort import rebuild

    rebuild.rebuild_all(
        apps.get_model('leadership_cohort', 'LearnerRecord'),
        apps.get_model('leadership_cohort', 'CohortFigure'),
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [
        ('leadership_cohort', '0003_summaries'),
    ]

    operations = [
        migrations.RunPython(build, migrations.RunPython.noop),
    ]
