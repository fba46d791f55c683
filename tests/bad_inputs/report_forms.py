"""The units' report forms (data/reports/<round>/<unit>.xlsx) gone wrong: every refusal of the forms' reader
item 3. The fixture plan's forms (tests/fixtures/report_forms.py) are spoilt as people spoil them:
by filling them with openpyxl by the column headings (tests/form_filling.py), by putting a file in
the wrong place, or by uploading something that is not the form at all. Each message names the file,
and the sheet and cell when there is one ("› Báo cáo › E8").

The form of ban-kinh-te-nong-nghiep for 2026-q3 has its heading row on row 7 and the rows of VII.2
(row 8), VIII.2 (row 9) and IX.2 (row 10, left empty); columns D to I are status, percent, date,
what was done (vi, en) and evidence."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from form_filling import DATE, DONE, EVIDENCE, PERCENT, STATUS, Formatted, fill
from helpers import FIXTURE_DIR, FIXTURE_TODAY, DataCopy

from bad_inputs import BadInput, DataFile, suggesting
from pii_site import load_plan
from pii_site.outputs.form_writer import form_workbook
from pii_site.source.errors import message
from pii_site.source.form_layout import COLUMN, FORM_VERSION, status_words
from pii_site.source.validation import suggestion
from pii_site.source.xlsx_parts import MAX_ROWS

ON_TIME = "reports/2026-q3/ban-kinh-te-nong-nghiep.xlsx"
LATE = "reports/2026-q3/hop-tac-xa-song-may.xlsx"
Q2 = "reports/2026-q2/to-cong-tac-doi-moi.xlsx"


def at(cell: str) -> tuple[str, ...]:
    return (f".xlsx › Báo cáo › {cell}: ",)


def where(task: str, column: str | None = None) -> tuple[str, str]:
    vi, en = message("record.tasks")
    parts_vi, parts_en = [f"{vi} {task}"], [f"{en} {task}"]
    if column:
        column_vi, column_en = message("column", name_vi=COLUMN[column].vi, name_en=COLUMN[column].en)
        parts_vi.append(column_vi)
        parts_en.append(column_en)
    return ", ".join(parts_vi), ", ".join(parts_en)


def filled(name: str, rows: dict[str, dict[str, Any]]) -> Callable[[DataCopy], None]:
    """A spoiler writing `rows` into the form `name` by its headings, as a person would."""

    def spoil(data: DataCopy) -> None:
        data.path(name).write_bytes(fill(data.path(name).read_bytes(), rows))

    return spoil


def placed(name: str, content: bytes | Callable[[DataCopy], bytes]) -> Callable[[DataCopy], None]:
    """A spoiler putting `content` (or what the callable makes from the copy) at `name`."""

    def spoil(data: DataCopy) -> None:
        data.path(name).parent.mkdir(parents=True, exist_ok=True)
        data.path(name).write_bytes(content(data) if callable(content) else content)

    return spoil


def copied(source: str, target: str) -> Callable[[DataCopy], None]:
    def spoil(data: DataCopy) -> None:
        data.path(target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data.path(source), data.path(target))

    return spoil


def workbook_edit(name: str, edit: Callable[[Any], None]) -> Callable[[DataCopy], None]:
    """A spoiler opening the form `name` with openpyxl, editing it and saving it back."""

    def spoil(data: DataCopy) -> None:
        workbook = openpyxl.load_workbook(data.path(name))
        edit(workbook)
        workbook.save(data.path(name))

    return spoil


def merge_what_was_done(workbook: Any) -> None:
    workbook["Báo cáo"].merge_cells("G8:H8")


def rename_the_status_heading(workbook: Any) -> None:
    workbook["Báo cáo"]["D7"] = "Trạng thái"


def remove_the_meta_sheet(workbook: Any) -> None:
    del workbook["meta"]


def from_an_older_layout(workbook: Any) -> None:
    workbook["meta"]["B1"] = "0"


def another_communes_form(data: DataCopy) -> bytes:
    """ban-kinh-te-nong-nghiep's form as another commune's copy of the site makes it (same units and
    tasks, another commune in plan.yml), filled in."""
    with tempfile.TemporaryDirectory() as work:
        other = DataCopy(Path(work, "data"))
        other.replace("plan.yml", 'vi: "xã Sông Mây"', 'vi: "xã Sông Gió"')
        shutil.rmtree(other.path("reports"))
        plan = load_plan(other.root, dt.date.fromisoformat(FIXTURE_TODAY))
        blank = form_workbook(plan, plan.unit("ban-kinh-te-nong-nghiep"), plan.reporting.round("2026-q3"))
    return fill(blank, {"VII.2": {STATUS: "Đang thực hiện", DATE: dt.date(2026, 10, 3), DONE: "Đã làm."}})


def reworded_task(data: DataCopy) -> None:
    """Staff correct VIII.2's wording after ban-kinh-te-nong-nghiep downloaded its form."""
    data.replace("tasks.yml", "Tổ chức cuộc thi “Ý tưởng xanh Sông Mây”", "Tổ chức cuộc thi “Ý tưởng xanh”")


