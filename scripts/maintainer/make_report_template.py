"""Write the compiled report's Word template: `python scripts/maintainer/make_report_template.py [--out FILE]`.

For maintainers. hooks/pii_site/outputs/templates/bao-cao.docx, the template `make report` fills in
(docxtpl: Jinja tags inside a .docx), is made by this script with python-docx, so the binary kept in
git can be remade and its changes reviewed here as code. The output is the same bytes on every run
(fixed times in the zip and in the document's properties): tests/outputs/test_compiled_report_template.py checks that
the file in git is what this script makes.

The layout is Decree 30/2020/NĐ-CP, Appendix I (see the README beside the template): A4, Times New
Roman, the issuing body and the national title side by side in a borderless table, the number left
blank, the place and date line in italics, body 14 pt justified with a first-line indent, the
recipients and the signer's title side by side, the appendix table in a landscape section, page
numbers at the top centre from page 2. Every text comes from the data through the tags; the fixed
wording below is the report's own Vietnamese, which a clerk may reword in Word.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

PROJECT_DIR = Path(__file__).resolve().parents[2]
TEMPLATE = PROJECT_DIR / "hooks" / "pii_site" / "outputs" / "templates" / "bao-cao.docx"
FONT = "Times New Roman"


def _mm_up(mm: float) -> Length:
    """`mm` millimetres rounded up to Word's unit (1/20 pt): Mm(15) stored as whole twips is 14.99 mm."""
    return Twips(math.ceil(mm * 1440 / 25.4))


# Decree 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (the same on the landscape pages).
MARGINS = {"top": _mm_up(20), "bottom": _mm_up(20), "left": _mm_up(30), "right": _mm_up(15)}
A4 = (Mm(210), Mm(297))
TEXT_WIDTH = Length(A4[0] - MARGINS["left"] - MARGINS["right"])  # 165 mm
LANDSCAPE_TEXT_WIDTH = Length(A4[1] - MARGINS["left"] - MARGINS["right"])  # 252 mm
# A fixed moment for the zip entries and the document's properties: the same bytes on every run.
FIXED_TIME = (2026, 1, 1, 0, 0, 0)

