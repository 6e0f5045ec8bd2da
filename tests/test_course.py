"""The Open edX course in `leadership_xblocks/scenarios/course/`: the archive for Studio, olxcleaner, workbench pages.

olxcleaner knows the core Open edX blocks; the leadership blocks are passed to it as allowed
XBlocks, so it checks the course structure, pointers, html files, policies and grading policy
around them (the blocks themselves are checked by `leadership_xblocks.olx_check`).
"""

import shutil
import tarfile

import pytest
from lxml import etree
from olxcleaner import validate

from leadership_xblocks import course_package
from tests.support import REPO_ROOT

COURSE_DIR = REPO_ROOT / 'leadership_xblocks' / 'scenarios' / 'course'
LEADERSHIP_BLOCKS = [
    'leadership_scenario',
    'leadership_reflection',
    'leadership_self_assessment',
    'leadership_time_allocation',
    'leadership_cpd_record',
]
MODULE_TITLES = [
    'Module 1: Leading self',
    'Module 2: Leading teams',
    'Module 3: Leading systems',
    'Module 4: Leading change',
]


def olxcleaner_problems(course_dir):
    """Every olxcleaner finding (errors, warnings and notes) as readable lines."""
    _course, errorstore, _url_names = validate(str(course_dir), allowed_xblocks=LEADERSHIP_BLOCKS)
    return [f'{error.level} {error.name} {error.filename}: {error.description}' for error in errorstore.errors]


def test_pack_writes_one_course_folder_with_course_xml(tmp_path):
    out = course_package.pack(COURSE_DIR, tmp_path / 'dist' / 'course.tar.gz')

    with tarfile.open(out, 'r:gz') as tar:
        names = tar.getnames()
        assert 'course/course.xml' in names
        assert {name.split('/')[0] for name in names} == {'course'}
        assert 'course/policies/2026/policy.json' in names
        assert not [name for name in names if '__' in name or name.endswith('.pyc')]
        root = etree.fromstring(tar.extractfile('course/course.xml').read())
    assert (root.tag, root.get('url_name'), root.get('org'), root.get('course')) == (
        'course',
        '2026',
        'LeadershipSW',
        'LSW101',
    )


def test_olxcleaner_finds_no_problems_in_the_course():
    assert olxcleaner_problems(COURSE_DIR) == []


def test_the_packed_archive_is_a_clean_course(tmp_path):
    out = course_package.pack(COURSE_DIR, tmp_path / 'course.tar.gz')
    with tarfile.open(out, 'r:gz') as tar:
        tar.extractall(tmp_path / 'unpacked', filter='data')

    assert olxcleaner_problems(tmp_path / 'unpacked' / 'course') == []


def test_the_command_line_packs_to_the_given_path(tmp_path, capsys):
    out = tmp_path / 'leadership-course.tar.gz'

    assert course_package.main(['pack', '--out', str(out), '--course-dir', str(COURSE_DIR)]) == 0
    assert tarfile.is_tarfile(out)
    assert str(out) in capsys.readouterr().out


def test_the_default_course_folder_is_the_shipped_course():
    assert (course_package.default_course_dir() / 'course.xml').is_file()


def test_workbench_pages_are_the_four_modules_in_order():
    pages = course_package.workbench_pages(COURSE_DIR)

    assert [title for title, _xml in pages] == MODULE_TITLES
    for title, xml in pages:
        page = etree.fromstring(xml)
        assert page.tag == 'vertical_demo'
        assert page.get('display_name') == title
        assert len(page.findall('leadership_scenario')) >= 2, title
        assert len(page.findall('leadership_reflection')) >= 1, title
        for html_demo in page.findall('html_demo'):
            assert [child.tag for child in html_demo] == ['div'], title


