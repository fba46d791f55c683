"""The report forms' round trip with the programs people use: the blank forms made as `make forms`
makes them, filled in by their headings (openpyxl), opened and saved by LibreOffice Calc (headless),
put in the round's folder, validated and built; the updates and their round are then on the task
pages, the unit stands on time on the progress and unit pages, and `make report` reports it. And what LibreOffice makes of a form when it saves it, and the files it writes that are not
the form (.xls, .ods, a form saved as .xls and renamed), each refused with words a clerk understands.

Excel cannot run here (no Windows, no licence), so no test opens a form in Excel. LibreOffice's
re-save stands in for a spreadsheet program's own writer: it rewrites the shared strings, the styles
and number formats (built-in formats become numbered custom ones), writes every date as a serial
number with a date format, keeps the drop-down, the whole-number and date checks and the sheets'
protection, turns the "very hidden" meta sheet into a merely hidden one, drops the theme and adds
its own document properties. The reader must read all of that as it reads a form fresh from the site.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from form_filling import (
    DATE,
    DONE,
    DONE_EN,
    EVIDENCE,
    PERCENT,
    STATUS,
    fill,
    resave_in_libreoffice,
)
from helpers import FIXTURE_TODAY, DataCopy, Page, build_into, environment, load_script
from office import convert

from pii_site import DataError, load_plan
from pii_site.source.errors import message

forms_script = load_script("forms")
report_script = load_script("report")
validate = load_script("validate")
TODAY = dt.date.fromisoformat(FIXTURE_TODAY)
UNIT = "to-cong-tac-doi-moi"  # leads VII.1, VIII.1, VIII.3; reported in 2026-q2, missing in 2026-q3

ROWS = {
    "VIII.3": {
        STATUS: "Đang thực hiện",
        PERCENT: 30,
        DATE: dt.date(2026, 11, 20),
        DONE: "Đã tập huấn 3 hướng dẫn viên số tình nguyện.",
        DONE_EN: "Trained 3 volunteer digital guides.",
        EVIDENCE: "https://example.org/song-may/huong-dan-vien\n21/BC-SM, 20/11/2026, UBND xã Sông Mây",
    },
}


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory, libreoffice: str) -> tuple[DataCopy, Path, bytes]:
    """The fixture plan with the unit's 2026-q4 form as `make forms` made it, filled, saved by
    LibreOffice and uploaded; the site built from it; the form as filled, before LibreOffice saved it."""
    root = tmp_path_factory.mktemp("round-trip")
    data = DataCopy(root / "data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PII_TODAY", FIXTURE_TODAY)
        assert forms_script.main(["--data", str(data.root), "--round", "2026-q4", "--out", str(root / "forms")]) == 0
    filled = fill((root / "forms" / f"{UNIT}.xlsx").read_bytes(), ROWS)
    (root / f"{UNIT}.xlsx").write_bytes(filled)
    upload = data.path(f"reports/2026-q4/{UNIT}.xlsx")
    upload.parent.mkdir()
    upload.write_bytes(resave_in_libreoffice(root / f"{UNIT}.xlsx"))
    site = build_into(root / "site", data.root, today=FIXTURE_TODAY)
    return data, site, filled


def test_a_form_filled_and_saved_by_libreoffice_is_validated_and_built(round_trip, fixture_today, capsys):
    data, site, _ = round_trip
    assert validate.main(["--data", str(data.root)]) == 0
    assert "4 biểu mẫu báo cáo / report forms" in capsys.readouterr().out
    for lang, round_name in (("vi", "Quý IV/2026"), ("en", "Fourth quarter of 2026")):
        page = Page(site / lang / "tasks" / "viii-3" / "index.html")
        [item] = page.xpath('//div[contains(@class,"pii-timeline")]//li')
        text = " ".join(item.text_content().split())
        assert round_name in text and ("30%" in text)
        assert ("Đã tập huấn 3 hướng dẫn viên" if lang == "vi" else "Trained 3 volunteer digital guides") in text
        links = [a.get("href") for a in item.xpath(".//a")]
        assert "https://example.org/song-may/huong-dan-vien" in links
        assert "21/BC-SM" in text
    plan = load_plan(data.root, TODAY)
    assert plan.reporting.status(plan.reporting.round("2026-q4")).in_state("on-time")[0].unit.id == UNIT


def test_the_uploaded_form_shows_its_unit_on_time_on_the_progress_and_unit_pages(round_trip):
    """The same round trip as residents see it: the progress page counts the form in the current round,
    on time (dated 20 November, due 5 January), and the unit's page says so, in both languages."""
    _, site, _ = round_trip
    expected = {
        "vi": (
            "Kỳ Quý IV/2026, hạn gửi 05/01/2027: 1/3 đơn vị chủ trì đã gửi báo cáo (1 đúng hạn); 2 đơn vị chưa gửi.",
            "Quý IV/2026 (kỳ hiện tại, hạn gửi 05/01/2027): Đúng hạn, báo cáo ngày 20/11/2026",
        ),
        "en": (
            "Fourth quarter of 2026, reports due on 5 January 2027: 1 of the 3 lead units has sent its report"
            " (1 on time); 2 have not.",
            "Fourth quarter of 2026 (current round, due on 5 January 2027): On time, report dated 20 November 2026",
        ),
    }
    for lang, (sentence, standing) in expected.items():
        progress = Page(site / lang / "progress" / "index.html")
        assert sentence in " ".join(progress.text().split())
        unit_page = Page(site / lang / "units" / UNIT / "index.html")
        [current, *_] = unit_page.xpath('//article//ul[li//span[contains(@class,"pii-round-state ")]]/li')
        assert " ".join(current.text_content().split()) == standing


