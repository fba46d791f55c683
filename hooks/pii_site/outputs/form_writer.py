"""Each reporting unit's report form: an .xlsx workbook to fill in and send back to the coordinator.

Called by the build (form_files: forms/<unit id>.xlsx in each language folder, linked from the unit's
page, the progress page and the staff guide), by scripts/forms.py (`make forms`) and by the demo
overlay (filled forms). Made with XlsxWriter, which writes what the form needs (drop-downs from a
hidden list, input messages, locked cells, A4 print set-up) and nothing else; forms are read back by
the package's own bounded reader (source/xlsx_reader.py). The layout is source/form_layout.py's.
The same plan gives the same bytes: the workbook's date comes from the data, never from the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pii_site.i18n import Labels, urls
from pii_site.i18n.formatting import format_date
from pii_site.model.plan import Plan, PlanTask
from pii_site.outputs.exports import GeneratedFile
from pii_site.source.form_layout import (
    COLUMN,
    COLUMNS,
    COORDINATED_SHEET,
    DATE_FORMAT,
    FORM_VERSION,
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    META_SHEET,
    PERCENT_FORMAT,
    REPORT_SHEET,
    TEXT_FORMAT,
    plan_fingerprint,
    status_words,
    tasks_fingerprint,
)
from pii_site.source.schema.plan import Unit
from pii_site.source.schema.reporting import Round
from pii_site.source.status_rules import plan_start

# The report sheet: a title block, then the heading row, then one row per task (rows from 0).
HEADING_ROW = 6
INSTRUCTION_STEPS = 10
_FILL = "#FFF2CC"  # the cells to fill in: pale yellow, as forms are marked on paper
_HEADING_FILL = "#D9D9D9"
_FONT = "Arial"  # in every office installation, and LibreOffice's metric twin (Liberation Sans) prints alike
# Rows are given heights: LibreOffice does not fit rows to wrapped text when it opens a workbook. A line
# of 10-point text takes about 13 points; a column of width w (in widths of the default font's "0")
# holds about 1.35 w characters of Vietnamese text in it (measured on LibreOffice's rendering).
_LINE_HEIGHT = 13
_CHARACTERS_PER_WIDTH = 1.35
_EMPTY_ROW_LINES = 3  # room to type in a task's row before it is made taller


@dataclass(frozen=True)
class FilledRow:
    """What a unit writes in one task's row (for the demo and the tests: real forms come back filled)."""

    status: str  # a status code, written as its Vietnamese word
    date: dt.date
    note_vi: str
    percent: int | None = None
    note_en: str | None = None
    evidence: tuple[str, ...] = ()  # one line each: a web address, or "number, DD/MM/YYYY, issuing body"


def form_files(plan: Plan) -> list[GeneratedFile]:
    """The blank form of every unit that owes one, for the current round (or no round without rounds)."""
    current = plan.reporting.current_round
    return [
        GeneratedFile(urls.form_file(unit.id), form_workbook(plan, unit, current))
        for unit in plan.reporting.reporting_units
    ]


