"""Lay an overlay folder (e.g. tests/fixtures/demo: status files, news posts, a site.yml holding a
few settings, reporting rounds and the units' filled report forms described in reports.yml) over a data folder, into a new folder, with plain copies: no symbolic links, which
break on Windows checkouts. Called by scripts/preview_worker.py (`make demo`) and the tests' demo
fixtures. It only reads the data and overlay folders and writes only into the new folder it creates,
which no other program writes: unlike a script writing a data file (add_update.py), it needs no lock.

Both folders are read as the loader reads data/ (source/entries.py, source/yaml_source.py): no link
is followed (one is refused, at its real path, as validation refuses it), no named pipe or device is
opened, and YAML is read with its lines. The laid folder is a temporary one, so `Overlaid.relabel`
puts every problem the loader finds in it back at the real file and line: the base's or the
overlay's file, and, in a merged site.yml, plan.yml or units.yml, the file each key came from.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from pii_site.model.load import load_plan
from pii_site.outputs.form_writer import FilledRow, form_workbook
from pii_site.source.entries import data_label, read_regular, unreadable_reason
from pii_site.source.errors import DataError, Problem, file_problem, message
from pii_site.source.form_layout import REPORTS_FOLDER
from pii_site.source.news import NEWS_FOLDER
from pii_site.source.status_rules import STATUS_FOLDER, task_id_of
from pii_site.source.yaml_source import Dumper, KeyPath, YamlSource, read_yaml, read_yaml_text

SITE_FILE = "site.yml"
PLAN_FILE = "plan.yml"  # e.g. an illustrative source_document address
UNITS_FILE = "units.yml"
REPORTING_FILE = "reporting.yml"  # e.g. the demonstration's reporting rounds
REPORTS_FILE = "reports.yml"  # the units' filled forms, described in plain YAML (made by _lay_forms)
ASSETS_FOLDER = "assets"  # files site.yml names, such as the demonstration's logo
COPY_LIMIT = 100_000_000  # bytes of one file copied: the loader applies each kind's own limit after


@dataclass(frozen=True)
class _Origin:
    """Where a laid file's lines come from: a real file copied as it is (`source` None), or, for a
    merged file, the source each key path came from and that path there."""

    label: str
    sources: dict[KeyPath, tuple[YamlSource, KeyPath]] | None = None
    laid: YamlSource | None = None  # the merged file as written, with its lines


@dataclass
class Overlaid:
    """The folder the overlay was laid into, what was left out of the overlay and why, and what could
    not be laid at all (a link, a named pipe: at the real file, as validation words it)."""

    data_dir: Path
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    origins: dict[str, _Origin] = field(default_factory=dict)  # by the laid file's label

    def relabel(self, error: DataError) -> DataError:
        """`error` (the loader's, about the laid folder) with each problem at its real file and line,
        and the problems found while laying first."""
        return DataError([*self.problems, *(self._real(problem) for problem in error.problems)])

    def _real(self, problem: Problem) -> Problem:
        origin = self.origins.get(problem.file)
        if origin is None:
            return problem
        line = problem.line
        if origin.sources is not None and origin.laid is not None and line is not None:
            label, line = _merged_line(origin, line)
            return replace(problem, file=label, line=line)
        return replace(problem, file=origin.label)


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
    result = Overlaid(target_dir)
    target_dir.mkdir(parents=True)
    result.problems += _copy_tree(base_dir, target_dir, result)
    task_ids, unit_ids = _plan_ids(base_dir)
    for folder in (STATUS_FOLDER, NEWS_FOLDER, ASSETS_FOLDER):
        source = overlay_dir / folder
        if source.is_symlink() or not source.is_dir():
            continue
        _remove_tree(target_dir / folder, result)
        (target_dir / folder).mkdir()
        result.problems += _copy_tree(source, target_dir / folder, result)
    status_dir = target_dir / STATUS_FOLDER
    if (overlay_dir / STATUS_FOLDER).is_dir() and task_ids is not None:
        for path in sorted(status_dir.glob("*.yml")):
            if reason := _stale_reason(path, task_ids, unit_ids):
                path.unlink()
                result.notes.append(f"{(overlay_dir / STATUS_FOLDER / path.name).as_posix()} left out: {reason}.")
    for name in (SITE_FILE, PLAN_FILE, REPORTING_FILE):
        if (overlay_dir / name).is_file():
            overlay = _read_overlay_mapping(overlay_dir / name, result.notes)
            _merge_keys(target_dir / name, overlay, result)
    overlay_units = overlay_dir / UNITS_FILE
    if overlay_units.is_file():
        units = _read_overlay_mapping(overlay_units, result.notes)
        result.notes += _merge_units(target_dir / UNITS_FILE, units, overlay_units, result)
    if (overlay_dir / REPORTS_FILE).is_file():
        _lay_forms(overlay_dir / REPORTS_FILE, target_dir, result)
    return result


def _copy_tree(source: Path, target: Path, result: Overlaid) -> list[Problem]:
    """Copy the regular files and folders under `source` into `target` (which exists), recording each
    copied file's real label; a link (not followed), a pipe, a device or a file that cannot be read
    is a problem at its real path, and is not copied."""
    problems = []
    try:
        entries = sorted(os.scandir(source), key=lambda entry: entry.name)
    except OSError as error:
        return [_unreadable(source, error)]
    for entry in entries:
        path, laid = Path(entry.path), target / entry.name
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as error:
            problems.append(_unreadable(path, error))
            continue
        if stat.S_ISLNK(mode):
            key = "data_symlink" if path.exists() else None
            problems.append(file_problem(data_label(path), None, key) if key else _broken_link(path))
        elif stat.S_ISDIR(mode):
            laid.mkdir()
            problems += _copy_tree(path, laid, result)
        else:
            try:
                laid.write_bytes(read_regular(path, COPY_LIMIT))
            except OSError as error:
                problems.append(_unreadable(path, error))
                continue
            result.origins[data_label(laid)] = _Origin(data_label(path))
    return problems


def _remove_tree(folder: Path, result: Overlaid) -> None:
    """Remove a laid folder and forget its files' origins (the overlay's replace them)."""
    if not folder.exists():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        result.origins.pop(data_label(path), None)
        path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
    folder.rmdir()


def _unreadable(path: Path, error: OSError) -> Problem:
    reason_vi, reason_en = unreadable_reason(error)
    return file_problem(data_label(path), None, "data_unreadable", reason_vi=reason_vi, reason_en=reason_en)


def _broken_link(path: Path) -> Problem:
    reason_vi, reason_en = message("unreadable.broken_link")
    return file_problem(data_label(path), None, "data_unreadable", reason_vi=reason_vi, reason_en=reason_en)


def _merged_line(origin: _Origin, line: int) -> tuple[str, int | None]:
    """The real file and line of `line` of a merged file: the deepest key path written on that line
    (or the nearest line above that has one), looked up in the file it came from."""
    assert origin.laid is not None and origin.sources is not None
    on_line = [(laid_line, path) for path, laid_line in origin.laid.lines.items() if laid_line <= line]
    if not on_line:
        return origin.label, None
    nearest = max(laid_line for laid_line, _ in on_line)
    path = max((path for laid_line, path in on_line if laid_line == nearest), key=len)
    for end in range(len(path), -1, -1):
        if path[:end] in origin.sources:
            source, there = origin.sources[path[:end]]
            return source.label, source.line_of((*there, *path[end:]))
    return origin.label, None


class _Unread(Exception):
    """A YAML file the loader's reader refused (its problems say why)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def _source(path: Path) -> YamlSource:
    """`path` read as the loader reads a data file; _Unread when it cannot be."""
    source, problems = read_yaml(path, data_label(path))
    if source is None or problems:
        raise _Unread(problems)
    return source


