"""The compiled report (pii_site.outputs.compiled_report, scripts/report.py), opened with python-docx as
Word would read it: Decree 30/2020's page set-up, fonts and sizes, the header block, the blanks left for
the clerk, the round's content (who reported and whether on time, what each task did, difficulties),
every task in the landscape appendix, the recipients and the signer's title without a name. The same
report printed by LibreOffice: tests/outputs/test_compiled_report_pdf.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import _Header
from docx.shared import Length, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from helpers import FIXTURE_TODAY, DataCopy, load_script

from pii_site import Plan
from pii_site.model.reporting import Submission
from pii_site.outputs.compiled_report import render_report
from pii_site.source.schema.status import FormUpdate, StatusUpdate

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)
report_script = load_script("report")


# --- Reading a .docx as Word does -----------------------------------------------------------------------


def paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the body, its tables' cells and the headers, in order."""
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in document.sections:
        for header in (section.header, section.first_page_header):
            yield from header.paragraphs


def mm(length: Length | None) -> float:
    assert length is not None
    return length.mm


def style(paragraph: Paragraph) -> ParagraphStyle:
    assert paragraph.style is not None
    return paragraph.style


def text(document: Document) -> str:
    return "\n".join(paragraph.text for paragraph in paragraphs(document))


def effective(document: Document, paragraph: Paragraph, run: Run, attribute: str) -> Any:
    """A run's font attribute as Word resolves it: the run, then the paragraph's style and the styles it
    is based on, then the document's defaults (fonts and sizes only)."""
    value = getattr(run.font, attribute)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attribute)
        style = style.base_style
    if value is None and attribute in ("name", "size"):
        defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        if attribute == "name":
            value = defaults.find(qn("w:rFonts")).get(qn("w:ascii"))
        else:
            value = Pt(int(defaults.find(qn("w:sz")).get(qn("w:val"))) / 2)
    return value


def find(document: Document, pattern: str) -> Paragraph:
    matches = [p for p in paragraphs(document) if re.search(pattern, p.text)]
    assert matches, f"no paragraph matches {pattern!r}"
    return matches[0]


def open_report(plan: Plan, round_id: str) -> Document:
    return docx.Document(io.BytesIO(render_report(plan, plan.reporting.round(round_id))))


def run_report(data: Path, out: Path, *arguments: str) -> Document:
    """scripts/report.py as `make report` runs it, on `data`; the document it wrote."""
    assert report_script.main(["--data", str(data), "--out", str(out), *arguments]) == 0
    return docx.Document(str(out))


# --- A round with forms -----------------------------------------------------------------------------------


def row(day: str, status: str, unit: str, note: str, percent: int | None = None) -> StatusUpdate:
    return StatusUpdate.model_validate(
        {"date": day, "status": status, "unit": unit, "note": {"vi": note}, "percent": percent}
    )


def with_forms(plan: Plan, round_id: str, rows: list[tuple[str, StatusUpdate]]) -> Plan:
    """`plan` as the build would load it with, as its only forms, one form per unit in
    data/reports/<round_id>/ holding `rows` (task id, update): each row is an update of its task
    (read from a form, so it knows its task and round), and its unit's Submission. The fixture's own
    forms are left out, so each test says which rows the round holds."""
    as_rows = [(task_id, FormUpdate(**update.model_dump(), task=task_id, round=round_id)) for task_id, update in rows]
    tasks = []
    for task in plan.tasks:
        kept = [u for u in task.progress.updates if not isinstance(u, FormUpdate)]
        new = [u for task_id, u in as_rows if task_id == task.id]
        updates = tuple(sorted((*kept, *new), key=lambda u: u.date))
        tasks.append(dataclasses.replace(task, progress=dataclasses.replace(task.progress, updates=updates)))
    by_unit: dict[str, list[FormUpdate]] = {}
    for _, update in as_rows:
        by_unit.setdefault(update.unit, []).append(update)
    submissions = tuple(
        Submission(round_id, plan.unit(unit), f"data/reports/{round_id}/{unit}.xlsx", tuple(updates))
        for unit, updates in by_unit.items()
    )
    return dataclasses.replace(
        plan, tasks=tuple(tasks), reporting=dataclasses.replace(plan.reporting, submissions=submissions)
    )


