"""The compiled periodic report: the commune People's Committee to the Department of Science and Technology,
one reporting round, as a Word document in the format of Decree 30/2020/NĐ-CP (Appendix I), Vietnamese only.

Called by scripts/report.py (make report). The layout and every sentence live in the Word template
templates/bao-cao.docx (made by scripts/maintainer/make_report_template.py, restyled by a clerk in Word if she
wishes; see templates/README.md); this module hands it the data as plain strings and lists. docxtpl
renders the template with Jinja's autoescape, so a note holding "<w:t>" or "{{ }}" is printed as
typed. The few words that join data values (a document reference, a list of units) are here: the
report has no English. Nothing is made up: what the data does not say, the template says is missing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from lxml import etree

from pii_site.i18n import Labels
from pii_site.i18n.formatting import format_date
from pii_site.model.plan import Plan, PlanTask
from pii_site.model.progress import STATUSES
from pii_site.model.round_progress import TaskInRound, tasks_in_round
from pii_site.source.schema.plan import Pillar, PlanFile
from pii_site.source.schema.reporting import Round
from pii_site.source.schema.status import Evidence, StatusUpdate

TEMPLATE = resources.files("pii_site.outputs").joinpath("templates", "bao-cao.docx")
# A body's kind, then its place, on two lines, as Decree 30's examples set a People's Committee's name.
_BODY_KIND = re.compile(r"^((?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN) (.+)$", re.DOTALL)
BLANK = "……"  # what the clerk fills in: the number, the day, an unknown place


class ReportTemplateError(ValueError):
    """The template cannot be used (not a Word file, a broken or unknown tag); its text is the detail."""


def render_report(plan: Plan, round_: Round, template: Path | None = None) -> bytes:
    """The report of `round_` as the bytes of a .docx, from `template` (default: the package's). Raises
    ReportTemplateError for a template that cannot be used, OSError for one that cannot be read."""
    context = report_context(plan, round_)
    try:
        with template.open("rb") if template else TEMPLATE.open("rb") as source:
            document = DocxTemplate(io.BytesIO(source.read()))
        # StrictUndefined: a tag a clerk mistyped in her own template is an error naming it, not a blank.
        environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
        document.render(context, jinja_env=environment, autoescape=True)
        properties = document.core_properties
        properties.title = f"Báo cáo kết quả thực hiện Kế hoạch, {round_.name.vi}"
        properties.comments = ""
        properties.created = properties.modified = dt.datetime.combine(plan.today, dt.time())
        out = io.BytesIO()
        document.save(out)
    except jinja2.TemplateError as error:
        raise ReportTemplateError(f"{type(error).__name__}: {error}") from None
    # What python-docx and lxml raise for a file that is not a Word document (a zip without one, another
    # Office file, broken XML).
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as error:
        raise ReportTemplateError(f"{type(error).__name__}: {error}") from None
    return out.getvalue()


def report_context(plan: Plan, round_: Round) -> dict[str, Any]:
    """What the template's tags name: plain strings and lists, formatted as the report prints them."""
    document = plan.document
    reporting = plan.reporting
    standing = reporting.status(round_)
    state_of = {entry.unit.id: entry.state for entry in standing.units}
    tasks = tasks_in_round(plan, round_)
    by_id = {entry.task.id: entry for entry in tasks}
    signer = document.signatory
    return {
        "issuer_superior": document.issuer_superior.upper() if document.issuer_superior else None,
        "issuer": _two_lines(document.issuer.vi.upper()),
        "issuer_name": document.issuer.vi,
        "issuer_short": document.issuer_short.vi,
        "place": document.place or BLANK,
        "plan_title": document.title.vi,
        "plan_reference": plan_reference(document),
        "round_name": round_.name.vi,
        "period_start": format_date(round_.period.start, "vi"),
        "period_end": format_date(round_.period.end, "vi"),
        "due": format_date(round_.due, "vi"),
        "as_of": format_date(plan.today, "vi"),
        "coordinator": reporting.coordinator.name.vi if reporting.coordinator else BLANK,
        "units": [
            {
                "name": entry.unit.name.vi,
                "state": entry.state,
                "date": format_date(entry.submission.report_date, "vi") if entry.submission else "",
            }
            for entry in standing.units
        ],
        "reported_unit_count": len(standing.reported),
        "on_time_count": len(standing.in_state("on-time")),
        "late_count": len(standing.in_state("late")),
        "unreported_unit_count": len(standing.not_reported),
        "task_count": len(tasks),
        "reported_task_count": sum(1 for entry in tasks if entry.updates),
        "statuses": _status_counts(tasks),
        "pillars": [
            _pillar(plan, pillar, [by_id[t.id] for t in plan.tasks_in(pillar)], state_of)
            for pillar in plan.pillars
            if plan.tasks_in(pillar)
        ],
        "difficulties": [
            {
                "id": entry.task.id,
                "unit": _unit_name(plan, update.unit),
                "date": format_date(update.date, "vi"),
                "note": update.note.vi,
            }
            for entry in tasks
            for update in entry.updates
            if update.status == "delayed"
        ],
        # The report's own list (data/reporting.yml) if given, else the plan's (data/plan.yml).
        "recipients": recipient_lines(list(reporting.recipients or (r.vi for r in document.recipients))),
        "signer_on_behalf": signer.on_behalf.vi if signer.on_behalf else None,
        "signer_title": signer.title.vi,
        "groups": [
            {
                "number": group.number,
                "heading": group.heading.vi,
                "tasks": [_appendix_row(plan, by_id[task.id]) for task in group.tasks],
            }
            for group in plan.groups
        ],
    }


def plan_reference(document: PlanFile) -> str:
    """The plan as the report cites it, "Kế hoạch số …/KH-UBND ngày … tháng 03 năm 2026": its blanks stay blank."""
    date = document.date
    day = f"{date.day:02d}" if date.day else "…"
    month = f"{date.month:02d}" if date.month else "…"
    return f"Kế hoạch số {document.number or '…'}/{document.symbol} ngày {day} tháng {month} năm {date.year}"


def recipient_lines(recipients: list[str]) -> list[str]:
    """The recipients as the list prints them: each ends with ";" and the last with "." (Decree 30)."""
    items = [item.strip().rstrip(".;").rstrip() for item in recipients]
    return [f"{item}{'.' if n == len(items) - 1 else ';'}" for n, item in enumerate(items)]


def _two_lines(name: str) -> str:
    return _BODY_KIND.sub(r"\1\n\2", name)


def _status_counts(tasks: list[TaskInRound]) -> list[dict[str, Any]]:
    """The statuses the tasks have at the round's end, in the site's order, with how many; none at 0."""
    labels = Labels("vi")
    counts = dict.fromkeys(STATUSES, 0)
    for entry in tasks:
        counts[entry.status] += 1
    return [{"label": labels(f"status.{status}"), "count": n} for status, n in counts.items() if n]


def _pillar(plan: Plan, pillar: Pillar, tasks: list[TaskInRound], state_of: Mapping[str, str]) -> dict[str, Any]:
    labels = Labels("vi")
    return {
        "number": pillar.number,
        "name": pillar.name.vi,
        "task_count": len(tasks),
        "statuses": _status_counts(tasks),
        "reported": [
            {
                "id": entry.task.id,
                "text": entry.task.text.vi,
                "lead": _unit_names(entry.task),
                "status": labels(f"status.{entry.status}"),
                "percent": _percent(entry.completion),
                "completed": entry.status == "completed",
                "updates": [_update(plan, update, state_of) for update in entry.updates],
            }
            for entry in tasks
            if entry.updates
        ],
        "unreported": ", ".join(entry.task.id for entry in tasks if not entry.updates),
    }


def _update(plan: Plan, update: StatusUpdate, state_of: Mapping[str, str]) -> dict[str, Any]:
    return {
        "date": format_date(update.date, "vi"),
        "unit": _unit_name(plan, update.unit),
        # On time or late as the unit's form in this round stands; a unit without one: neither is said.
        "state": state_of.get(update.unit, ""),
        "status": Labels("vi")(f"status.{update.status}"),
        "percent": _percent(update.percent),
        "note": update.note.vi,
        "evidence": "; ".join(evidence_text(item) for item in update.evidence),
    }


def _appendix_row(plan: Plan, entry: TaskInRound) -> dict[str, str]:
    task = entry.task
    return {
        "id": task.id,
        "text": task.text.vi,
        "lead": _unit_names(task),
        "status": Labels("vi")(f"status.{entry.status}"),
        "percent": _percent(entry.completion),
        "results": "\n".join(
            f"{format_date(u.date, 'vi')}, {_unit_name(plan, u.unit)}: {u.note.vi}" for u in entry.updates
        )
        or "Không có báo cáo trong kỳ",
        "evidence": "\n".join(evidence_text(item) for u in entry.updates for item in u.evidence),
    }


def evidence_text(item: Evidence) -> str:
    """An evidence item as the report prints it, from what it gives: "Báo cáo kết quả…, số 15/BC-SM ngày
    24/09/2026 của UBND xã Sông Mây, https://…"."""
    parts = []
    if item.title:
        parts.append(item.title.vi)
    if item.number:
        reference = f"số {item.number}"
        if item.date:
            reference += f" ngày {format_date(item.date, 'vi')}"
        if item.issuer:
            reference += f" của {item.issuer.vi}"
        parts.append(reference)
    if item.url:
        parts.append(item.url)
    return ", ".join(parts)


def _percent(value: int | None) -> str:
    return f"{value}%" if value is not None else ""


def _unit_names(task: PlanTask) -> str:
    return ", ".join(unit.name.vi for unit in task.lead)


def _unit_name(plan: Plan, unit_id: str) -> str:
    return plan.unit(unit_id).name.vi
