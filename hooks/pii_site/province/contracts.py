"""The harvester's own copies of the open-data contract's schema, one per major version
(schemas/open-data-<major>.schema.json), and validation of a commune's file against the one for the
major version it declares. `make schema` writes the copy of the current major version from the
models (model/contract.py); copies of earlier majors are kept as they were, so a commune still on
one is read by its own schema. A newer major version than any copy is refused, not guessed at.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA_DIR = Path(__file__).parent / "schemas"
_VERSION = re.compile(r"^([0-9]+)\.([0-9]+)\.([0-9]+)$")
DATASETS = {"tasks": "TasksFile", "units": "UnitsFile", "updates": "UpdatesFile"}


def schema_file(major: int) -> str:
    return f"open-data-{major}.schema.json"


def known_majors() -> list[int]:
    return sorted(int(p.name.split("-")[2].split(".")[0]) for p in SCHEMA_DIR.glob("open-data-*.schema.json"))


@functools.cache
def _validator(major: int, dataset: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / schema_file(major)).read_text(encoding="utf-8"))
    # The one dataset's part of the schema, so that a problem is reported at its own path rather
    # than as "valid under none of tasks, units, updates".
    document = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{DATASETS[dataset]}"}
    cls = jsonschema.validators.validator_for(document)
    return cls(document, format_checker=cls.FORMAT_CHECKER)


@dataclass(frozen=True)
class Verdict:
    """What a file is under the contract: ok, or which kind of problem and a short detail."""

    problem: str | None  # None, "invalid" or "newer_version"
    detail: str = ""
    major: int | None = None


def check(document: Any, dataset: str) -> Verdict:
    """Validate one parsed JSON file that should be `dataset` against the copy of its major version."""
    if not isinstance(document, dict):
        return Verdict("invalid", "not a JSON object")
    version = document.get("schema_version")
    match = _VERSION.match(version) if isinstance(version, str) else None
    if match is None:
        return Verdict("invalid", f"schema_version {_short(version)} is not a version such as 1.0.0")
    major = int(match.group(1))
    majors = known_majors()
    if major > max(majors):
        return Verdict("newer_version", str(version), major)
    if major not in majors:
        return Verdict("invalid", f"schema_version {version}: no schema of major version {major}", major)
    if document.get("dataset") != dataset:
        return Verdict("invalid", f"dataset {_short(document.get('dataset'))}, expected {dataset}", major)
    error = next(iter(_validator(major, dataset).iter_errors(document)), None)
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(top)"
        return Verdict("invalid", f"{where}: {_short(error.message, 200)}", major)
    return Verdict(None, str(version), major)


def _short(value: object, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[:limit] + "…"
