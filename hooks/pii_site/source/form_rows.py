"""The filled rows of a form's report sheet, read as progress updates of their tasks.

Called by source/report_forms.py once a form is known to be this plan's, for this unit and round.
Cells are read as the person filling them meant: a percentage-formatted 0.5 is 50, a date cell (or a
date's serial number in a date-formatted cell) is that day, "05/10/2026" typed as text is 5 October,
a status is its Vietnamese or English word or its code. Each row is then held to the rules of every
update (status_rules.update_rule_breaks), and each problem names its cell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from pii_site.source.errors import PLACE_SEPARATOR, Problem, message, shown
from pii_site.source.form_layout import (
    COLUMN,
    COLUMNS,
    DAY_MONTH_YEAR,
    EDITABLE,
    HEADING_SEARCH_ROWS,
    REPORT_SHEET,
    YEAR_MONTH_DAY,
    cell_name,
    heading_key,
    status_of,
    status_words,
)
from pii_site.source.schema.base import TEXT_LIMIT, WEB_ADDRESS, character_code, unallowed_character
from pii_site.source.schema.plan import Task
from pii_site.source.schema.status import FormUpdate
from pii_site.source.status_rules import update_rule_breaks
from pii_site.source.validation import suggestion
from pii_site.source.xlsx_parts import Cell, is_date_format, is_percent_format
from pii_site.source.xlsx_reader import Sheet
from pii_site.source.yaml_source import nfc


@dataclass(frozen=True)
class RowRules:
    """What one form's rows are read against."""

    tasks: tuple[Task, ...]  # the tasks the unit leads: the form's rows
    leads_of: dict[str, tuple[str, ...]]  # every task's id -> its lead units' ids
    round_id: str
    unit_id: str
    start: dt.date
    exact: bool
    today: dt.date


# Excel's day 0 (1900 system, with its 29 February 1900 that never was, so serials from March 1900
# on count from 30 December 1899) and the 1904 system of old Mac workbooks; the last day it knows.
_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)
_LAST_SERIAL = 2_958_465  # 31 December 9999
_WHOLE_PERCENT = re.compile(r"(\d{1,3})\s*%?")
_LINK = re.compile(r"https?://", re.IGNORECASE)


class _Row:
    """One row's cells by column key, and the problems found while reading them."""

    def __init__(self, name: str, row: int, cells: dict[str, Cell | None], columns: dict[str, int]) -> None:
        self.name, self.row, self.cells, self.columns = name, row, cells, columns
        self.task_id = ""
        self.problems: list[Problem] = []

    def problem(self, key: str, column: str | None, **values: Any) -> None:
        where_vi, where_en = [], []
        if self.task_id:
            noun_vi, noun_en = message("record.tasks")
            where_vi.append(f"{noun_vi} {shown(self.task_id)}")
            where_en.append(f"{noun_en} {shown(self.task_id)}")
        if column:
            vi, en = message("column", name_vi=COLUMN[column].vi, name_en=COLUMN[column].en)
            where_vi.append(vi)
            where_en.append(en)
        cell = cell_name(self.row, self.columns[column or "task"])
        text_vi, text_en = message(key, **values)
        place = f"{REPORT_SHEET}{PLACE_SEPARATOR}{cell}"
        self.problems.append(
            Problem(self.name, None, ", ".join(where_vi), ", ".join(where_en), text_vi, text_en, place)
        )


def read_rows(sheet: Sheet, date1904: bool, name: str, rules: RowRules) -> tuple[list[FormUpdate], list[Problem]]:
    """The updates of the filled rows of `sheet` (the form `name`'s report sheet), or the problems."""
    rows: dict[int, dict[int, Cell]] = defaultdict(dict)
    for cell in sheet.cells:
        rows[cell.row][cell.column] = cell
    heading_row, columns, problems = _headings(rows, name)
    if problems:
        return [], problems
    last_column = max(columns.values())
    for first_row, first_column, last_row, merged_last_column in sheet.merged:
        if last_row >= heading_row and first_column <= last_column:
            span = f"{cell_name(first_row, first_column)}:{cell_name(last_row, merged_last_column)}"
            place = f"{REPORT_SHEET}{PLACE_SEPARATOR}{cell_name(first_row, first_column)}"
            problems.append(_sheet_problem(name, place, "form_merged", found=span))
    if problems:
        return [], problems
    led = {task.id: task for task in rules.tasks}
    seen: dict[str, int] = {}
    updates = []
    for number in sorted(row for row in rows if row > heading_row):
        row = _Row(name, number, {key: rows[number].get(column) for key, column in columns.items()}, columns)
        update = _read_row(row, led, seen, date1904, rules)
        problems += row.problems
        if update is not None and not row.problems:
            updates.append(update)
    return updates, problems


