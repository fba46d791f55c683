"""Lay an overlay folder (e.g. tests/fixtures/demo: status files, news posts, a site.yml holding a
few settings) over a data folder, into a new folder, with plain copies: no symbolic links, which
break on Windows checkouts. Called by scripts/serve.py (`make demo`) and the tests' demo fixtures.
It only reads the data and overlay folders and writes only into the new folder it creates, which no
other program writes: unlike a script writing a data file (add_update.py), it needs no lock.
"""

from __future__ import annotations

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
    for name in (SITE_FILE, PLAN_FILE):
        if (overlay_dir / name).is_file():
            _merge_keys(target_dir / name, _read_overlay_mapping(overlay_dir / name, result.notes))
    overlay_units = overlay_dir / UNITS_FILE
    if overlay_units.is_file():
        units = _read_overlay_mapping(overlay_units, result.notes)
        result.notes += _merge_units(target_dir / UNITS_FILE, units, overlay_units)
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
    try:
        base = _read(base_file)
    except (OSError, yaml.YAMLError):
        return
    if not isinstance(base, dict):
        return
    merged = {**base, **settings}
    base_file.write_text(yaml.safe_dump(merged, allow_unicode=True, sort_keys=False), encoding="utf-8")