# A run of a paragraph: its text (a Jinja tag must sit whole inside one run) and its look.
Run = tuple[str, dict[str, bool]]
B: dict[str, bool] = {"bold": True}
I: dict[str, bool] = {"italic": True}  # noqa: E741 (as Word's own button)
PLAIN: dict[str, bool] = {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the compiled report's Word template (python-docx).")
    parser.add_argument("--out", type=Path, default=TEMPLATE, help=f"where to write it (default {TEMPLATE})")
    args = parser.parse_args(argv)
    args.out.write_bytes(template_bytes())
    print(f"wrote {args.out}")
    return 0


def template_bytes() -> bytes:
    document = docx.Document()
    _styles(document)
    _first_section(document)
    _heading_block(document)
    _title(document)
    _body(document)
    _signature_block(document)
    _appendix(document)
    properties = document.core_properties
    properties.author = properties.last_modified_by = ""
    properties.title = "Báo cáo kết quả thực hiện Kế hoạch (mẫu)"
    properties.comments = "Mẫu của lệnh make report; tạo bằng scripts/maintainer/make_report_template.py."
    properties.revision = 1
    properties.created = properties.modified = dt.datetime(*FIXED_TIME)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


# --- Styles -------------------------------------------------------------------------------------------


def _styles(document: docx.document.Document) -> None:
    """Named styles, so a clerk restyles every paragraph of a kind at once in Word (Home → Styles)."""
    _document_defaults(document)
    normal = document.styles["Normal"]
    _look(normal, size=14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _paragraph_style(document, "Report Body", size=14, align="justify", indent=Cm(1.27), after=6, line=1.15)
    _paragraph_style(document, "Report Heading", size=14, bold=True, align="justify", indent=Cm(1.27), after=6)
    _paragraph_style(document, "Report Title", size=14, bold=True, align="center", keep=True)
    _paragraph_style(document, "Report Header Block", size=13, align="center")
    _paragraph_style(document, "Report Table", size=12, align="left", after=2)
    _paragraph_style(document, "Report Table Heading", size=12, bold=True, align="center", after=2)
    _paragraph_style(document, "Report Recipients Heading", size=12, bold=True, italic=True)
    _paragraph_style(document, "Report Recipients", size=11)
    _paragraph_style(document, "Report Signature", size=14, bold=True, align="center")
    # A short rule under the issuing body, the motto and the title: an empty paragraph's bottom border.
    _paragraph_style(document, "Report Rule", size=2, align="center")
    header = document.styles["Header"]
    _look(header, size=14)
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _document_defaults(document: docx.document.Document) -> None:
    """Times New Roman and Vietnamese for everything, replacing the theme's Calibri (docDefaults)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = run_defaults.find(qn("w:rFonts"))
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    language = run_defaults.find(qn("w:lang"))
    language.set(qn("w:val"), "vi-VN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")


def _look(style: ParagraphStyle, size: float, bold: bool = False, italic: bool = False) -> None:
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    # python-docx names the Latin slots only; Word uses the East Asian and complex-script ones for
    # some characters, so all four are named.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _paragraph_style(
    document: docx.document.Document,
    name: str,
    size: float,
    bold: bool = False,
    italic: bool = False,
    align: str = "left",
    indent: Length | None = None,
    after: float = 0,
    line: float = 1.0,
    keep: bool = False,
) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    _look(style, size, bold, italic)
    paragraph = style.paragraph_format
    paragraph.alignment = _ALIGN[align]
    paragraph.first_line_indent = indent
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(after)
    paragraph.line_spacing = line
    paragraph.keep_with_next = keep


# --- Page set-up --------------------------------------------------------------------------------------


def _first_section(document: docx.document.Document) -> None:
    """A4 portrait with Decree 30's margins; the page number at the top centre, none on the first page."""
    section = document.sections[0]
    section.page_width, section.page_height = A4
    section.orientation = WD_ORIENT.PORTRAIT
    _margins(section)
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = document.styles["Header"]
    _page_field(paragraph)
    section.first_page_header.paragraphs[0].style = document.styles["Header"]


def _margins(section: docx.section.Section) -> None:
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = section.footer_distance = Mm(10)


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field (python-docx has no API for fields): Word and LibreOffice put the page's number there."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            shown = OxmlElement("w:t")
            shown.text = text
            run._r.append(shown)


# --- Content ------------------------------------------------------------------------------------------


def _paragraph(container: docx.document.Document | _Cell, style: str, runs: Sequence[Run] = ()) -> Paragraph:
    paragraph = container.add_paragraph(style=style)
    _add_runs(paragraph, runs)
    return paragraph


def _add_runs(paragraph: Paragraph, runs: Sequence[Run]) -> None:
    for text, look in runs:
        run = paragraph.add_run(text)
        run.bold = look.get("bold")
        run.italic = look.get("italic")


def _tag(container: docx.document.Document | _Cell, tag: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}): removed from the output."""
    _paragraph(container, "Report Body", [(tag, PLAIN)])


def _rule(container: docx.document.Document | _Cell, width: Length, across: Length) -> None:
    """A horizontal line `width` long, centred in a space `across` wide."""
    paragraph = _paragraph(container, "Report Rule")
    side = Length(int((across - width) / 2))
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = side
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _table(document: docx.document.Document, rows: int, widths: Sequence[Length], borders: bool) -> Table:
    table: Table = document.add_table(rows=rows, cols=len(widths))  # python-docx is untyped
    table.style = document.styles["Table Grid"] if borders else document.styles["Normal Table"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def _fill(cell: _Cell, style: str, runs: Sequence[Run]) -> None:
    """The cell's first paragraph (a new cell has one, empty) with `runs`."""
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    _add_runs(paragraph, runs)


def _heading_block(document: docx.document.Document) -> None:
    """The issuing body beside the national title; the number beside the place and date (Decree 30, items 1–4)."""
    left, right = Mm(65), Length(TEXT_WIDTH - Mm(65))
    table = _table(document, rows=2, widths=[left, right], borders=False)
    body, title = table.cell(0, 0), table.cell(0, 1)
    _fill(body, "Report Header Block", [("{%p if issuer_superior %}", PLAIN)])
    _paragraph(body, "Report Header Block", [("{{ issuer_superior }}", PLAIN)])
    _paragraph(body, "Report Header Block", [("{%p endif %}", PLAIN)])
    _paragraph(body, "Report Header Block", [("{{ issuer }}", B)])
    _rule(body, Mm(25), left)
    _fill(title, "Report Header Block", [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B)])
    title.paragraphs[0].runs[0].font.size = Pt(12)
    _paragraph(title, "Report Header Block", [("Độc lập - Tự do - Hạnh phúc", B)])
    _rule(title, Mm(60), right)
    _fill(table.cell(1, 0), "Report Header Block", [("Số: …/BC-UBND", PLAIN)])
    _fill(table.cell(1, 1), "Report Header Block", [("{{ place }}, ngày …… tháng …… năm ……", I)])


