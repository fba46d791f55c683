"""Another commune, generated from the real data: every data file loaded, transformed and dumped
again with another commune name, other unit ids, fewer tasks and duties, and no progress or news.

`generate` writes it; `commune_name` and `unit_ids` say what of the original commune must not
appear on its pages (read from the source's plan.yml and units.yml, never written here).
"""

from __future__ import annotations

import re
import shutil
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

NEW_NAME = "Suối Mây"  # fictional


def commune_name(data_dir: Path) -> str:
    """The commune's own name, without "xã" or "Commune": the longest text its Vietnamese and
    English names (plan.yml `commune`) share."""
    commune = _load(data_dir / "plan.yml")["commune"]
    vi, en = commune["vi"], commune["en"]
    match = SequenceMatcher(None, vi, en, autojunk=False).find_longest_match(0, len(vi), 0, len(en))
    return vi[match.a : match.a + match.size].strip()


def unit_ids(data_dir: Path) -> list[str]:
    return [unit["id"] for unit in _load(data_dir / "units.yml")["units"]]


def generate(source: Path, target: Path) -> None:
    """Write the other commune's data folder `target` from the data folder `source`."""
    shutil.copytree(source, target)
    name = re.compile(re.escape(commune_name(source)), re.IGNORECASE)
    new_ids = {old: f"don-vi-{n}" for n, old in enumerate(unit_ids(source), start=1)}

    def rename(text: str) -> str:
        return name.sub(lambda m: NEW_NAME.upper() if m[0].isupper() else NEW_NAME, text)

    for path in sorted(target.glob("*.yml")):
        data = _map_text(_load(path), rename)
        if path.name == "units.yml":
            for unit in data["units"]:
                unit["id"] = new_ids[unit["id"]]
        elif path.name == "tasks.yml":
            for group in data["groups"]:
                group["tasks"] = group["tasks"][::2]  # every other task; each group keeps its first
                for task in group["tasks"]:
                    task["lead"] = [new_ids[u] for u in task["lead"]]
                    task["coordinating"] = [new_ids[u] for u in task.get("coordinating", [])]
        elif path.name == "reporting.yml":
            data["coordinator"] = new_ids[data["coordinator"]]
        elif path.name == "duties.yml":
            data["duties"] = data["duties"][::2]
            for duty in data["duties"]:
                duty["unit"] = new_ids[duty["unit"]]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    # As the guide tells an adopting commune: no progress files, no posts (the README stays).
    for status_file in (target / "status").glob("*.yml"):
        status_file.unlink()
    for post in (target / "news").glob("*.md"):
        if post.name != "README.md":
            post.unlink()


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _map_text(value: Any, change) -> Any:
    """`value` with `change` applied to every string in it."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_map_text(item, change) for item in value]
    if isinstance(value, dict):
        return {key: _map_text(item, change) for key, item in value.items()}
    return value