def _sheet_problem(name: str, place: str, key: str, **values: Any) -> Problem:
    vi, en = message(key, **values)
    return Problem(name, None, "", "", vi, en, place)


_WANTED_HEADINGS = {heading_key(column.vi): column.key for column in COLUMNS}


def _headings(rows: dict[int, dict[int, Cell]], name: str) -> tuple[int, dict[str, int], list[Problem]]:
    """The heading row and the column of each key, found by the headings' first lines."""
    wanted = _WANTED_HEADINGS
    for number in range(HEADING_SEARCH_ROWS):
        found = {
            wanted[heading_key(cell.value)]: column
            for column, cell in sorted(rows.get(number, {}).items(), reverse=True)  # the leftmost wins
            if cell.kind == "text" and heading_key(cell.value) in wanted
        }
        if "task" in found:
            missing = [column for column in COLUMNS if column.key not in found]
            if missing:
                values = {"name_vi": missing[0].vi, "name_en": missing[0].en, "sheet": REPORT_SHEET}
                return number, found, [_sheet_problem(name, REPORT_SHEET, "form_column_missing", **values)]
            return number, found, []
    first = COLUMNS[0]
    values = {"name_vi": first.vi, "name_en": first.en, "sheet": REPORT_SHEET}
    return 0, {}, [_sheet_problem(name, REPORT_SHEET, "form_column_missing", **values)]


def _present(cell: Cell | None) -> bool:
    return cell is not None and (cell.kind != "text" or bool(cell.value.strip()))


def _read_row(
    row: _Row, led: dict[str, Task], seen: dict[str, int], date1904: bool, rules: RowRules
) -> FormUpdate | None:
    code_cell = row.cells["task"]
    if code_cell is not None and code_cell.kind == "text" and code_cell.formula is None:
        row.task_id = nfc(code_cell.value.strip())  # names the row in every message about it
    for key, cell in row.cells.items():
        if cell is not None and cell.formula is not None:
            row.problem("form_formula", key, found=f"={cell.formula}" if cell.formula else "=…")
    if row.problems or not any(_present(row.cells[key]) for key in EDITABLE):
        return None  # an empty row: a task not reported on this time
    code = _text(row, "task") or ""
    if not code:
        row.problem("form_row_without_task", None)
        return None
    if code not in led:
        if code in rules.leads_of:
            row.problem("form_task_not_led", None, found=code, leads=", ".join(rules.leads_of[code]))
        else:
            row.problem("form_unknown_task", None, found=code, **suggestion(code, list(led)))
        return None
    if code in seen:
        row.problem("form_task_twice", None, found=code, first_row=seen[code] + 1)
        return None
    seen[code] = row.row
    for key in EDITABLE:
        cell = row.cells[key]
        if cell is not None and cell.kind == "error":
            row.problem("form_cell_error", key, found=cell.value)
    if row.problems:
        return None
    note = {"vi": _text(row, "note_vi"), "en": _text(row, "note_en")}
    values = {
        "date": _date(row, date1904),
        "status": _status(row),
        "percent": _percent(row),
        "unit": rules.unit_id,
        "note": note,
        "evidence": _evidence(row),
        "task": code,
        "round": rules.round_id,
    }
    if note["vi"] is None:
        row.problem("form_note_missing", "note_vi")
    if row.problems:
        return None
    try:
        update = FormUpdate.model_validate(values)
    except ValidationError as error:  # not expected after the checks above; reported, never a traceback
        row.problem("form_row_invalid", None, detail=str(error.errors()[0].get("msg", "")))
        return None
    for broken in update_rule_breaks(update, rules.start, rules.exact, rules.today):
        row.problem(broken.key, str(broken.field[0]), **broken.values)
    return update