def old_excel() -> bytes:
    """The start of a compound file (OLE), as Excel 97–2003 writes a .xls: renamed to .xlsx."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Workbook".ljust(64, b"\0") * 4


def encrypted() -> bytes:
    """A compound file holding the stream EncryptedPackage: an .xlsx saved with a password."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(64)


def with_sheet(form: Path, sheet: bytes | Callable[[Any], None]) -> bytes:
    """`form` with its report sheet's XML replaced by `sheet` (or written by it into an open entry)."""
    out = io.BytesIO()
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            if entry.filename == "xl/worksheets/sheet1.xml":
                if callable(sheet):
                    with target.open(entry.filename, "w") as stream:
                        sheet(stream)
                else:
                    target.writestr(entry.filename, sheet)
            else:
                target.writestr(entry, source.read(entry))
    return out.getvalue()


def a_million_rows(data: DataCopy) -> bytes:
    """The report sheet with a value in every one of a spreadsheet's 1,048,576 rows."""

    def write(stream: Any) -> None:
        stream.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/')
        stream.write(b'spreadsheetml/2006/main"><sheetData>')
        for start in range(1, 1_048_577, 4096):
            rows = range(start, min(start + 4096, 1_048_577))
            stream.write("".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in rows).encode())
        stream.write(b"</sheetData></worksheet>")

    return with_sheet(data.path(ON_TIME), write)


def a_zip_bomb(data: DataCopy) -> bytes:
    """The form with one more entry: 200 MB of spaces, packed to some 200 KB."""
    out = io.BytesIO(data.path(ON_TIME).read_bytes())
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w") as stream,
    ):
        block = b" " * (1 << 20)
        for _ in range(200):
            stream.write(block)
    return out.getvalue()