def form_workbook(plan: Plan, unit: Unit, round_: Round | None, filled: Mapping[str, FilledRow] | None = None) -> bytes:
    """The form of `unit` for `round_` as .xlsx bytes; `filled` rows (by task id) are written in."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_urls": False})
    start, _ = plan_start(plan.document)
    made = round_.period.start if round_ else start
    workbook.set_properties(
        {
            "title": f"{Labels('vi')('form.title')} – {unit.name.vi}",
            "subject": plan.document.title.vi,
            "created": dt.datetime.combine(made, dt.time()),  # from the data: the same plan gives the same bytes
        }
    )
    styles = _Styles(workbook)
    led = plan.tasks_led_by(unit)
    report = workbook.add_worksheet(REPORT_SHEET)
    _report_sheet(report, styles, plan, unit, round_, led, filled or {}, start)
    _coordinated_sheet(workbook.add_worksheet(COORDINATED_SHEET), styles, plan, unit)
    _instructions_sheet(workbook.add_worksheet(INSTRUCTIONS_SHEET), styles, plan)
    lists = workbook.add_worksheet(LISTS_SHEET)
    for row, word in enumerate(status_words()):
        lists.write_string(row, 0, word)
    lists.hide()
    lists.protect()
    meta = workbook.add_worksheet(META_SHEET)
    values = {
        "form_version": FORM_VERSION,
        "plan": plan_fingerprint(plan.document),
        "tasks": tasks_fingerprint(unit.id, [task.record for task in led]),
        "unit": unit.id,
        "round": round_.id if round_ else "",
    }
    for row, (key, value) in enumerate(values.items()):
        meta.write_string(row, 0, key)
        meta.write_string(row, 1, value)
    meta.very_hidden()  # not offered by Excel's "Unhide": nobody edits it by mistake
    meta.protect()
    report.activate()
    workbook.close()
    return buffer.getvalue()


class _Styles:
    def __init__(self, workbook: Workbook) -> None:
        base = {"font_name": _FONT, "font_size": 10, "valign": "top", "text_wrap": True}
        cell = {**base, "border": 1, "border_color": "#808080"}
        self.title = workbook.add_format({**base, "bold": True, "font_size": 12, "text_wrap": False})
        self.line = workbook.add_format({**base, "text_wrap": False})
        self.heading = workbook.add_format({**cell, "bold": True, "bg_color": _HEADING_FILL})
        self.locked = workbook.add_format(cell)
        editable = {**cell, "locked": False, "bg_color": _FILL}
        self.editable = {
            "status": workbook.add_format({**editable, "num_format": TEXT_FORMAT}),
            "percent": workbook.add_format({**editable, "num_format": PERCENT_FORMAT, "align": "center"}),
            "date": workbook.add_format({**editable, "num_format": DATE_FORMAT, "align": "center"}),
            "note_vi": workbook.add_format({**editable, "num_format": TEXT_FORMAT}),
            "note_en": workbook.add_format({**editable, "num_format": TEXT_FORMAT}),
            "evidence": workbook.add_format({**editable, "num_format": TEXT_FORMAT}),
        }
        self.paragraph = workbook.add_format(base)


def _protect(sheet: Worksheet) -> None:
    """Locked cells stay as they are; columns and rows may still be widened. No password: the sheet's
    protection guards against slips only, and the reader never relies on it."""
    sheet.protect("", {"format_columns": True, "format_rows": True})


def _print_setup(sheet: Worksheet, heading_row: int) -> None:
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.fit_to_pages(1, 0)  # every column on the page's width, as many pages down as needed
    sheet.repeat_rows(heading_row)
    sheet.set_footer("&C&P / &N")


def _fit_row(sheet: Worksheet, row: int, cells: list[tuple[str, float]], least: int = 1) -> None:
    """Make `row` tall enough for each (text, column width) of it, and at least `least` lines."""
    lines = least
    for text, width in cells:
        per_line = max(1, int(width * _CHARACTERS_PER_WIDTH))
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")))
    sheet.set_row(row, lines * _LINE_HEIGHT + 3)


def _title_block(sheet: Worksheet, styles: _Styles, lines: list[str]) -> None:
    sheet.write_string(0, 0, lines[0], styles.title)
    for row, line in enumerate(lines[1:], start=1):
        sheet.write_string(row, 0, line, styles.line)


def _both(key: str, **values: Any) -> str:
    return f"{Labels('vi')(key, **values)} / {Labels('en')(key, **values)}"


def _report_sheet(
    sheet: Worksheet,
    styles: _Styles,
    plan: Plan,
    unit: Unit,
    round_: Round | None,
    led: list[PlanTask],
    filled: Mapping[str, FilledRow],
    start: dt.date,
) -> None:
    vi = Labels("vi")
    if round_ is None:
        round_line = vi("form.no_round")
    else:
        dates = {"start": format_date(round_.period.start, "vi"), "end": format_date(round_.period.end, "vi")}
        round_line = vi("form.round", name=round_.name.vi, due=format_date(round_.due, "vi"), **dates)
    lines = [_both("form.title"), plan.document.title.vi, vi("form.unit", name=unit.name.vi), round_line]
    if (coordinator := plan.reporting.coordinator) is not None:
        lines.append(vi("form.send_to", name=coordinator.name.vi))
    lines.append(vi("form.fill_in"))
    _title_block(sheet, styles, lines)
    for index, column in enumerate(COLUMNS):
        sheet.set_column(index, index, column.width)
        sheet.write_string(HEADING_ROW, index, column.heading, styles.heading)
    _fit_row(sheet, HEADING_ROW, [(column.heading, column.width) for column in COLUMNS])
    for offset, task in enumerate(led):
        row = HEADING_ROW + 1 + offset
        sheet.write_string(row, 0, task.id, styles.locked)
        sheet.write_string(row, 1, task.pillar.name.vi, styles.locked)
        sheet.write_string(row, 2, task.text.vi, styles.locked)
        texts = _write_row(sheet, styles, row, filled.get(task.id))
        widths = {column.key: column.width for column in COLUMNS}
        cells = [(task.pillar.name.vi, widths["pillar"]), (task.text.vi, widths["text"])]
        _fit_row(sheet, row, cells + [(text, widths[key]) for key, text in texts.items()], _EMPTY_ROW_LINES)
    if led:
        _validations(sheet, HEADING_ROW + 1, HEADING_ROW + len(led), start)
    sheet.freeze_panes(HEADING_ROW + 1, 1)
    sheet.print_area(0, 0, HEADING_ROW + max(len(led), 1), len(COLUMNS) - 1)
    _print_setup(sheet, HEADING_ROW)
    _protect(sheet)


def _write_row(sheet: Worksheet, styles: _Styles, row: int, filled: FilledRow | None) -> dict[str, str]:
    """The editable cells of one task's row, blank or `filled`; returns the texts written, by column."""
    place = {column.key: index for index, column in enumerate(COLUMNS)}
    for key, style in styles.editable.items():
        sheet.write_blank(row, place[key], None, style)
    if filled is None:
        return {}
    sheet.write_string(row, place["status"], Labels("vi")(f"status.{filled.status}"), styles.editable["status"])
    if filled.percent is not None:
        sheet.write_number(row, place["percent"], filled.percent, styles.editable["percent"])
    sheet.write_datetime(row, place["date"], dt.datetime.combine(filled.date, dt.time()), styles.editable["date"])
    sheet.write_string(row, place["note_vi"], filled.note_vi, styles.editable["note_vi"])
    if filled.note_en:
        sheet.write_string(row, place["note_en"], filled.note_en, styles.editable["note_en"])
    if filled.evidence:
        sheet.write_string(row, place["evidence"], "\n".join(filled.evidence), styles.editable["evidence"])
    return {"note_vi": filled.note_vi, "note_en": filled.note_en or "", "evidence": "\n".join(filled.evidence)}