def _text(row: _Row, key: str) -> str | None:
    """A cell as text (a number as it reads: 12, not 12.0), in NFC; None when empty."""
    cell = row.cells[key]
    if not _present(cell):
        return None
    assert cell is not None
    value = cell.value
    if cell.kind == "number":
        number = float(value)
        value = str(int(number)) if number.is_integer() and abs(number) < 1e15 else value
    elif cell.kind == "bool":
        value = "TRUE" if value.strip() in ("1", "true") else "FALSE"
    text = nfc(value.strip())
    if len(text) > TEXT_LIMIT:
        row.problem("form_text_too_long", key, limit=TEXT_LIMIT)
        return None
    if found := unallowed_character(text):
        row.problem("control_character", key, code=character_code(found.group()))
        return None
    return text


def _status(row: _Row) -> str | None:
    allowed = "; ".join(status_words())
    text = _text(row, "status")
    if text is None:
        row.problem("form_status_missing", "status", allowed=allowed)
        return None
    status = status_of(text)
    if status is None:
        row.problem("form_status_unknown", "status", found=text, allowed=allowed)
    return status


def _percent(row: _Row) -> int | None:
    cell = row.cells["percent"]
    if not _present(cell):
        return None
    assert cell is not None
    if cell.kind == "number":
        number = float(cell.value) * (100 if is_percent_format(cell.number_format) else 1)
        number = round(number, 6)
        if not number.is_integer():
            row.problem("form_percent_not_whole", "percent", found=f"{number:g}")
            return None
        percent = int(number)
    else:
        text = _text(row, "percent") or ""
        match = _WHOLE_PERCENT.fullmatch(text)
        if match is None:
            row.problem("form_percent_text", "percent", found=text)
            return None
        percent = int(match[1])
    if not 0 <= percent <= 100:
        row.problem("form_percent_range", "percent", found=percent)
        return None
    return percent


def _date(row: _Row, date1904: bool) -> dt.date | None:
    cell = row.cells["date"]
    if not _present(cell):
        row.problem("form_date_missing", "date")
        return None
    assert cell is not None
    day = None
    if cell.kind == "number" and is_date_format(cell.number_format):
        serial = float(cell.value)
        if 1 <= serial <= _LAST_SERIAL:
            day = (_EPOCH_1904 if date1904 else _EPOCH_1900) + dt.timedelta(days=int(serial))
    elif cell.kind == "date":
        day = text_date(cell.value[:10])
    elif cell.kind == "text":
        day = text_date(cell.value)
    if day is None:
        row.problem("form_date_invalid", "date", found=_text(row, "date") or cell.value)
    return day


def text_date(text: str) -> dt.date | None:
    """A date typed as text, DD/MM/YYYY (also with "-" or ".") or YYYY-MM-DD; None for anything else."""
    text = text.strip()
    try:
        if match := DAY_MONTH_YEAR.fullmatch(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if match := YEAR_MONTH_DAY.fullmatch(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:  # 31/02/2026
        return None
    return None


def _evidence(row: _Row) -> list[dict[str, Any]]:
    """One piece of evidence per line: a web address, or "number, date, issuing body"."""
    text = _text(row, "evidence")
    if text is None:
        return []
    items: list[dict[str, Any]] = []
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    for n, line in enumerate((line for line in lines if line), start=1):
        if _LINK.match(line):
            if re.fullmatch(WEB_ADDRESS, line):
                items.append({"url": line})
                continue
        else:
            number, _, rest = line.partition(",")
            day, _, issuer = rest.partition(",")
            date = text_date(day)
            if number.strip() and date is not None and issuer.strip():
                items.append({"number": number.strip(), "date": date, "issuer": {"vi": issuer.strip()}})
                continue
        row.problem("form_evidence_line", "evidence", n=n, found=line)
    return items
