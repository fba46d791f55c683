"""Lay an overlay folder (e.g. tests/fixtures/demo: status files, news posts, a site.yml holding a
few settings, reporting rounds and the units' filled report forms described in reports.yml) over a
data folder, into a new folder, with plain copies: no symbolic links, which break on Windows
checkouts. Called by scripts/serve.py (`make demo`) and the tests' demo fixtures.
It only reads the data and overlay folders and writes only into the new folder it creates, which no
other program writes: unlike a script writing a data file (add_update.py), it needs no lock.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pii_site.source.news import NEWS_FOLDER
from pii_site.source.status_rules import STATUS_FOLDER, task_id_of

SITE_FILE = "site.yml"
PLAN_FILE = "plan.yml"  # e.g. an illustrative source_document address
UNITS_FILE = "units.yml"
REPORTING_FILE = "reporting.yml"  # e.g. the demonstration's reporting rounds
REPORTS_FILE = "reports.yml"  # the units' filled forms, described in plain YAML (made by _lay_forms)
ASSETS_FOLDER = "assets"  # files site.yml names, such as the demonstration's logo


@dataclass
class Overlaid:
    """The folder the overlay was laid into, and what was left out of the overlay and why."""

    data_dir: Path
    notes: list[str] = field(default_factory=list)


def lay_overlay(base_dir: Path, overlay_dir: Path, target_dir: Path) -> Overlaid:
    """Copy base_dir to target_dir (which must not exist yet), then lay overlay_dir over it.

    The overlay's status/, news/ and assets/ folders replace the base's: the demonstration's
    progress, news and logo are its own, so a real update never appears under the "made-up data" notice, and staff
    adding updates or posts never changes what the demonstration shows. An overlay status file
    whose task, or one of whose reporting units, is no longer in the base plan is left out with a
    note, so the overlaid folder stays valid when staff remove a task or a unit. The overlay's
    site.yml and plan.yml keys replace the same top-level keys of the base's files, and the keys of each unit
    in the overlay's units.yml (e.g. an illustrative `contact`) those of the base's unit with the same
    id; a unit no longer in the base is left out with a note. base_dir is not changed.
    """
    # symlinks=False (the default) copies what a link points to: the result holds no link.
    shutil.copytree(base_dir, target_dir)
    result = Overlaid(target_dir)
    task_ids, unit_ids = _plan_ids(base_dir)
    for folder in (STATUS_FOLDER, NEWS_FOLDER, ASSETS_FOLDER):
        source = overlay_dir / folder
        if not source.is_dir():
            continue
        shutil.rmtree(target_dir / folder, ignore_errors=True)
        shutil.copytree(source, target_dir / folder)
    status_dir = target_dir / STATUS_FOLDER
    if (overlay_dir / STATUS_FOLDER).is_dir() and task_ids is not None:
        for path in sorted(status_dir.glob("*.yml")):
            if reason := _stale_reason(path, task_ids, unit_ids):
                path.unlink()
                result.notes.append(f"{(overlay_dir / STATUS_FOLDER / path.name).as_posix()} left out: {reason}.")
    for name in (SITE_FILE, PLAN_FILE, REPORTING_FILE):
        if (overlay_dir / name).is_file():
            _merge_keys(target_dir / name, _read_overlay_mapping(overlay_dir / name, result.notes))
    overlay_units = overlay_dir / UNITS_FILE
    if overlay_units.is_file():
        units = _read_overlay_mapping(overlay_units, result.notes)
        result.notes += _merge_units(target_dir / UNITS_FILE, units, overlay_units)
    if (overlay_dir / REPORTS_FILE).is_file():
        _lay_forms(overlay_dir / REPORTS_FILE, target_dir, result.notes)
    return result


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _read_overlay_mapping(path: Path, notes: list[str]) -> dict[str, Any]:
    """An overlay file's keys; a file that is broken YAML or not a mapping is left out with a note
    (the overlay is the demonstration's, not the staff's data: `make demo` goes on without it)."""
    try:
        content = _read(path)
    except yaml.YAMLError as error:  # its mark names the line and column
        notes.append(f"{path.as_posix()} left out: {error}".replace("\n", " "))
        return {}
    if content is None:
        return {}
    if not isinstance(content, dict):
        notes.append(f"{path.as_posix()} left out: it is not a list of keys and values.")
        return {}
    return content


def _plan_ids(base_dir: Path) -> tuple[set[str] | None, set[str] | None]:
    """The task and unit ids of the base plan; None when a file cannot be read, in which case
    nothing is left out and the build itself reports the base's problem with file and line."""
    try:
        tasks = {task["id"] for group in _read(base_dir / "tasks.yml")["groups"] for task in group["tasks"]}
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        tasks = None
    try:
        units = {unit["id"] for unit in _read(base_dir / "units.yml")["units"]}
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        units = None
    return tasks, units


