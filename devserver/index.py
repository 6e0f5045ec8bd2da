"""The workbench's index page: the four course modules first, then the demos.

The sdk's index (workbench/views.py, `index`) sorts pages by the text of their ids
(`<block type>.<n>`), so the CPD and reflection demos came before Module 1 and
`leadership_scenario.10` before `leadership_scenario.2`. This one lists the pages of the course
(`common.workbench.course_pages`) first, in course order, then every other page by block type
and number, in the sdk's own template. `devserver/urls.py` serves it at `/`.
"""

from django.conf import settings
from django.shortcuts import render
from workbench.scenarios import get_scenarios


def _order(item, modules):
    scenario_id, scenario = item
    block_type, _dot, number = scenario_id.rpartition('.')
    number = int(number) if number.isdigit() else 0
    if scenario.description in modules:
        return (0, modules.index(scenario.description), '', number)
    return (1, 0, block_type, number)


def index(request):
    """The sdk's index template, modules first."""
    from leadership_xblocks.common.workbench import course_pages

    modules = [title for title, _xml in course_pages()]
    excluded = getattr(settings, 'EXCLUDED_XBLOCKS', set())
    pages = [item for item in get_scenarios().items() if item[0].split('.')[0] not in excluded]
    pages.sort(key=lambda item: _order(item, modules))
    return render(request, 'workbench/index.html', {'scenarios': [(sid, s.description) for sid, s in pages]})
