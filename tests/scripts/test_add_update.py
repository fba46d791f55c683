"""scripts/add_update.py: the office adds one update with one command. Success appends to the end
of the task's file and keeps everything above byte for byte; every refusal explains itself in both
languages, exits 1 and leaves the file exactly as it was (or does not create it). Runs on a copy of
the fixture plan (tests/fixtures/plan) seen from FIXTURE_TODAY."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import (
    AWKWARD,
    FEW,
    FIXTURE_DIR,
    FIXTURE_TODAY,
    PROJECT_DIR,
    DataCopy,
    fixture_documents,
    load_script,
)
from hypothesis import event, given, settings
from hypothesis import strategies as st

from pii_site import load_plan
from pii_site.model.progress import STATUSES
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


def script(name: str, *args: str | bytes, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(PROJECT_DIR / "scripts" / f"{name}.py"), *args]
    environment = {**os.environ, "PII_TODAY": FIXTURE_TODAY, **env}
    return subprocess.run(command, capture_output=True, env=environment, timeout=120)


def test_add_update_reports_a_yaml_error_in_the_status_file_with_its_line(data: Path, capsys):
    path = data / "status" / "VII.2.yml"
    text = path.read_text(encoding="utf-8")
    broken = text + "  - date: [2026-11-20\n"
    path.write_text(broken, encoding="utf-8")
    line = broken.count("\n") + 1  # PyYAML notices the missing "]" at the end of the file
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line}: lỗi cú pháp YAML" in err and "YAML syntax error" in err
    assert "last entry" not in err and "Nothing was written" in err
    assert path.read_text(encoding="utf-8") == broken


def test_add_update_names_a_note_that_is_not_text_instead_of_blaming_the_file(data: Path):
    # On Linux, bytes that are not UTF-8 (a Windows-1258 terminal) reach sys.argv as lone surrogates.
    files = {p: p.read_bytes() for p in (data / "status").iterdir()}
    result = script("add_update", "VII.2", "--status", "in-progress", "--note", b"\xd0\xe3 h\xf2p", "--data", str(data))
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    assert "Nội dung --note không phải văn bản hợp lệ" in err and "--note is not valid text" in err
    assert "VII.2.yml" not in err
    assert {p: p.read_bytes() for p in (data / "status").iterdir()} == files


def test_add_update_stores_a_decomposed_note_as_nfc(data: Path):
    note, unit = "Đã họp dân ấp Sông Mây", "ban-kinh-te-nong-nghiep"
    decomposed = unicodedata.normalize("NFD", note)
    assert decomposed != note
    args = ["VII.2", "--status", "in-progress", "--note", decomposed, "--note-en", unicodedata.normalize("NFD", "Met")]
    assert add_update.main([*args, "--unit", unit, "--date", "2026-11-25", "--data", str(data)]) == 0
    text = (data / "status" / "VII.2.yml").read_text(encoding="utf-8")
    assert note in text and decomposed not in text
    assert yaml.safe_load(text)["updates"][-1]["note"]["vi"] == note


def test_add_update_without_tasks_yml_says_it_is_missing(data: Path, capsys):
    # The default unit comes from tasks.yml alone; without it, the full check explains.
    (data / "tasks.yml").unlink()
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    vi, en = message("file_missing")
    assert "tasks.yml" in err and vi in err and en in err and "Nothing was written" in err


def test_add_update_reads_the_plan_once(data: Path, monkeypatch):
    loads = []
    real = add_update.load_plan

    def counted(*args, **kwargs):
        loads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(add_update, "load_plan", counted)
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data)]) == 0
    assert len(loads) == 1


@pytest.mark.usefixtures("fixture_today")
def test_add_update_to_a_file_not_in_utf8_says_so_and_writes_nothing(data_copy: DataCopy, capsys):
    path = data_copy.path("status/VII.2.yml")
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    before = path.read_bytes()
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    vi, en = message("add_update.not_utf8", file=path)
    assert vi in err and en in err and "Traceback" not in err
    assert path.read_bytes() == before


@pytest.mark.usefixtures("fixture_today")
def test_add_update_with_a_data_folder_that_does_not_exist_says_so(tmp_path, capsys):
    missing = tmp_path / "no-such-folder"
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(missing)]) == 1
    vi, en = message("add_update.no_data_folder", folder=missing)
    err = capsys.readouterr().err
    assert vi in err and en in err
    assert not missing.exists()


# A vertical tab (a control character) and U+FFFE (not a character at all), neither allowed in XML.
@pytest.mark.usefixtures("fixture_today")
@pytest.mark.parametrize(("character", "code"), [("\v", "U+000B"), ("\ufffe", "U+FFFE")])
def test_add_update_note_with_a_character_no_page_may_hold_is_refused(data_copy: DataCopy, capsys, character, code):
    path = data_copy.path("status/VII.2.yml")
    before = path.read_bytes()
    arguments = ["VII.2", "--status", "in-progress", "--note", f"a{character}b", "--data", str(data_copy.root)]
    assert add_update.main(arguments) == 1
    vi, en = message("control_character", code=code)
    err = capsys.readouterr().err
    assert f"{path}:" in err and vi in err and en in err
    assert path.read_bytes() == before


@pytest.mark.usefixtures("fixture_today")
def test_add_update_keeps_windows_line_endings_byte_for_byte(data_copy: DataCopy, capsys):
    path = data_copy.path("status/VII.2.yml")
    before = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(before)
    assert (
        add_update.main(
            [
                "VII.2",
                "--status",
                "in-progress",
                "--note",
                "Tiếp tục",
                "--date",
                "2026-11-25",
                "--data",
                str(data_copy.root),
            ]
        )
        == 0
    ), capsys.readouterr().err
    after = path.read_bytes()
    assert after[: len(before)] == before  # cmp: the old bytes are untouched
    added = after[len(before) :]
    assert added and added.count(b"\n") == added.count(b"\r\n")  # the new lines end like the old ones
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    latest = plan.task("VII.2").progress.latest
    assert latest is not None and latest.note.vi == "Tiếp tục"


@pytest.mark.usefixtures("fixture_today")
def test_add_update_to_an_empty_crlf_list_keeps_crlf(data_copy: DataCopy):
    path = data_copy.path("status/IX.2.yml")  # the fixture's task with "updates:" and nothing under it
    path.write_bytes(b"# comment\r\nupdates: []\r\n")
    assert add_update.main(["IX.2", "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 0
    after = path.read_bytes()
    assert after.startswith(b"# comment\r\nupdates:\r\n  - date: ") and after.count(b"\n") == after.count(b"\r\n")


@pytest.mark.usefixtures("fixture_today")
def test_add_update_refuses_a_percent_that_is_not_a_whole_number(data_copy: DataCopy, capsys):
    path = data_copy.path("status/VII.2.yml")
    before = path.read_bytes()
    arguments = ["VII.2", "--status", "in-progress", "--percent", "50.5", "--note", "x", "--data", str(data_copy.root)]
    assert add_update.main(arguments) == 1
    expected_vi, expected_en = message("kind.int")
    found_vi, found_en = message("read_as.quoted_number", found="50.5")
    vi, en = message(
        "wrong_type", expected_vi=expected_vi, expected_en=expected_en, found_vi=found_vi, found_en=found_en
    )
    err = capsys.readouterr().err
    assert vi in err and en in err and "Traceback" not in err
    assert path.read_bytes() == before


@pytest.mark.usefixtures("fixture_today")
def test_add_update_reads_no_file_outside_the_data_through_a_link(data_copy: DataCopy, tmp_path, capsys):
    secret = tmp_path / "secret.yml"
    secret.write_text("password: hunter2-do-not-print\n", encoding="utf-8")
    data_copy.path("status/VII.2.yml").unlink()
    data_copy.path("status/VII.2.yml").symlink_to(secret)
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    assert "hunter2" not in err and "Traceback" not in err
    assert secret.read_text(encoding="utf-8") == "password: hunter2-do-not-print\n"


@pytest.mark.usefixtures("fixture_today")
def test_add_update_with_a_folder_at_the_lock_path_says_so(data_copy: DataCopy, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("pii_site.source.status_file.tempfile.gettempdir", lambda: str(tmp_path))
    path = data_copy.path("status/VII.2.yml")
    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:32]
    (tmp_path / f"pii-site-{key}.lock").mkdir()
    before = path.read_bytes()
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    assert (
        "Traceback" not in err
        and message("add_update.lock_failed", file=tmp_path / f"pii-site-{key}.lock", reason="Is a directory")[1] in err
    )
    assert path.read_bytes() == before


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.parametrize("task_id", ["VII.02", "IIII.1", "I." + "1" * 400])
def test_add_update_refuses_a_task_id_in_another_spelling_or_too_long(data_copy: DataCopy, capsys, task_id):
    assert add_update.main([task_id, "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and task_id[:20] in err


FIXTURE = fixture_documents()


texts = st.one_of(st.sampled_from(AWKWARD), st.text(max_size=20))


def run_script(script: Any, argv: list[str]) -> tuple[int, str]:
    """A script's exit status and everything it printed (any exception goes up to the test)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        return script.main(argv), out.getvalue()


