"""The one exception type for bad data, and the problems it carries.

Every problem names a file, a line (or, in a workbook, a sheet and cell), the record and field, and
says what is wrong in Vietnamese and English (the office keeping the data reads Vietnamese; the
wording lives in messages.yml).
The package never prints or exits: adapters decide how to show a DataError.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from pii_site.i18n import plural


@functools.cache
def _catalogue() -> dict[str, Any]:
    """messages.yml: entries by key, each a vi and an en wording (the English one may be {one, other});
    a dotted key's parts nest entries, so values are entries or groups of them, at any depth."""
    text = resources.files("pii_site.source").joinpath("messages.yml").read_text(encoding="utf-8")
    catalogue: dict[str, Any] = yaml.safe_load(text)
    return catalogue


# The values a message quotes from the data: a file that is not what it should be (a link to a
# system file read as one long text) must not be printed whole, in a CI log or anywhere else.
QUOTED_VALUES = ("found", "key", "field", "name", "other", "previous")
QUOTE_LIMIT = 60
# Characters a reader cannot see in a message: controls, format characters (zero-width space, joiners,
# direction marks), private-use, surrogates, unassigned, line and paragraph separators.
_UNSEEN_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}


def shown(text: str, ascii_only: bool = False) -> str:
    """`text` as a message quotes it, with each character a reader cannot see written as an escape
    (\\u200b), and, when `ascii_only` (an id), each character outside ASCII too (\\u0456): a message
    must never quote an id that looks identical to the valid one."""
    keep = is_plain_ascii if ascii_only else _visible
    return "".join(char if keep(char) else _escaped(char) for char in text)


def is_plain_ascii(char: str) -> bool:
    return " " <= char <= "~"


def _visible(char: str) -> bool:
    return unicodedata.category(char) not in _UNSEEN_CATEGORIES


# The breaks and tab everyone knows by their short escape; every other character by its code.
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` as shown (so on one line: line breaks are invisible characters, written \\n or
    \\u2028), cut to `limit` characters followed by "…". Escaped before cut, so no escape is split."""
    one_line = shown(text[: limit + 1])
    return one_line if len(one_line) <= limit and len(text) <= limit else one_line[:limit] + "…"


def message(entry_key: str, **values: Any) -> tuple[str, str]:
    """The (Vietnamese, English) wording of catalogue entry `entry_key` (dotted for nested), filled in;
    an English {one: ..., other: ...} entry is chosen by the `count` value. Values quoted from the
    data (QUOTED_VALUES) are shown and shortened: one short line, invisible characters escaped."""
    entry: Any = _catalogue()
    for part in entry_key.split("."):
        entry = entry[part]
    for name in QUOTED_VALUES:
        if name in values and not isinstance(values[name], int | float):
            values[name] = shorten(str(values[name]))
    count = values.get("count")
    return plural(entry["vi"], count).format(**values), plural(entry["en"], count).format(**values)


# Between a workbook's file, sheet and cell, as spreadsheet users read a path: "a.xlsx › Báo cáo › E7".
PLACE_SEPARATOR = " › "


@dataclass(frozen=True)
class Problem:
    file: str  # path as the staff know it, e.g. "data/tasks.yml"
    line: int | None
    where_vi: str  # record and field, e.g. 'nhiệm vụ III.2, trường "lead"'; may be empty
    where_en: str
    text_vi: str
    text_en: str
    # Where in a file that has no lines: a workbook's sheet and cell, e.g. "Báo cáo › E7" (then line is None).
    place: str | None = None

    def location(self) -> str:
        if self.place:
            return f"{self.file}{PLACE_SEPARATOR}{self.place}"
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