@pytest.fixture(scope="module")
def third_quarter(plan: Plan) -> Plan:
    """2026-q3 (due 2026-10-05, seen from 2026-11-26): the working group's form holds its two updates of
    the quarter (on time: its last row is dated 25/09); the board's form a row for VII.2 dated after the
    due day (late); the cooperative sent none (missing), though its data/status update of 30/09 counts."""
    working_group = [
        ("VII.1", next(u for u in plan.task("VII.1").progress.updates if u.date == dt.date(2026, 9, 25))),
        ("VIII.1", next(u for u in plan.task("VIII.1").progress.updates if u.date == dt.date(2026, 7, 20))),
    ]
    board = [("VII.2", row("2026-10-08", "in-progress", "ban-kinh-te-nong-nghiep", "Đã nộp hồ sơ bánh phồng tôm.", 50))]
    return with_forms(plan, "2026-q3", working_group + board)


# --- Page set-up, fonts, sizes ---------------------------------------------------------------------------


def test_a4_with_decree_30_margins_and_the_appendix_in_a_landscape_section(plan: Plan) -> None:
    document = open_report(plan, "2026-q3")
    portrait, landscape = document.sections
    for section in (portrait, landscape):
        assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
        assert 30 <= mm(section.left_margin) <= 35 and 15 <= mm(section.right_margin) <= 20
    assert (portrait.orientation, round(mm(portrait.page_width)), round(mm(portrait.page_height))) == (
        WD_ORIENT.PORTRAIT,
        210,
        297,
    )
    assert (landscape.orientation, round(mm(landscape.page_width)), round(mm(landscape.page_height))) == (
        WD_ORIENT.LANDSCAPE,
        297,
        210,
    )
    # The appendix table comes after the paragraph that ends the portrait section.
    body = list(document.element.body.iterchildren())
    section_end = max(i for i, child in enumerate(body) if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)
    appendix = body.index(document.tables[-1]._tbl)
    assert appendix > section_end
    assert "PHỤ LỤC" in [p.text for p in document.paragraphs if body.index(p._p) > section_end]


def test_page_numbers_at_the_top_from_page_2_and_on_the_appendix_pages(plan: Plan) -> None:
    document = open_report(plan, "2026-q3")
    portrait, landscape = document.sections

    def has_page_field(header: _Header) -> bool:
        return any(" PAGE " in (node.text or "") for node in header._element.iter(qn("w:instrText")))

    assert portrait.different_first_page_header_footer  # page 1 has a header of its own...
    assert not has_page_field(portrait.first_page_header)  # ...without a number
    assert has_page_field(portrait.header)
    number = portrait.header.paragraphs[0]
    assert WD_ALIGN_PARAGRAPH.CENTER in (number.alignment, style(number).paragraph_format.alignment)
    # The appendix's first page is numbered too: no first-page header of its own.
    assert not landscape.different_first_page_header_footer
    assert has_page_field(landscape.header)


