"""A synthetic province: N communes, each with its own open data, written directly in the shape of the
open-data contract (data.json and the JSON downloads a built site publishes), not by building N sites.

    python scripts/maintainer/synthetic_province.py --communes 102 --out /tmp/province
        -> /tmp/province/communes/<code>/{data.json, vi/downloads/*.json, en/downloads/*.json}
           /tmp/province/registry.yml  (each commune's site: its folder, or --base-url …/<code>/)

Seeded: a count always gives the same files. Sizes, progress and dates vary from commune to commune (5
to 80 tasks, communes never reported on, communes whose last update is months old). The pillars are the
real framework's (data/pillars.yml: national facts). Used by scripts/maintainer/benchmark.py --province and the
province tests. Writes only into a new folder of its own, so it takes no lock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 26)
# The statuses of contract 1.0.0 as other communes' sites publish them: written out, not imported, as a
# harvester meets them (a change to this project's list must not change what the others publish).
STATUSES = ("not-started", "in-progress", "delayed", "completed", "continuous")
SCHEMA_PATH = "schema/open-data-1.schema.json"
SCHEMA_VERSION = "1.0.0"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
NAMES = ("Mẫu Sơn", "Bình An", "Tân Lập", "Phú Hữu", "Long Điền", "Hòa Lạc", "Vĩnh Xương", "Mỹ Đức", "Đông Hòa")


def pillars() -> list[dict[str, Any]]:
    data = yaml.safe_load((PROJECT_DIR / "data" / "pillars.yml").read_text(encoding="utf-8"))
    return [
        {"id": p["id"], "number": p["number"], "vi": p["name"]["vi"], "en": p["name"]["en"]} for p in data["pillars"]
    ]


def commune_code(index: int) -> str:
    return f"{10000 + index:05d}"


def commune_name(index: int) -> str:
    return f"{NAMES[index % len(NAMES)]} {index + 1}"


def documents(index: int, base_url: str, framework: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The three contract files of commune `index` (tasks, units, updates), seeded by its index."""
    rng = random.Random(index)
    name = commune_name(index)
    size = min(80, max(5, int(rng.lognormvariate(3.0, 0.6))))
    units: list[dict[str, Any]] = [
        {
            "id": f"don-vi-{n + 1}",
            "name_vi": f"Đơn vị {n + 1} xã {name}",
            "name_en": f"Unit {n + 1} of {name}",
            "description_vi": "Thực hiện các nhiệm vụ được giao trong kế hoạch.",
            "description_en": "Carries out the tasks the plan gives it.",
            "collective": False,
            "leads": [],
            "coordinates": [],
        }
        for n in range(2 + size // 5)
    ]
    # Some communes never reported, some stopped months ago, most reported lately.
    kind = rng.random()
    last_day = (
        None if kind < 0.08 else TODAY - dt.timedelta(days=rng.randint(100, 250) if kind < 0.2 else rng.randint(0, 60))
    )
    tasks: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for n in range(size):
        pillar = framework[n % len(framework)] if n < len(framework) else rng.choice(framework)
        # Each commune numbers its appendix groups and names its pillars its own way (the real plan's
        # group III is pillar 5): only the pillar's number is the same everywhere.
        group = ROMAN[(framework.index(pillar) + index) % len(ROMAN)]
        pillar_id = pillar["id"] if index % 2 else f"tru-cot-{(pillar['number'] * 3 + index) % 11}"
        task_id = f"{group}.{n + 1}"
        lead = rng.choice(units)
        lead["leads"].append(task_id)
        history = []
        if last_day is not None:
            for u in range(rng.randint(0, 4)):
                day = last_day - dt.timedelta(days=30 * u + rng.randint(0, 20))
                history.append((day, rng.choice(STATUSES), rng.choice((None, 10, 25, 50, 75, 90))))
        history.sort()
        for position, (day, status, percent) in enumerate(history):
            if status == "completed":
                percent = 100
            updates.append(
                {
                    "task_id": task_id,
                    "index": position,
                    "date": day.isoformat(),
                    "status": status,
                    "percent": percent,
                    "unit": lead["id"],
                    "note_vi": f"Đã triển khai phần việc số {position + 1}.",
                    "note_en": f"Carried out step {position + 1}." if rng.random() < 0.7 else None,
                    "evidence_urls": [],
                    "evidence_documents": [],
                }
            )
        status, percent, last = (
            (history[-1][1], history[-1][2], history[-1][0]) if history else ("no-update", None, None)
        )
        tasks.append(
            {
                "id": task_id,
                "group": group,
                "pillar_id": pillar_id,
                "pillar_number": pillar["number"],
                "pillar_name_vi": pillar["vi"],
                "pillar_name_en": pillar["en"],
                "indicator_vi": pillar["vi"],
                "indicator_en": pillar["en"],
                "text_vi": f"Nhiệm vụ {task_id} của xã {name} về {pillar['vi'].lower()}",
                "text_en": f"Task {task_id} of {name} on {pillar['en'].lower()}",
                "lead": [lead["id"]],
                "coordinating": [],
                "status": status,
                "percent": 100 if status == "completed" else percent,
                "last_update": last.isoformat() if last else None,
                "due": None,
                "overdue": False,
                **dict.fromkeys(
                    ("measure_unit_vi", "measure_unit_en", "baseline", "baseline_date", "target", "target_date"), None
                ),
                **dict.fromkeys(("latest", "latest_date", "measure_source_vi", "measure_source_en"), None),
            }
        )
    updates.sort(key=lambda u: u["date"], reverse=True)
    modified = max((u["date"] for u in updates), default=None)
    head = {
        "$schema": f"{base_url}{SCHEMA_PATH}",
        "schema_version": SCHEMA_VERSION,
        "commune": {"code": commune_code(index), "name_vi": f"xã {name}", "name_en": f"{name} Commune"},
        "province": {"code": "99", "name_vi": "tỉnh Mẫu", "name_en": "Mẫu Province"},
        "plan": {
            "number": None if rng.random() < 0.5 else str(rng.randint(1, 200)),
            "symbol": "KH-UBND",
            "date": {
                "year": 2026,
                "month": rng.randint(1, 3),
                "day": None if rng.random() < 0.5 else rng.randint(1, 28),
            },
            "year": 2026,
            "title_vi": f"Kế hoạch nâng cao Chỉ số PII năm 2026 của xã {name}",
            "title_en": f"{name} Commune's 2026 PII plan",
        },
        "modified": modified,
    }
    return {
        name_: head | {"dataset": name_, "licence": None, "records": records}
        for name_, records in (("tasks", tasks), ("units", units), ("updates", updates))
    }


def catalogue(base_url: str, files: dict[str, bytes], title: str) -> dict[str, Any]:
    """data.json as outputs/catalogue.py writes it, for the JSON files only (what the harvester reads)."""
    import hashlib

    schema = f"{base_url}{SCHEMA_PATH}"
    distributions = [
        {
            "@type": "dcat:Distribution",
            "title": f"{name} ({lang})",
            "downloadURL": f"{base_url}{lang}/downloads/{name}.json?v={hashlib.sha256(body).hexdigest()[:12]}",
            "mediaType": "application/json",
            "format": "JSON",
            "conformsTo": schema,
            "describedBy": schema,
            "describedByType": "application/schema+json",
        }
        for lang in ("vi", "en")
        for name, body in files.items()
    ]
    dataset = {
        "@type": "dcat:Dataset",
        "title": title,
        "description": title,
        "publisher": {"@type": "org:Organization", "name": title},
        "contactPoint": {"@type": "vcard:Contact", "fn": title},
        "identifier": base_url,
        "accessLevel": "public",
        "landingPage": base_url,
        "distribution": distributions,
    }
    return {
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "dataset": [dataset],
    }


def write_commune(folder: Path, index: int, base_url: str, framework: list[dict[str, Any]]) -> None:
    files = {
        name: (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        for name, document in documents(index, base_url, framework).items()
    }
    for name, body in files.items():
        vi = folder / "vi" / "downloads" / f"{name}.json"
        vi.parent.mkdir(parents=True, exist_ok=True)
        vi.write_bytes(body)
        en = folder / "en" / "downloads" / f"{name}.json"
        en.parent.mkdir(parents=True, exist_ok=True)
        if en.exists():
            en.unlink()
        os.link(vi, en)  # the same bytes in both languages, as a built site has them
    title = f"Kế hoạch PII năm 2026 của xã {commune_name(index)}"
    (folder / "data.json").write_text(json.dumps(catalogue(base_url, files, title), ensure_ascii=False), "utf-8")


def write_province(out: Path, count: int, base_url: str | None = None) -> Path:
    """Write `count` communes under out/communes/ and out/registry.yml; returns the registry's path.
    `base_url`: the address out/communes/ is served at (each commune at <base_url><code>/), else each
    commune's site is its folder, and its data.json names http://localhost/<code>/ as its address."""
    framework = pillars()
    entries = []
    for index in range(count):
        code = commune_code(index)
        site = f"{base_url}{code}/" if base_url else f"http://localhost/{code}/"
        write_commune(out / "communes" / code, index, site, framework)
        entries.append({"code": code, "name": commune_name(index), "site": site if base_url else f"communes/{code}"})
    registry = {
        "province": {"code": "99", "name": {"vi": "tỉnh Mẫu", "en": "Mẫu Province"}},
        "communes": entries,
    }
    path = out / "registry.yml"
    path.write_text(yaml.safe_dump(registry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic province's communes and registry.")
    parser.add_argument("--communes", type=int, default=102)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--base-url", help="the address OUT/communes/ is served at, ending in /")
    args = parser.parse_args(argv)
    path = write_province(args.out, args.communes, args.base_url)
    print(f"Wrote {args.communes} communes and {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
