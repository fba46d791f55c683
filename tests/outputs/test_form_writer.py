"""The units' blank report forms (pii_site.outputs.form_writer), opened with openpyxl as a reader
other than ours: the sheets a unit sees and the ones it does not, the cells it may and may not
change, the drop-down, the checks and their messages, the print set-up, nothing personal, and the
same bytes from the same plan. Published as forms/<unit>.xlsx and linked from the site."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from form_filling import headings
from helpers import FIXTURE_TODAY, DataCopy, load_script

from pii_site import load_plan
from pii_site.outputs.form_writer import form_files, form_workbook
from pii_site.source.form_layout import COLUMNS, status_words

UNIT = "ban-kinh-te-nong-nghiep"  # leads VII.2, VIII.2, IX.2; coordinates nothing; has a phone and an e-mail
TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


@pytest.fixture(scope="module")
def form(plan) -> bytes:
    return form_workbook(plan, plan.unit(UNIT), plan.reporting.round("2026-q3"))


@pytest.fixture(scope="module")
def book(form):
    return openpyxl.load_workbook(io.BytesIO(form))


def test_a_form_has_the_report_sheet_first_and_hides_the_list_and_the_meta_sheet(book):
    assert book.sheetnames == ["Báo cáo", "Phối hợp", "Hướng dẫn", "Danh sách", "meta"]
    assert book.active.title == "Báo cáo"
    states = {sheet.title: sheet.sheet_state for sheet in book.worksheets}
    assert states == {
        "Báo cáo": "visible",
        "Phối hợp": "visible",
        "Hướng dẫn": "visible",
        "Danh sách": "hidden",
        "meta": "veryHidden",  # Excel's "Unhide" does not offer it
    }


def test_one_row_per_task_the_unit_leads_with_its_code_pillar_and_text(book, plan):
    sheet = book["Báo cáo"]
    row, columns = headings(sheet)
    assert [sheet.cell(row, index + 1).value for index in range(len(COLUMNS))] == [c.heading for c in COLUMNS]
    led = plan.tasks_led_by(plan.unit(UNIT))
    rows = [
        tuple(sheet.cell(r, columns[name]).value for name in ("Mã nhiệm vụ", "Trụ cột", "Nhiệm vụ"))
        for r in range(row + 1, sheet.max_row + 1)
    ]
    assert rows == [(t.id, t.pillar.name.vi, t.text.vi) for t in led]


def test_only_the_cells_to_fill_in_are_unlocked_and_the_sheets_are_protected_without_a_password(book):
    sheet = book["Báo cáo"]
    row, columns = headings(sheet)
    editable = {c.vi for c in COLUMNS if c.editable}
    for r in range(row + 1, sheet.max_row + 1):
        for name, column in columns.items():
            assert sheet.cell(r, column).protection.locked == (name not in editable), (r, name)
    for name in ("Báo cáo", "Phối hợp", "Hướng dẫn", "meta"):
        protection = book[name].protection
        assert protection.sheet and not protection.password, name
    assert not book["Báo cáo"].protection.formatColumns  # "not protected": columns can still be widened


def test_status_percent_and_date_are_checked_as_they_are_typed(book):
    sheet = book["Báo cáo"]
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    status, percent, date = validations["D8:D10"], validations["E8:E10"], validations["F8:F10"]
    assert status.type == "list" and status.formula1 == "'Danh sách'!$A$1:$A$5"
    assert [book["Danh sách"].cell(r, 1).value for r in range(1, 6)] == list(status_words())
    assert (percent.type, percent.formula1, percent.formula2) == ("whole", "0", "100")
    assert "0 đến 100" in percent.prompt and "0 to 100" in percent.prompt
    assert date.type == "date" and date.errorStyle == "warning"  # a date typed as text is read too
    assert "DD/MM/YYYY" in date.prompt
    assert sheet["F8"].number_format == "dd/mm/yyyy" and sheet["E8"].number_format == "0"
    assert "https://" in validations["I8:I10"].prompt  # the evidence column's input message


def test_the_report_prints_on_a4_landscape_one_page_wide_with_the_heading_row_repeated(book):
    sheet = book["Báo cáo"]
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
    # Fit to one page wide (fitToWidth left at its default, 1), as many pages down as needed.
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth in (None, 1)
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$7:$7"  # the heading row


def test_the_meta_sheet_says_which_plan_tasks_unit_and_round(book):
    meta = {row[0].value: row[1].value for row in book["meta"].iter_rows()}
    assert meta["unit"] == UNIT and meta["round"] == "2026-q3" and meta["form_version"] == "1"
    assert len(meta["plan"]) == len(meta["tasks"]) == 20


def test_the_instructions_are_in_both_languages_and_name_the_coordinator(book, plan):
    text = "\n".join(str(cell.value) for row in book["Hướng dẫn"].iter_rows() for cell in row if cell.value)
    assert "HƯỚNG DẪN ĐIỀN BIỂU MẪU" in text and "HOW TO FILL IN THIS FORM" in text
    coordinator = plan.reporting.coordinator
    assert coordinator.name.vi in text and coordinator.name.en in text


def test_coordinated_tasks_are_listed_on_their_own_read_only_sheet(plan):
    book = openpyxl.load_workbook(io.BytesIO(form_workbook(plan, plan.unit("to-cong-tac-doi-moi"), None)))
    sheet = book["Phối hợp"]
    row, columns = headings(sheet)
    assert sheet.cell(row + 1, columns["Mã nhiệm vụ"]).value == "VII.2"  # led by two other units
    assert sheet.cell(row + 1, columns["Đơn vị chủ trì"]).value.split("\n") == [
        plan.unit("ban-kinh-te-nong-nghiep").name.vi,
        plan.unit("hop-tac-xa-song-may").name.vi,
    ]
    assert sheet.cell(row + 1, 1).protection.locked and sheet.protection.sheet
    meta = {r[0].value: r[1].value for r in book["meta"].iter_rows()}
    assert not meta["round"]  # made with no round: fits any round's folder


def test_a_form_holds_no_personal_name_phone_number_or_e_mail(form, plan):
    with zipfile.ZipFile(io.BytesIO(form)) as archive:
        text = "".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    contact = plan.unit(UNIT).contact
    for private in (plan.document.signatory.name, contact.phone, contact.email, "0000 000 003"):
        assert private not in text


def test_the_same_plan_gives_the_same_bytes(plan, form):
    again = load_plan(plan.data_dir, TODAY)
    assert form_workbook(again, again.unit(UNIT), again.reporting.round("2026-q3")) == form


def test_the_build_publishes_a_form_for_each_unit_that_owes_one_for_the_current_round(plan):
    files = form_files(plan)
    assert [f.path for f in files] == [f"forms/{u.id}.xlsx" for u in plan.reporting.reporting_units]
    book = openpyxl.load_workbook(io.BytesIO(files[0].content))
    assert {r[0].value: r[1].value for r in book["meta"].iter_rows()}["round"] == "2026-q4"


def test_forms_are_downloads_of_the_unit_page_the_progress_page_and_the_staff_guide(site, page):
    for lang in ("vi", "en"):
        assert (site / lang / "forms" / f"{UNIT}.xlsx").is_file()
        assert f"../../forms/{UNIT}.xlsx" in page(lang, f"units/{UNIT}/").links()
        assert f"../forms/{UNIT}.xlsx" in page(lang, "progress/").links()
        assert f"../forms/{UNIT}.xlsx" in page(lang, "guide/").links()
    # A unit that only coordinates owes no form, and its page offers none.
    assert not any(link.endswith(".xlsx") for link in page("vi", "units/cac-ap-ven-song/").links())


forms_script = load_script("forms")


def test_make_forms_writes_the_forms_of_a_round_into_a_folder(tmp_path, fixture_today, capsys):
    assert (
        forms_script.main(
            ["--data", str(DataCopy(tmp_path / "data").root), "--round", "2026-q2", "--out", str(tmp_path / "out")]
        )
        == 0
    )
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == sorted(
        f"{u}.xlsx" for u in ("to-cong-tac-doi-moi", "ban-kinh-te-nong-nghiep", "hop-tac-xa-song-may")
    )
    book = openpyxl.load_workbook(tmp_path / "out" / f"{UNIT}.xlsx")
    assert {r[0].value: r[1].value for r in book["meta"].iter_rows()}["round"] == "2026-q2"
    assert "Wrote 3 forms" in capsys.readouterr().out


def test_make_forms_names_the_rounds_when_asked_for_one_there_is_not(tmp_path, fixture_today, capsys):
    data = DataCopy(tmp_path / "data").root
    assert forms_script.main(["--data", str(data), "--round", "2026-q9", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "2026-q9" in err and "2026-q2, 2026-q3, 2026-q4" in err and not (tmp_path / "out").exists()