def test_every_run_is_times_new_roman_and_the_body_is_14_pt_justified_with_a_first_line_indent(plan: Plan) -> None:
    document = open_report(plan, "2026-q3")
    fonts = {effective(document, p, run, "name") for p in paragraphs(document) for run in p.runs if run.text.strip()}
    assert fonts == {"Times New Roman"}
    body = [p for p in document.paragraphs if style(p).name == "Report Body" and p.text.strip()]
    assert len(body) > 10
    for paragraph in body:
        style_format = style(paragraph).paragraph_format
        assert style_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert 10 <= mm(style_format.first_line_indent) <= 12.7
        assert (style_format.space_after or 0) >= Pt(6)
        assert isinstance(style_format.line_spacing, float) and 1.0 <= style_format.line_spacing <= 1.5
        for run in paragraph.runs:
            assert Pt(13) <= effective(document, paragraph, run, "size") <= Pt(14)
    # Decree 30's sizes elsewhere: national title 12–13 pt, motto 13–14 pt, recipients' list 11 pt.
    title = find(document, "^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$")
    assert Pt(12) <= effective(document, title, title.runs[0], "size") <= Pt(13)
    motto = find(document, "^Độc lập - Tự do - Hạnh phúc$")
    assert Pt(13) <= effective(document, motto, motto.runs[0], "size") <= Pt(14)
    listed = find(document, "^- Lưu: VT\\.$")
    assert effective(document, listed, listed.runs[0], "size") == Pt(11)


# --- The header block and the blanks for the clerk --------------------------------------------------------


def test_issuer_in_capitals_beside_the_national_title_in_a_borderless_table(plan: Plan) -> None:
    document = open_report(plan, "2026-q3")
    header = document.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert header.style is not None
    style_borders = header.style.element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert borders is None and style_borders is None  # no line is drawn around or inside it
    issuer = [p for p in header.cell(0, 0).paragraphs if p.text.strip()]
    assert issuer[0].text == "ỦY BAN NHÂN DÂN\nXÃ SÔNG MÂY"  # data/plan.yml's issuer, capitals, two lines
    assert all(effective(document, issuer[0], run, "bold") for run in issuer[0].runs)
    national = [p.text for p in header.cell(0, 1).paragraphs if p.text.strip()]
    assert national == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert [p.text for p in header.cell(1, 0).paragraphs] == ["Số: …/BC-UBND"]  # the number left blank
    date_line = header.cell(1, 1).paragraphs[0]
    assert date_line.text == "Sông Mây, ngày …… tháng …… năm ……"  # place from plan.yml; day left blank
    assert all(effective(document, date_line, run, "italic") for run in date_line.runs)
    assert Pt(13) <= effective(document, date_line, date_line.runs[0], "size") <= Pt(14)


def test_without_a_place_in_the_data_the_date_line_leaves_dots_and_a_superior_body_shows_only_when_given(
    data_copy: DataCopy, tmp_path: Path, fixture_today: str
) -> None:
    data_copy.replace("plan.yml", 'place: "Sông Mây"\n', "")
    document = run_report(data_copy.root, tmp_path / "report.docx", "--round", "2026-q3")
    assert document.tables[0].cell(1, 1).paragraphs[0].text == "……, ngày …… tháng …… năm ……"
    assert [p.text for p in document.tables[0].cell(0, 0).paragraphs if p.text.strip()][0].startswith("ỦY BAN")

    data_copy.replace("plan.yml", "issuer:\n", 'issuer_superior: "Ủy ban nhân dân tỉnh Thử Nghiệm"\nissuer:\n')
    document = run_report(data_copy.root, tmp_path / "report.docx", "--round", "2026-q3")
    lines = [p for p in document.tables[0].cell(0, 0).paragraphs if p.text.strip()]
    assert [p.text for p in lines[:2]] == ["ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM", "ỦY BAN NHÂN DÂN\nXÃ SÔNG MÂY"]
    assert not any(effective(document, lines[0], run, "bold") for run in lines[0].runs)  # Decree 30: not bold


def test_the_title_names_the_plan_and_the_round_and_the_opening_cites_the_plan_with_its_blanks(plan: Plan) -> None:
    document = open_report(plan, "2026-q3")
    titles = [p.text for p in document.paragraphs if style(p).name == "Report Title" and p.text][:3]
    assert titles == ["BÁO CÁO", f"Kết quả thực hiện {plan.document.title.vi}", "Quý III/2026"]
    opening = find(document, "^Thực hiện ")
    # The plan's number and day are blank in its source (null in the data): blank here too.
    assert "(Kế hoạch số …/KH-UBND ngày … tháng 03 năm 2026)" in opening.text
    assert "từ ngày 01/07/2026 đến ngày 30/09/2026" in opening.text