def _title(document: docx.document.Document) -> None:
    _paragraph(document, "Report Title").paragraph_format.space_before = Pt(12)
    _paragraph(document, "Report Title", [("BÁO CÁO", B)])
    _paragraph(document, "Report Title", [("Kết quả thực hiện {{ plan_title }}", B)])
    _paragraph(document, "Report Title", [("{{ round_name }}", B)])
    _rule(document, Mm(40), TEXT_WIDTH)
    _paragraph(document, "Report Title", [])


def _body(document: docx.document.Document) -> None:
    body = "Report Body"
    _paragraph(
        document,
        body,
        [
            (
                "Thực hiện {{ plan_title }} ({{ plan_reference }}), {{ issuer_name }} báo cáo kết quả thực hiện"
                " trong kỳ báo cáo {{ round_name }}, từ ngày {{ period_start }} đến ngày {{ period_end }},"
                " như sau:",
                PLAIN,
            )
        ],
    )
    _paragraph(document, "Report Heading", [("I. KẾT QUẢ THỰC HIỆN", B)])
    _paragraph(document, "Report Heading", [("1. Tình hình báo cáo của các đơn vị", B)])
    _paragraph(
        document,
        body,
        [
            (
                "Đơn vị đầu mối tổng hợp: {{ coordinator }}. Hạn gửi báo cáo kỳ này: ngày {{ due }}."
                " Số liệu trong báo cáo tính đến ngày {{ as_of }}.",
                PLAIN,
            )
        ],
    )
    _tag(document, "{%p if units %}")
    _paragraph(
        document,
        body,
        [
            (
                "Có {{ reported_unit_count }}/{{ units|length }} đơn vị chủ trì nhiệm vụ đã gửi báo cáo"
                " ({{ on_time_count }} đúng hạn, {{ late_count }} trễ hạn); {{ unreported_unit_count }} đơn vị"
                " chưa gửi:",
                PLAIN,
            )
        ],
    )
    _tag(document, "{%p for unit in units %}")
    _paragraph(
        document,
        body,
        [
            (
                "- {{ unit.name }}: {% if unit.state == 'on-time' %}đã gửi báo cáo ngày {{ unit.date }}, đúng hạn"
                "{% elif unit.state == 'late' %}đã gửi báo cáo ngày {{ unit.date }}, trễ hạn"
                "{% elif unit.state == 'not-yet' %}chưa gửi báo cáo (chưa đến hạn)"
                "{% else %}chưa gửi báo cáo, đã quá hạn{% endif %}{{ '.' if loop.last else ';' }}",
                PLAIN,
            )
        ],
    )
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p else %}")
    _paragraph(document, body, [("Không có đơn vị chủ trì nhiệm vụ nào phải gửi mẫu báo cáo.", PLAIN)])
    _tag(document, "{%p endif %}")

    _paragraph(document, "Report Heading", [("2. Kết quả thực hiện nhiệm vụ theo trụ cột", B)])
    counts = (
        "{% for item in statuses %}{{ item.label|lower }} {{ item.count }}{{ '' if loop.last else ', ' }}{% endfor %}"
    )
    _paragraph(
        document,
        body,
        [
            (
                "Kế hoạch có {{ task_count }} nhiệm vụ; trong kỳ có {{ reported_task_count }} nhiệm vụ được báo cáo"
                " kết quả. Tình trạng đến hết kỳ: " + counts + ".",
                PLAIN,
            )
        ],
    )
    _tag(document, "{%p if not reported_task_count %}")
    _paragraph(
        document,
        body,
        [
            (
                "Trong kỳ báo cáo, chưa có đơn vị nào báo cáo kết quả thực hiện nhiệm vụ; tình trạng từng nhiệm vụ"
                " đến hết kỳ xem tại Phụ lục.",
                PLAIN,
            )
        ],
    )
    _tag(document, "{%p endif %}")
    _tag(document, "{%p for pillar in pillars %}")
    _paragraph(document, "Report Heading", [("2.{{ loop.index }}. Trụ cột {{ pillar.number }}: {{ pillar.name }}", B)])
    pillar_counts = counts.replace("statuses", "pillar.statuses")
    _paragraph(
        document,
        body,
        [("{{ pillar.task_count }} nhiệm vụ; tình trạng đến hết kỳ: " + pillar_counts + ".", PLAIN)],
    )
    _tag(document, "{%p for task in pillar.reported %}")
    _paragraph(
        document,
        body,
        [
            ("- Nhiệm vụ {{ task.id }}:", B),
            (
                " {{ task.text }} Đơn vị chủ trì: {{ task.lead }}; tình trạng đến hết kỳ: {{ task.status|lower }}"
                "{% if task.percent and not task.completed %}, đạt {{ task.percent }}{% endif %}.",
                PLAIN,
            ),
        ],
    )
    _tag(document, "{%p for update in task.updates %}")
    _paragraph(
        document,
        body,
        [
            (
                "+ {{ update.unit }} báo cáo ngày {{ update.date }}"
                "{% if update.state == 'on-time' %} (đúng hạn){% elif update.state == 'late' %} (trễ hạn){% endif %}:"
                " {{ update.status|lower }}{% if update.percent %} ({{ update.percent }}){% endif %}."
                " {{ update.note }}",
                PLAIN,
            )
        ],
    )
    _tag(document, "{%p if update.evidence %}")
    _paragraph(document, body, [("Minh chứng: {{ update.evidence }}.", I)])
    _tag(document, "{%p endif %}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p if pillar.unreported %}")
    _paragraph(
        document,
        body,
        [("- Không có báo cáo trong kỳ: nhiệm vụ {{ pillar.unreported }} (tình trạng xem tại Phụ lục).", PLAIN)],
    )
    _tag(document, "{%p endif %}")
    _tag(document, "{%p endfor %}")

    _paragraph(document, "Report Heading", [("II. KHÓ KHĂN, VƯỚNG MẮC", B)])
    _tag(document, "{%p if difficulties %}")
    _paragraph(document, body, [("Các nhiệm vụ được báo cáo chậm tiến độ trong kỳ:", PLAIN)])
    _tag(document, "{%p for item in difficulties %}")
    _paragraph(
        document, body, [("- Nhiệm vụ {{ item.id }} ({{ item.unit }}, ngày {{ item.date }}): {{ item.note }}", PLAIN)]
    )
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p else %}")
    _paragraph(
        document,
        body,
        [
            (
                "Trong kỳ, không có nhiệm vụ nào được báo cáo chậm tiến độ; các đơn vị chưa nêu khó khăn, vướng mắc.",
                PLAIN,
            )
        ],
    )
    _tag(document, "{%p endif %}")

    _paragraph(document, "Report Heading", [("III. ĐỀ XUẤT, KIẾN NGHỊ", B)])
    proposals = _paragraph(
        document, body, [("[Cán bộ tổng hợp viết đề xuất, kiến nghị tại đây, rồi xóa dòng nhắc này.]", I)]
    )
    proposals.runs[0].font.highlight_color = WD_COLOR_INDEX.YELLOW
    closing = _paragraph(
        document,
        body,
        [("Trên đây là báo cáo kết quả thực hiện Kế hoạch trong {{ round_name }} của {{ issuer_name }}./.", PLAIN)],
    )
    closing.paragraph_format.keep_with_next = True  # never a signature alone at the top of a page


