"""The bounded .xlsx reader (pii_site.source.xlsx_reader and xlsx_parts) on small workbooks written part by part, as
other programs write them: both flavours of the format (transitional and Excel's "Strict Open XML"),
texts shared, inline or the result of a formula, rich text with phonetic runs, cells without their
address, number formats that make a number a date or a percentage, the 1904 date system, merged
cells, formulas; and the limits, each stopping the reading with its message. The forms' own cases
(a zip bomb, a million rows, a DOCTYPE...) are in the bad-input corpus."""

from __future__ import annotations

import io
import zipfile

import pytest

from pii_site.source.xlsx_parts import (
    MAX_COLUMNS,
    MAX_ENTRIES,
    MAX_TEXT,
    Cell,
    XlsxError,
    is_date_format,
    is_percent_format,
)
from pii_site.source.xlsx_reader import from_json, read_workbook, to_json

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
# Excel's "Strict Open XML Spreadsheet": the same parts under other namespaces.
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def workbook(
    sheet_data: str,
    *,
    after: str = "",
    shared: list[str] | None = None,
    formats: str = "",
    cell_formats: tuple[int, ...] = (0,),
    workbook_properties: str = "",
    main: str = MAIN,
    relationships: str = RELATIONSHIPS,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A workbook with one sheet, "S", whose <sheetData> holds `sheet_data` (and `after` follows it)."""
    parts = {
        "_rels/.rels": f'<Relationships xmlns="{PACKAGE}"><Relationship Id="r1" '
        f'Type="{relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{relationships}">{workbook_properties}'
        '<sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="Other" sheetId="2" r:id="rId9"/></sheets>'
        "</workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PACKAGE}">'
        f'<Relationship Id="rId1" Type="{relationships}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{relationships}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{relationships}/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{sheet_data}</sheetData>{after}</worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">{"".join(shared or [])}</sst>',
        "xl/styles.xml": f'<styleSheet xmlns="{main}"><numFmts>{formats}</numFmts><cellStyleXfs><xf numFmtId="14"/>'
        "</cellStyleXfs><cellXfs>" + "".join(f'<xf numFmtId="{n}"/>' for n in cell_formats) + "</cellXfs></styleSheet>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + text)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return out.getvalue()


def cells(data: bytes) -> dict[str, Cell]:
    [sheet] = read_workbook(data, {"S"}).sheets
    names = "ABCDEFGHIJ"
    return {f"{names[c.column]}{c.row + 1}": c for c in sheet.cells}


ROW = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>0.5</v></c><c r="C2" t="inlineStr"><is><t>ở đây</t></is></c></row>'


def test_both_flavours_of_the_format_read_alike():
    shared, formats = ["<si><t>Tình trạng</t></si>"], (0, 9)
    transitional = cells(workbook(ROW, shared=shared, cell_formats=formats))
    strict = cells(
        workbook(ROW, shared=shared, cell_formats=formats, main=STRICT_MAIN, relationships=STRICT_RELATIONSHIPS)
    )
    assert transitional == strict
    assert transitional["A2"].value == "Tình trạng" and transitional["C2"].value == "ở đây"
    assert transitional["B2"].number_format == "0%" and transitional["B2"].kind == "number"


def test_rich_text_is_joined_and_phonetic_runs_are_left_out():
    shared = [
        '<si><r><t>Đang </t></r><r><rPr><b/></rPr><t xml:space="preserve">thực hiện</t></r><rPh sb="0" eb="1"><t>ダン</t></rPh></si>'
    ]
    assert (
        cells(workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared=shared))["A1"].value == "Đang thực hiện"
    )


def test_cells_without_an_address_take_the_next_place_in_their_row():
    found = cells(workbook('<row r="3"><c><v>1</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row>'))
    assert [(name, c.kind, c.value) for name, c in found.items()] == [
        ("A3", "number", "1"),
        ("B3", "bool", "1"),
        ("C3", "error", "#DIV/0!"),
    ]


def test_formulas_are_kept_with_their_result_and_empty_cells_are_not():
    found = cells(
        workbook(
            '<row r="1"><c r="A1"><f>40+10</f><v>50</v></c><c r="B1" t="str"><f t="shared" si="0"/><v>x</v></c>'
            '<c r="C1" s="0"/></row>'
        )
    )
    assert (found["A1"].formula, found["A1"].value) == ("40+10", "50")
    assert found["B1"].formula == ""  # a copy of a shared formula: still a formula
    assert "C1" not in found


def test_merged_cells_and_the_1904_date_system_are_read():
    data = workbook(
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        after='<mergeCells count="1"><mergeCell ref="B8:C9"/></mergeCells>',
        workbook_properties='<workbookPr date1904="1"/>',
    )
    book = read_workbook(data, {"S"})
    assert book.date1904 and book.sheets[0].merged == ((7, 1, 8, 2),)
    assert book.sheet_names == ("S", "Other") and book.sheet("Other") is None  # named, not read


@pytest.mark.parametrize(
    ("code", "date", "percent"),
    [
        ("General", False, False),
        ("0", False, False),
        ("0%", False, True),
        ("0.00%", False, True),
        ("dd/mm/yyyy", True, False),
        ("[$-42A]dd/mm/yyyy", True, False),  # Vietnamese locale tag
        ('"Ngày "dd" tháng "mm', True, False),
        ("mm-dd-yy", True, False),
        ("mmm-yy", True, False),
        ("h:mm", False, False),
        ("[h]:mm:ss", False, False),
        ('0" ngày"', False, False),  # "ngày" in quotes is text, not a day
        ("@", False, False),
    ],
)
def test_number_formats_say_whether_a_number_is_a_date_or_a_percentage(code, date, percent):
    assert (is_date_format(code), is_percent_format(code)) == (date, percent)


def test_built_in_and_custom_formats_reach_their_cells():
    data = workbook(
        '<row r="1"><c r="A1" s="1"><v>46300</v></c><c r="B1" s="2"><v>46300</v></c><c r="C1" s="9"><v>1</v></c></row>',
        formats='<numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy"/>',
        cell_formats=(0, 14, 164),
    )
    found = cells(data)
    assert (found["A1"].number_format, found["B1"].number_format) == ("mm-dd-yy", "[$-42A]dd/mm/yyyy")
    assert found["C1"].number_format == "General"  # a style the workbook does not have


def test_a_text_is_kept_one_character_over_the_limit_so_the_form_can_say_it_is_too_long():
    long = "x" * (MAX_TEXT + 500)
    found = cells(workbook(f'<row r="1"><c r="A1" t="inlineStr"><is><t>{long}</t></is></c></row>'))
    assert len(found["A1"].value) == MAX_TEXT + 1


def test_data_far_to_the_right_stops_the_reading_at_its_cell():
    with pytest.raises(XlsxError) as error:
        read_workbook(workbook('<row r="5"><c r="ZZ5"><v>1</v></c></row>'), {"S"})
    assert (error.value.key, error.value.cell, error.value.sheet) == ("form_too_many_columns", "ZZ5", "S")
    assert MAX_COLUMNS < 702  # ZZ is column 702


def test_an_archive_of_too_many_entries_is_not_opened_further():
    extra = {f"xl/media/{n}.bin": b"" for n in range(MAX_ENTRIES)}
    with pytest.raises(XlsxError) as error:
        read_workbook(workbook("", extra=extra), {"S"})
    assert error.value.key == "form_zip_bomb"


def test_a_word_document_renamed_xlsx_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE}"><Relationship Id="r1" Type="{RELATIONSHIPS}/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/document.xml", "<document/>")
    with pytest.raises(XlsxError) as error:
        read_workbook(out.getvalue(), {"S"})
    assert error.value.key == "form_not_a_workbook"


def test_what_a_build_keeps_of_a_workbook_reads_back_the_same():
    book = read_workbook(workbook(ROW, shared=["<si><t>a</t></si>"], cell_formats=(0, 9)), {"S"})
    assert from_json(to_json(book)) == book
    assert from_json(b"[]") is None and from_json(to_json(book)[:-5]) is None
