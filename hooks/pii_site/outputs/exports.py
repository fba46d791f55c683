"""Open data: tasks, units, every status update and who has reported in each reporting round, as JSON
and CSV, plus the column list that the data dictionary page (pages/progress.py) describes. Called by
pages/progress.py (dictionary) and by hooks/pii_hooks.py via open_data_files (bytes to write under
<lang>/downloads/).

Columns are language-neutral ids, identical on both sites. CSV is UTF-8 with a BOM so that Excel on
Windows shows Vietnamese correctly; lists inside one cell are joined with "; ". A JSON file is an
object in the shape of the open-data contract (model/contract.py): its schema's address and version, the
commune, province and plan it describes, when the data last changed, the licence of data/site.yml
(null when none is named) and the rows under "records"; CSV has no place for these, so the data
dictionary page states them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pii_site.model.contract import (
    COLUMNS,
    LICENCE_KEYS,
    SCHEMA_VERSION,
    Record,
    SubmissionRecord,
    TaskRecord,
    UnitRecord,
    UpdateRecord,
    download_path,
    schema_address,
)
from pii_site.model.plan import Plan, PlanTask
from pii_site.model.progress import all_updates
from pii_site.source.schema.status import Evidence, IndicatorValue

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # under the language's site folder, e.g. "downloads/tasks.csv"
    content: bytes


def _value(indicator_value: IndicatorValue | None) -> tuple[float | None, dt.date | None]:
    if indicator_value is None:
        return None, None
    return indicator_value.value, indicator_value.date


def _row(record: Record) -> dict[str, Any]:
    """A record as the files hold it: dates as YYYY-MM-DD, fields in the model's order."""
    return record.model_dump(mode="json")


def task_rows(plan: Plan) -> list[dict[str, Any]]:
    rows: list[TaskRecord] = []
    for task in plan.tasks:
        progress = task.progress
        measure = progress.indicator
        baseline, baseline_date = _value(measure.baseline if measure else None)
        target, target_date = _value(measure.target if measure else None)
        latest, latest_date = _value(measure.latest if measure else None)
        rows.append(
            TaskRecord(
                id=task.id,
                group=task.group.number,
                pillar_id=task.pillar.id,
                # The PII pillar's number (1-7), the same in every commune: the key a province joins on.
                pillar_number=task.pillar.number,
                pillar_name_vi=task.pillar.name.vi,
                pillar_name_en=task.pillar.name.en,
                indicator_vi=task.indicator.vi,
                indicator_en=task.indicator.en,
                text_vi=task.text.vi,
                text_en=task.text.en,
                lead=[u.id for u in task.lead],
                coordinating=[u.id for u in task.coordinating],
                status=progress.status,
                percent=progress.percent,
                last_update=progress.last_date,
                due=progress.due,
                overdue=progress.overdue,
                measure_unit_vi=measure.unit.vi if measure else None,
                measure_unit_en=measure.unit.en if measure else None,
                baseline=baseline,
                baseline_date=baseline_date,
                target=target,
                target_date=target_date,
                latest=latest,
                latest_date=latest_date,
                measure_source_vi=measure.source.vi if measure else None,
                measure_source_en=measure.source.en if measure else None,
            )
        )
    return [_row(record) for record in rows]


def unit_rows(plan: Plan) -> list[dict[str, Any]]:
    return [
        _row(
            UnitRecord(
                id=unit.id,
                name_vi=unit.name.vi,
                name_en=unit.name.en,
                description_vi=unit.description.vi,
                description_en=unit.description.en,
                collective=unit.collective,
                leads=[t.id for t in plan.tasks_led_by(unit)],
                coordinates=[t.id for t in plan.tasks_coordinated_by(unit)],
            )
        )
        for unit in plan.units
    ]


def document_reference(item: Evidence) -> str:
    """'12/BC-UBND | 2026-03-10 | UBND xã' (the Vietnamese issuer: the document's own language)."""
    parts = [item.number or "", item.date.isoformat() if item.date else "", item.issuer.vi if item.issuer else ""]
    return " | ".join(parts)