def test_proposals_are_left_to_the_clerk_with_a_visible_prompt(plan: Plan) -> None:
    document = open_report(plan, "2026-q3")
    heading = find(document, "^III\\. ĐỀ XUẤT, KIẾN NGHỊ$")
    prompt = document.paragraphs[[p._p for p in document.paragraphs].index(heading._p) + 1]
    assert prompt.text.startswith("[") and "đề xuất, kiến nghị" in prompt.text
    assert prompt.runs[0].font.highlight_color is not None


def test_the_signers_title_without_a_name_and_the_plans_recipients(plan: Plan) -> None:
    document = open_report(plan, "2026-q3")
    recipients, signer = document.tables[1].rows[0].cells
    assert [p.text for p in signer.paragraphs if p.text.strip()] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert plan.document.signatory.name not in text(document)
    assert [p.text for p in recipients.paragraphs if p.text.strip()] == [
        "Nơi nhận:",
        "- Sở Thử Nghiệm;",
        "- Các ban, tổ của xã;",
        "- Lưu: VT.",
    ]
    heading = recipients.paragraphs[0]
    assert effective(document, heading, heading.runs[0], "bold") and effective(
        document, heading, heading.runs[0], "italic"
    )


def test_recipients_given_in_reporting_yml_replace_the_plans(
    data_copy: DataCopy, tmp_path: Path, fixture_today: str
) -> None:
    data_copy.replace(
        "reporting.yml",
        "coordinator: to-cong-tac-doi-moi\n",
        'coordinator: to-cong-tac-doi-moi\nrecipients: ["Sở Thử Nghiệm", "Lưu: VT, TCT"]\n',
    )
    document = run_report(data_copy.root, tmp_path / "report.docx")
    recipients = [p.text for p in document.tables[1].cell(0, 0).paragraphs if p.text.strip()]
    assert recipients == ["Nơi nhận:", "- Sở Thử Nghiệm;", "- Lưu: VT, TCT."]


# --- What the round holds ---------------------------------------------------------------------------------


def test_who_reported_and_whether_on_time(third_quarter: Plan) -> None:
    document = open_report(third_quarter, "2026-q3")
    assert find(document, "^Có 2/3 đơn vị").text == (
        "Có 2/3 đơn vị chủ trì nhiệm vụ đã gửi báo cáo (1 đúng hạn, 1 trễ hạn); 1 đơn vị chưa gửi:"
    )
    assert find(document, "^- Tổ công tác").text.endswith(": đã gửi báo cáo ngày 25/09/2026, đúng hạn;")
    assert (
        find(document, "^- Ban Kinh tế").text == "- Ban Kinh tế – Nông nghiệp: đã gửi báo cáo ngày 08/10/2026, trễ hạn;"
    )
    assert find(document, "^- Hợp tác xã").text.endswith(": chưa gửi báo cáo, đã quá hạn.")
    assert "Hạn gửi báo cáo kỳ này: ngày 05/10/2026. Số liệu trong báo cáo tính đến ngày 26/11/2026." in text(document)
    # Before the due day, a unit without a form has not failed yet.
    q4 = open_report(third_quarter, "2026-q4")
    assert find(q4, "^- Hợp tác xã").text.endswith(": chưa gửi báo cáo (chưa đến hạn).")


