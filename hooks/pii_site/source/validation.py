"""Turn schema errors and cross-file rule breaks into Problems with file, line, record and field.

Called by the loader only. Pydantic reports a key path ("loc") and an error type; we look the
line up in the YamlSource, name the record by its id, and word the message from messages.yml.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from typing import Any, TypedDict

from pydantic import BaseModel, ValidationError

from pii_site.source.dates import date_mistake
from pii_site.source.errors import Problem, file_problem, is_plain_ascii, message, shorten, shown
from pii_site.source.schema.base import (
    BRANCH_NAME,
    COMMUNE_CODE,
    DATA_IMAGE_PATH,
    DUTY_ID,
    EMAIL,
    HEX_COLOR,
    PHONE,
    PROVINCE_CODE,
    REPOSITORY_ADDRESS,
    ROMAN,
    SLUG,
    TASK_ID,
    WEB_ADDRESS,
    character_code,
    unallowed_character,
)
from pii_site.source.yaml_source import KeyPath, YamlSource

# Which pattern of the models (source/schema/) means which explanation in messages.yml.
_PATTERN_MESSAGES = {
    SLUG: "pattern_slug",
    TASK_ID: "pattern_task_id",
    DUTY_ID: "pattern_duty_id",
    ROMAN: "pattern_roman",
    WEB_ADDRESS: "pattern_web_address",
    REPOSITORY_ADDRESS: "pattern_repository_address",
    BRANCH_NAME: "pattern_branch",
    PHONE: "pattern_phone",
    EMAIL: "pattern_email",
    HEX_COLOR: "pattern_color",
    DATA_IMAGE_PATH: "pattern_data_image",
    COMMUNE_CODE: "pattern_commune_code",
    PROVINCE_CODE: "pattern_province_code",
}

# Ids are spelt in ASCII only: any other character in one is a look-alike (Cyrillic "і") or hidden
# (a zero-width space), and the message must show it, or it would quote an id identical to a valid one.
_ID_PATTERNS = {SLUG, TASK_ID, DUTY_ID, ROMAN}

_TYPE_KINDS = {
    "string_type": "string",
    "int_type": "int",
    "int_parsing": "int",
    "int_from_float": "int",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "list_type": "list",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "dict_type": "mapping",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "none_required": "nothing",
}


def parse(source: YamlSource, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Validate one file's data against its model; return the model or the problems."""
    if source.data is None:
        return None, [file_problem(source.label, 1, "file_empty")]
    try:
        return model.model_validate(source.data), []
    except ValidationError as error:
        errors = error.errors()
        # A misspelt required field shows up twice (unknown "leader", missing "lead"): it is one
        # mistake, so only the message that suggests the right spelling is kept.
        misspelt: set[tuple[tuple[int | str, ...], str]] = set()
        for item in errors:
            if item["type"] == "extra_forbidden":
                parent = tuple(item["loc"][:-1])
                close = difflib.get_close_matches(str(item["loc"][-1]), _known_fields(model, parent), n=1, cutoff=0.5)
                misspelt.update((parent, name) for name in close)
        problems = [
            _from_pydantic(source, model, item)
            for item in errors
            if not (item["type"] == "missing" and (tuple(item["loc"][:-1]), item["loc"][-1]) in misspelt)
        ]
        return None, problems


def problem_at(
    source: YamlSource, path: KeyPath, key: str, *, line_path: KeyPath | None = None, **values: Any
) -> Problem:
    """A problem about the value at `path` in `source`, worded by catalogue entry `key`.

    `line_path` points the line elsewhere than `path` (an unknown key's own line)."""
    where_vi, where_en = describe(source.data, path)
    vi, en = message(key, **values)
    return Problem(source.label, source.line_of(line_path or path), where_vi, where_en, vi, en)


def duplicate_ids(source: YamlSource, entries: list[tuple[KeyPath, str]]) -> list[Problem]:
    """One problem per id used again, pointing at the line of its first use."""
    first: dict[str, KeyPath] = {}
    problems = []
    for path, ident in entries:
        if ident in first:
            problems.append(
                problem_at(source, path, "duplicate_id", found=ident, first_line=source.line_of(first[ident]))
            )
        else:
            first.setdefault(ident, path)
    return problems


def unknown_reference(
    source: YamlSource, path: KeyPath, found: str, kind: str, target_label: str, known_ids: list[str]
) -> Problem | None:
    """The problem of a reference to a `kind` (a record.* key) that `target_label` does not have, if so."""
    if found in known_ids:
        return None
    kind_vi, kind_en = message(f"record.{kind}")
    return problem_at(
        source,
        path,
        "unknown_ref",
        found=shown(found),
        kind_vi=kind_vi,
        kind_en=kind_en,
        file=target_label,
        **suggestion(str(found), known_ids),
    )


