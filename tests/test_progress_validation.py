"""Status files get the same kind of messages as every data file: file, line, update and field, in
Vietnamese and English. One broken copy of the fixture plan (tests/fixtures/plan, seen from
FIXTURE_TODAY) per rule."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from helpers import FIXTURE_TODAY, PROJECT_DIR, DataCopy

from pii_site import DataError, load_plan
from pii_site.model.progress import STATUSES
from pii_site.outputs.json_schema import json_schemas, schema_file_name
from pii_site.source.status_file import new_file

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


def problems(data: DataCopy) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_plan(data.root, TODAY)
    return [str(p) for p in caught.value.problems]


def test_status_files_of_every_kind_are_valid(plan):
    # The fixture holds every status (and both forms of "no update"), and it loads without a problem.
    assert {t.progress.status for t in plan.tasks} == set(STATUSES)


def test_file_named_after_an_unknown_task_names_the_closest_id(data_copy: DataCopy):
    data_copy.path("status/VII.2.yml").rename(data_copy.path("status/VII.20.yml"))
    [problem] = problems(data_copy)
    assert problem.startswith(f"{data_copy.path('status/VII.20.yml')}: tên tệp phải là mã một nhiệm vụ trong phụ lục")
    assert 'không có nhiệm vụ "VII.20". Có phải là "VII.2"?' in problem
    assert (
        '(en) the file name must be the id of a task in the appendix, but there is no task "VII.20". Did you mean "VII.2"?'
        in problem
    )


def test_date_before_the_plan_starts_says_which_day_is_used(data_copy: DataCopy):
    # The fixture plan is dated March 2026 with no day: it starts on 1 March.
    line = data_copy.replace("status/VII.1.yml", "date: 2026-04-10", "date: 2026-02-20")
    [problem] = problems(data_copy)
    assert problem == (
        f'{data_copy.path("status/VII.1.yml")}:{line}: cập nhật ngày 2026-02-20, trường "date": ngày 2026-02-20 sớm hơn '
        "ngày bắt đầu của kế hoạch (2026-03-01; bản gốc không ghi ngày ban hành nên lấy ngày đầu tiên của tháng ban hành).\n"
        '    (en) update of 2026-02-20, field "date": the date 2026-02-20 is before the plan starts '
        "(2026-03-01; the source document gives no day of issue, so the first day of its month is used)."
    )


def test_date_in_the_future(data_copy: DataCopy):
    line = data_copy.replace("status/VII.2.yml", "- date: 2026-10-15", "- date: 2026-12-01")
    [problem] = problems(data_copy)
    path = data_copy.path("status/VII.2.yml")
    assert problem.startswith(
        f'{path}:{line}: cập nhật ngày 2026-12-01, trường "date": ngày 2026-12-01 ở tương lai (hôm nay là {FIXTURE_TODAY})'
    )
    assert (
        f'(en) update of 2026-12-01, field "date": the date 2026-12-01 is in the future (today is {FIXTURE_TODAY})'
        in problem
    )


def test_percent_outside_0_to_100(data_copy: DataCopy):
    line = data_copy.replace("status/VII.2.yml", "percent: 65", "percent: 160")
    [problem] = problems(data_copy)
    assert problem.startswith(
        f'{data_copy.path("status/VII.2.yml")}:{line}: cập nhật ngày 2026-10-15, trường "percent": giá trị 160 lớn hơn mức tối đa 100.'
    )


def test_completed_without_evidence_and_without_100(data_copy: DataCopy):
    path = data_copy.path("status/VII.2.yml")
    text = path.read_text(encoding="utf-8")
    text = text.replace("    status: in-progress\n    percent: 65", "    status: completed\n    percent: 90")
    text = text[: text.rindex("    evidence:")]
    path.write_text(text, encoding="utf-8")
    line = text.count("\n", 0, text.index("status: completed")) + 1
    assert problems(data_copy) == [
        f'{path}:{line}: cập nhật ngày 2026-10-15, trường "status": nhiệm vụ báo "completed" (hoàn thành) phải có ít nhất '
        "một minh chứng (evidence): đường dẫn hoặc số, ngày, cơ quan ban hành văn bản.\n"
        '    (en) update of 2026-10-15, field "status": a "completed" report needs at least one piece of evidence: '
        "a link, or a document's number, date and issuing body.",
        f'{path}:{line}: cập nhật ngày 2026-10-15, trường "status": nhiệm vụ báo "completed" (hoàn thành) phải ghi '
        "percent: 100 (đang ghi: 90).\n"
        '    (en) update of 2026-10-15, field "status": a "completed" report must say percent: 100 (it says: 90).',
    ]


def test_updates_out_of_date_order_point_at_the_earlier_line(data_copy: DataCopy):
    first = data_copy.replace("status/VII.1.yml", "date: 2026-04-10", "date: 2026-10-01")
    second = data_copy.line_of("status/VII.1.yml", "date: 2026-09-25")
    [problem] = problems(data_copy)
    assert problem.startswith(
        f'{data_copy.path("status/VII.1.yml")}:{second}: cập nhật ngày 2026-09-25, trường "date": '
        f"ngày 2026-09-25 sớm hơn cập nhật ở trên (2026-10-01, dòng {first})"
    )


def test_unknown_reporting_unit_names_the_closest(data_copy: DataCopy):
    line = data_copy.replace("status/VII.2.yml", "unit: hop-tac-xa-song-may", "unit: hop-tac-xa-song")
    [problem] = problems(data_copy)
    assert problem.startswith(
        f'{data_copy.path("status/VII.2.yml")}:{line}: cập nhật ngày 2026-05-05, trường "unit": không có đơn vị "hop-tac-xa-song"'
    )
    assert 'Did you mean "hop-tac-xa-song-may"?' in problem


def test_incomplete_document_reference(data_copy: DataCopy):
    data_copy.replace("status/VII.1.yml", "        date: 2026-09-24\n", "")
    [problem] = problems(data_copy)
    assert (
        "evidence needs a link (url), or a document's number, date and issuing body (issuer) all together." in problem
    )


def test_unknown_status_lists_the_allowed_ones(data_copy: DataCopy):
    line = data_copy.replace("status/VIII.1.yml", "status: delayed", "status: late")
    [problem] = problems(data_copy)
    assert problem.startswith(
        f'{data_copy.path("status/VIII.1.yml")}:{line}: cập nhật ngày 2026-07-20, trường "status": giá trị "late" không hợp lệ'
    )


def test_update_without_english_note_is_valid(plan):
    note = plan.task("VIII.1").progress.latest.note
    assert note.vi and note.en is None


def test_a_new_status_file_or_none_at_all_means_no_update_yet(data_copy: DataCopy):
    # The file a new task starts from (comments, then "updates:" with nothing under it) ...
    data_copy.path("status/VII.2.yml").write_text(new_file("VII.2"), encoding="utf-8")
    assert data_copy.path("status/VII.2.yml").read_text(encoding="utf-8").endswith("\nupdates:\n")
    data_copy.path("status/VII.1.yml").unlink()  # ... and a missing file mean the same
    plan = load_plan(data_copy.root, TODAY)
    assert plan.task("VII.2").progress.status == plan.task("VII.1").progress.status == "no-update"
    assert plan.task("VII.2").progress.updates == ()


def test_a_new_status_file_points_editors_at_the_exported_status_schema():
    # Status files live in <data>/status/, the schemas in <data>/schema/ (written by `make schema`).
    first = new_file("VIII.3").splitlines()[0]
    name = schema_file_name("status/*.yml")
    assert first == f"# yaml-language-server: $schema=../schema/{name}"
    assert name in json_schemas()


@pytest.mark.parametrize(
    "address", ["https://...", "https://example.org/a b", 'https://x.org/"><script>', "javascript:alert(1)"]
)
def test_evidence_address_must_be_a_complete_web_address(data_copy: DataCopy, address: str):
    line = data_copy.replace(
        "status/VII.2.yml", "- url: https://example.org/san-may/mat-ong-tram?ma=SM-01", f"- url: '{address}'"
    )
    [problem] = problems(data_copy)
    assert problem.startswith(f"{data_copy.path('status/VII.2.yml')}:{line}: ")
    assert "phải là một địa chỉ web đầy đủ, bắt đầu bằng https:// và không có khoảng trắng" in problem
    assert "(en) " in problem and "must be a complete web address starting with https://" in problem


@pytest.mark.parametrize("guide", ["docs/vi/guide.md", "docs/en/guide.md"])
def test_the_guides_block_pasted_at_the_end_of_a_file_without_updates_is_valid(data_copy: DataCopy, plan, guide: str):
    """Step 3 of the staff guide: paste the block at the end of <data>/status/<ID>.yml as a new task has it."""
    lines = (PROJECT_DIR / guide).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("- date: "))
    block = []
    for line in lines[start:]:
        if not line.strip():
            break
        block.append(line)
    margin = len(block[0]) - len(block[0].lstrip()) - 2  # the guide says: two spaces before "- date:"
    pasted = "\n".join(line[margin:] for line in block) + "\n"
    # Step 4: the unit is one of this plan's units, and the placeholder address a real one.
    task = next(
        t for t in plan.tasks if t.progress.status == "no-update" and data_copy.path(f"status/{t.id}.yml").is_file()
    )
    pasted = re.sub(r"(?m)^(\s+unit:) \S+", rf"\1 {task.lead[0].id}", pasted).replace(
        "https://...", "https://example.gov.vn/tin/1"
    )
    status = data_copy.path(f"status/{task.id}.yml")
    assert status.read_text(encoding="utf-8").endswith("\nupdates:\n")
    status.write_text(status.read_text(encoding="utf-8") + pasted, encoding="utf-8")
    [update] = load_plan(data_copy.root, TODAY).task(task.id).progress.updates
    assert update.status == "in-progress" and update.percent == 20 and update.unit == task.lead[0].id