def _validations(sheet: Worksheet, first: int, last: int, start: dt.date) -> None:
    """Drop-down, whole number and date checks as the cell is typed in, each with its input message."""
    vi, en = Labels("vi"), Labels("en")
    place = {column.key: index for index, column in enumerate(COLUMNS)}

    def message(key: str) -> dict[str, str]:
        return {"input_title": vi(f"{key}_title"), "input_message": f"{vi(key)}\n{en(key)}"}

    words = len(status_words())
    checks: dict[str, dict[str, Any]] = {
        "status": {
            "validate": "list",
            "source": f"='{LISTS_SHEET}'!$A$1:$A${words}",
            **message("form.input.status"),
            "error_message": f"{vi('form.input.status_error')}\n{en('form.input.status_error')}",
        },
        "percent": {"validate": "integer", "criteria": "between", "minimum": 0, "maximum": 100}
        | message("form.input.percent"),
        "date": {
            "validate": "date",
            "criteria": ">=",
            "value": dt.datetime.combine(start, dt.time()),
            "error_type": "warning",  # a date typed as text (DD/MM/YYYY) is read too: warn, do not refuse
            "error_message": f"{vi('form.input.date_error')}\n{en('form.input.date_error')}",
        }
        | message("form.input.date"),
        "note_vi": {"validate": "any"} | message("form.input.note"),
        "evidence": {"validate": "any"} | message("form.input.evidence"),
    }
    for key, options in checks.items():
        sheet.data_validation(first, place[key], last, place[key], options)


def _coordinated_sheet(sheet: Worksheet, styles: _Styles, plan: Plan, unit: Unit) -> None:
    """The tasks the unit coordinates, with their lead units: read-only, for reference."""
    vi, en = Labels("vi"), Labels("en")
    tasks = plan.tasks_coordinated_by(unit)
    intro = "form.coordinated.intro" if tasks else "form.coordinated.none"
    _title_block(sheet, styles, [_both("form.title"), vi(intro), en(intro)])
    heading_row = 4
    headings = [(c.heading, c.width) for c in (COLUMN["task"], COLUMN["pillar"], COLUMN["text"])]
    headings.append((f"{vi('form.coordinated.lead')}\n{en('form.coordinated.lead')}", 40))
    for index, (heading, width) in enumerate(headings):
        sheet.set_column(index, index, width)
        sheet.write_string(heading_row, index, heading, styles.heading)
    _fit_row(sheet, heading_row, headings)
    for offset, task in enumerate(tasks):
        row = heading_row + 1 + offset
        texts = (task.id, task.pillar.name.vi, task.text.vi, "\n".join(lead.name.vi for lead in task.lead))
        for index, text in enumerate(texts):
            sheet.write_string(row, index, text, styles.locked)
        _fit_row(sheet, row, [(text, width) for text, (_, width) in zip(texts, headings, strict=True)])
    sheet.print_area(0, 0, heading_row + max(len(tasks), 1), len(headings) - 1)
    _print_setup(sheet, heading_row)
    _protect(sheet)


_INSTRUCTIONS_WIDTH = 72


def _instructions_sheet(sheet: Worksheet, styles: _Styles, plan: Plan) -> None:
    sheet.set_column(0, 0, _INSTRUCTIONS_WIDTH)
    row = 0
    coordinator = plan.reporting.coordinator
    for lang in ("vi", "en"):
        t = Labels(lang)
        sheet.write_string(row, 0, t("form.instructions.title"), styles.title)
        row += 1
        paragraphs = [f"{step}. {t(f'form.instructions.step{step}')}" for step in range(1, INSTRUCTION_STEPS + 1)]
        if coordinator is not None:
            paragraphs.append(t("form.instructions.send_to", name=getattr(coordinator.name, lang)))
        for paragraph in paragraphs:
            sheet.write_string(row, 0, paragraph, styles.paragraph)
            _fit_row(sheet, row, [(paragraph, _INSTRUCTIONS_WIDTH)])
            row += 1
        row += 1
    sheet.print_area(0, 0, row, 0)
    sheet.set_paper(9)
    sheet.set_margins(left=0.6, right=0.6, top=0.7, bottom=0.7)
    sheet.fit_to_pages(1, 0)
    _protect(sheet)