class Suggestion(TypedDict):
    """The values a message's {suggestion_vi} and {suggestion_en} placeholders take."""

    suggestion_vi: str
    suggestion_en: str


def suggestion(found: str, known: list[str]) -> Suggestion:
    """The '; did you mean ...?' part, or nothing when no known name is close."""
    close = difflib.get_close_matches(found, known, n=1, cutoff=0.5)
    if not close:
        return {"suggestion_vi": "", "suggestion_en": ""}
    vi, en = message("suggestion", name=close[0])
    return {"suggestion_vi": vi, "suggestion_en": en}


def describe(data: Any, path: KeyPath) -> tuple[str, str]:
    """Name the record and field at `path`, e.g. ('nhiệm vụ III.2, trường "lead"', 'task III.2, field "lead"')."""
    record_vi = record_en = ""
    field_start = 0
    node = data
    for depth, step in enumerate(path):
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            item = node[step]
            collection = path[depth - 1] if depth else ""
            name = _record_name(collection, item, step)
            if name:
                record_vi, record_en = name
                field_start = depth + 1
            node = item
        elif isinstance(node, dict) and step in node:
            node = node[step]
        else:
            break
    field = ".".join(str(step) for step in path[field_start:] if isinstance(step, str))
    parts_vi, parts_en = [record_vi] if record_vi else [], [record_en] if record_en else []
    if field:
        vi, en = message("field", field=field)
        parts_vi.append(vi)
        parts_en.append(en)
    return ", ".join(parts_vi), ", ".join(parts_en)


def _record_name(collection: Any, item: Any, index: int) -> tuple[str, str] | None:
    """How a list item is named: by its id when it is a record, by position otherwise."""
    if not isinstance(item, dict):
        return None  # a plain value in a list (e.g. a unit id in "lead") belongs to its field
    ident = item.get("id", item.get("number", item.get("date")))
    try:
        noun_vi, noun_en = message(f"record.{collection}")
    except KeyError:
        noun_vi = noun_en = ""
    if noun_vi and ident is not None:
        return f"{noun_vi} {shown(str(ident))}", f"{noun_en} {shown(str(ident))}"
    return message("item", n=index + 1, key=collection)


def _from_pydantic(source: YamlSource, model: type[BaseModel], error: Any) -> Problem:
    path: KeyPath = tuple(error["loc"])
    kind = error["type"]
    found = error.get("input")
    if kind == "missing":
        last = path[-1] if path else ""
        if last in ("en", "vi"):
            return problem_at(source, path[:-1], f"missing_{last}")
        return problem_at(source, path[:-1], "missing", field=last)
    if kind == "extra_forbidden":
        known = _known_fields(model, path[:-1])
        return problem_at(
            source, path[:-1], "extra_forbidden", line_path=path, field=path[-1], **suggestion(str(path[-1]), known)
        )
    if kind in _TYPE_KINDS and _TYPE_KINDS[kind] == "date" and isinstance(found, str):
        # Written YYYY-MM-DD but not in the calendar (2026-13-45): the reader leaves it as text.
        mistake, values = date_mistake(found)
        if mistake != "pattern_date":
            return problem_at(source, path, mistake, **values)
    if kind in _TYPE_KINDS:
        expected_vi, expected_en = message(f"kind.{_TYPE_KINDS[kind]}")
        found_vi, found_en = _describe_found(found, _TYPE_KINDS[kind])
        return problem_at(
            source,
            path,
            "wrong_type",
            expected_vi=expected_vi,
            expected_en=expected_en,
            found_vi=found_vi,
            found_en=found_en,
        )
    if kind in (
        "date_not_a_day",
        "date_day_without_month",
        "color_unquoted",
        "source_date_or_undated",
        "source_title_needs_english",
    ):
        return problem_at(source, path, kind, **error.get("ctx", {}))
    if kind in ("id_too_long", "id_reserved_name", "id_not_canonical", "site_address"):
        return problem_at(source, path, kind, found=shown(str(found)), **error.get("ctx", {}))
    if kind == "control_character":
        return problem_at(source, path, "control_character", code=error["ctx"]["code"])
    if kind == "record_empty":
        return problem_at(source, path, "record_empty", fields=error["ctx"]["fields"])
    if kind == "string_unicode" and (surrogate := unallowed_character(found)):
        # Pydantic refuses a lone surrogate ("\ud800" in PyYAML's own reader; libyaml stops it sooner).
        return problem_at(source, path, "control_character", code=character_code(surrogate.group()))
    if kind == "string_too_short":
        return problem_at(source, path, "empty_text")
    if kind == "string_too_long":
        return problem_at(source, path, "text_too_long", length=len(found), limit=error["ctx"]["max_length"])
    if kind == "too_long" and isinstance(found, list):
        return problem_at(source, path, "too_many_items", count=len(found), limit=error["ctx"]["max_length"])
    if kind == "too_short":
        return problem_at(source, path, "empty_list", count=error["ctx"]["min_length"])
    if kind in ("greater_than_equal", "greater_than"):
        return problem_at(source, path, "too_small", found=found, limit=_limit(error))
    if kind in ("less_than_equal", "less_than"):
        return problem_at(source, path, "too_large", found=found, limit=_limit(error))
    if kind == "finite_number":
        return problem_at(source, path, "not_finite", found=found)
    if kind == "invalid_key":
        return _key_not_a_name(source, path)
    if kind == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        if pattern in _ID_PATTERNS and (odd := next((c for c in found if not is_plain_ascii(c)), None)):
            name = unicodedata.name(odd, "") or "<control>"
            return problem_at(
                source,
                path,
                "id_hidden_character",
                found=shown(found, ascii_only=True),
                code=character_code(odd),
                name=name,
            )
        key = _PATTERN_MESSAGES.get(pattern)
        if key:
            return problem_at(source, path, key, found=shown(found))
    if kind in ("literal_error", "enum"):
        # pydantic lists them in English ("'a', 'b' or 'c'"): only the values go into both languages.
        allowed = ", ".join(re.findall(r"'([^']*)'", str(error["ctx"].get("expected", ""))))
        return problem_at(source, path, "not_one_of", found=shown(str(found)), allowed=allowed)
    return problem_at(source, path, "invalid", detail=error["msg"])


