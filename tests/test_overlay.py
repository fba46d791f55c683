"""The demo overlay (pii_site.overlay, used by `make demo` and the demo fixtures): laid over a copy
of the data it merges the site settings, brings its own progress, news, reporting rounds and filled
report forms (made afresh for the tasks as they are), leaves out what staff removed from the plan
with a note, holds no symbolic link and leaves the data folder untouched."""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import shutil
from pathlib import Path

import pytest
import yaml
from helpers import DEMO_OVERLAY, FIXTURE_DIR, FIXTURE_TODAY, DataCopy

from pii_site import DataError, load_plan
from pii_site.overlay import lay_overlay
from pii_site.source.errors import message

DEMO_DAY = dt.date(2026, 11, 26)


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def task_ids(data_dir: Path) -> list[str]:
    tasks = yaml.safe_load((data_dir / "tasks.yml").read_text(encoding="utf-8"))
    return [task["id"] for group in tasks["groups"] for task in group["tasks"]]


def small_overlay(root: Path, status: dict[str, str]) -> Path:
    """An overlay with the given status files (task id -> text), one news post and the demo switch."""
    overlay = root / "overlay"
    (overlay / "status").mkdir(parents=True)
    (overlay / "news").mkdir()
    (overlay / "site.yml").write_text("# only the switch\ndemo: true\n", encoding="utf-8")
    for task_id, text in status.items():
        (overlay / "status" / f"{task_id}.yml").write_text(text, encoding="utf-8")
    post = next((DEMO_OVERLAY / "news").glob("*.md"))
    shutil.copy(post, overlay / "news" / post.name)
    return overlay


NO_UPDATE = "updates: []\n"


def test_overlay_merges_site_settings_and_brings_its_own_progress_and_news(data_copy: DataCopy, tmp_path):
    first_task = task_ids(data_copy.root)[0]
    overlay = small_overlay(tmp_path, {first_task: NO_UPDATE})
    base_site = yaml.safe_load(data_copy.path("site.yml").read_text(encoding="utf-8"))
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    assert laid.notes == []
    site = yaml.safe_load((laid.data_dir / "site.yml").read_text(encoding="utf-8"))
    assert site == {**base_site, "demo": True}  # every base key kept, the overlay's added
    # The base's progress and news are replaced by the overlay's, never mixed with them.
    assert tree(laid.data_dir / "status") == tree(overlay / "status")
    assert tree(laid.data_dir / "news") == tree(overlay / "news")
    plan = load_plan(laid.data_dir, DEMO_DAY)
    assert plan.site.demo is True
    assert len(plan.news) == 1


def test_overlay_key_wins_over_the_base_key(data_copy: DataCopy, tmp_path):
    overlay = small_overlay(tmp_path, {})
    (overlay / "site.yml").write_text("demo: true\nbranch: demo-branch\n", encoding="utf-8")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    assert load_plan(laid.data_dir, DEMO_DAY).site.branch == "demo-branch"


def test_overlay_plan_keys_are_laid_over_the_base_plan(data_copy: DataCopy, tmp_path):
    overlay = small_overlay(tmp_path, {})
    (overlay / "plan.yml").write_text('source_document: "https://example.org/ban-goc.pdf"\n', encoding="utf-8")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    plan, base = load_plan(laid.data_dir, DEMO_DAY), load_plan(data_copy.root, DEMO_DAY)
    assert plan.document.source_document == "https://example.org/ban-goc.pdf"
    assert plan.document.title == base.document.title  # every other key is the base's


def test_status_file_of_a_task_no_longer_in_the_plan_is_left_out_with_a_note(data_copy: DataCopy, tmp_path):
    removed = "Z.99"  # a task staff removed: the overlay still has its status file
    assert removed not in task_ids(data_copy.root)
    kept = task_ids(data_copy.root)[0]
    overlay = small_overlay(tmp_path, {removed: NO_UPDATE, kept: NO_UPDATE})
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    assert laid.notes == [
        f"{(overlay / 'status' / f'{removed}.yml').as_posix()} left out: task {removed} is no longer in tasks.yml."
    ]
    assert sorted(tree(laid.data_dir / "status")) == [f"{kept}.yml"]
    load_plan(laid.data_dir, DEMO_DAY)  # valid: `make demo` and the demo build go on