def test_the_compiled_report_of_the_round_holds_the_uploaded_form(round_trip, tmp_path):
    """The round trip's last step, `make report ROUND=2026-q4`: the unit is listed as having reported
    on time, and the row it typed is under its task, in the report's words."""
    data, _, _ = round_trip
    out = tmp_path / "bao-cao.docx"
    with environment(PII_TODAY=FIXTURE_TODAY):
        assert report_script.main(["--data", str(data.root), "--round", "2026-q4", "--out", str(out)]) == 0
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Có 1/3 đơn vị chủ trì nhiệm vụ đã gửi báo cáo (1 đúng hạn, 0 trễ hạn); 2 đơn vị chưa gửi:" in paragraphs
    [listed] = [p for p in paragraphs if p.startswith("- Tổ công tác")]
    assert listed.endswith(": đã gửi báo cáo ngày 20/11/2026, đúng hạn;")
    [row] = [p for p in paragraphs if "báo cáo ngày 20/11/2026 (đúng hạn)" in p]
    assert row.endswith("đang thực hiện (30%). Đã tập huấn 3 hướng dẫn viên số tình nguyện.")


def test_libreoffice_keeps_what_the_form_needs(round_trip):
    data, _, filled = round_trip
    saved = data.path(f"reports/2026-q4/{UNIT}.xlsx").read_bytes()
    assert saved != filled  # LibreOffice's own writer, not openpyxl's
    with zipfile.ZipFile(io.BytesIO(saved)) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
    book = openpyxl.load_workbook(io.BytesIO(saved))
    sheet = book["Báo cáo"]
    kinds = sorted(v.type or "any" for v in sheet.data_validations.dataValidation)
    assert kinds == ["any", "any", "date", "list", "whole"]  # the drop-down, the checks, two input messages
    assert sheet.protection.sheet and book["meta"].sheet_state in ("hidden", "veryHidden")
    date_cell = next(row[5] for row in sheet.iter_rows() if row[0].value == "VIII.3")
    assert date_cell.is_date and date_cell.value.date() == dt.date(2026, 11, 20)


def test_what_libreoffice_writes_when_it_is_not_the_form_is_refused_with_words(round_trip, tmp_path, libreoffice: str):
    data, _, filled = round_trip
    form = tmp_path / f"{UNIT}.xlsx"
    form.write_bytes(filled)
    cases = {
        # Saved as "Excel 97–2003" and uploaded as it is, then renamed .xlsx.
        "reports/2026-q4/to-cong-tac-doi-moi.xls": (
            convert(form, "xls", tmp_path / "xls"),
            "reports_old_excel_name",
        ),
        f"reports/2026-q4/{UNIT}.xlsx": (tmp_path / "xls" / f"{UNIT}.xls", "form_old_excel"),
    }
    for target, (made, key) in cases.items():
        copy = DataCopy(tmp_path / key / "data", data.root)
        for stale in copy.root.glob("reports/2026-q4/*"):
            stale.unlink()
        copy.path(target).write_bytes(made.read_bytes())
        with pytest.raises(DataError) as error:
            load_plan(copy.root, TODAY)
        [problem] = error.value.problems
        assert (problem.text_vi, problem.text_en) == message(
            key, **({"found": Path(target).name} if "name" in key else {})
        )
    # Saved as OpenDocument (.ods) and renamed .xlsx.
    ods = convert(form, "ods", tmp_path / "ods")
    copy = DataCopy(tmp_path / "ods-data" / "data", data.root)
    copy.path(f"reports/2026-q4/{UNIT}.xlsx").write_bytes(ods.read_bytes())
    with pytest.raises(DataError) as error:
        load_plan(copy.root, TODAY)
    assert [p.text_en for p in error.value.problems] == [message("form_opendocument")[1]]
