"""Packaging for leadership-xblocks.

`static/` and `scenarios/` live at the top of the repository but travel inside the
wheel as `leadership_xblocks/static` and `leadership_xblocks/scenarios`, so a block
installed from the wheel can render and serve its assets.
"""
import os

from setuptools import setup

HERE = os.path.dirname(os.path.abspath(__file__))


def data_packages(top, package):
    """Map every folder under `top` to a package name so its files ship as package data."""
    mapping = {}
    for root, dirs, _files in os.walk(os.path.join(HERE, top)):
        dirs[:] = sorted(d for d in dirs if not d.startswith(('.', '__')))
        rel = os.path.relpath(root, HERE)
        name = package + rel[len(top):].replace(os.sep, '.')
        mapping[name] = rel
    return mapping


DATA_PACKAGES = {}
DATA_PACKAGES.update(data_packages('static', 'leadership_xblocks.static'))
DATA_PACKAGES.update(data_packages('scenarios', 'leadership_xblocks.scenarios'))

CODE_PACKAGES = [
    'leadership_xblocks',
    'leadership_xblocks.activities',
    'leadership_xblocks.blocks',
    'leadership_xblocks.cohort',
    'leadership_xblocks.cohort.migrations',
    'leadership_xblocks.scenario',
]

BLOCKS = [
    'leadership_scenario = leadership_xblocks.blocks.scenario:LeadershipScenarioBlock',
    'leadership_reflection = leadership_xblocks.blocks.reflection:LeadershipReflectionBlock',
    'leadership_self_assessment = leadership_xblocks.blocks.self_assessment:LeadershipSelfAssessmentBlock',
    'leadership_time_allocation = leadership_xblocks.blocks.time_allocation:LeadershipTimeAllocationBlock',
    'leadership_cpd_record = leadership_xblocks.blocks.cpd_record:LeadershipCPDRecordBlock',
]

# The cohort Django app, registered for the LMS and Studio through the Open edX plugin framework.
COHORT_APP = ['leadership_cohort = leadership_xblocks.cohort.apps:CohortConfig']


with open(os.path.join(HERE, 'README.md'), encoding='utf-8') as readme:
    LONG_DESCRIPTION = readme.read()

setup(
    name='leadership-xblocks',
    version='0.1.0',
    description='Open edX XBlocks that teach leadership to social workers in the UK',
    long_description=LONG_DESCRIPTION,
    long_description_content_type='text/markdown',
    license='AGPL-3.0',
    python_requires='>=3.11',
    packages=CODE_PACKAGES + sorted(DATA_PACKAGES),
    package_dir=DATA_PACKAGES,
    package_data={
        'leadership_xblocks': ['templates/*.html', 'templates/*.txt', 'translations/*/LC_MESSAGES/*'],
        **{name: ['*'] for name in DATA_PACKAGES},
    },
    include_package_data=True,
    # Bounds: from the oldest to the newest pins of the releases tested (requirements/constraints/).
    install_requires=[
        'Django>=4.2,<6',
        'XBlock>=5.2,<7',
        'web-fragments>=2.2,<5',
        'WebOb>=1.8.8,<2',
        'bleach>=6.1,<7',
        'lxml>=4.9.4,<6',
    ],
    extras_require={
        'dev': [
            'xblock-sdk>=0.14',
            'pytest>=8',
            'build',
        ],
    },
    entry_points={
        'xblock.v1': BLOCKS,
        'lms.djangoapp': COHORT_APP,
        'cms.djangoapp': COHORT_APP,
        'console_scripts': [
            'leadership-olx-check = leadership_xblocks.olx_check:main',
        ],
    },
    classifiers=[
        'Framework :: Django',
        'Programming Language :: Python :: 3.11',
        'Programming Language :: Python :: 3.12',
    ],
)
