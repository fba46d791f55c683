"""Status files get the same kind of messages as every data file: file, line, update and field, in
Vietnamese and English. One broken copy of the illustrative data per rule."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import DEMO_DIR, DEMO_TODAY
from pii_site import DataError, load_plan

TODAY = dt.date.fromisoformat(DEMO_TODAY)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DEMO_DIR, copy)  # follows the links to data/, so edits stay in the copy
    return copy


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` once; return its 1-based line."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(path: Path, needle: str) -> int:
    """The 1-based line where `needle` first appears (to point at a line without changing it)."""
    text = path.read_text(encoding="utf-8")
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_plan(data_dir, TODAY)
    return [str(p) for p in caught.value.problems]


def test_illustrative_data_is_valid(demo_plan):
    assert len(demo_plan.tasks) == 15


def test_file_named_after_an_unknown_task_names_the_closest_id(demo: Path):
    (demo / "status" / "III.2.yml").rename(demo / "status" / "III.20.yml")
    [problem] = problems(demo)
    assert problem.startswith(f"{demo / 'status' / 'III.20.yml'}: tên tệp phải là mã một nhiệm vụ trong phụ lục")
    assert 'không có nhiệm vụ "III.20". Có phải là "III.2"?' in problem
    assert '(en) the file name must be the id of a task in the appendix, but there is no task "III.20". Did you mean "III.2"?' in problem


def test_date_before_the_plan_starts_says_which_day_is_used(demo: Path):
    path = demo / "status" / "I.3.yml"
    line = edit(path, "date: 2026-03-05", "date: 2026-01-20")
    [problem] = problems(demo)
    assert problem == (
        f'{path}:{line}: cập nhật ngày 2026-01-20, trường "date": ngày 2026-01-20 sớm hơn ngày bắt đầu của kế hoạch '
        "(2026-02-01; bản gốc không ghi ngày ban hành nên lấy ngày đầu tiên của tháng ban hành).\n"
        '    (en) update of 2026-01-20, field "date": the date 2026-01-20 is before the plan starts '
        "(2026-02-01; the source document gives no day of issue, so the first day of its month is used)."
    )


def test_date_in_the_future(demo: Path):
    path = demo / "status" / "I.3.yml"
    line = edit(path, "date: 2026-10-30", "date: 2026-12-01")
    [problem] = problems(demo)
    assert problem.startswith(f'{path}:{line}: cập nhật ngày 2026-12-01, trường "date": ngày 2026-12-01 ở tương lai (hôm nay là 2026-11-26)')
    assert "(en) update of 2026-12-01, field \"date\": the date 2026-12-01 is in the future (today is 2026-11-26)" in problem


def test_percent_outside_0_to_100(demo: Path):
    path = demo / "status" / "III.2.yml"
    line = edit(path, "percent: 60", "percent: 160")
    [problem] = problems(demo)
    assert problem.startswith(f'{path}:{line}: cập nhật ngày 2026-10-01, trường "percent": giá trị 160 lớn hơn mức tối đa 100.')


def test_completed_without_evidence_and_without_100(demo: Path):
    path = demo / "status" / "III.2.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    status: in-progress\n    percent: 60", "    status: completed\n    percent: 90")
    text = text[: text.rindex("    evidence:")]
    path.write_text(text, encoding="utf-8")
    line = text.count("\n", 0, text.index("status: completed")) + 1
    found = problems(demo)
    assert found == [
        f'{path}:{line}: cập nhật ngày 2026-10-01, trường "status": nhiệm vụ báo "completed" (hoàn thành) phải có ít nhất '
        "một minh chứng (evidence): đường dẫn hoặc số, ngày, cơ quan ban hành văn bản.\n"
        '    (en) update of 2026-10-01, field "status": a "completed" report needs at least one piece of evidence: '
        "a link, or a document's number, date and issuing body.",
        f'{path}:{line}: cập nhật ngày 2026-10-01, trường "status": nhiệm vụ báo "completed" (hoàn thành) phải ghi '
        "percent: 100 (đang ghi: 90).\n"
        '    (en) update of 2026-10-01, field "status": a "completed" report must say percent: 100 (it says: 90).',
    ]


def test_updates_out_of_date_order_point_at_the_earlier_line(demo: Path):
    path = demo / "status" / "I.3.yml"
    first = edit(path, "date: 2026-06-30", "date: 2026-11-02")
    third = line_of(path, "date: 2026-10-30")
    [problem] = problems(demo)
    assert problem.startswith(
        f'{path}:{third}: cập nhật ngày 2026-10-30, trường "date": ngày 2026-10-30 sớm hơn cập nhật ở trên (2026-11-02, dòng {first})'
    )


def test_unknown_reporting_unit_names_the_closest(demo: Path):
    path = demo / "status" / "IV.1.yml"
    line = edit(path, "unit: ngan-hang-chinh-sach-xa-hoi", "unit: ngan-hang-chinh-sach")
    [problem] = problems(demo)
    assert problem.startswith(f'{path}:{line}: cập nhật ngày 2026-05-20, trường "unit": không có đơn vị "ngan-hang-chinh-sach"')
    assert 'Did you mean "ngan-hang-chinh-sach-xa-hoi"?' in problem


def test_incomplete_document_reference(demo: Path):
    path = demo / "status" / "II.1.yml"
    edit(path, '        date: 2026-07-10\n', "")
    [problem] = problems(demo)
    assert "evidence needs a link (url), or a document's number, date and issuing body (issuer) all together." in problem


def test_unknown_status_lists_the_allowed_ones(demo: Path):
    path = demo / "status" / "III.1.yml"
    line = edit(path, "status: delayed", "status: late")
    [problem] = problems(demo)
    assert problem.startswith(f'{path}:{line}: cập nhật ngày 2026-08-20, trường "status": giá trị "late" không hợp lệ')


def test_update_without_english_note_is_valid(demo_plan):
    note = demo_plan.task("I.3").progress.latest.note
    assert note.vi and note.en is None


def test_an_empty_status_file_means_no_update_yet(tmp_path: Path):
    from conftest import DATA_DIR

    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    assert (copy / "status" / "III.2.yml").read_text(encoding="utf-8").endswith("\nupdates:\n")
    (copy / "status" / "III.2.yml").unlink()  # a missing file means the same
    plan = load_plan(copy, TODAY)
    assert all(t.progress.status == "no-update" for t in plan.tasks)


def test_every_status_file_points_editors_at_its_schema():
    from conftest import DATA_DIR

    files = sorted((DATA_DIR / "status").glob("*.yml")) + sorted((DEMO_DIR / "status").glob("*.yml"))
    assert len(files) == 15 + 12
    for path in files:
        assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../schema/status.schema.json"



@pytest.mark.parametrize("address", ["https://...", "https://example.org/a b", 'https://x.org/"><script>', "javascript:alert(1)"])
def test_evidence_address_must_be_a_complete_web_address(demo: Path, address: str):
    path = demo / "status" / "III.2.yml"
    line = edit(path, "- url: https://example.org/minh-hoa/dich-vu-cong", f"- url: '{address}'")
    [problem] = problems(demo)
    assert problem.startswith(f"{path}:{line}: ")
    assert 'phải là một địa chỉ web đầy đủ, bắt đầu bằng https:// và không có khoảng trắng' in problem
    assert '(en) ' in problem and "must be a complete web address starting with https://" in problem


@pytest.mark.parametrize("guide", ["docs/vi/guide.md", "docs/en/guide.md"])
def test_the_guides_block_pasted_at_the_end_of_a_shipped_file_is_valid(tmp_path: Path, guide: str):
    """Step 3 of the staff guide: paste the block at the end of data/status/<ID>.yml as shipped."""
    from conftest import DATA_DIR, PROJECT_DIR

    lines = (PROJECT_DIR / guide).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("- date: "))
    block = []
    for line in lines[start:]:
        if not line.strip():
            break
        block.append(line)
    margin = len(block[0]) - len(block[0].lstrip()) - 2  # the guide says: two spaces before "- date:"
    pasted = "\n".join(line[margin:] for line in block) + "\n"
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    status = copy / "status" / "III.2.yml"
    # The placeholder address must be replaced by a real one, as the guide asks.
    status.write_text(status.read_text(encoding="utf-8") + pasted.replace("https://...", "https://example.gov.vn/tin/1"), encoding="utf-8")
    plan = load_plan(copy, TODAY)
    assert len(plan.task("III.2").progress.updates) == 1
