"""The province's view of its communes, read from the harvester's state folder: one summary per commune
(its last good copy, the day it was read, its problems) and the roll-up by PII pillar across communes.

Communes are joined on the PII pillar's number (1-7), which every commune's pillars.yml gives the same
national framework; a commune's own pillar ids and its appendix's group numbers are its own and are
never compared. Called by pages.py and exports.py of this package (the province build); reads only DIR.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pii_site.province.harvest import DATASETS, REGISTRY, STATE, Problem, read_meta


@dataclass(frozen=True)
class CommuneTask:
    id: str
    text_vi: str
    text_en: str
    pillar_number: int
    status: str
    percent: int | None
    last_update: dt.date | None


@dataclass
class CommuneSummary:
    code: str
    name_vi: str
    name_en: str
    site: str  # the commune site's address, or its folder
    read_on: dt.date | None  # when the copy shown was read; None: never read
    problems: list[Problem]
    version: str | None = None
    modified: dt.date | None = None  # the data's own date of last change
    plan: dict[str, Any] = field(default_factory=dict)
    tasks: list[CommuneTask] = field(default_factory=list)

    @property
    def link(self) -> str | None:
        """The commune's site, when it is on the web (a folder is no address a reader can follow)."""
        return self.site if self.site.startswith(("http://", "https://")) else None

    @property
    def failed(self) -> bool:
        """This harvest did not read it (other than "stale", a warning): what is shown is the last good copy."""
        return any(p.kind != "stale" for p in self.problems)

    @property
    def quality(self) -> str:
        """ "ok", or the first problem's kind."""
        return self.problems[0].kind if self.problems else "ok"

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def completed(self) -> int:
        return sum(task.status == "completed" for task in self.tasks)

    @property
    def completed_percent(self) -> int | None:
        return round(100 * self.completed / self.total) if self.total else None

    def in_pillar(self, number: int) -> list[CommuneTask]:
        return [task for task in self.tasks if task.pillar_number == number]


@dataclass(frozen=True)
class PillarRow:
    number: int
    name_vi: str
    name_en: str
    communes: int  # communes with at least one task in the pillar
    tasks: int
    completed: int
    no_update: int

    @property
    def completed_percent(self) -> int | None:
        return round(100 * self.completed / self.tasks) if self.tasks else None


@dataclass
class ProvinceRollup:
    province_code: str | None
    province_vi: str | None
    province_en: str | None
    url: str | None
    licence: dict[str, Any] | None
    harvested_on: dt.date | None
    communes: list[CommuneSummary]
    pillars: list[PillarRow]

    @property
    def with_data(self) -> list[CommuneSummary]:
        return [c for c in self.communes if c.read_on is not None]

    def with_problem(self, kind: str) -> list[CommuneSummary]:
        return [c for c in self.communes if any(p.kind == kind for p in c.problems)]


def load_rollup(state_dir: Path) -> ProvinceRollup:
    """Everything the province site shows, from DIR as the last harvest left it. Raises OSError or
    ValueError when DIR holds no harvest."""
    registry = json.loads((state_dir / REGISTRY).read_text(encoding="utf-8"))
    state = json.loads((state_dir / STATE).read_text(encoding="utf-8"))
    names: dict[int, Counter[tuple[str, str]]] = {}
    communes = []
    for entry in registry["communes"]:
        problems = [Problem(p["kind"], p["detail"]) for p in state["communes"].get(entry["code"], [])]
        summary = CommuneSummary(entry["code"], entry["name_vi"], entry["name_en"], entry["site"], None, problems)
        _read_copy(state_dir / "communes" / entry["code"], summary, names)
        communes.append(summary)
    province = registry["province"]
    return ProvinceRollup(
        province_code=province["code"],
        province_vi=province["name_vi"],
        province_en=province["name_en"],
        url=registry.get("url"),
        licence=registry.get("licence"),
        harvested_on=dt.date.fromisoformat(state["harvested_on"]),
        communes=communes,
        pillars=_pillars(communes, names),
    )


def _read_copy(folder: Path, summary: CommuneSummary, names: dict[int, Counter[tuple[str, str]]]) -> None:
    """Fill in `summary` from the commune's last good copy, if it has one (only the fields the
    province shows are kept: 3,321 communes' every record would not fit a small machine's memory)."""
    meta = read_meta(folder)
    if meta.read_on is None or not all((folder / f"{name}.json").is_file() for name in DATASETS):
        return
    document = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))
    summary.read_on = dt.date.fromisoformat(meta.read_on)
    summary.version = meta.version
    summary.modified = dt.date.fromisoformat(document["modified"]) if document.get("modified") else None
    summary.plan = document["plan"]
    for record in document["records"]:
        number = record["pillar_number"]
        names.setdefault(number, Counter())[(record["pillar_name_vi"], record["pillar_name_en"])] += 1
        summary.tasks.append(
            CommuneTask(
                record["id"],
                record["text_vi"],
                record["text_en"],
                number,
                record["status"],
                record["percent"],
                dt.date.fromisoformat(record["last_update"]) if record["last_update"] else None,
            )
        )


def _pillars(communes: list[CommuneSummary], names: dict[int, Counter[tuple[str, str]]]) -> list[PillarRow]:
    """One row per PII pillar number any commune has tasks in. Its name is the one most communes'
    tasks give it (the national framework's; one commune's typo or markup does not rename it)."""
    rows = []
    for number in sorted(names):
        (name_vi, name_en), _ = names[number].most_common(1)[0]
        tasks = [task for commune in communes for task in commune.in_pillar(number)]
        rows.append(
            PillarRow(
                number=number,
                name_vi=name_vi,
                name_en=name_en,
                communes=sum(1 for commune in communes if commune.in_pillar(number)),
                tasks=len(tasks),
                completed=sum(task.status == "completed" for task in tasks),
                no_update=sum(task.status == "no-update" for task in tasks),
            )
        )
    return rows