def _limit(error: Any) -> Any:
    ctx = error.get("ctx", {})
    return next(iter(ctx.values()), "")


def _describe_found(found: Any, wanted: str) -> tuple[str, str]:
    """How a wrong_type message names what YAML read, for a field that wants `wanted` (a kind.* key)."""
    number_wanted = wanted in ("int", "number")
    if found is None:
        return message("found.nothing")
    if isinstance(found, dict):
        return message("found.mapping")
    if isinstance(found, list):
        return message("found.list")
    if isinstance(found, bool):  # before numbers: YAML's yes/no/on/off, not the "True" Python would print
        return message("read_as.yes_no_for_text" if wanted == "string" else "read_as.yes_no")
    if isinstance(found, str) and number_wanted and _reads_as_number(found):
        return message("read_as.quoted_number", found=shown(found))
    if isinstance(found, int | float) and number_wanted:
        return message("read_as.number", found=found)
    quoted = f'"{shorten(str(found))}"'
    return quoted, quoted


def _reads_as_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _key_not_a_name(source: YamlSource, path: KeyPath) -> Problem:
    """A mapping key YAML read as a date, number or yes/no (`2026-05-01: x`) where a field name is wanted.
    Pydantic names such a key by its repr ("datetime.date(2026, 5, 1)"): say what was typed instead."""
    parent = path[:-1]
    node: Any = source.data
    try:
        for step in parent:
            node = node[step]
    except (KeyError, IndexError, TypeError):
        node = None
    keys = node if isinstance(node, dict) else {}
    key = next((k for k in keys if not isinstance(k, str) and repr(k) == path[-1]), path[-1])
    if isinstance(key, bool):
        read_vi, read_en = message("read_as.yes_no")
    elif isinstance(key, dt.date):
        read_vi, read_en = message("read_as.date")
    else:
        read_vi, read_en = message("read_as.number", found=key)
    # The reader records a key's line under the key as written, which is how a date or number prints.
    return problem_at(
        source, parent, "key_not_a_name", line_path=(*parent, str(key)), found=key, found_vi=read_vi, found_en=read_en
    )


def _known_fields(model: type[BaseModel], path: KeyPath) -> list[str]:
    """Field names allowed at `path` (to suggest the right spelling of a mistyped key)."""
    current: Any = model
    for step in path:
        if isinstance(step, int):
            continue
        field = current.model_fields.get(step) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    """The model inside list[Model] / Model | None, or the annotation itself."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        inner = _inner_model(arg)
        if inner is not None:
            return inner
    return None
