"""Open data: tasks, units and every status update as JSON and CSV, plus the column list that the
data dictionary page (pages/progress.py) describes. Called by pages/progress.py (dictionary) and
by hooks/pii_hooks.py via open_data_files (bytes to write under <lang>/downloads/).

Columns are language-neutral ids, identical on both sites. CSV is UTF-8 with a BOM so that Excel on
Windows shows Vietnamese correctly; lists inside one cell are joined with "; ". A JSON file is an
object: the rows under "records" and the licence of data/site.yml under "licence" (null when none is
named); CSV has no place for it, so the data dictionary page states it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from pii_site.model.plan import Plan, PlanTask
from pii_site.model.progress import all_updates
from pii_site.source.schema.status import Evidence, IndicatorValue

DOWNLOADS = "downloads"
LIST_SEPARATOR = "; "

# Dataset -> its columns, in file order. Each column is described by label open_data.col.<dataset>.<column>.
COLUMNS: dict[str, tuple[str, ...]] = {
    "tasks": (
        "id",
        "group",
        "pillar_id",
        "indicator_vi",
        "indicator_en",
        "text_vi",
        "text_en",
        "lead",
        "coordinating",
        "status",
        "percent",
        "last_update",
        "due",
        "overdue",
        "measure_unit_vi",
        "measure_unit_en",
        "baseline",
        "baseline_date",
        "target",
        "target_date",
        "latest",
        "latest_date",
        "measure_source_vi",
        "measure_source_en",
    ),
    "units": ("id", "name_vi", "name_en", "description_vi", "description_en", "collective", "leads", "coordinates"),
    "updates": (
        "task_id",
        "index",
        "round",
        "date",
        "status",
        "percent",
        "unit",
        "note_vi",
        "note_en",
        "evidence_urls",
        "evidence_documents",
    ),
}


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # under the language's site folder, e.g. "downloads/tasks.csv"
    content: bytes


def _value(indicator_value: IndicatorValue | None) -> tuple[float | None, str | None]:
    if indicator_value is None:
        return None, None
    return indicator_value.value, indicator_value.date.isoformat()


def task_rows(plan: Plan) -> list[dict[str, Any]]:
    rows = []
    for task in plan.tasks:
        progress = task.progress
        measure = progress.indicator
        baseline, baseline_date = _value(measure.baseline if measure else None)
        target, target_date = _value(measure.target if measure else None)
        latest, latest_date = _value(measure.latest if measure else None)
        rows.append(
            {
                "id": task.id,
                "group": task.group.number,
                "pillar_id": task.pillar.id,
                "indicator_vi": task.indicator.vi,
                "indicator_en": task.indicator.en,
                "text_vi": task.text.vi,
                "text_en": task.text.en,
                "lead": [u.id for u in task.lead],
                "coordinating": [u.id for u in task.coordinating],
                "status": progress.status,
                "percent": progress.percent,
                "last_update": progress.last_date.isoformat() if progress.last_date else None,
                "due": progress.due.isoformat() if progress.due else None,
                "overdue": progress.overdue,
                "measure_unit_vi": measure.unit.vi if measure else None,
                "measure_unit_en": measure.unit.en if measure else None,
                "baseline": baseline,
                "baseline_date": baseline_date,
                "target": target,
                "target_date": target_date,
                "latest": latest,
                "latest_date": latest_date,
                "measure_source_vi": measure.source.vi if measure else None,
                "measure_source_en": measure.source.en if measure else None,
            }
        )
    return rows


def unit_rows(plan: Plan) -> list[dict[str, Any]]:
    return [
        {
            "id": unit.id,
            "name_vi": unit.name.vi,
            "name_en": unit.name.en,
            "description_vi": unit.description.vi,
            "description_en": unit.description.en,
            "collective": unit.collective,
            "leads": [t.id for t in plan.tasks_led_by(unit)],
            "coordinates": [t.id for t in plan.tasks_coordinated_by(unit)],
        }
        for unit in plan.units
    ]


def document_reference(item: Evidence) -> str:
    """'12/BC-UBND | 2026-03-10 | UBND xã' (the Vietnamese issuer: the document's own language)."""
    parts = [item.number or "", item.date.isoformat() if item.date else "", item.issuer.vi if item.issuer else ""]
    return " | ".join(parts)


def update_rows(tasks: list[PlanTask]) -> list[dict[str, Any]]:
    return [
        {
            "task_id": entry.task.id,
            "index": entry.file_index,
            "round": entry.round,
            "date": entry.update.date.isoformat(),
            "status": entry.update.status,
            "percent": entry.update.percent,
            "unit": entry.update.unit,
            "note_vi": entry.update.note.vi,
            "note_en": entry.update.note.en,
            "evidence_urls": [e.url for e in entry.update.evidence if e.url],
            "evidence_documents": [document_reference(e) for e in entry.update.evidence if e.number],
        }
        for entry in all_updates(tasks)
    ]


# The keys of the "licence" object of every JSON file, listed by the data dictionary (open_data.md.j2).
LICENCE_KEYS = ("name_vi", "name_en", "address")


def licence_record(plan: Plan) -> dict[str, str] | None:
    licence = plan.site.licence
    if licence is None:
        return None
    return dict(zip(LICENCE_KEYS, (licence.name.vi, licence.name.en, licence.address), strict=True))


def to_json(rows: list[dict[str, Any]], licence: dict[str, str] | None) -> bytes:
    document = {"licence": licence, "records": rows}
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
    return {"tasks": task_rows(plan), "units": unit_rows(plan), "updates": update_rows(plan.tasks)}


def download_path(dataset: str, extension: str) -> str:
    return f"{DOWNLOADS}/{dataset}.{extension}"


def open_data_files(plan: Plan) -> list[GeneratedFile]:
    files = []
    licence = licence_record(plan)
    for name, rows in datasets(plan).items():
        files.append(GeneratedFile(download_path(name, "json"), to_json(rows, licence)))
        files.append(GeneratedFile(download_path(name, "csv"), to_csv(rows, COLUMNS[name])))
    return files
