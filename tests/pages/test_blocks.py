"""Generated blocks in the hand-written pages (pii_site.pages.blocks): a marker comment in docs/ is
replaced by Markdown made from the plan, and a marker naming no block stops the build, naming the
page and line. On the fixture plan; the built guide of every plan is checked in test_invariants."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import FIXTURE_DIR, FIXTURE_TODAY, PROJECT_DIR, build_into
from mkdocs.exceptions import MkDocsException

from pii_site.i18n import Labels
from pii_site.pages.blocks import BLOCKS, expand_blocks
from pii_site.render.templating import escape_markdown
from pii_site.source.errors import DataError

LANGS = ("vi", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_each_marker_becomes_its_block_and_the_rest_of_the_page_stays(plan, lang):
    page = "# Guide\n\nBefore.\n\n<!-- pii:unit-ids -->\n\nBetween.\n\n<!--pii:task-codes-->\n\nAfter.\n"
    expanded = expand_blocks(page, plan, lang, "guide.md")
    assert "pii:" not in expanded
    assert expanded.startswith("# Guide\n\nBefore.\n\n") and expanded.endswith("\n\nAfter.\n")
    units, tasks = expanded.split("Between.")
    for unit in plan.units:
        assert f"| `{unit.id}` | [{escape_markdown(getattr(unit.name, lang))}](units/{unit.id}.md) |" in units
    for task in plan.tasks:
        leads = ", ".join(f"`{unit.id}`" for unit in task.lead)
        assert f"| `{task.id}` |" in tasks and tasks.count(f"`{task.id}`") == 1
        assert f"| {leads} |" in tasks.split(f"`{task.id}`")[1].splitlines()[0]
    assert Labels(lang)("block.unit_id") in units and Labels(lang)("block.task_code") in tasks


def test_links_in_a_block_are_relative_to_the_page_it_lands_on(plan):
    unit = plan.units[0]
    assert f"(../units/{unit.id}.md)" in expand_blocks("<!-- pii:unit-ids -->\n", plan, "vi", "help/guide.md")


def test_an_indented_marker_is_an_example_and_stays_as_written(plan):
    example = "Write this:\n\n    <!-- pii:unit-ids -->\n    <!-- pii:no-such-block -->\n"
    assert expand_blocks(example, plan, "vi", "guide.md") == example


def test_a_marker_naming_no_block_is_an_error_naming_the_page_and_line(plan):
    page = "# Guide\n\n<!-- pii:unit-ids -->\n\n<!-- pii:unit-id -->\n"
    with pytest.raises(DataError) as raised:
        expand_blocks(page, plan, "en", "guide.md")
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("docs/en/guide.md", 5)
    known = ", ".join(sorted(BLOCKS))
    assert problem.text_en == (
        f"the comment <!-- pii:unit-id --> marks no block made from the data; correct the name (the blocks are: {known}) or remove the line."
    )
    assert problem.text_vi.startswith("chú thích <!-- pii:unit-id --> không đánh dấu khối nào")


@pytest.mark.parametrize("lang", LANGS)
def test_the_built_guide_lists_every_unit_id_and_task_code_with_links(page, plan, lang):
    guide = page(lang, "guide/")
    codes = guide.xpath("//article//table//td/code/text()")
    assert {unit.id for unit in plan.units} <= set(codes)
    assert {task.id for task in plan.tasks} <= set(codes)
    for unit in plan.units:
        assert f"../units/{unit.id}/" in guide.links()
    for task in plan.tasks:
        assert f"../tasks/{task.id.lower().replace('.', '-')}/" in guide.links()
    assert "pii:" not in guide.path.read_text(encoding="utf-8")


@pytest.mark.site  # builds by itself
def test_building_with_an_unknown_marker_stops_and_names_the_page(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    """The whole build refuses it (both languages are built from one project): the site is not
    published with a list silently missing."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(PROJECT_DIR / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(PROJECT_DIR / "docs", project / "docs")
    for name in ("hooks", "data"):  # data/ only for mkdocs.yml's `watch`: the build reads the fixture plan
        (project / name).symlink_to(PROJECT_DIR / name)
    guide = project / "docs" / "en" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n<!-- pii:unit-id -->\n", encoding="utf-8")
    line = guide.read_text(encoding="utf-8").count("\n")
    with pytest.raises(MkDocsException) as raised:
        build_into(tmp_path / "site", FIXTURE_DIR, today=FIXTURE_TODAY, config_file=project / "mkdocs.yml")
    assert "BuildError" in str(raised.value)  # MkDocs logs the message itself, and it names the page
    assert f"docs/en/guide.md:{line}: chú thích <!-- pii:unit-id -->" in caplog.text
    assert "Traceback" not in caplog.text
    assert not (tmp_path / "site").exists()


# The staff guide's list of report forms (block `report-forms`): each unit's form and page, where
# filled forms go, the current round and its due day.
def test_the_report_forms_marker_becomes_the_list_of_forms_with_links_relative_to_the_page(plan):
    markdown = expand_blocks("Trước.\n\n<!-- pii:report-forms -->\n\nSau.\n", plan, "vi", "guide.md")
    assert markdown.startswith("Trước.\n\n") and markdown.endswith("\n\nSau.\n") and "pii:" not in markdown
    for unit in plan.reporting.reporting_units:
        assert f"](forms/{unit.id}.xlsx)" in markdown and f"](units/{unit.id}.md)" in markdown
    coordinator = plan.reporting.coordinator
    assert f"[{coordinator.name.vi}](units/{coordinator.id}.md)" in markdown  # where filled forms go
    assert "Quý IV/2026" in markdown and "05/01/2027" in markdown  # the current round and its due day
