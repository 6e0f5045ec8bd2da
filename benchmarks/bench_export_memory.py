"""Peak memory of the CSV downloads at 1,000, 10,000 and 50,000 learners, on SQLite and MariaDB.

    python -m benchmarks.bench_export_memory              (from the repository root, in a dev venv)
    python -m benchmarks.bench_export_memory --rows 1000,10000 --db sqlite

Each download runs in a fresh process (`tests/support/export_probe.py`) on a fresh database
holding N rows for the block, N for another block and N research-consent decisions (every
learner of the block said yes, in a third block). Measured in the same run:

* `view records`: the staff CSV from the streaming view the dashboard links (keyset pages of 500);
* `buffered records`: the same CSV over Django's `.iterator(chunk_size=500)`, which the exports
  used before; mysqlclient's default cursor loads the whole result first;
* `view research`: the research CSV from the view (every learner consented, so the same rows).

It prints, per database and N: the file size, the seconds, the peak of traced Python memory
(tracemalloc), the growth of the process's peak resident set (`ru_maxrss`), the largest
result a query sent, and each peak's ratio to N = 1,000 (target for the view: flat, about 1x).
MariaDB must answer on 127.0.0.1:3306 (a database `bench_export_<random>` is made and dropped).
"""

import argparse
import shutil
import tempfile
import uuid

from tests.support.export_probe import run
from tests.support.live_server import _mariadb_connect

WAYS = (('view', 'records'), ('buffered', 'records'), ('view', 'research'))


def one_database(db, rows):
    """{(way, n): probe result} for one database, each N on a fresh database."""
    results = {}
    for n in rows:
        var_dir = tempfile.mkdtemp(prefix='leadership-bench-export-')
        name = f'bench_export_{uuid.uuid4().hex[:10]}' if db == 'mariadb' else None
        if name:
            conn = _mariadb_connect()
            conn.cursor().execute(f'CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci')
        try:
            run('populate', db, var_dir, db_name=name, rows=n, consenting=True)
            for way, kind in WAYS:
                results[way, kind, n] = run('measure', db, var_dir, db_name=name, way=way, kind=kind)
        finally:
            if name:
                conn.cursor().execute(f'DROP DATABASE IF EXISTS `{name}`')
                conn.close()
            shutil.rmtree(var_dir, ignore_errors=True)
    return results


def report(db, rows, results):
    base = rows[0]
    print(f'\n{db}: CSV downloads, peak memory by learners (ratios to N = {base:,})')
    columns = ('N', 'file MB', 's', 'traced MB', 'ratio', 'RSS+ MB', 'ratio', 'rows/query')
    widths = (8, 9, 7, 11, 7, 9, 7, 12)
    print(f'{"way":<18}' + ''.join(f'{name:>{width}}' for name, width in zip(columns, widths)))
    for way, kind in WAYS:
        first = results[way, kind, base]
        for n in rows:
            r = results[way, kind, n]
            traced_ratio = r['traced_peak_bytes'] / first['traced_peak_bytes']
            rss_ratio = r['rss_growth_kib'] / first['rss_growth_kib'] if first['rss_growth_kib'] else float('nan')
            biggest = max((q['rows'] for q in r['queries']), default=0)
            print(
                f'{way + " " + kind:<18}{n:>8,}{r["bytes"] / 1e6:>9.1f}{r["seconds"]:>7.2f}'
                f'{r["traced_peak_bytes"] / 1e6:>11.2f}'
                f'{traced_ratio:>6.2f}x{r["rss_growth_kib"] / 1024:>9.1f}{rss_ratio:>6.2f}x'
                f'{biggest if biggest >= 0 else "n/a":>12}'
            )


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument('--rows', default='1000,10000,50000')
    parser.add_argument('--db', default='sqlite,mariadb')
    args = parser.parse_args(argv)
    rows = [int(n) for n in args.rows.split(',')]
    for db in args.db.split(','):
        report(db, rows, one_database(db, rows))
    print('\nrows/query: the largest result one SELECT sent (MariaDB; SQLite does not say).')


if __name__ == '__main__':
    main()