def test_workbench_pages_hold_every_component_of_the_chapter_in_order():
    _title, xml = course_package.workbench_pages(COURSE_DIR)[3]
    page = etree.fromstring(xml)

    tags = [child.tag for child in page]
    assert tags.index('leadership_scenario') < tags.index('leadership_reflection')
    assert tags[-2:] == ['leadership_self_assessment', 'leadership_cpd_record']
    scenario = page.find('leadership_scenario')
    assert scenario.get('module') == 'Leading change' and scenario.find('step') is not None
    assert page.find('html_demo/div/h3') is not None


def test_staff_only_chapters_are_left_out_unless_asked_for():
    titles = [title for title, _xml in course_package.workbench_pages(COURSE_DIR, include_staff_only=True)]

    assert titles[:4] == MODULE_TITLES
    assert titles[4:] == ['Facilitator guide (staff only)']


def test_a_missing_chapter_is_skipped_and_reported(tmp_path):
    course_dir = tmp_path / 'course'
    shutil.copytree(COURSE_DIR, course_dir)
    (course_dir / 'chapter' / 'module_2_teams.xml').unlink()
    (course_dir / 'html' / 'm3_intro_amhp.html').unlink()

    pages = course_package.workbench_pages(course_dir)

    assert [title for title, _xml in pages] == [MODULE_TITLES[0], MODULE_TITLES[2], MODULE_TITLES[3]]
    assert course_package.missing_files(course_dir) == ['chapter/module_2_teams.xml', 'html/m3_intro_amhp.html']
    assert tarfile.is_tarfile(course_package.pack(course_dir, tmp_path / 'partial.tar.gz'))


def test_a_folder_without_a_course_gives_no_pages_and_packs_nothing(tmp_path):
    assert course_package.workbench_pages(tmp_path) == []
    with pytest.raises(FileNotFoundError):
        course_package.pack(tmp_path, tmp_path / 'out.tar.gz')


def test_html_that_is_not_well_formed_xml_is_repaired_for_the_workbench(tmp_path):
    course_dir = tmp_path / 'course'
    shutil.copytree(COURSE_DIR, course_dir)
    (course_dir / 'html' / 'm3_intro_systems.html').write_text('<p>One&nbsp;line<br>and another', encoding='utf-8')

    _title, xml = course_package.workbench_pages(course_dir)[2]

    div = etree.fromstring(xml).find('html_demo/div')
    assert div.find('p') is not None and 'One\xa0line' in etree.tostring(div, encoding='unicode')


def test_url_names_are_unique_across_the_course():
    names = {}
    for path in COURSE_DIR.glob('*/*.xml'):
        if path.parent.name in ('course', 'policies', 'about'):
            continue
        names.setdefault(path.stem, []).append(path.parent.name)
    assert {name: kinds for name, kinds in names.items() if len(kinds) > 1} == {}


def test_both_leadership_profiles_rate_the_same_statements():
    folder = COURSE_DIR / 'leadership_self_assessment'
    profiles = [etree.parse(str(path)).getroot() for path in sorted(folder.glob('*.xml'))]
    profiles = [root for root in profiles if root.get('profile_key') == 'lsw-domains']

    def statements(root):
        return [
            (dimension.get('id'), item.get('id'), ' '.join(item.text.split()))
            for dimension in root.iter('dimension')
            for item in dimension.iter('item')
        ]

    assert len(profiles) == 2
    assert statements(profiles[0]) == statements(profiles[1])
    assert [d for d, _item, _text in statements(profiles[0])][::3] == ['self', 'teams', 'systems', 'change']


@pytest.mark.parametrize('module', ['Leading systems', 'Leading change'])
def test_each_module_has_two_scenarios_scored_differently_and_one_on_fit(module):
    scorings = []
    for path in sorted((COURSE_DIR / 'leadership_scenario').glob('*.xml')):
        root = etree.parse(str(path)).getroot()
        if root.get('module') == module:
            assert root.get('framework'), path.name
            scorings.append(root.get('scoring'))
    assert len(scorings) >= 2
    assert 'fit' in scorings and set(scorings) & {'ending', 'path'}