TASK_IDS = [task.id for task in load_plan(FIXTURE_DIR, dt.date.fromisoformat(FIXTURE_TODAY)).tasks]


UNIT_IDS = [unit["id"] for unit in FIXTURE["units.yml"]["units"]]


def option(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """An option given or not: [] or [name, value]."""
    return st.one_of(st.just([]), values.map(lambda value: [name, value]))


# A command line may also hold bytes that are not UTF-8, which Python passes on as lone surrogates.
arguments = st.one_of(texts, st.just("caf\udce9"))


dates = st.one_of(st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)).map(dt.date.isoformat), arguments)


evidence = st.one_of(
    arguments,
    st.builds(lambda path: f"https://example.org/{path}", st.text(max_size=15)),
    st.builds(lambda number, day, issuer: f"{number}, {day}, {issuer}", arguments, dates, arguments),
)


commands = st.builds(
    lambda task, status, note, *options: [task, "--status", status, "--note", note, *sum(options, [])],
    st.one_of(st.sampled_from(TASK_IDS), arguments),
    st.one_of(st.sampled_from(list(STATUSES)), arguments),
    arguments,
    option("--percent", st.one_of(st.integers(-10, 110).map(str), arguments)),
    option("--note-en", arguments),
    option("--date", dates),
    option("--unit", st.one_of(st.sampled_from(UNIT_IDS), arguments)),
    option("--evidence", evidence),
    option("--evidence", evidence),
)


