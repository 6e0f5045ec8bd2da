"""The learner page of a scenario stays light: its own JS and CSS (what `student_view` lists,
without the Welsh catalogue, which only a Welsh page loads) under 15 KB gzipped."""

import gzip

from leadership_xblocks import public_static
from tests.scenario_samples import FIT
from tests.support.blocks import Learner, load

LIMIT = 15 * 1024


def test_learner_scenario_page_js_and_css_under_15_kb_gzipped():
    frag = Learner(load(FIT), 'alice').render()
    names = [r.data.rsplit('static/', 1)[1] for r in frag.resources if r.kind == 'url' and 'static/' in r.data]
    own = [name for name in names if '/' not in name and not name.startswith('i18n-')]
    assert {'common.js', 'charts.js', 'scenario_results.js', 'scenario.js', 'leadership.css'} <= set(own), own
    sizes = {
        name: len(gzip.compress(public_static('leadership_xblocks.scenario').joinpath(name).read_bytes(), 9))
        for name in own
    }
    total = sum(sizes.values())
    print(f'learner page JS + CSS: {total} bytes gzipped ({total / LIMIT:.0%} of the limit): {sizes}')
    assert total < LIMIT, f'{total} bytes gzipped: {sizes}'
