"""The corpus of bad inputs: each case is one small change to a copy of the fixture plan
(tests/fixtures/plan; without its news posts unless the case is about news/) that validate.py and
build.py must both refuse with exit status 1, naming the file and line and saying what is wrong in both
languages, without a traceback, and leaving the site built before untouched.
tests/scripts/test_bad_inputs.py runs every case. Cases live in the modules beside this one, one module
per family of defect; each module's CASES list is collected here."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpers import FIXTURE_DIR, DataCopy

from pii_site.source.errors import message


@dataclass(frozen=True)
class BadInput:
    """One bad input. `spoil` changes the data copy and returns the line the message must name
    (None when the problem is about the whole file). The message must name `file` (relative to the
    data folder) and hold messages.yml's entry `message` filled with `values`, in both languages;
    when the values are awkward to predict, `says` lists fragments the output must hold instead.
    `where` (Vietnamese, English) is the record and field the message must open with (e.g.
    'nhiệm vụ VII.1, trường "lead"'), and `problems` the count the summary must give (None: any)."""

    name: str
    spoil: Callable[[DataCopy], int | None]
    file: str
    message: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    says: tuple[str, ...] = ()
    where: tuple[str, str] | None = None
    problems: int | None = None


@dataclass(frozen=True)
class DataFile:
    """A message value that is a file of the data copy (unknown_ref's {file}): the test puts in the
    copy's path, which is known only when the case runs."""

    name: str


def changed(
    case: str,
    name: str,
    old: str,
    new: str,
    key: str,
    values: dict[str, Any],
    at: tuple[str, str],
    problems: int | None = 1,
) -> BadInput:
    """The first `old` of data file `name` replaced by `new`, explained by `key` at `old`'s line."""
    return BadInput(case, lambda data: data.replace(name, old, new), name, key, values, where=at, problems=problems)


def suggesting(name: str | None) -> dict[str, str]:
    """The values of a message's {suggestion_vi}/{suggestion_en}: 'did you mean `name`?', or nothing."""
    vi, en = message("suggestion", name=name) if name else ("", "")
    return {"suggestion_vi": vi, "suggestion_en": en}


def where(collection: str, ident: str | int | None, field: str | None = None) -> tuple[str, str]:
    """A case's `where`, worded as the messages word it: the record of `collection` (a record.* key
    of messages.yml) with id `ident`, or item number `ident` (from 1) of a list that has no ids, or
    no record (None); then its `field`."""
    names = []
    if isinstance(ident, int):
        names.append(message("item", n=ident, key=collection))
    elif ident:
        vi, en = message(f"record.{collection}")
        names.append((f"{vi} {ident}", f"{en} {ident}"))
    if field:
        names.append(message("field", field=field))
    return ", ".join(vi for vi, _ in names), ", ".join(en for _, en in names)


def fixture_line(name: str, needle: str) -> int:
    """The line of the fixture plan's `name` where `needle` first appears (a line a message cites)."""
    text = (FIXTURE_DIR / name).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def wrong_kind(expected: str, found: str | None) -> dict[str, str]:
    """wrong_type's values: `expected` a kind.* entry; `found` the value as shown (quoted), None for nothing."""
    expected_vi, expected_en = message(f"kind.{expected}")
    found_vi, found_en = (f'"{found}"', f'"{found}"') if found is not None else message("found.nothing")
    return {"expected_vi": expected_vi, "expected_en": expected_en, "found_vi": found_vi, "found_en": found_en}


def all_cases() -> list[BadInput]:
    """Every case of every module in this package, in module then list order."""
    cases: list[BadInput] = []
    for module in pkgutil.iter_modules(__path__):
        cases.extend(importlib.import_module(f"{__name__}.{module.name}").CASES)
    return cases
