"""Load the data folder into one Plan, or raise one DataError listing every problem.

Called once per build by the hooks, and by scripts/validate.py and the tests. Two passes: each
file against its schema (all files, all problems), then rules across files (ids that must exist,
ids that must be unique); then the progress reports, YAML and the units' forms (data/reports/),
against the sound plan. Nothing here prints, exits or knows about MkDocs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from pii_site.i18n import urls
from pii_site.model.plan import Plan, PlanTask
from pii_site.model.progress import TaskProgress
from pii_site.model.reference import build_reference
from pii_site.model.reporting import Reporting, Submission, reporting_units
from pii_site.source.entries import (
    DATA_FILE_LIMIT,
    FileTooLarge,
    data_label,
    folder_entries,
    is_linked,
    linked_entries,
    too_large,
)
from pii_site.source.errors import DataError, Problem, file_problem
from pii_site.source.form_layout import plan_fingerprint, tasks_fingerprint
from pii_site.source.identity import check_identity
from pii_site.source.news import load_news
from pii_site.source.pii_reference import check_reference
from pii_site.source.report_forms import FormRead, FormRules, read_reports
from pii_site.source.schema.plan import (
    DATA_FILES,
    OPTIONAL_FILES,
    DutiesFile,
    PillarsFile,
    PlanFile,
    SiteFile,
    TasksFile,
    Unit,
    UnitsFile,
)
from pii_site.source.schema.published import Logo, NewsPost
from pii_site.source.schema.reporting import ReportingFile
from pii_site.source.schema.status import STATUS_FILE_LIMIT, FormUpdate, StatusFile
from pii_site.source.status_rules import check_status_files, plan_start, reporting_unit_warnings
from pii_site.source.validation import duplicate_ids, parse, problem_at, unknown_reference
from pii_site.source.yaml_source import KeyPath, YamlSource, read_yaml, read_yaml_text


def load_plan(
    data_dir: str | os.PathLike[str],
    today: dt.date,
    replacing: Mapping[str, str] | None = None,
    cache_dir: Path | None = None,
) -> Plan:
    """`today` (the build's Settings.today) decides which dates are in the future and which tasks are
    overdue. `cache_dir` (the build's Settings.cache_dir) keeps the news photos' copies and the forms
    read between runs (source/build_cache.py); None keeps nothing. `replacing` maps data files (relative to data_dir, "status/III.2.yml") to the text to
    read instead of the file's, which need not exist yet: add_update.py checks the whole plan with
    its new update this way, with every message at the real file, and without copying data/."""
    data_dir = Path(data_dir)
    replacing = replacing or {}
    sources: dict[str, YamlSource] = {}
    parsed: dict[str, Any] = {}
    problems: list[Problem] = []
    problems += linked_entries(data_dir, _label)
    problems += _stray_entries(data_dir)
    for name, model, path in _data_files(data_dir, replacing):
        label = _label(path)
        limit = STATUS_FILE_LIMIT if name.startswith("status/") else DATA_FILE_LIMIT
        if name in replacing:
            size = len(replacing[name].encode("utf-8"))
            if size > limit:
                problems.append(too_large(label, FileTooLarge(size, limit)))
                continue
            source, syntax_problems = read_yaml_text(replacing[name], label)
        elif path.is_symlink():
            continue  # refused by linked_entries, and never followed
        elif not path.exists():
            if name not in OPTIONAL_FILES:
                problems.append(file_problem(label, None, "file_missing"))
            continue
        else:
            source, syntax_problems = read_yaml(path, label, limit)
        problems += syntax_problems
        if source is None:
            continue
        sources[name] = source
        value, shape_problems = parse(source, model)
        problems += shape_problems
        if value is not None:
            parsed[name] = value
    news, news_problems = load_news(data_dir, _label, cache_dir)
    problems += news_problems
    if problems:
        raise DataError(problems)
    problems += _check_references(sources, parsed)
    problems += check_reference(sources, parsed)
    identity_problems, logo = check_identity(sources["site.yml"], parsed["site.yml"], data_dir)
    problems += identity_problems
    if problems:
        # Progress reports are checked against the plan only once the plan itself is sound.
        raise DataError(problems)
    problems += check_status_files(
        sources, parsed, _task_ids(parsed), [u.id for u in parsed["units.yml"].units], sources["units.yml"].label, today
    )
    forms, form_problems = read_reports(data_dir, _label, _form_rules(data_dir, sources, parsed, today), cache_dir)
    problems += form_problems
    if problems:
        raise DataError(problems)
    return _build_plan(
        data_dir,
        parsed,
        today,
        forms,
        news=tuple(news),
        logo=logo,
        warnings=tuple(reporting_unit_warnings(sources, parsed)),
    )


def _form_rules(data_dir: Path, sources: dict[str, YamlSource], parsed: dict[str, Any], today: dt.date) -> FormRules:
    """What the units' forms are read against: the rounds, who owes a form and for which tasks."""
    reporting: ReportingFile | None = parsed.get("reporting.yml")
    tasks = [task for group in parsed["tasks.yml"].groups for task in group.tasks]
    units = parsed["units.yml"].units
    owing = reporting_units(units, {unit_id for task in tasks for unit_id in task.lead})
    led = {unit.id: tuple(task for task in tasks if unit.id in task.lead) for unit in owing}
    start, exact = plan_start(parsed["plan.yml"])
    return FormRules(
        rounds=tuple(r.id for r in reporting.rounds) if reporting else (),
        rounds_file=sources["reporting.yml"].label
        if "reporting.yml" in sources
        else _label(data_dir / "reporting.yml"),
        units_file=sources["units.yml"].label,
        unit_ids=tuple(unit.id for unit in units),
        led=led,
        leads_of={task.id: tuple(task.lead) for task in tasks},
        plan_key=plan_fingerprint(parsed["plan.yml"]),
        tasks_keys={unit_id: tasks_fingerprint(unit_id, unit_tasks) for unit_id, unit_tasks in led.items()},
        start=start,
        exact=exact,
        today=today,
    )


def _data_files(data_dir: Path, replacing: Mapping[str, str]) -> list[tuple[str, type[Any], Path]]:
    """(key, model, path) of every data file; a pattern such as "status/*.yml" may match none. A file
    `replacing` names is listed whether it exists or not."""
    result = []
    for name, model in DATA_FILES.items():
        if "*" in name:
            if is_linked(data_dir / Path(name).parent, data_dir):
                continue  # a linked folder: refused by linked_entries, and never followed
            matches = {path for path in data_dir.glob(name) if path.is_file() and not path.is_symlink()}
            matches |= {data_dir / key for key in replacing if PurePosixPath(key).match(name)}
            result += [(path.relative_to(data_dir).as_posix(), model, path) for path in sorted(matches)]
        else:
            result.append((name, model, data_dir / name))
    return result


def _stray_entries(data_dir: Path) -> list[Problem]:
    """Anything in a one-file-per-record folder (data/status/) that its pattern would not read: a
    III.2.yaml or a folder would otherwise be ignored without a word. Hidden files (.gitkeep) are fine."""
    problems = []
    for name in DATA_FILES:
        if "*" not in name:
            continue
        folder, pattern = data_dir / Path(name).parent, Path(name).name
        if not folder.is_dir() or is_linked(folder, data_dir):
            continue
        entries, listing_problems = folder_entries(folder, _label(folder))
        problems += listing_problems
        for entry in entries:
            if entry.name.startswith(".") or entry.is_symlink() or (entry.is_file() and entry.match(pattern)):
                continue
            problems.append(file_problem(_label(entry), None, "status_folder_entry", found=entry.name))
    return problems


def _task_ids(parsed: dict[str, Any]) -> list[str]:
    return [task.id for group in parsed["tasks.yml"].groups for task in group.tasks]


def _label(path: Path) -> str:
    """How messages name a file (entries.data_label: the overlay's relabelling finds files by it)."""
    return data_label(path)


def _check_references(sources: dict[str, YamlSource], parsed: dict[str, Any]) -> list[Problem]:
    pillars: PillarsFile = parsed["pillars.yml"]
    units: UnitsFile = parsed["units.yml"]
    tasks: TasksFile = parsed["tasks.yml"]
    duties: DutiesFile = parsed["duties.yml"]
    problems: list[Problem] = []

    def unique(file: str, entries: list[tuple[KeyPath, str]]) -> None:
        problems.extend(duplicate_ids(sources[file], entries))

    def known(file: str, path: KeyPath, found: str, kind: str, target_file: str, ids: list[str]) -> None:
        if problem := unknown_reference(sources[file], path, found, kind, sources[target_file].label, ids):
            problems.append(problem)

    subindex_ids = [s.id for s in pillars.subindices]
    pillar_ids = [p.id for p in pillars.pillars]
    unit_ids = [u.id for u in units.units]
    unique("pillars.yml", [(("subindices", i, "id"), s.id) for i, s in enumerate(pillars.subindices)])
    unique("pillars.yml", [(("pillars", i, "id"), p.id) for i, p in enumerate(pillars.pillars)])
    for i, pillar in enumerate(pillars.pillars):
        known("pillars.yml", ("pillars", i, "subindex"), pillar.subindex, "subindices", "pillars.yml", subindex_ids)
    unique("units.yml", [(("units", i, "id"), u.id) for i, u in enumerate(units.units)])
    for i, pillar in enumerate(pillars.pillars):
        problems += _page_clash(sources["pillars.yml"], ("pillars", i, "id"), pillar.id, urls.pillar_page(pillar.id))
    for i, unit in enumerate(units.units):
        problems += _page_clash(sources["units.yml"], ("units", i, "id"), unit.id, urls.unit_page(unit.id))

    task_ids: list[tuple[KeyPath, str]] = []
    for g, group in enumerate(tasks.groups):
        known("tasks.yml", ("groups", g, "pillar"), group.pillar, "pillars", "pillars.yml", pillar_ids)
        for t, task in enumerate(group.tasks):
            path: KeyPath = ("groups", g, "tasks", t)
            task_ids.append(((*path, "id"), task.id))
            if task.id.split(".")[0] != group.number:
                problems.append(
                    problem_at(sources["tasks.yml"], (*path, "id"), "task_id_group", found=task.id, group=group.number)
                )
            for role in ("lead", "coordinating"):
                for u, unit_id in enumerate(getattr(task, role)):
                    known("tasks.yml", (*path, role, u), unit_id, "units", "units.yml", unit_ids)
    unique("tasks.yml", task_ids)
    unique("duties.yml", [(("duties", i, "id"), d.id) for i, d in enumerate(duties.duties)])
    for i, duty in enumerate(duties.duties):
        known("duties.yml", ("duties", i, "unit"), duty.unit, "units", "units.yml", unit_ids)
    reporting: ReportingFile | None = parsed.get("reporting.yml")
    if reporting is not None:
        known("reporting.yml", ("coordinator",), reporting.coordinator, "units", "units.yml", unit_ids)
        problems += _check_rounds(sources["reporting.yml"], reporting)
    return problems


def _check_rounds(source: YamlSource, reporting: ReportingFile) -> list[Problem]:
    """Round ids name folders (data/reports/<id>/), so they are unique; a period ends on or after its
    start, and a round cannot be due before its period starts."""
    problems = duplicate_ids(source, [(("rounds", i, "id"), r.id) for i, r in enumerate(reporting.rounds)])
    for i, round_ in enumerate(reporting.rounds):
        start, end = round_.period.start, round_.period.end
        if end < start:
            problems.append(
                problem_at(source, ("rounds", i, "period", "end"), "round_end_before_start", found=end, start=start)
            )
        if round_.due < start:
            problems.append(
                problem_at(source, ("rounds", i, "due"), "round_due_before_start", found=round_.due, start=start)
            )
    return problems


def _page_clash(source: YamlSource, path: KeyPath, found: str, page: str) -> list[Problem]:
    """An id whose page would take the address of a fixed page ("index": the overview's). Tasks
    need no check: their ids (III.2) make addresses no fixed page has."""
    clash = urls.clashing_page(page)
    return [problem_at(source, path, "reserved_id", found=found, page=urls.address(clash))] if clash else []


def _progress(parsed: dict[str, Any], task_id: str, today: dt.date, reported: list[FormUpdate]) -> TaskProgress:
    """A task's progress: its status file's updates and the rows of the units' forms about it, by date
    (on one day, the file's first, then the forms' in round and unit order: sorted() keeps that order)."""
    status: StatusFile | None = parsed.get(f"status/{task_id}.yml")
    updates = sorted((*(status.updates or () if status else ()), *reported), key=lambda update: update.date)
    if status is None:
        return TaskProgress(today, tuple(updates))
    return TaskProgress(today, tuple(updates), status.due, status.indicator)


def _submissions(forms: list[FormRead], reporting: Reporting, unit_by_id: dict[str, Unit]) -> tuple[Submission, ...]:
    """The forms as the model holds them, in round order (by period), then in units.yml's order."""
    round_order = {r.id: n for n, r in enumerate(reporting.rounds)}
    unit_order = {u.id: n for n, u in enumerate(reporting.reporting_units)}
    ordered = sorted(forms, key=lambda form: (round_order[form.round_id], unit_order[form.unit_id]))
    return tuple(Submission(f.round_id, unit_by_id[f.unit_id], f.file, f.updates) for f in ordered)


def _build_plan(
    data_dir: Path,
    parsed: dict[str, Any],
    today: dt.date,
    forms: list[FormRead],
    *,
    news: tuple[NewsPost, ...],
    logo: Logo | None,
    warnings: tuple[Problem, ...],
) -> Plan:
    site: SiteFile = parsed["site.yml"]
    document: PlanFile = parsed["plan.yml"]
    framework: PillarsFile = parsed["pillars.yml"]
    units: UnitsFile = parsed["units.yml"]
    appendix: TasksFile = parsed["tasks.yml"]
    duties: DutiesFile = parsed["duties.yml"]
    reporting: ReportingFile | None = parsed.get("reporting.yml")
    unit_by_id = {u.id: u for u in units.units}
    pillar_by_id = {p.id: p for p in framework.pillars}
    owing = reporting_units(units.units, {u for group in appendix.groups for t in group.tasks for u in t.lead})
    reporting_chain = Reporting(
        coordinator=unit_by_id[reporting.coordinator] if reporting else None,
        rounds=tuple(sorted(reporting.rounds, key=lambda r: r.period.start)) if reporting else (),
        submissions=(),
        reporting_units=owing,
        today=today,
        recipients=tuple(reporting.recipients) if reporting and reporting.recipients else None,
    )
    submissions = _submissions(forms, reporting_chain, unit_by_id)
    reported: dict[str, list[FormUpdate]] = {}
    for submission in submissions:
        for update in submission.updates:
            reported.setdefault(update.task, []).append(update)
    tasks = tuple(
        PlanTask(
            record=task,
            pillar=pillar_by_id[group.pillar],
            group=group,
            lead=tuple(unit_by_id[u] for u in task.lead),
            coordinating=tuple(unit_by_id[u] for u in task.coordinating),
            progress=_progress(parsed, task.id, today, reported.get(task.id, [])),
        )
        for group in appendix.groups
        for task in group.tasks
    )
    return Plan(
        data_dir=data_dir,
        site=site,
        document=document,
        subindices=tuple(framework.subindices),
        pillars=tuple(sorted(framework.pillars, key=lambda p: p.number)),
        units=tuple(units.units),
        appendix_title=appendix.title,
        groups=tuple(appendix.groups),
        tasks=tasks,
        duties=tuple(duties.duties),
        reference=build_reference(parsed),
        today=today,
        reporting=dataclasses.replace(reporting_chain, submissions=submissions),
        news=news,
        logo=logo,
        warnings=warnings,
    )
