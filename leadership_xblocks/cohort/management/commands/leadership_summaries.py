"""`manage.py leadership_summaries [--check] [--block KEY ...] [--database ALIAS]`: the cohort summaries.

Rebuild or verify them. Without `--check` each block's figures are replaced by the sums over its learner rows (in one
transaction per block, which holds that block's learner writes while it runs). With `--check`
nothing is written: every figure that differs from a full recomputation is reported, and the
command exits non-zero if any does (a monitoring job can run it).
"""

from django.core.management.base import BaseCommand, CommandError

from ... import rebuild
from ...models import CohortFigure, LearnerRecord

SHOWN = 20  # differences printed per block


class Command(BaseCommand):
    help = 'Rebuild the leadership cohort summary figures from the learner rows, or verify them (--check).'

    def add_arguments(self, parser):
        parser.add_argument('--check', action='store_true', help='Only compare; exit 1 if any figure differs.')
        parser.add_argument('--block', action='append', default=[], help='A block (usage) key; repeatable.')
        parser.add_argument('--database', default='default', help='The database alias (default: default).')

    def handle(self, *args, **options):
        using = options['database']
        keys = options['block'] or rebuild.block_keys(LearnerRecord, CohortFigure, using)
        if options['check']:
            return self._check(keys, using)
        for key in keys:
            count = rebuild.rebuild_block(LearnerRecord, CohortFigure, key, using)
            self.stdout.write(f'{key}: {count} figures rebuilt')
        self.stdout.write(f'{len(keys)} blocks rebuilt')

    def _check(self, keys, using):
        wrong = 0
        for key in keys:
            differences = rebuild.differences(LearnerRecord, CohortFigure, key, using)
            if not differences:
                continue
            wrong += 1
            self.stdout.write(f'{key}: {len(differences)} figures differ (stored n, total != recomputed n, total)')
            for figure, have, expected in differences[:SHOWN]:
                self.stdout.write(f'  {list(figure)}: {list(have)} != {list(expected)}')
        if wrong:
            raise CommandError(f'{wrong} of {len(keys)} blocks have summaries that differ from their learner rows')
        self.stdout.write(f'{len(keys)} blocks checked: the summaries equal a full recomputation')
