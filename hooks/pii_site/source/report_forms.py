"""The units' report forms, data/reports/<round id>/<unit id>.xlsx, read as progress updates.

Called by model/load.py once the plan itself is sound. The folder's entries are checked (a folder
that is no round, a file that is no reporting unit's form, anything else), each form is read by the
bounded reader (source/xlsx_reader.py; what it read is kept in the build cache under the file's
SHA-256, so an unchanged form costs nothing the next time), checked against the plan (the meta
sheet: which plan, tasks, unit and round it was made for) and its filled rows become updates
(source/form_rows.py). Every refusal is a Problem naming the file, and the sheet and cell when
there is one: data/reports/2026-q3/phong-kinh-te.xlsx › Báo cáo › E7.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pii_site.source import build_cache, xlsx_reader
from pii_site.source.entries import MEGABYTE, FileTooLarge, folder_entries, is_linked, megabytes, read_binary_entry
from pii_site.source.errors import PLACE_SEPARATOR, Problem, file_problem, shown
from pii_site.source.form_layout import (
    FORM_EXTENSION,
    FORM_VERSION,
    META_KEYS,
    META_SHEET,
    REPORT_SHEET,
    REPORTS_FOLDER,
)
from pii_site.source.form_rows import RowRules, read_rows
from pii_site.source.schema.plan import Task
from pii_site.source.schema.status import FormUpdate
from pii_site.source.validation import suggestion
from pii_site.source.xlsx_reader import MAX_FILE_BYTES, Workbook, XlsxError

# Raised when what the reader keeps of a workbook changes: older cache entries are then not read.
_READER_VERSION = "1"


@dataclass(frozen=True)
class FormRules:
    """What the forms are checked against, made by model/load.py from the sound plan."""

    rounds: tuple[str, ...]  # round ids, in reporting.yml's order
    rounds_file: str  # reporting.yml as messages name it
    units_file: str  # units.yml as messages name it
    unit_ids: tuple[str, ...]
    led: dict[str, tuple[Task, ...]]  # each reporting unit's id -> the tasks it leads, in plan order
    leads_of: dict[str, tuple[str, ...]]  # every task's id -> its lead units' ids
    plan_key: str  # form_layout.plan_fingerprint of the plan
    tasks_keys: dict[str, str]  # each reporting unit's id -> form_layout.tasks_fingerprint
    start: dt.date  # the plan's start (status_rules.plan_start) and whether its day is known
    exact: bool
    today: dt.date


@dataclass(frozen=True)
class FormRead:
    """One unit's form for one round, read and checked."""

    round_id: str
    unit_id: str
    file: str  # as messages name it
    updates: tuple[FormUpdate, ...]  # one per filled row, in the form's order


def read_reports(
    data_dir: Path, label: Callable[[Path], str], rules: FormRules, cache_dir: Path | None = None
) -> tuple[list[FormRead], list[Problem]]:
    """Every form under data_dir/reports/, in round then file name order, and every problem found;
    each workbook read kept in the build cache at `cache_dir` (None: none)."""
    folder = data_dir / REPORTS_FOLDER
    if not folder.exists() or is_linked(folder, data_dir):
        return [], []  # a link is refused by entries.linked_entries, and never followed
    if not folder.is_dir():
        return [], [file_problem(label(folder), None, "reports_stray_entry", found=folder.name)]
    entries, problems = folder_entries(folder, label(folder))
    forms: list[FormRead] = []
    for entry in entries:
        if entry.name.startswith(".") or entry.is_symlink():
            continue  # .gitkeep and the like; links are refused by entries.linked_entries
        if not entry.is_dir():
            problems.append(file_problem(label(entry), None, "reports_stray_entry", found=entry.name))
        elif entry.name not in rules.rounds:
            known = ", ".join(rules.rounds) or "—"
            problems.append(
                file_problem(
                    label(entry),
                    None,
                    "reports_unknown_round",
                    found=shown(entry.name),
                    data_file=rules.rounds_file,
                    known=known,
                    **suggestion(entry.name, list(rules.rounds)),
                )
            )
        else:
            round_forms, round_problems = _read_round(entry, label, rules, cache_dir)
            forms += round_forms
            problems += round_problems
    return forms, problems


def _read_round(
    folder: Path, label: Callable[[Path], str], rules: FormRules, cache_dir: Path | None
) -> tuple[list[FormRead], list[Problem]]:
    entries, problems = folder_entries(folder, label(folder))
    forms = []
    for entry in entries:
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        if (problem := _misnamed(entry, label(entry), rules)) is not None:
            problems.append(problem)
            continue
        unit_id = entry.name.removesuffix(FORM_EXTENSION)
        form, form_problems = _read_form(entry, label(entry), folder.name, unit_id, rules, cache_dir)
        problems += form_problems
        if form is not None:
            forms.append(form)
    return forms, problems