argument_lists = st.lists(
    st.one_of(arguments, st.sampled_from(["--status", "--note", "--data", "--date", "-h", "--"])), max_size=6
)


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.slow  # random inputs by the hundred: a fuzzing run, in `make test`, not in the edit loop
@settings(FEW, max_examples=60)
@given(argv=st.one_of(commands, argument_lists))
def test_random_arguments_to_add_update_are_added_or_explained_and_leave_a_valid_file(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy_ = DataCopy(Path(folder) / "data")
        before = {path: path.read_bytes() for path in copy_.path("status").iterdir()}
        status, output = run_script(add_update, [*argv, "--data", str(copy_.root)])
        event(f"exit status {status}")
        assert status in (0, 1), output
        assert "Traceback" not in output
        after = {path: path.read_bytes() for path in copy_.path("status").iterdir()}
        if status == 0:
            # One file grew by the update (or was made for it) and the plan still loads; or nothing
            # changed because the help was asked for.
            changed = [path for path in after if before.get(path) != after[path]]
            if changed:
                assert len(changed) == 1 and after[changed[0]].startswith(before.get(changed[0], b"")), output
                load_plan(copy_.root, dt.date.fromisoformat(FIXTURE_TODAY))
            else:
                assert output.startswith("usage:"), output
        else:
            assert after == before, output
