"""The one exception type for bad data, and the problems it carries.

Every problem names a file, a line, the record and field, and says what is wrong in Vietnamese and
English (the office keeping the data reads Vietnamese; the wording lives in messages.yml).
The package never prints or exits: adapters decide how to show a DataError.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from pii_site.i18n import plural


@functools.cache
def _catalogue() -> dict[str, dict[str, str]]:
    text = resources.files("pii_site.source").joinpath("messages.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def message(entry_key: str, **values: Any) -> tuple[str, str]:
    """The (Vietnamese, English) wording of catalogue entry `entry_key` (dotted for nested), filled in;
    an English {one: ..., other: ...} entry is chosen by the `count` value."""
    entry: Any = _catalogue()
    for part in entry_key.split("."):
        entry = entry[part]
    count = values.get("count")
    return plural(entry["vi"], count).format(**values), plural(entry["en"], count).format(**values)


@dataclass(frozen=True)
class Problem:
    file: str  # path as the staff know it, e.g. "data/tasks.yml"
    line: int | None
    where_vi: str  # record and field, e.g. 'nhiệm vụ III.2, trường "lead"'; may be empty
    where_en: str
    text_vi: str
    text_en: str

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        where_vi = f"{self.where_vi}: " if self.where_vi else ""
        where_en = f"{self.where_en}: " if self.where_en else ""
        return f"{self.location()}: {where_vi}{self.text_vi}\n    (en) {where_en}{self.text_en}"


def file_problem(file: str, line: int | None, entry_key: str, **values: Any) -> Problem:
    """A problem about a whole file or one of its lines, not about a record's field."""
    vi, en = message(entry_key, **values)
    return Problem(file, line, "", "", vi, en)


@dataclass
class DataError(Exception):
    """Raised once, after all problems in the data have been collected."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        head_vi, head_en = message("summary", count=len(self.problems))
        body = "\n".join(str(p) for p in self.problems)
        return f"{body}\n{head_vi}\n(en) {head_en}"