def test_each_task_reported_in_the_round_shows_its_status_percent_work_evidence_and_reporter(
    third_quarter: Plan,
) -> None:
    document = open_report(third_quarter, "2026-q3")
    completed = find(document, "^- Nhiệm vụ VII\\.1:")
    assert completed.runs[0].bold
    assert completed.text.endswith("tình trạng đến hết kỳ: hoàn thành.")
    done = find(document, "^\\+ .*báo cáo ngày 25/09/2026")
    assert done.text.endswith(
        "báo cáo ngày 25/09/2026 (đúng hạn): hoàn thành (100%). Đã đăng đủ bảng điểm ba quý; bảng tin chạy ổn định."
    )
    evidence = document.paragraphs[[p._p for p in document.paragraphs].index(done._p) + 1]
    assert evidence.text == (
        "Minh chứng: Bảng điểm CSM của xã, https://example.org/song-may/bang-diem-csm; Báo cáo kết quả công khai"
        " bảng điểm, số 15/BC-SM ngày 24/09/2026 của UBND xã Sông Mây."
    )
    # The board's row came in the quarter's form after the due day: it belongs to this round, late.
    assert find(document, "^- Nhiệm vụ VII\\.2:").text.endswith("tình trạng đến hết kỳ: đang thực hiện, đạt 50%.")
    assert find(document, "^\\+ .*báo cáo ngày 08/10/2026").text == (
        "+ Ban Kinh tế – Nông nghiệp báo cáo ngày 08/10/2026 (trễ hạn): đang thực hiện (50%). Đã nộp hồ sơ bánh phồng tôm."
    )
    # A data/status update dated in the period counts, with no word on time: it came in no form.
    assert find(document, "^\\+ .*báo cáo ngày 30/09/2026").text.startswith(
        "+ Hợp tác xã Dịch vụ Nông nghiệp Sông Mây báo cáo ngày 30/09/2026: thực hiện thường xuyên."
    )
    # The 15/10 update of VII.2 came after the quarter, in no form: the fourth quarter's, not this one's.
    assert "Mật ong tràm đã lên sàn" not in text(document)
    assert find(document, "^- Không có báo cáo trong kỳ: nhiệm vụ VIII\\.2, VIII\\.3")
    q4 = text(open_report(third_quarter, "2026-q4"))
    assert "Mật ong tràm đã lên sàn" in q4 and "Đã nộp hồ sơ bánh phồng tôm" not in q4


def test_difficulties_come_from_the_notes_of_tasks_reported_delayed_in_the_round(third_quarter: Plan) -> None:
    document = open_report(third_quarter, "2026-q3")
    assert find(document, "^- Nhiệm vụ VIII\\.1 \\(").text.endswith(
        ", ngày 20/07/2026): Mùa nước nổi, lớp tạm nghỉ; dự kiến học lại sau khi nước rút."
    )
    none_delayed = text(open_report(third_quarter, "2026-q4"))
    assert (
        "Trong kỳ, không có nhiệm vụ nào được báo cáo chậm tiến độ; các đơn vị chưa nêu khó khăn, vướng mắc."
        in none_delayed
    )


def test_every_task_of_the_plan_is_in_the_appendix_with_its_status_at_the_rounds_end(third_quarter: Plan) -> None:
    document = open_report(third_quarter, "2026-q3")
    table = document.tables[-1]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert [t.id for t in third_quarter.tasks] == [key for key in rows if "." in key]
    assert [g.number for g in third_quarter.groups] == [key for key in rows if "." not in key]
    assert rows["VII"][1] == "NỀN TẢNG CHÍNH QUYỀN"
    assert rows["VII.1"][1:5] == [
        third_quarter.task("VII.1").text.vi,
        third_quarter.task("VII.1").lead[0].name.vi,
        "Hoàn thành",
        "100%",
    ]
    assert rows["VII.2"][3:6] == [
        "Đang thực hiện",
        "50%",
        "08/10/2026, Ban Kinh tế – Nông nghiệp: Đã nộp hồ sơ bánh phồng tôm.",
    ]
    assert rows["VIII.3"][3:7] == ["Chưa có cập nhật", "", "Không có báo cáo trong kỳ", ""]
    heading_row = table.rows[0]._tr.trPr
    assert heading_row is not None and heading_row.find(qn("w:tblHeader")) is not None  # repeats on each page