def test_status_file_naming_a_unit_no_longer_in_the_plan_is_left_out_with_a_note(data_copy: DataCopy, tmp_path):
    task = task_ids(data_copy.root)[0]
    update = (
        "updates:\n  - date: 2026-06-01\n    status: in-progress\n    unit: unit-removed-by-staff\n    note: {vi: x}\n"
    )
    overlay = small_overlay(tmp_path, {task: update})
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    assert laid.notes == [
        f"{(overlay / 'status' / f'{task}.yml').as_posix()} left out: unit unit-removed-by-staff is no longer in units.yml."
    ]
    assert tree(laid.data_dir / "status") == {}


def test_overlaid_folder_holds_no_symbolic_link_and_the_base_is_untouched(data_copy: DataCopy, tmp_path):
    # A link in the base is refused at its real path, as validation refuses it, and not followed:
    # nothing of the file outside is copied.
    elsewhere = tmp_path / "glossary.yml"
    shutil.move(data_copy.path("glossary.yml"), elsewhere)
    data_copy.path("glossary.yml").symlink_to(elsewhere)
    # A nested folder (data/ has schema/) is copied too.
    data_copy.path("schema").mkdir(exist_ok=True)
    data_copy.path("schema/status.schema.json").write_text('{"title": "status"}', encoding="utf-8")
    before = tree(data_copy.root)
    laid = lay_overlay(data_copy.root, DEMO_OVERLAY, tmp_path / "laid")
    assert [p for p in laid.data_dir.rglob("*") if p.is_symlink()] == []
    assert not (laid.data_dir / "glossary.yml").exists()
    assert [(p.file, p.text_en) for p in laid.problems] == [
        (str(data_copy.path("glossary.yml")), message("data_symlink")[1])
    ]
    assert tree(data_copy.root) == before
    # The plan files are the base's, byte for byte (plan.yml and site.yml take the overlay's keys; the
    # demonstration's units are not this fixture's, so its units.yml stays as it was).
    for name in ("tasks.yml", "units.yml", "duties.yml", "pillars.yml", "schema/status.schema.json"):
        assert filecmp.cmp(data_copy.path(name), laid.data_dir / name, shallow=False)


def test_demo_folder_in_the_repository_holds_only_illustrative_files():
    entries = sorted(p.relative_to(DEMO_OVERLAY).as_posix() for p in DEMO_OVERLAY.rglob("*"))
    assert [p for p in DEMO_OVERLAY.rglob("*") if p.is_symlink()] == []
    assert {entry.split("/")[0] for entry in entries} == {
        "assets",
        "news",
        "plan.yml",
        "reporting.yml",
        "reports.yml",
        "site.yml",
        "status",
        "units.yml",
    }
    # The plan's only optional field, its original document, at an obviously fictional address.
    plan_keys = yaml.safe_load((DEMO_OVERLAY / "plan.yml").read_text(encoding="utf-8"))
    assert list(plan_keys) == ["source_document"] and plan_keys["source_document"].startswith("https://example.org/")
    assert [entry for entry in entries if entry.startswith("assets/")] == ["assets/demo-logo.svg"]
    settings = yaml.safe_load((DEMO_OVERLAY / "site.yml").read_text(encoding="utf-8"))
    assert settings["demo"] is True
    # An illustrative logo and colours to show them off.
    assert settings["logo"] == "assets/demo-logo.svg"
    assert settings["colors"] == {"primary": "#00695c", "accent": "#ad1457"}
    # Every contact shown is marked as an illustration and obviously fictional.
    units = yaml.safe_load((DEMO_OVERLAY / "units.yml").read_text(encoding="utf-8"))["units"]
    contacts = [settings["office"], settings["licence"], *(unit["contact"] for unit in units)]
    for contact in contacts:
        for key, value in contact.items():
            if isinstance(value, dict):
                assert value["vi"].endswith("(minh họa)") and value["en"].endswith("(illustration)"), key
            elif key == "phone":
                assert value.replace(" ", "").startswith("0000"), value
            elif key == "email":
                assert value.endswith("@example.org"), value
    assert settings["feedback"]["email"].endswith("@example.org")
    assert settings["feedback"]["address"].startswith("https://example.org/")


