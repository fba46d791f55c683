"""Fill a unit's report form as a person does, and save it through the programs people use.

`fill` opens a form with openpyxl and writes each task's values in the row whose "Mã nhiệm vụ" cell
holds the task's code, in the columns found by their headings as a person reads them ("Tình trạng",
"Ngày báo cáo"...), never by cell address. `resave_in_libreoffice` opens a workbook in LibreOffice
Calc (headless, Debian's libreoffice-calc-nogui) and saves it again as .xlsx, as a unit working in
LibreOffice sends it back. Used by the tests of the forms and by tests/fixtures/report_forms.py.

Excel itself cannot run here (no Windows, no licence): the LibreOffice re-save stands in for a
spreadsheet program's own writer (its shared strings, styles and number formats, dates written as
serial numbers, data validations and sheet states kept or not), which is what the reader must cope
with; openpyxl stands in for a person's typing (values in cells, formats kept).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from office import convert

SHEET = "Báo cáo"
CODE = "Mã nhiệm vụ"
# The headings a person fills in, as the form shows them (their first line).
STATUS, PERCENT, DATE, DONE, DONE_EN, EVIDENCE = (
    "Tình trạng",
    "Phần trăm hoàn thành",
    "Ngày báo cáo",
    "Kết quả thực hiện",
    "Kết quả (tiếng Anh, không bắt buộc)",
    "Minh chứng",
)


class Formatted:
    """A value typed into a cell that the person also formats (e.g. 0.5 shown as a percentage)."""

    def __init__(self, value: Any, number_format: str) -> None:
        self.value, self.number_format = value, number_format


def headings(sheet: Any) -> tuple[int, dict[str, int]]:
    """The heading row (from 1) and each heading's column (from 1), found by reading the sheet."""
    for row in sheet.iter_rows(min_row=1, max_row=30):
        names = {str(cell.value).split("\n")[0]: cell.column for cell in row if cell.value is not None}
        if CODE in names:
            return row[0].row, names
    raise AssertionError(f"no heading {CODE!r} in the sheet {sheet.title!r}")


def fill(form: bytes, rows: dict[str, dict[str, Any]]) -> bytes:
    """`form` with, for each task code, its values written under the headings given (a date as a
    date, a Formatted value with its format); the bytes openpyxl saves."""
    workbook = openpyxl.load_workbook(io.BytesIO(form))
    sheet = workbook[SHEET]
    heading_row, columns = headings(sheet)
    row_of = {
        sheet.cell(row, columns[CODE]).value: row
        for row in range(heading_row + 1, sheet.max_row + 1)
        if sheet.cell(row, columns[CODE]).value
    }
    for code, values in rows.items():
        row = row_of[code] if code in row_of else sheet.max_row + 1  # a row the form does not have: below it
        if code not in row_of:
            sheet.cell(row, columns[CODE]).value = code
        for heading, value in values.items():
            cell = sheet.cell(row, columns[heading])
            if isinstance(value, Formatted):
                cell.number_format = value.number_format
                value = value.value
            if isinstance(value, dt.date):
                cell.value = dt.datetime.combine(value, dt.time())
            else:
                cell.value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def resave_in_libreoffice(path: Path, timeout: float = 180) -> bytes:
    """The bytes of `path` after LibreOffice Calc opened it and saved it as .xlsx ("Excel 2007-365")."""
    with tempfile.TemporaryDirectory(prefix="pii-resave-") as work:
        source = Path(work) / "in" / path.name
        source.parent.mkdir()
        shutil.copyfile(path, source)
        return convert(source, "xlsx:Calc MS Excel 2007 XML", Path(work) / "out", timeout).read_bytes()