def with_doctype(data: DataCopy) -> bytes:
    """The report sheet opening with a DOCTYPE that declares an entity (the billion-laughs shape)."""
    with zipfile.ZipFile(data.path(ON_TIME)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    doctype = b'<!DOCTYPE worksheet [<!ENTITY lol "lol">]>'
    if xml.startswith(b"<?xml"):  # after the XML declaration, where a DOCTYPE goes
        declaration, _, rest = xml.partition(b"?>")
        return with_sheet(data.path(ON_TIME), declaration + b"?>" + doctype + rest)
    return with_sheet(data.path(ON_TIME), doctype + xml)


def truncated(data: DataCopy) -> bytes:
    return data.path(ON_TIME).read_bytes()[:3000]


def blank_form(data: DataCopy) -> bytes:
    plan = load_plan(FIXTURE_DIR, dt.date.fromisoformat(FIXTURE_TODAY))
    return form_workbook(plan, plan.unit("ban-kinh-te-nong-nghiep"), plan.reporting.round("2026-q3"))


STATUS_WORDS = "; ".join(status_words())
ROW = {STATUS: "Đang thực hiện", DATE: dt.date(2026, 10, 3), DONE: "Đã làm."}

CASES = [
    # Where a file is put, and what it is named.
    BadInput(
        "a-reports-folder-that-is-no-round",
        copied(ON_TIME, "reports/2026-q9/ban-kinh-te-nong-nghiep.xlsx"),
        "reports/2026-q9",
        "reports_unknown_round",
        {"found": "2026-q9", "data_file": DataFile("reporting.yml"), "known": "2026-q2, 2026-q3, 2026-q4"}
        | dict(suggestion("2026-q9", ["2026-q2", "2026-q3", "2026-q4"])),
        problems=1,
    ),
    BadInput(
        "a-file-loose-in-the-reports-folder",
        copied(ON_TIME, "reports/ban-kinh-te-nong-nghiep.xlsx"),
        "reports/ban-kinh-te-nong-nghiep.xlsx",
        "reports_stray_entry",
        {"found": "ban-kinh-te-nong-nghiep.xlsx"},
        problems=1,
    ),
    BadInput(
        "an-old-excel-file-in-a-round",
        placed("reports/2026-q3/to-cong-tac-doi-moi.xls", old_excel()),
        "reports/2026-q3/to-cong-tac-doi-moi.xls",
        "reports_old_excel_name",
        {"found": "to-cong-tac-doi-moi.xls"},
        problems=1,
    ),
    BadInput(
        "an-opendocument-spreadsheet-in-a-round",
        placed("reports/2026-q3/to-cong-tac-doi-moi.ods", b"PK\x03\x04"),
        "reports/2026-q3/to-cong-tac-doi-moi.ods",
        "reports_opendocument_name",
        {"found": "to-cong-tac-doi-moi.ods"},
        problems=1,
    ),
    BadInput(
        "a-document-that-is-no-form-in-a-round",
        placed("reports/2026-q3/bao-cao.docx", b"PK\x03\x04"),
        "reports/2026-q3/bao-cao.docx",
        "reports_round_entry",
        {"found": "bao-cao.docx"},
        problems=1,
    ),
    BadInput(
        "a-form-named-after-no-unit",
        copied(ON_TIME, "reports/2026-q3/ban-kinh-te.xlsx"),
        "reports/2026-q3/ban-kinh-te.xlsx",
        "reports_unknown_unit",
        {"found": "ban-kinh-te", "data_file": DataFile("units.yml")} | suggesting("ban-kinh-te-nong-nghiep"),
        problems=1,
    ),
    BadInput(
        "a-form-of-a-unit-that-leads-no-task",
        copied(ON_TIME, "reports/2026-q3/thu-vien-xa.xlsx"),
        "reports/2026-q3/thu-vien-xa.xlsx",
        "reports_unit_not_reporting",
        {"found": "thu-vien-xa"},
        problems=1,
    ),
    # Not the form, or not readable as a workbook.
    BadInput(
        "an-old-excel-file-renamed-xlsx",
        placed(ON_TIME, old_excel()),
        ON_TIME,
        "form_old_excel",
        problems=1,
    ),
    BadInput("a-form-saved-with-a-password", placed(ON_TIME, encrypted()), ON_TIME, "form_encrypted", problems=1),
    BadInput(
        "a-photo-renamed-xlsx",
        placed(ON_TIME, b"\x89PNG\r\n\x1a\n" + bytes(100)),
        ON_TIME,
        "form_not_a_workbook",
        problems=1,
    ),
    BadInput(
        "a-form-cut-short",
        placed(ON_TIME, truncated),
        ON_TIME,
        None,
        says=(
            "tệp bị hỏng hoặc không phải bảng tính Excel hợp lệ",
            "the file is damaged or not a valid Excel workbook",
        ),
        problems=1,
    ),
    BadInput(
        "a-zip-bomb",
        placed(ON_TIME, a_zip_bomb),
        ON_TIME,
        None,
        says=("tệp giải nén ra lớn bất thường", "the file unpacks to far more than any form"),
        problems=1,
    ),
    BadInput(
        "a-sheet-of-a-million-rows",
        placed(ON_TIME, a_million_rows),
        ON_TIME,
        "form_too_many_rows",
        {"limit": MAX_ROWS},
        says=(f".xlsx › Báo cáo › A{MAX_ROWS + 1}: ",),
        problems=1,
    ),
    BadInput(
        "a-sheet-declaring-entities",
        placed(ON_TIME, with_doctype),
        ON_TIME,
        "form_damaged",
        {"detail": "DOCTYPE"},
        problems=1,
    ),
    BadInput(
        "a-workbook-that-is-not-the-sites-form",
        workbook_edit(ON_TIME, remove_the_meta_sheet),
        ON_TIME,
        "form_not_ours",
        {"sheet": "meta"},
        problems=1,
    ),
    BadInput(
        "a-form-of-an-older-layout",
        workbook_edit(ON_TIME, from_an_older_layout),
        ON_TIME,
        "form_version",
        {"found": "0", "current": FORM_VERSION},
        problems=1,
    ),
    # A form that is not this one's: the fingerprint, the unit, the round.
    BadInput(
        "a-form-of-another-communes-plan",
        placed(ON_TIME, another_communes_form),
        ON_TIME,
        "form_other_plan",
        problems=1,
    ),
    BadInput("a-form-made-before-a-task-was-reworded", reworded_task, ON_TIME, "form_tasks_changed", problems=1),
    BadInput(
        "a-form-uploaded-under-another-units-name",
        copied(ON_TIME, LATE),
        LATE,
        "form_unit_mismatch",
        {"found": "ban-kinh-te-nong-nghiep", "expected": "hop-tac-xa-song-may"},
        problems=1,
    ),
    BadInput(
        "a-form-of-another-round",
        copied(Q2, "reports/2026-q3/to-cong-tac-doi-moi.xlsx"),
        "reports/2026-q3/to-cong-tac-doi-moi.xlsx",
        "form_round_mismatch",
        {"found": "2026-q2", "expected": "2026-q3"},
        problems=1,
    ),
    BadInput("a-form-with-nothing-filled-in", placed(ON_TIME, blank_form), ON_TIME, "form_no_rows", problems=1),
    # The sheet changed where only values belong.
    BadInput(
        "a-renamed-column",
        workbook_edit(ON_TIME, rename_the_status_heading),
        ON_TIME,
        "form_column_missing",
        {"name_vi": "Tình trạng", "name_en": "Status", "sheet": "Báo cáo"},
        problems=1,
    ),
    BadInput(
        "merged-cells-in-the-report",
        workbook_edit(ON_TIME, merge_what_was_done),
        ON_TIME,
        "form_merged",
        {"found": "G8:H8"},
        says=at("G8"),
        problems=1,
    ),
    BadInput(
        "a-formula-in-the-percent-column",
        filled(ON_TIME, {"VII.2": {PERCENT: "=40+10"}}),
        ON_TIME,
        "form_formula",
        {"found": "=40+10"},
        says=at("E8"),
        where=where("VII.2", "percent"),
        problems=1,
    ),
    # Rows: a task the unit does not lead, and values that are not what the column holds.
    BadInput(
        "a-row-for-a-task-another-unit-leads",
        filled(ON_TIME, {"VII.1": ROW}),
        ON_TIME,
        "form_task_not_led",
        {"found": "VII.1", "leads": "to-cong-tac-doi-moi"},
        says=at("A11"),
        where=where("VII.1"),
        problems=1,
    ),
    BadInput(
        "text-in-the-percent-column",
        filled(ON_TIME, {"VII.2": {PERCENT: "khoảng 50"}}),
        ON_TIME,
        "form_percent_text",
        {"found": "khoảng 50"},
        says=at("E8"),
        where=where("VII.2", "percent"),
        problems=1,
    ),
    BadInput(
        "a-form-percent-above-100",
        filled(ON_TIME, {"VII.2": {PERCENT: 120}}),
        ON_TIME,
        "form_percent_range",
        {"found": 120},
        says=at("E8"),
        where=where("VII.2", "percent"),
        problems=1,
    ),
    BadInput(
        "a-date-that-is-no-date",
        filled(ON_TIME, {"VII.2": {DATE: "mùng 3 tháng 10"}}),
        ON_TIME,
        "form_date_invalid",
        {"found": "mùng 3 tháng 10"},
        says=at("F8"),
        where=where("VII.2", "date"),
        problems=1,
    ),
    BadInput(
        "a-number-in-the-date-column-not-formatted-as-a-date",
        filled(ON_TIME, {"VII.2": {DATE: Formatted(20261003, "General")}}),  # digits, in a cell set back to General
        ON_TIME,
        "form_date_invalid",
        {"found": "20261003"},
        says=at("F8"),
        where=where("VII.2", "date"),
        problems=1,
    ),
    BadInput(
        "a-form-status-not-in-the-list",
        filled(ON_TIME, {"VII.2": {STATUS: "Xong"}}),
        ON_TIME,
        "form_status_unknown",
        {"found": "Xong", "allowed": STATUS_WORDS},
        says=at("D8"),
        where=where("VII.2", "status"),
        problems=1,
    ),
    BadInput(
        "a-completed-task-without-evidence",
        filled(ON_TIME, {"VII.2": {STATUS: "Hoàn thành", PERCENT: 100, EVIDENCE: None}}),
        ON_TIME,
        "status_completed_no_evidence",
        says=at("D8"),
        where=where("VII.2", "status"),
        problems=1,
    ),
    BadInput(
        "a-report-dated-in-the-future",
        filled(ON_TIME, {"VII.2": {DATE: dt.date(2026, 12, 1)}}),
        ON_TIME,
        "status_date_future",
        {"found": "2026-12-01", "today": FIXTURE_TODAY},
        says=at("F8"),
        where=where("VII.2", "date"),
        problems=1,
    ),
    BadInput(
        "evidence-that-is-neither-a-link-nor-a-document",
        filled(ON_TIME, {"VII.2": {EVIDENCE: "https://example.org/ok\nxem báo cáo của ban"}}),
        ON_TIME,
        "form_evidence_line",
        {"n": 2, "found": "xem báo cáo của ban"},
        says=at("I8"),
        where=where("VII.2", "evidence"),
        problems=1,
    ),
    BadInput(
        "a-row-without-a-status",
        filled(ON_TIME, {"IX.2": {DATE: dt.date(2026, 10, 3), DONE: "Đã thử nghiệm."}}),
        ON_TIME,
        "form_status_missing",
        {"allowed": STATUS_WORDS},
        says=at("D10"),
        where=where("IX.2", "status"),
        problems=1,
    ),
]