def test_overlay_units_add_their_keys_to_the_base_units_of_the_same_id(data_copy: DataCopy, tmp_path):
    overlay = small_overlay(tmp_path, {})
    contact = {"phone": "0000 000 009", "email": "unit@example.org"}
    units = {"units": [{"id": "thu-vien-xa", "contact": contact}, {"id": "gone-unit", "contact": contact}]}
    (overlay / "units.yml").write_text(yaml.safe_dump(units), encoding="utf-8")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    assert laid.notes == [
        f"{(overlay / 'units.yml').as_posix()}: unit gone-unit left out: it is no longer in units.yml."
    ]
    plan = load_plan(laid.data_dir, DEMO_DAY)
    contact_laid = plan.unit("thu-vien-xa").contact
    assert contact_laid is not None and contact_laid.email == "unit@example.org"
    assert plan.unit("thu-vien-xa").name == load_plan(data_copy.root, DEMO_DAY).unit("thu-vien-xa").name


def test_overlay_assets_replace_the_base_s(data_copy: DataCopy, tmp_path):
    # The demonstration's logo comes with it; a logo of the base's stays out of the demonstration.
    data_copy.path("assets").mkdir()
    data_copy.path("assets/logo.png").write_bytes(b"the commune's own")
    laid = lay_overlay(data_copy.root, DEMO_OVERLAY, tmp_path / "laid")
    assert sorted(p.name for p in (laid.data_dir / "assets").iterdir()) == ["demo-logo.svg"]
    assert (laid.data_dir / "assets/demo-logo.svg").read_bytes() == (DEMO_OVERLAY / "assets/demo-logo.svg").read_bytes()


def test_broken_overlay_settings_are_left_out_with_a_note_naming_the_line(data_copy: DataCopy, tmp_path):
    overlay = small_overlay(tmp_path, {})
    (overlay / "site.yml").write_text("# the switch\ndemo: [true\n", encoding="utf-8")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    assert len(laid.notes) == 1 and laid.notes[0].startswith(f"{(overlay / 'site.yml').as_posix()} left out:")
    assert "line 3" in laid.notes[0]
    assert (laid.data_dir / "site.yml").read_bytes() == data_copy.path("site.yml").read_bytes()


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("units.yml", "units: [thu-vien-xa\n", "line 2: YAML syntax error"),
        ("units.yml", "- thu-vien-xa\n", "not a list of keys and values"),
        ("units.yml", "units: thu-vien-xa\n", "units left out: they are not a list"),
        ("units.yml", "units:\n  - thu-vien-xa\n", "unit 'thu-vien-xa' left out"),
        ("site.yml", "- demo\n", "not a list of keys and values"),
    ],
)
def test_an_overlay_file_of_the_wrong_shape_is_left_out_with_a_note(data_copy: DataCopy, tmp_path, name, text, says):
    # `make demo` goes on with the base's data (no traceback), saying what it left out and why.
    overlay = small_overlay(tmp_path, {})
    (overlay / name).write_text(text, encoding="utf-8")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    assert len(laid.notes) == 1 and laid.notes[0].startswith((overlay / name).as_posix()), laid.notes
    assert says in laid.notes[0]
    assert (laid.data_dir / "units.yml").read_bytes() == data_copy.path("units.yml").read_bytes()


FORMS = """
2026-q3:
  ban-kinh-te-nong-nghiep:
    IX.2: {status: in-progress, percent: 10, date: 2026-10-01, note: {vi: "Đã thử nghiệm.", en: "Tried it."},
           evidence: ["https://example.org/thu"]}
    VII.1: {status: in-progress, date: 2026-10-01, note: {vi: "Không phải nhiệm vụ của ban."}}
  cac-ap-ven-song:
    VII.1: {status: in-progress, date: 2026-10-01, note: {vi: "Nhóm đơn vị không nộp biểu mẫu."}}
"""