def _signature_block(document: docx.document.Document) -> None:
    """Recipients on the left, the signer's title on the right, without a name (Decree 30, items 7–9)."""
    _paragraph(document, "Report Body").paragraph_format.keep_with_next = True
    left, right = Mm(80), Length(TEXT_WIDTH - Mm(80))
    table = _table(document, rows=1, widths=[left, right], borders=False)
    # The recipients and the signature stay on one page.
    split = OxmlElement("w:cantSplit")
    table.rows[0]._tr.get_or_add_trPr().append(split)
    recipients, signer = table.cell(0, 0), table.cell(0, 1)
    _fill(recipients, "Report Recipients Heading", [("Nơi nhận:", {"bold": True, "italic": True})])
    _paragraph(recipients, "Report Recipients", [("{%p for recipient in recipients %}", PLAIN)])
    _paragraph(recipients, "Report Recipients", [("- {{ recipient }}", PLAIN)])
    _paragraph(recipients, "Report Recipients", [("{%p endfor %}", PLAIN)])
    _fill(signer, "Report Signature", [("{%p if signer_on_behalf %}", PLAIN)])
    _paragraph(signer, "Report Signature", [("{{ signer_on_behalf }}", B)])
    _paragraph(signer, "Report Signature", [("{%p endif %}", PLAIN)])
    _paragraph(signer, "Report Signature", [("{{ signer_title }}", B)])
    # Room for the signature and the seal; the name is typed by the clerk once the signer is known.
    for _ in range(4):
        _paragraph(signer, "Report Signature")