def _stale_reason(path: Path, task_ids: set[str], unit_ids: set[str] | None) -> str | None:
    task_id = task_id_of(path.name)
    if task_id not in task_ids:
        return f"task {task_id} is no longer in tasks.yml"
    if unit_ids is None:
        return None
    try:
        updates = (_read(path) or {}).get("updates") or []
    except (yaml.YAMLError, AttributeError):
        return None  # the build reports the overlay's own mistake with its line
    gone = sorted({str(u["unit"]) for u in updates if isinstance(u, dict) and u.get("unit")} - unit_ids)
    return f"unit {', '.join(gone)} is no longer in units.yml" if gone else None


def _merge_units(units_file: Path, overlay: dict[str, Any], overlay_file: Path) -> list[str]:
    """Each overlay unit's keys replace those of the base's unit with its id; notes for the rest.
    A base file that cannot be read is left as it is, for the build to report with its line."""
    try:
        base = _read(units_file)
        by_id = {unit["id"]: unit for unit in base["units"]}
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return []
    notes, merged = [], False
    units = overlay.get("units") or []
    if not isinstance(units, list):
        return [f"{overlay_file.as_posix()}: units left out: they are not a list."]
    for unit in units:
        if not isinstance(unit, dict):
            notes.append(f"{overlay_file.as_posix()}: unit {unit!r} left out: it is not a list of keys and values.")
        elif unit.get("id") in by_id:
            by_id[unit["id"]].update(unit)
            merged = True
        else:
            notes.append(f"{overlay_file.as_posix()}: unit {unit.get('id')} left out: it is no longer in units.yml.")
    if merged:  # else the base's file stays byte for byte, comments and all
        units_file.write_text(yaml.safe_dump(base, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return notes


def _merge_keys(base_file: Path, settings: dict[str, Any]) -> None:
    """Overlay keys win over the base's. The merged file is rewritten without the base's comments:
    it lives only in the temporary folder. A base file that is not a YAML mapping is left as it
    is, for the build to report with its line; with no settings to lay, it stays byte for byte."""
    if not settings:
        return
    if not base_file.exists():  # an optional file (reporting.yml) the base leaves out
        base_file.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return
    try:
        base = _read(base_file)
    except (OSError, yaml.YAMLError):
        return
    if not isinstance(base, dict):
        return
    merged = {**base, **settings}
    base_file.write_text(yaml.safe_dump(merged, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _lay_forms(description_file: Path, target_dir: Path, notes: list[str]) -> None:
    """The overlay's report forms, in place of the base's: each unit's form made for the laid data
    as the site publishes it (outputs/form_writer.py), with the described rows written in. Made here,
    not kept as files, because staff may reword the tasks of the real data a demonstration is laid
    over, and a form made for other words would be refused (and stop publishing). A row for a task
    the unit no longer leads is left out with a note; a data folder that does not load gets no forms
    (the build then reports its own problems)."""
    # Imported here: the overlay makes a data folder and otherwise needs nothing above source/; the
    # demonstration's forms need the loaded plan and the writer, as the build has them.
    from pii_site.model.load import load_plan
    from pii_site.outputs.form_writer import FilledRow, form_workbook
    from pii_site.source.errors import DataError
    from pii_site.source.form_layout import REPORTS_FOLDER

    described = _read_overlay_mapping(description_file, notes)
    shutil.rmtree(target_dir / REPORTS_FOLDER, ignore_errors=True)
    try:
        plan = load_plan(target_dir, dt.date.max)  # any date: only the tasks and units are wanted
    except DataError:
        notes.append(f"{description_file.as_posix()} left out: the laid data has problems (the build lists them).")
        return
    rounds = {r.id: r for r in plan.reporting.rounds}
    owing = {u.id: u for u in plan.reporting.reporting_units}
    for round_id, units in described.items():
        if str(round_id) not in rounds or not isinstance(units, dict):
            notes.append(f"{description_file.as_posix()}: {round_id} left out: it is no round of reporting.yml.")
            continue
        for unit_id, rows in units.items():
            if unit_id not in owing or not isinstance(rows, dict):
                notes.append(f"{description_file.as_posix()}: {round_id}/{unit_id} left out: it owes no form.")
                continue
            led = {task.id for task in plan.tasks_led_by(owing[unit_id])}
            filled = {}
            for task_id, row in rows.items():
                where = f"{description_file.as_posix()}: {round_id}/{unit_id}/{task_id}"
                if task_id not in led:
                    notes.append(f"{where} left out: {unit_id} does not lead task {task_id} in tasks.yml.")
                    continue
                try:
                    note = row.get("note") or {}
                    filled[task_id] = FilledRow(
                        status=str(row["status"]),
                        date=dt.date.fromisoformat(str(row["date"])),
                        note_vi=str(note["vi"]),
                        percent=row.get("percent"),
                        note_en=note.get("en"),
                        evidence=tuple(str(item) for item in row.get("evidence") or ()),
                    )
                except (AttributeError, KeyError, TypeError, ValueError) as error:
                    notes.append(f"{where} left out: {type(error).__name__}: {error}.")
            if filled:
                form = target_dir / REPORTS_FOLDER / str(round_id) / f"{unit_id}.xlsx"
                form.parent.mkdir(parents=True, exist_ok=True)
                form.write_bytes(form_workbook(plan, owing[unit_id], rounds[str(round_id)], filled))