def update_rows(tasks: Sequence[PlanTask]) -> list[dict[str, Any]]:
    return [
        _row(
            UpdateRecord(
                task_id=entry.task.id,
                index=entry.file_index,
                round=entry.round,
                date=entry.update.date,
                status=entry.update.status,
                percent=entry.update.percent,
                unit=entry.update.unit,
                note_vi=entry.update.note.vi,
                note_en=entry.update.note.en,
                evidence_urls=[e.url for e in entry.update.evidence if e.url],
                evidence_documents=[document_reference(e) for e in entry.update.evidence if e.number],
            )
        )
        for entry in all_updates(tasks)
    ]


# Where a unit's filled form lives in the repository, named as the guide names it: the same in every
# build, wherever the data folder is checked out.
FORM_IN_REPOSITORY = "data/reports/{round}/{unit}.xlsx"


def submission_rows(plan: Plan) -> list[dict[str, Any]]:
    """Every unit that owes a form, in every round up to the current one (oldest first, then in
    units.yml's order): where it stands as of the build's day. None without rounds."""
    reporting = plan.reporting
    rows: list[SubmissionRecord] = []
    for round_ in reporting.rounds_so_far:
        for entry in reporting.status(round_).units:
            submission = entry.submission
            rows.append(
                SubmissionRecord(
                    round=round_.id,
                    round_name_vi=round_.name.vi,
                    round_name_en=round_.name.en,
                    period_start=round_.period.start,
                    period_end=round_.period.end,
                    due=round_.due,
                    unit=entry.unit.id,
                    state=entry.state,
                    report_date=submission.report_date if submission else None,
                    file=FORM_IN_REPOSITORY.format(round=round_.id, unit=entry.unit.id) if submission else None,
                    tasks=list(dict.fromkeys(u.task for u in submission.updates)) if submission else [],
                )
            )
    return [_row(record) for record in rows]


def licence_record(plan: Plan) -> dict[str, str] | None:
    licence = plan.site.licence
    if licence is None:
        return None
    return dict(zip(LICENCE_KEYS, (licence.name.vi, licence.name.en, licence.address), strict=True))


def envelope(plan: Plan, base_url: str) -> dict[str, Any]:
    """What every JSON file says about itself before its records (contract.Envelope): the contract's
    address and version, which commune and province, which plan, when the data last changed, the licence."""
    document = plan.document
    site = plan.site
    last_update = plan.rollup().last_date
    return {
        "$schema": schema_address(base_url),
        "schema_version": SCHEMA_VERSION,
        "commune": {"code": site.commune_code, "name_vi": document.commune.vi, "name_en": document.commune.en},
        "province": {"code": site.province_code, "name_vi": document.province.vi, "name_en": document.province.en},
        "plan": {
            "number": document.number,
            "symbol": document.symbol,
            "date": {"year": document.date.year, "month": document.date.month, "day": document.date.day},
            "year": document.year,
            "title_vi": document.title.vi,
            "title_en": document.title.en,
        },
        "modified": last_update.isoformat() if last_update else None,
        "licence": licence_record(plan),
    }


def to_json(dataset: str, rows: list[dict[str, Any]], head: dict[str, Any]) -> bytes:
    """The file: `head` (envelope), the dataset's name, then the records ("licence" stays where the
    unnumbered shape had it, before "records")."""
    document = {key: value for key, value in head.items() if key != "licence"}
    document |= {"dataset": dataset, "licence": head["licence"], "records": rows}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# A text cell starting with one of these is run as a formula by Excel and LibreOffice
# (CSV injection); a leading apostrophe makes them show it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    text = LIST_SEPARATOR.join(str(v) for v in value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return buffer.getvalue().encode("utf-8-sig")


def datasets(plan: Plan) -> dict[str, list[dict[str, Any]]]:
    return {
        "tasks": task_rows(plan),
        "units": unit_rows(plan),
        "updates": update_rows(plan.tasks),
        "submissions": submission_rows(plan),
    }


def open_data_files(plan: Plan, base_url: str = "") -> list[GeneratedFile]:
    """Every download, the same bytes in both languages. `base_url`: the site's public address (the
    schema's address in the files is then absolute), or "" for a site without one."""
    files = []
    head = envelope(plan, base_url)
    for name, rows in datasets(plan).items():
        files.append(GeneratedFile(download_path(name, "json"), to_json(name, rows, head)))
        files.append(GeneratedFile(download_path(name, "csv"), to_csv(rows, COLUMNS[name])))
    return files
