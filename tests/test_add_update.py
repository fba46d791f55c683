"""scripts/add_update.py: the office adds one update with one command. Success appends to the end
of the task's file and keeps everything above byte for byte; every refusal explains itself in both
languages, exits 1 and leaves the file exactly as it was (or does not create it). Runs on a copy of
the fixture plan (tests/fixtures/plan) seen from FIXTURE_TODAY."""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURE_TODAY, PROJECT_DIR, DataCopy, load_script

from pii_site import load_plan
from pii_site.source.errors import message

add_update = load_script("add_update")
TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


@pytest.fixture
def data(data_copy: DataCopy, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture plan's copy, with the script's "today" (PII_TODAY) set to FIXTURE_TODAY."""
    monkeypatch.setenv("PII_TODAY", FIXTURE_TODAY)
    return data_copy.root


def run(data: Path, *args: str) -> int:
    return add_update.main([*args, "--data", str(data)])


def test_appends_one_update_and_keeps_comments_and_order(data: Path, capsys):
    path = data / "status" / "VII.2.yml"
    before = path.read_bytes()
    # The second of VII.2's two lead units reports.
    code = run(
        data,
        "VII.2",
        "--status",
        "completed",
        "--percent",
        "100",
        "--note",
        "Đã hoàn thành <b>đợt 1</b>",
        "--note-en",
        "Done",
        "--evidence",
        "https://example.org/x",
        "--evidence",
        "15/BC-UBND, 2026-11-20, UBND xã",
        "--date",
        "2026-11-25",
        "--unit",
        "hop-tac-xa-song-may",
    )
    assert code == 0, capsys.readouterr().err
    after = path.read_bytes()
    assert after.startswith(before)  # comments, order and earlier updates untouched
    added = yaml.safe_load(after)["updates"][-1]
    assert added["status"] == "completed" and added["percent"] == 100
    assert added["note"] == {"vi": "Đã hoàn thành <b>đợt 1</b>", "en": "Done"}
    assert added["evidence"][0] == {"url": "https://example.org/x"}
    assert added["evidence"][1]["number"] == "15/BC-UBND" and added["unit"] == "hop-tac-xa-song-may"
    task = load_plan(data, TODAY).task("VII.2")
    assert task.progress.status == "completed" and str(task.progress.last_date) == "2026-11-25"
    assert not task.progress.overdue  # it was overdue before: completed tasks are not
    assert "Đã thêm cập nhật ngày 2026-11-25" in capsys.readouterr().out


def test_first_update_fills_the_empty_list_and_defaults_to_today_and_the_lead_unit(data: Path):
    path = data / "status" / "VIII.3.yml"  # the fixture's task without a status file
    assert not path.exists()
    assert run(data, "VIII.3", "--status", "in-progress", "--note", "Bắt đầu") == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/status.schema.json\n")
    task = load_plan(data, TODAY).task("VIII.3")
    update = task.progress.latest
    assert update is not None
    assert str(update.date) == FIXTURE_TODAY and update.unit == task.lead[0].id and update.note.en is None
    # Appending again, under the list that now exists.
    assert run(data, "VIII.3", "--status", "delayed", "--percent", "5", "--note", "Chậm") == 0
    assert [u.status for u in load_plan(data, TODAY).task("VIII.3").progress.updates] == ["in-progress", "delayed"]


def test_first_update_of_a_file_with_an_empty_list_goes_under_it(data: Path):
    path = data / "status" / "IX.2.yml"  # "updates:" with nothing under it, as the project ships files
    before = path.read_bytes()
    assert before.endswith(b"\nupdates:\n")
    assert run(data, "IX.2", "--status", "not-started", "--note", "Chờ kinh phí") == 0
    assert path.read_bytes().startswith(before)
    [update] = load_plan(data, TODAY).task("IX.2").progress.updates
    assert update.status == "not-started" and update.note.vi == "Chờ kinh phí"


REFUSALS = {
    "unknown task": (["VII.9", "--status", "in-progress", "--note", "x"], 'không có nhiệm vụ "VII.9"'),
    "badly written task id": (["3.2", "--status", "in-progress", "--note", "x"], 'mã nhiệm vụ "3.2" phải có dạng'),
    "unknown status": (["VII.2", "--status", "done", "--note", "x"], 'giá trị "done" không hợp lệ'),
    "percent above 100": (
        ["VII.2", "--status", "in-progress", "--percent", "120", "--note", "x"],
        "lớn hơn mức tối đa 100",
    ),
    "percent not a number": (
        ["VII.2", "--status", "in-progress", "--percent", "half", "--note", "x"],
        "cần một số nguyên",
    ),
    "completed without evidence": (
        ["VII.2", "--status", "completed", "--percent", "100", "--note", "x"],
        "phải có ít nhất một minh chứng",
    ),
    "completed without 100": (
        ["VII.2", "--status", "completed", "--percent", "90", "--note", "x", "--evidence", "https://e.org"],
        "phải ghi percent: 100",
    ),
    "date before the plan": (
        ["VII.2", "--status", "in-progress", "--note", "x", "--date", "2025-12-31"],
        "sớm hơn ngày bắt đầu của kế hoạch",
    ),
    "date in the future": (["VII.2", "--status", "in-progress", "--note", "x", "--date", "2026-12-31"], "ở tương lai"),
    "date out of order": (
        ["VII.2", "--status", "in-progress", "--note", "x", "--date", "2026-09-01"],
        "sớm hơn cập nhật ở trên",
    ),
    "badly written date": (
        ["VII.2", "--status", "in-progress", "--note", "x", "--date", "1/9/2026"],
        "phải viết dạng YYYY-MM-DD",
    ),
    "unknown unit": (
        ["VII.2", "--status", "in-progress", "--note", "x", "--unit", "ban-kinh-te"],
        'không có đơn vị "ban-kinh-te"',
    ),
    "bad evidence": (
        ["VII.2", "--status", "in-progress", "--note", "x", "--evidence", "báo cáo số 5"],
        "phải là đường dẫn",
    ),
    "empty note": (["VII.2", "--status", "in-progress", "--note", " "], "nội dung đang để trống"),
    "missing note": (["VII.2", "--status", "in-progress"], "--note"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_every_refusal_explains_and_leaves_the_file_unchanged(data: Path, capsys, case: str):
    args, expected = REFUSALS[case]
    files = {p: p.read_bytes() for p in (data / "status").iterdir()}
    assert run(data, *args) == 1
    err = capsys.readouterr().err
    assert expected in err
    assert {p: p.read_bytes() for p in (data / "status").iterdir()} == files  # nothing changed, nothing created


def test_refuses_when_updates_is_not_the_last_entry(data: Path, capsys):
    path = data / "status" / "VII.2.yml"
    text = path.read_text(encoding="utf-8")
    assert "\ndue: 2026-10-31\n" in text
    path.write_text(text.replace("\ndue: 2026-10-31\n", "\n") + "due: 2026-10-31\n", encoding="utf-8")
    before = path.read_bytes()
    assert run(data, "VII.2", "--status", "in-progress", "--note", "x") == 1
    assert '"updates" must be the last entry of the file' in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.slow  # processes racing on one file for seconds
def test_runs_at_the_same_time_on_one_file_keep_every_update(data: Path):
    # Two staff members (or one double click) adding to the same task at once: each run reads,
    # checks and writes under a lock, so no update overwrites another.
    path = data / "status" / "VII.2.yml"
    before = len(yaml.safe_load(path.read_bytes())["updates"])
    notes = [f"Lần chạy đồng thời số {n}" for n in range(6)]
    runs = [
        subprocess.Popen(
            [sys.executable, str(PROJECT_DIR / "scripts" / "add_update.py"), "VII.2", "--status", "in-progress"]
            + ["--note", note, "--date", "2026-11-25", "--data", str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for note in notes
    ]
    for process in runs:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    updates = yaml.safe_load(path.read_bytes())["updates"]
    assert len(updates) == before + len(notes)
    assert sorted(u["note"]["vi"] if isinstance(u["note"], dict) else u["note"] for u in updates[before:]) == notes
    load_plan(data, TODAY)  # and the file is still valid data


@pytest.mark.parametrize(
    ("module", "failing", "error"),
    [
        (os, "fsync", errno.ENOSPC),  # the disk fills up while the new file is written
        (os, "replace", errno.EPERM),  # an immutable file (chattr +i) cannot be replaced
        (tempfile, "mkstemp", errno.EROFS),  # a read-only file system or folder takes no new file
    ],
    ids=["full-disk", "immutable-file", "read-only-folder"],
)
def test_a_failed_write_leaves_the_file_as_it_was_and_says_so(data: Path, capsys, monkeypatch, module, failing, error):
    # The tests run as root, who may write anywhere: the system's refusal is played by the call that
    # meets it. The file stays byte for byte, no temporary file is left, and no traceback is shown.
    def refused(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(module, failing, refused)
    folder = data / "status"
    path = folder / "VII.2.yml"
    before, listing = path.read_bytes(), sorted(folder.iterdir())
    assert run(data, "VII.2", "--status", "in-progress", "--note", "Đã họp", "--date", "2026-11-25") == 1
    err = capsys.readouterr().err
    assert "Không ghi được" in err and "Could not write" in err and "Traceback" not in err
    assert path.read_bytes() == before
    assert sorted(folder.iterdir()) == listing


def said(key: str, **values) -> tuple[str, str]:
    """messages.yml's wording of `key`, in both languages."""
    return message(key, **values)


DATE_MISTAKES: dict[str, tuple[str, dict[str, Any]]] = {
    # A date written YYYY-MM-DD as asked: the message says which part the calendar lacks.
    "2026-13-45": ("date_no_such_month_or_day", {"found": "2026-13-45", "month": 13, "day": 45}),
    "2026-13-01": ("date_no_such_month", {"found": "2026-13-01", "month": 13}),
    "2026-02-30": ("date_no_such_day", {"found": "2026-02-30", "day": 30, "month": 2, "year": 2026, "days": 28}),
    "2026-04-31": ("date_no_such_day", {"found": "2026-04-31", "day": 31, "month": 4, "year": 2026, "days": 30}),
    # Written another way: told the form, with the same day in it.
    "15/03/2026": (
        "pattern_date",
        {
            "found": "15/03/2026",
            "suggestion_vi": ' Có phải là "2026-03-15"?',
            "suggestion_en": ' Did you mean "2026-03-15"?',
        },
    ),
    "hôm qua": ("pattern_date", {"found": "hôm qua", "suggestion_vi": "", "suggestion_en": ""}),
}


@pytest.mark.parametrize("typed", list(DATE_MISTAKES))
def test_a_date_that_is_not_one_is_explained_by_what_is_wrong_with_it(data: Path, capsys, typed: str):
    key, values = DATE_MISTAKES[typed]
    before = (data / "status" / "VII.2.yml").read_bytes()
    assert run(data, "VII.2", "--status", "in-progress", "--note", "x", "--date", typed) == 1
    err = capsys.readouterr().err
    vi, en = said(key, **values)
    assert vi in err and en in err
    if key != "pattern_date":
        assert "phải viết dạng" not in err  # it is written YYYY-MM-DD: saying otherwise would be wrong
    assert (data / "status" / "VII.2.yml").read_bytes() == before


def test_an_evidence_date_the_calendar_lacks_names_the_evidence_and_the_day(data: Path, capsys):
    evidence = "12/BC-UBND, 2026-02-30, UBND xã"
    assert run(data, "VII.2", "--status", "in-progress", "--note", "x", "--evidence", evidence) == 1
    reason_vi, reason_en = said("date_no_such_day", found="2026-02-30", day=30, month=2, year=2026, days=28)
    vi, en = said("add_update.evidence_date", found=evidence, reason_vi=reason_vi, reason_en=reason_en)
    err = capsys.readouterr().err
    assert vi in err and en in err


def test_an_unknown_task_id_is_named_as_an_unknown_task_with_the_ids_there_are(data: Path, capsys):
    assert run(data, "VII.9", "--status", "in-progress", "--note", "x") == 1
    err = capsys.readouterr().err
    known = "VII.1, VII.2, VIII.1, VIII.2, VIII.3, IX.1, IX.2"
    vi, en = said(
        "add_update.unknown_task",
        found="VII.9",
        file=data / "tasks.yml",
        known=known,
        suggestion_vi=' Có phải là "VII.2"?',
        suggestion_en=' Did you mean "VII.2"?',
    )
    assert vi in err and en in err
    assert "tên tệp" not in err and "file name" not in err  # the office typed an id, not a file name
    assert not (data / "status" / "VII.9.yml").exists()


def test_a_unit_that_neither_leads_nor_coordinates_the_task_is_warned_about_not_refused(data: Path, capsys):
    # VII.1: led by to-cong-tac-doi-moi, coordinated by cac-ap-ven-song; the cooperative is neither.
    assert run(data, "VII.1", "--status", "in-progress", "--note", "Hỗ trợ", "--unit", "hop-tac-xa-song-may") == 0
    out = capsys.readouterr().out
    [*_, update] = load_plan(data, TODAY).task("VII.1").progress.updates
    assert update.unit == "hop-tac-xa-song-may"  # written all the same
    vi, en = said(
        "status_unit_not_responsible",
        found="hop-tac-xa-song-may",
        task="VII.1",
        file=data / "tasks.yml",
        lead="to-cong-tac-doi-moi",
        coordinating="cac-ap-ven-song",
    )
    label_vi, label_en = said("warning_label")
    assert f"{label_vi}: {vi}" in out and f"{label_en}: {en}" in out


@pytest.mark.parametrize("unit", ["to-cong-tac-doi-moi", "cac-ap-ven-song", None])
def test_a_lead_or_coordinating_unit_reports_without_a_warning(data: Path, capsys, unit: str | None):
    args = ["VII.1", "--status", "in-progress", "--note", "Đã làm"] + (["--unit", unit] if unit else [])
    assert run(data, *args) == 0
    assert "Cảnh báo" not in capsys.readouterr().out