def test_overlay_forms_are_made_for_the_tasks_as_they_are_and_leave_out_rows_no_longer_led(
    data_copy: DataCopy, tmp_path
):
    overlay = small_overlay(tmp_path, {})
    (overlay / "reporting.yml").write_text("rounds: []\n", encoding="utf-8")
    (overlay / "reports.yml").write_text(FORMS, encoding="utf-8")
    # Staff reword a task after the demonstration's forms were described: the forms still fit.
    data_copy.replace("tasks.yml", "Thử nghiệm dịch vụ đặt lịch", "Thử nghiệm dịch vụ hẹn lịch")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    described = (overlay / "reports.yml").as_posix()
    assert laid.notes == [
        f"{described}: 2026-q3 left out: it is no round of reporting.yml.",
    ]
    # With rounds from the base (reporting.yml's keys merged, the rounds key replaced by the overlay's).
    (overlay / "reporting.yml").unlink()
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid-again")
    assert laid.notes == [
        f"{described}: 2026-q3/ban-kinh-te-nong-nghiep/VII.1 left out: ban-kinh-te-nong-nghiep does not lead task VII.1"
        " in tasks.yml.",
        f"{described}: 2026-q3/cac-ap-ven-song left out: it owes no form.",
    ]
    assert sorted(p.relative_to(laid.data_dir).as_posix() for p in (laid.data_dir / "reports").rglob("*.xlsx")) == [
        "reports/2026-q3/ban-kinh-te-nong-nghiep.xlsx"  # the base's own forms are replaced by the overlay's
    ]
    plan = load_plan(laid.data_dir, DEMO_DAY)
    [submission] = plan.reporting.submissions
    assert [(u.task, u.round, u.percent) for u in submission.updates] == [("IX.2", "2026-q3", 10)]
    assert plan.task("IX.2").progress.latest == submission.updates[0]


TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


@pytest.mark.usefixtures("fixture_today")
def test_the_demo_names_a_problem_at_the_real_overlay_file_and_line(data_copy: DataCopy, tmp_path):
    overlay = tmp_path / "demo"
    (overlay / "status").mkdir(parents=True)
    (overlay / "status" / "VII.2.yml").write_text(
        "updates:\n  - date: 2026-05-05\n    status: in-progress\n    percent: 050\n", encoding="utf-8"
    )
    (overlay / "site.yml").write_text("demo: true\n# a comment\ncolors:\n  primary: '#ffeb3b'\n", encoding="utf-8")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    with pytest.raises(DataError) as refused:
        load_plan(laid.data_dir, TODAY)
    places = {(problem.file, problem.line) for problem in laid.relabel(refused.value).problems}
    assert (str(overlay / "status" / "VII.2.yml"), 4) in places
    assert not any(str(laid.data_dir) in file for file, _ in places)


@pytest.mark.usefixtures("fixture_today")
def test_the_demo_names_a_merged_key_at_its_own_file(data_copy: DataCopy, tmp_path):
    overlay = tmp_path / "demo"
    overlay.mkdir()
    (overlay / "site.yml").write_text("demo: true\n\n\ncolors:\n  primary: '#ffeb3b'\n  accent: '#1565c0'\n")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    with pytest.raises(DataError) as refused:
        load_plan(laid.data_dir, TODAY)
    [problem] = laid.relabel(refused.value).problems
    assert (problem.file, problem.line) == (str(overlay / "site.yml"), 5)


@pytest.mark.usefixtures("fixture_today")
def test_a_named_pipe_in_the_overlay_is_refused_not_waited_on(data_copy: DataCopy, tmp_path):
    overlay = tmp_path / "demo"
    (overlay / "news").mkdir(parents=True)
    os.mkfifo(overlay / "news" / "2026-06-01-ong.md")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    reason = message("unreadable.not_regular")
    assert [(p.file, p.text_en) for p in laid.problems] == [
        (str(overlay / "news" / "2026-06-01-ong.md"), message("data_unreadable", reason_vi=reason[0], reason_en=reason[1])[1])
    ]  # fmt: skip


@pytest.mark.usefixtures("fixture_today")
def test_the_demo_overlay_lays_over_the_fixture_plan_without_problems(tmp_path):
    laid = lay_overlay(FIXTURE_DIR, DEMO_OVERLAY, tmp_path / "laid")
    assert laid.problems == []