def _read(path: Path) -> Any:
    return _source(path).data


def _read_overlay_mapping(path: Path, notes: list[str]) -> YamlSource | None:
    """An overlay file, read with its lines; a file that is broken YAML or not a mapping is left out
    with a note (the overlay is the demonstration's, not the staff's data: `make demo` goes on
    without it)."""
    try:
        source = _source(path)
    except _Unread as unread:  # its problem names the line
        said = "; ".join(f"line {p.line}: {p.text_en}" if p.line else p.text_en for p in unread.problems)
        notes.append(f"{path.as_posix()} left out: {said}")
        return None
    if source.data is None:
        return None
    if not isinstance(source.data, dict):
        notes.append(f"{path.as_posix()} left out: it is not a list of keys and values.")
        return None
    return source


def _plan_ids(base_dir: Path) -> tuple[set[str] | None, set[str] | None]:
    """The task and unit ids of the base plan; None when a file cannot be read, in which case
    nothing is left out and the build itself reports the base's problem with file and line."""
    try:
        tasks = {task["id"] for group in _read(base_dir / "tasks.yml")["groups"] for task in group["tasks"]}
    except (_Unread, KeyError, TypeError):
        tasks = None
    try:
        units = {unit["id"] for unit in _read(base_dir / "units.yml")["units"]}
    except (_Unread, KeyError, TypeError):
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
    except (_Unread, AttributeError):
        return None  # the build reports the overlay's own mistake with its line
    if not isinstance(updates, list):
        return None
    gone = sorted({str(u["unit"]) for u in updates if isinstance(u, dict) and u.get("unit")} - unit_ids)
    return f"unit {', '.join(gone)} is no longer in units.yml" if gone else None