def _misnamed(entry: Path, name: str, rules: FormRules) -> Problem | None:
    """Why `entry` is not a form the round's folder may hold, if it is not: a folder, an old or
    OpenDocument spreadsheet, another kind of file, or a name that is no reporting unit's."""
    suffix = entry.suffix.lower()
    if entry.is_dir() or suffix not in (FORM_EXTENSION, ".xls", ".ods"):
        return file_problem(name, None, "reports_round_entry", found=entry.name)
    if suffix == ".xls":
        return file_problem(name, None, "reports_old_excel_name", found=entry.name)
    if suffix == ".ods":
        return file_problem(name, None, "reports_opendocument_name", found=entry.name)
    unit_id = entry.name[: -len(FORM_EXTENSION)]
    if entry.suffix != FORM_EXTENSION:  # FORM.XLSX: one spelling, the one the form was downloaded with
        return file_problem(name, None, "reports_round_entry", found=entry.name)
    if unit_id in rules.led:
        return None
    if unit_id in rules.unit_ids:
        return file_problem(name, None, "reports_unit_not_reporting", found=unit_id)
    return file_problem(
        name,
        None,
        "reports_unknown_unit",
        found=shown(unit_id),
        data_file=rules.units_file,
        **suggestion(unit_id, list(rules.led)),
    )


def _read_form(
    path: Path, name: str, round_id: str, unit_id: str, rules: FormRules, cache_dir: Path | None
) -> tuple[FormRead | None, list[Problem]]:
    def too_large(error: FileTooLarge) -> Problem:  # known before a byte is read
        return file_problem(name, None, "form_too_large", limit=MAX_FILE_BYTES // MEGABYTE, **megabytes(error.size))

    data, problems = read_binary_entry(path, name, MAX_FILE_BYTES, too_large)
    if data is None:
        return None, problems
    workbook, problem = _workbook(data, name, cache_dir)
    if workbook is None:
        return None, [problem] if problem else []
    problems = _meta_problems(workbook, name, round_id, unit_id, rules)
    if problems:
        return None, problems  # rows read against the wrong tasks would only add confusing messages
    report = workbook.sheet(REPORT_SHEET)
    assert report is not None  # _meta_problems checked it
    row_rules = RowRules(rules.led[unit_id], rules.leads_of, round_id, unit_id, rules.start, rules.exact, rules.today)
    updates, problems = read_rows(report, workbook.date1904, name, row_rules)
    if not updates and not problems:
        problems = [file_problem(name, None, "form_no_rows")]
    if problems:
        return None, problems
    return FormRead(round_id, unit_id, name, tuple(updates)), []


# What the reader kept of a workbook, in the build cache: a planted or damaged entry is decoded and
# checked by xlsx_reader.from_json (None unless it is what read_workbook makes), else read again.
READ_FORMS: build_cache.EntryKind[Workbook] = build_cache.EntryKind(
    "forms", check=lambda key, content: xlsx_reader.from_json(content)
)


def _workbook(data: bytes, name: str, cache_dir: Path | None) -> tuple[Workbook | None, Problem | None]:
    """The form's sheets as read, from the build cache when this very file was read before."""
    key = f"{hashlib.sha256(data).hexdigest()}-{_READER_VERSION}.json"
    if (workbook := build_cache.cached(READ_FORMS, cache_dir, key)) is not None:
        return workbook, None
    try:
        workbook = xlsx_reader.read_workbook(data, {REPORT_SHEET, META_SHEET})
    except XlsxError as error:
        place = PLACE_SEPARATOR.join(part for part in (error.sheet, error.cell) if part) or None
        return None, dataclasses.replace(file_problem(name, None, error.key, **error.values), place=place)
    build_cache.keep(READ_FORMS, cache_dir, key, xlsx_reader.to_json(workbook))
    return workbook, None


def _meta_problems(workbook: Workbook, name: str, round_id: str, unit_id: str, rules: FormRules) -> list[Problem]:
    """Whether this is the site's form, of this plan's current tasks, for the unit and round its file
    name and folder say. A form made while the data had no rounds fits any round's folder."""
    for sheet in (REPORT_SHEET, META_SHEET):
        if workbook.sheet(sheet) is None:
            return [file_problem(name, None, "form_not_ours", sheet=sheet)]
    meta_sheet = workbook.sheet(META_SHEET)
    assert meta_sheet is not None
    meta = {cell.row: cell.value.strip() for cell in meta_sheet.cells if cell.column == 1}
    keys = {cell.value.strip(): cell.row for cell in meta_sheet.cells if cell.column == 0}
    value = {key: meta.get(keys[key], "") if key in keys else "" for key in META_KEYS}
    if value["form_version"] != FORM_VERSION:
        return [file_problem(name, None, "form_version", found=value["form_version"] or "—", current=FORM_VERSION)]
    problems = []
    if value["unit"] != unit_id:
        problems.append(file_problem(name, None, "form_unit_mismatch", found=value["unit"], expected=unit_id))
    if value["round"] and value["round"] != round_id:
        problems.append(file_problem(name, None, "form_round_mismatch", found=value["round"], expected=round_id))
    if problems:
        return problems
    if value["plan"] != rules.plan_key:
        return [file_problem(name, None, "form_other_plan")]
    if value["tasks"] != rules.tasks_keys[unit_id]:
        return [file_problem(name, None, "form_tasks_changed")]
    return []