def test_a_round_without_any_update_says_so_and_invents_nothing(
    data_copy: DataCopy, tmp_path: Path, fixture_today: str
) -> None:
    data_copy.replace(
        "reporting.yml",
        "rounds:\n",
        'rounds:\n  - id: 2026-q1\n    name: {vi: "Quý I/2026", en: "First quarter of 2026"}\n'
        "    period: {start: 2026-01-01, end: 2026-03-31}\n    due: 2026-04-05\n",
    )
    document = run_report(data_copy.root, tmp_path / "q1.docx", "--round", "2026-q1")
    body = text(document)
    assert "Trong kỳ báo cáo, chưa có đơn vị nào báo cáo kết quả thực hiện nhiệm vụ" in body
    assert "trong kỳ có 0 nhiệm vụ được báo cáo kết quả. Tình trạng đến hết kỳ: chưa có cập nhật 7." in body
    assert "Trong kỳ, không có nhiệm vụ nào được báo cáo chậm tiến độ" in body
    assert "%" not in "".join(c.text for r in document.tables[-1].rows[1:] for c in r.cells)
    assert not [p for p in document.paragraphs if p.text.startswith("+ ")]


def test_hostile_text_in_the_data_is_printed_as_typed(data_copy: DataCopy, tmp_path: Path, fixture_today: str) -> None:
    """XML, Jinja and docxtpl's own tags typed into the data come out as text: neither markup in the
    document nor tags the template runs."""
    hostile = '<w:t>x</w:t></w:r><w:r><w:t>y</w:t> {{ plan_title }} {% if true %}z{% endif %} {%p endfor %} & &amp; "q"'
    quoted = '"' + hostile.replace("\\", "\\\\").replace('"', '\\"') + '"'
    shutil.rmtree(data_copy.path("reports"))  # forms made for the tasks' old words would be refused
    data_copy.replace("tasks.yml", 'vi: "Tập huấn mười hướng dẫn viên số tình nguyện."', f"vi: {quoted}")
    data_copy.replace("units.yml", 'vi: "Ban Kinh tế – Nông nghiệp"', f"vi: {quoted}")
    data_copy.replace("plan.yml", '  - vi: "Sở Thử Nghiệm"', f"  - vi: {quoted}")
    data_copy.path("status/VIII.3.yml").write_text(
        f"updates:\n  - date: 2026-08-01\n    status: delayed\n    unit: to-cong-tac-doi-moi\n    note: {{vi: {quoted}}}\n"
        f"    evidence:\n      - {{url: 'https://example.org/x', title: {{vi: {quoted}}}}}\n",
        encoding="utf-8",
    )
    document = run_report(data_copy.root, tmp_path / "hostile.docx", "--round", "2026-q3")
    body = text(document)
    assert body.count(hostile) >= 6  # task text (body, appendix), unit name, recipient, note, evidence…
    assert "{{ plan_title }}" in body and "Kế hoạch thử nghiệm" in body
    # The document is still the template's: no paragraph or run was added by the typed tags.
    assert f"- {hostile};" in [p.text for p in document.tables[1].cell(0, 0).paragraphs]


# --- The command: refusals --------------------------------------------------------------------------------