def _appendix(document: docx.document.Document) -> None:
    """Every task of the plan, grouped as the plan's appendix, in a landscape section (Decree 30 allows it
    for wide tables); its header is the first section's, so its pages are numbered too."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = A4[1], A4[0]
    _margins(section)
    # python-docx copies the first section's settings: the appendix's first page is numbered.
    section.different_first_page_header_footer = False
    _paragraph(document, "Report Title", [("PHỤ LỤC", B)])
    _paragraph(document, "Report Title", [("Kết quả thực hiện các nhiệm vụ của Kế hoạch đến hết {{ round_name }}", B)])
    _paragraph(
        document,
        "Report Title",
        [("(Kèm theo Báo cáo số …/BC-UBND ngày …… tháng …… năm …… của {{ issuer_short }})", I)],
    )
    _paragraph(document, "Report Title", [])
    widths: list[Length] = [Mm(16), Mm(62), Mm(34), Mm(24), Mm(18), Mm(64)]
    widths.append(Length(LANDSCAPE_TEXT_WIDTH - sum(widths)))  # the evidence: what is left, about 34 mm
    headings = [
        "Mã",
        "Nhiệm vụ cụ thể",
        "Đơn vị chủ trì",
        "Tình trạng đến hết kỳ",
        "Tỷ lệ hoàn thành",
        "Kết quả báo cáo trong kỳ",
        "Minh chứng",
    ]
    table = _table(document, rows=7, widths=widths, borders=True)
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        _fill(cell, "Report Table Heading", [(text, B)])
    _repeat_as_heading(table.rows[0])
    _fill(table.cell(1, 0), "Report Table", [("{%tr for group in groups %}", PLAIN)])
    _fill(table.cell(2, 0), "Report Table", [("{{ group.number }}", B)])
    merged = table.cell(2, 1).merge(table.cell(2, len(widths) - 1))
    _fill(merged, "Report Table", [("{{ group.heading }}", B)])
    _fill(table.cell(3, 0), "Report Table", [("{%tr for task in group.tasks %}", PLAIN)])
    for column, field in enumerate(("id", "text", "lead", "status", "percent", "results", "evidence")):
        _fill(table.cell(4, column), "Report Table", [(f"{{{{ task.{field} }}}}", PLAIN)])
    _fill(table.cell(5, 0), "Report Table", [("{%tr endfor %}", PLAIN)])
    _fill(table.cell(6, 0), "Report Table", [("{%tr endfor %}", PLAIN)])
    note = _paragraph(
        document,
        "Report Table",
        [
            (
                "Tình trạng và tỷ lệ hoàn thành theo báo cáo gần nhất của đơn vị đến hết ngày {{ period_end }};"
                " “Chưa có cập nhật”: chưa có báo cáo nào.",
                I,
            )
        ],
    )
    note.paragraph_format.space_before = Pt(6)


def _repeat_as_heading(row: docx.table._Row) -> None:
    """The column headings repeat at the top of each page of the table."""
    properties = row._tr.get_or_add_trPr()
    heading = OxmlElement("w:tblHeader")
    heading.set(qn("w:val"), "true")
    properties.append(heading)


# --- Same bytes on every run ---------------------------------------------------------------------------


def _fixed_zip(data: bytes) -> bytes:
    """`data` (a .docx, a zip) with every entry stamped FIXED_TIME, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = entry.external_attr
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()


if __name__ == "__main__":
    sys.exit(main())
