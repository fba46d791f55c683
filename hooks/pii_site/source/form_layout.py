"""The report form's contract, in one place: the sheets, the columns and their headings, the hidden
meta keys, the status words and the fingerprint that ties a form to this plan and its tasks.

The writer (outputs/form_writer.py) makes forms to it and the reader (source/report_forms.py) reads
them by it, so a change here changes both; FORM_VERSION says which contract a form was made to.
Nothing here reads or writes a file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pii_site.i18n import Labels
from pii_site.i18n.fold import fold
from pii_site.source.schema.plan import PlanFile, Task
from pii_site.source.schema.status import STATUSES, Status
from pii_site.source.xlsx_parts import column_name

# Raised when the columns, the meta keys or the way a form is read change: a form made to another
# version is refused with a message asking for a new one, instead of being misread.
FORM_VERSION = "1"

# data/reports/<round id>/<unit id>.xlsx: the name a form is downloaded with is the name it is uploaded under.
REPORTS_FOLDER = "reports"
FORM_EXTENSION = ".xlsx"

REPORT_SHEET = "Báo cáo"  # one row per task the unit leads: the only sheet read for progress
COORDINATED_SHEET = "Phối hợp"  # the tasks it coordinates, for reference (read-only, never read back)
INSTRUCTIONS_SHEET = "Hướng dẫn"  # how to fill the form, in both languages
LISTS_SHEET = "Danh sách"  # hidden: the status words the drop-down offers
META_SHEET = "meta"  # very hidden: META_KEYS in column A, their values in column B

# Number formats the writer gives the editable cells (Excel and LibreOffice show them as written).
DATE_FORMAT = "dd/mm/yyyy"
PERCENT_FORMAT = "0"
TEXT_FORMAT = "@"

# The report sheet's heading row is the first row, among the first HEADING_SEARCH_ROWS, whose first
# cell is the task column's heading: the reader finds it there even if rows were added above it.
HEADING_SEARCH_ROWS = 20


@dataclass(frozen=True)
class Column:
    key: str
    vi: str  # the heading's first line; the reader matches a heading by it (case and accents aside)
    en: str  # its second line
    width: float  # in characters, as spreadsheets measure widths
    editable: bool

    @property
    def heading(self) -> str:
        return f"{self.vi}\n{self.en}"


# The report sheet's columns, left to right. Only the editable ones are the unit's; a row whose
# editable cells are all empty is a task not reported on this time, and is skipped.
COLUMNS = (
    Column("task", "Mã nhiệm vụ", "Task", 9, editable=False),
    Column("pillar", "Trụ cột", "Pillar", 14, editable=False),
    Column("text", "Nhiệm vụ", "Task text", 40, editable=False),
    Column("status", "Tình trạng", "Status", 16, editable=True),
    Column("percent", "Phần trăm hoàn thành", "Percent done (0–100)", 12, editable=True),
    Column("date", "Ngày báo cáo", "Date (DD/MM/YYYY)", 12, editable=True),
    Column("note_vi", "Kết quả thực hiện", "What was done (Vietnamese)", 36, editable=True),
    Column("note_en", "Kết quả (tiếng Anh, không bắt buộc)", "What was done in English (optional)", 24, editable=True),
    Column("evidence", "Minh chứng", "Evidence (one per line)", 30, editable=True),
)
COLUMN = {column.key: column for column in COLUMNS}
EDITABLE = tuple(column.key for column in COLUMNS if column.editable)

# The hidden meta sheet: which form this is. `round` is empty on a form made while the data had no rounds.
META_KEYS = ("form_version", "plan", "tasks", "unit", "round")


def cell_name(row: int, column: int) -> str:
    """(row, column) counted from 0 -> 'E7', the name a spreadsheet shows."""
    return f"{column_name(column)}{row + 1}"


@functools.lru_cache(maxsize=4096)
def heading_key(text: str) -> str:
    """A heading as the reader compares it: its first line, without case, accents or extra spaces.
    Cached: every form repeats the same headings and titles."""
    return _folded(text.split("\n", 1)[0])


def _folded(text: str) -> str:
    return " ".join(fold(text).casefold().replace("-", " ").replace("_", " ").split())


@functools.cache
def status_words() -> tuple[str, ...]:
    """The drop-down's words: each status's Vietnamese label, in the order of the schema."""
    labels = Labels("vi")
    return tuple(labels(f"status.{status}") for status in STATUSES)


@functools.cache
def _status_names() -> dict[str, Status]:
    names: dict[str, Status] = {}
    for status in STATUSES:
        for name in (Labels("vi")(f"status.{status}"), Labels("en")(f"status.{status}"), status):
            names[_folded(name)] = status
    return names


def status_of(text: str) -> Status | None:
    """The status a cell's text names: its Vietnamese or English label or its code ("Đang thực hiện",
    "dang thuc hien", "In progress", "in-progress"), case and accents aside; None if none does."""
    return _status_names().get(_folded(text))


def plan_fingerprint(document: PlanFile) -> str:
    """What makes a form belong to this plan: who issued it, for which commune and year, its symbol.
    Another commune's form (or a form of the same commune's plan for another year) differs here."""
    identity = [document.issuer.vi, document.commune.vi, document.year, document.symbol]
    return _digest(identity)


def tasks_fingerprint(unit_id: str, tasks: Sequence[Task]) -> str:
    """The version of one unit's rows: each task it leads (id, Vietnamese text, lead units), in
    plan order. Per unit, so that editing another unit's task leaves this unit's forms valid."""
    rows = [[task.id, task.text.vi, list(task.lead)] for task in tasks]
    return _digest([unit_id, rows])


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


# A date typed as text: DD/MM/YYYY (also with "-" or "."), or YYYY-MM-DD.
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
YEAR_MONTH_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