def _merge_units(units_file: Path, overlay: YamlSource | None, overlay_file: Path, result: Overlaid) -> list[str]:
    """Each overlay unit's keys replace those of the base's unit with its id; notes for the rest.
    A base file that cannot be read is left as it is, for the build to report with its line."""
    if overlay is None:
        return []
    try:
        base = _source(units_file)
        by_id = {unit["id"]: index for index, unit in enumerate(base.data["units"])}
    except (_Unread, KeyError, TypeError):
        return []
    notes: list[str] = []
    origins: dict[KeyPath, tuple[YamlSource, KeyPath]] = {(): (base, ())}
    units = overlay.data.get("units") or []
    if not isinstance(units, list):
        return [f"{overlay_file.as_posix()}: units left out: they are not a list."]
    for number, unit in enumerate(units):
        if not isinstance(unit, dict):
            notes.append(f"{overlay_file.as_posix()}: unit {unit!r} left out: it is not a list of keys and values.")
        elif unit.get("id") in by_id:
            index = by_id[unit["id"]]
            base.data["units"][index].update(unit)
            origins |= {("units", index, key): (overlay, ("units", number, key)) for key in unit}
        else:
            notes.append(f"{overlay_file.as_posix()}: unit {unit.get('id')} left out: it is no longer in units.yml.")
    if len(origins) > 1:  # else the base's file stays byte for byte, comments and all
        _write_merged(units_file, base.data, origins, result)
    return notes


def _merge_keys(base_file: Path, overlay: YamlSource | None, result: Overlaid) -> None:
    """Overlay keys win over the base's. The merged file is rewritten without the base's comments:
    it lives only in the temporary folder. A base file that is not a YAML mapping is left as it
    is, for the build to report with its line; with no settings to lay, it stays byte for byte."""
    if overlay is None or not overlay.data:
        return
    if not base_file.exists():  # an optional file (reporting.yml) the base leaves out
        _write_merged(base_file, overlay.data, {(): (overlay, ())}, result)
        return
    try:
        base = _source(base_file)
    except _Unread:
        return
    if not isinstance(base.data, dict):
        return
    origins: dict[KeyPath, tuple[YamlSource, KeyPath]] = {(): (base, ())}
    origins |= {(key,): (overlay, (key,)) for key in overlay.data}
    _write_merged(base_file, {**base.data, **overlay.data}, origins, result)


def _write_merged(path: Path, data: Any, sources: dict[KeyPath, tuple[YamlSource, KeyPath]], result: Overlaid) -> None:
    """Write a merged file, and remember where each of its lines came from. Every text on one line
    (no wrapping), so that each key path keeps a line of its own."""
    text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1_000_000_000)
    path.write_text(text, encoding="utf-8")
    label = data_label(path)
    laid, _ = read_yaml_text(text, label)
    real = result.origins.get(label, _Origin(label)).label
    result.origins[label] = _Origin(real, sources, laid)


def _lay_forms(description_file: Path, target_dir: Path, result: Overlaid) -> None:
    """The overlay's report forms, in place of the base's: each unit's form made for the laid data
    as the site publishes it (outputs/form_writer.py), with the described rows written in. Made here,
    not kept as files, because staff may reword the tasks of the real data a demonstration is laid
    over, and a form made for other words would be refused (and stop publishing). A row for a task
    the unit no longer leads is left out with a note; a data folder that does not load gets no forms
    (the build then reports its own problems)."""
    notes = result.notes
    source = _read_overlay_mapping(description_file, notes)
    _remove_tree(target_dir / REPORTS_FOLDER, result)
    if source is None:
        return
    described = source.data
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
                result.origins[data_label(form)] = _Origin(data_label(description_file))
