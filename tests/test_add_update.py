"""scripts/add_update.py: the office adds one update with one command. Success appends to the end
of the task's file and keeps everything above byte for byte; every refusal explains itself in both
languages, exits 1 and leaves the file exactly as it was (or does not create it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DEMO_DIR, DEMO_TODAY, load_script
from pii_site import load_plan

add_update = load_script("add_update")


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DEMO_DIR, copy)
    monkeypatch.setenv("PII_TODAY", DEMO_TODAY)
    return copy


def run(data: Path, *args: str) -> int:
    return add_update.main([*args, "--data", str(data)])


def test_appends_one_update_and_keeps_comments_and_order(demo: Path, capsys):
    path = demo / "status" / "III.2.yml"
    before = path.read_bytes()
    code = run(demo, "III.2", "--status", "completed", "--percent", "100", "--note", "Đã hoàn thành <b>đợt 1</b>",
               "--note-en", "Done", "--evidence", "https://example.org/x", "--evidence", "15/BC-UBND, 2026-11-20, UBND xã",
               "--date", "2026-11-25", "--unit", "trung-tam-phuc-vu-hanh-chinh-cong")
    assert code == 0, capsys.readouterr().err
    after = path.read_bytes()
    assert after.startswith(before)  # comments, order and earlier updates untouched
    added = yaml.safe_load(after)["updates"][-1]
    assert added["status"] == "completed" and added["percent"] == 100
    assert added["note"] == {"vi": "Đã hoàn thành <b>đợt 1</b>", "en": "Done"}
    assert added["evidence"][0] == {"url": "https://example.org/x"}
    assert added["evidence"][1]["number"] == "15/BC-UBND"
    task = load_plan(demo).task("III.2")
    assert task.progress.status == "completed" and str(task.progress.last_date) == "2026-11-25"
    assert "Đã thêm cập nhật ngày 2026-11-25" in capsys.readouterr().out


def test_first_update_fills_the_empty_list_and_defaults_to_today_and_the_lead_unit(demo: Path):
    path = demo / "status" / "V.1.yml"
    assert not path.exists()
    assert run(demo, "V.1", "--status", "in-progress", "--note", "Bắt đầu") == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/status.schema.json\n")
    update = load_plan(demo).task("V.1").progress.latest
    assert str(update.date) == DEMO_TODAY and update.unit == "phong-van-hoa-xa-hoi" and update.note.en is None
    # Appending again, under the list that now exists.
    assert run(demo, "V.1", "--status", "delayed", "--percent", "5", "--note", "Chậm") == 0
    assert [u.status for u in load_plan(demo).task("V.1").progress.updates] == ["in-progress", "delayed"]


REFUSALS = {
    "unknown task": (["III.9", "--status", "in-progress", "--note", "x"], 'không có nhiệm vụ "III.9"'),
    "badly written task id": (["3.2", "--status", "in-progress", "--note", "x"], 'mã nhiệm vụ "3.2" phải có dạng'),
    "unknown status": (["III.2", "--status", "done", "--note", "x"], 'giá trị "done" không hợp lệ'),
    "percent above 100": (["III.2", "--status", "in-progress", "--percent", "120", "--note", "x"], "lớn hơn mức tối đa 100"),
    "percent not a number": (["III.2", "--status", "in-progress", "--percent", "half", "--note", "x"], "cần một số nguyên"),
    "completed without evidence": (["III.2", "--status", "completed", "--percent", "100", "--note", "x"], "phải có ít nhất một minh chứng"),
    "completed without 100": (["III.2", "--status", "completed", "--percent", "90", "--note", "x", "--evidence", "https://e.org"], "phải ghi percent: 100"),
    "date before the plan": (["III.2", "--status", "in-progress", "--note", "x", "--date", "2025-12-31"], "sớm hơn ngày bắt đầu của kế hoạch"),
    "date in the future": (["III.2", "--status", "in-progress", "--note", "x", "--date", "2026-12-31"], "ở tương lai"),
    "date out of order": (["III.2", "--status", "in-progress", "--note", "x", "--date", "2026-09-01"], "sớm hơn cập nhật ở trên"),
    "badly written date": (["III.2", "--status", "in-progress", "--note", "x", "--date", "1/9/2026"], "phải viết dạng YYYY-MM-DD"),
    "unknown unit": (["III.2", "--status", "in-progress", "--note", "x", "--unit", "phong-kinh"], 'không có đơn vị "phong-kinh"'),
    "bad evidence": (["III.2", "--status", "in-progress", "--note", "x", "--evidence", "báo cáo số 5"], "phải là đường dẫn"),
    "empty note": (["III.2", "--status", "in-progress", "--note", " "], "nội dung đang để trống"),
    "missing note": (["III.2", "--status", "in-progress"], "--note"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_every_refusal_explains_and_leaves_the_file_unchanged(demo: Path, capsys, case: str):
    args, expected = REFUSALS[case]
    files = {p: p.read_bytes() for p in (demo / "status").iterdir()}
    assert run(demo, *args) == 1
    err = capsys.readouterr().err
    assert expected in err
    assert {p: p.read_bytes() for p in (demo / "status").iterdir()} == files  # nothing changed, nothing created


def test_refuses_when_updates_is_not_the_last_entry(demo: Path, capsys):
    path = demo / "status" / "III.2.yml"
    text = path.read_text(encoding="utf-8").replace("due: 2026-12-31\n", "") + "due: 2026-12-31\n"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    assert run(demo, "III.2", "--status", "in-progress", "--note", "x") == 1
    assert '"updates" must be the last entry of the file' in capsys.readouterr().err
    assert path.read_bytes() == before
