from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('leadership_cohort', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='CPDEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('owner', models.CharField(db_index=True, max_length=64)),
                ('learner', models.CharField(db_index=True, max_length=64)),
                ('block_key', models.CharField(max_length=255)),
                ('course_key', models.CharField(blank=True, default='', max_length=255)),
                ('entry', models.JSONField(default=dict)),
                ('updated', models.DateTimeField(auto_now=True)),
            ],
            options={
                'verbose_name': 'CPD record entry',
                'verbose_name_plural': 'CPD record entries',
                'unique_together': {('owner', 'block_key')},
            },
        ),
    ]
