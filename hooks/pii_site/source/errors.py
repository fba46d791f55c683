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


# The values a message quotes from the data: a file that is not what it should be (a link to a
# system file read as one long text) must not be printed whole, in a CI log or anywhere else.
QUOTED_VALUES = ("found", "key", "field", "name", "other", "previous")
QUOTE_LIMIT = 60
# Every character str.splitlines() breaks a line at.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` on one line (a line break shown escaped, as \\n or \\u2028) and cut to `limit`
    characters followed by "…"."""
    one_line = "".join(
        char.encode("unicode_escape").decode("ascii") if char in _LINE_BREAKS else char for char in text[: limit + 1]
    )
    return one_line if len(one_line) <= limit and len(text) <= limit else one_line[:limit] + "…"


def message(entry_key: str, **values: Any) -> tuple[str, str]:
    """The (Vietnamese, English) wording of catalogue entry `entry_key` (dotted for nested), filled in;
    an English {one: ..., other: ...} entry is chosen by the `count` value. Values quoted from the
    data (QUOTED_VALUES) are shortened to one short line."""
    entry: Any = _catalogue()
    for part in entry_key.split("."):
        entry = entry[part]
    for name in QUOTED_VALUES:
        if name in values and not isinstance(values[name], int | float):
            values[name] = shorten(str(values[name]))
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
