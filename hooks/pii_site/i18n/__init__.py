"""Interface labels, Vietnamese and English side by side (dates and numbers: formatting.py).

Labels live in labels/*.yml (one file per area of the site) under dotted keys; `Labels(lang)` is
what templates call as t("key"). A missing key or language is a bug, so lookups raise instead of
showing a blank; a key defined in two files is a bug too. A text that depends on a number is written
{one: ..., other: ...} (English only: Vietnamese nouns have no plural) and chosen by `count`; a text
with several numbers, or whose number is not `count`, writes the word that agrees with a number as
a format spec of that number, {total:task|tasks} ("task" for 1, "tasks" otherwise).
"""

from __future__ import annotations

import functools
import string
from importlib import resources
from typing import Any

import yaml

LANGUAGES = ("vi", "en")

Wording = str | dict[str, str]  # plain text, or {one: ..., other: ...} chosen by a number


# libyaml's loader where PyYAML has it (ten times faster on the label files, read by every build).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def plural(text: Wording, count: int | None) -> str:
    """The form of `text` for `count` things: "one" for exactly 1, "other" otherwise (or with no number)."""
    if isinstance(text, str):
        return text
    return text["one"] if count == 1 else text["other"]


@functools.cache
def all_labels() -> dict[str, dict[str, Wording]]:
    merged: dict[str, dict[str, Wording]] = {}
    folder = resources.files("pii_site.i18n").joinpath("labels")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yml"):
            continue
        for key, texts in yaml.load(entry.read_text(encoding="utf-8"), Loader=_SafeLoader).items():
            if key in merged:
                raise ValueError(f"label {key!r} is defined twice (again in labels/{entry.name})")
            merged[key] = texts
    return merged


class _AgreeingFormatter(string.Formatter):
    """str.format, plus {n:one|other}: the word for n things instead of n itself."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if value == 1 else other
        formatted: str = super().format_field(value, format_spec)  # typeshed: Any; format() makes text
        return formatted


_AGREEING = _AgreeingFormatter()


class Labels:
    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang

    def __call__(self, key: str, **values: Any) -> str:
        text = plural(all_labels()[key][self.lang], values.get("count"))
        if not values:
            return text
        # The plain str.format unless a word agrees with a number: labels are formatted often.
        return _AGREEING.format(text, **values) if "|" in text else text.format(**values)