def test_without_rounds_the_command_refuses_naming_reporting_yml(
    data_copy: DataCopy, tmp_path: Path, fixture_today: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(data_copy.path("reports"))  # a form's folder names a round: without rounds, none is valid
    reporting = data_copy.path("reporting.yml")
    reporting.write_text("coordinator: to-cong-tac-doi-moi\nrounds: []\n", encoding="utf-8")
    out = tmp_path / "report.docx"
    assert report_script.main(["--data", str(data_copy.root), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert f"Chưa có kỳ báo cáo nào trong {reporting}" in error and '"rounds"' in error
    assert f"(en) {reporting} has no reporting round yet" in error
    assert not out.exists()
    reporting.unlink()
    assert report_script.main(["--data", str(data_copy.root), "--out", str(out)]) == 1
    assert f"Chưa có tệp {reporting}" in capsys.readouterr().err


def test_an_unknown_round_a_wrong_file_name_or_an_unwritable_file_is_refused_in_both_languages(
    tmp_path: Path, fixture_today: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import FIXTURE_DIR

    data = ["--data", str(FIXTURE_DIR)]
    assert report_script.main([*data, "--round", "2026-q9", "--out", str(tmp_path / "r.docx")]) == 1
    error = capsys.readouterr().err
    assert (
        'Không có kỳ báo cáo "2026-q9"' in error
        and "2026-q2, 2026-q3, 2026-q4" in error
        and "(en) There is no" in error
    )
    assert report_script.main([*data, "--out", str(tmp_path / "r.pdf")]) == 1
    assert "phải kết thúc bằng .docx" in capsys.readouterr().err
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    unwritable = tmp_path / "a-file" / "r.docx"  # its folder is a file
    assert report_script.main([*data, "--out", str(unwritable)]) == 1
    error = capsys.readouterr().err
    assert f"Không ghi được {unwritable}" in error and "(en) Could not write" in error and "Traceback" not in error
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    assert report_script.main([*data, "--out", str(folder)]) == 1
    assert f"Không ghi được {folder}" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "folder.docx"]  # no temporary file left


def test_the_default_round_is_the_current_one_and_the_default_file_is_named_after_it(
    tmp_path: Path, fixture_today: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import FIXTURE_DIR

    monkeypatch.chdir(tmp_path)
    assert report_script.main(["--data", str(FIXTURE_DIR)]) == 0
    assert "Quý IV/2026" in capsys.readouterr().out
    assert "Quý IV/2026" in text(docx.Document(str(tmp_path / "bao-cao-2026-q4.docx")))


def test_a_restyled_template_is_used_and_a_broken_one_is_refused_with_its_tag(
    tmp_path: Path, fixture_today: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import FIXTURE_DIR

    from pii_site.outputs.compiled_report import TEMPLATE

    # A clerk's restyled copy: the body in 13 pt (Decree 30 allows 13–14).
    restyled = docx.Document(io.BytesIO(TEMPLATE.read_bytes()))
    restyled.styles["Report Body"].font.size = Pt(13)
    restyled.save(str(tmp_path / "mine.docx"))
    document = run_report(FIXTURE_DIR, tmp_path / "r.docx", "--template", str(tmp_path / "mine.docx"))
    assert document.styles["Report Body"].font.size == Pt(13)
    assert "Quý IV/2026" in text(document)

    for mistake, named in (("{{ plan_titel }}", "plan_titel"), ("{{ plan_title", "")):
        broken = docx.Document(io.BytesIO(TEMPLATE.read_bytes()))
        broken.add_paragraph(mistake)
        broken.save(str(tmp_path / "broken.docx"))
        out = tmp_path / "broken-report.docx"
        assert (
            report_script.main(
                ["--data", str(FIXTURE_DIR), "--out", str(out), "--template", str(tmp_path / "broken.docx")]
            )
            == 1
        )
        error = capsys.readouterr().err
        assert f"Không dùng được mẫu báo cáo {tmp_path / 'broken.docx'}" in error and named in error
        assert "(en) The report template" in error and not out.exists()


def test_a_data_error_is_reported_as_validate_reports_it(
    data_copy: DataCopy, fixture_today: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = data_copy.replace("reporting.yml", "due: 2026-10-05", "due: 2026-13-05")
    assert report_script.main(["--data", str(data_copy.root), "--out", str(data_copy.root / "r.docx")]) == 1
    assert f"reporting.yml:{line}" in capsys.readouterr().err
