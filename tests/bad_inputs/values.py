"""Bad values: numbers that are no amount (.nan, .inf) or not numbers at all (yes, "50"),
characters no page, feed or sitemap may hold (XML 1.0's list, plus C1 controls) in texts,
addresses and news files, and the look-alike, hidden or mistyped values whose messages must show
what was typed (an id with a Cyrillic letter or a zero-width space, a date as a field name, vi: No)."""

from __future__ import annotations

import datetime as dt

from helpers import DataCopy

from bad_inputs import BadInput
from pii_site.source.errors import message

HONEY_NOTE = '"Chụp ảnh và viết mô tả cho sản phẩm mật ong tràm."'  # in status/VII.2.yml
LOOK_ALIKE_I = "\u0456"  # CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I, drawn as a Latin "i"
ZERO_WIDTH_SPACE = "\u200b"


def wrong_type(expected: str, found: tuple[str, str]) -> dict[str, str]:
    """The values of a wrong_type message: a kind.* wanted, what was found in both languages."""
    expected_vi, expected_en = message(f"kind.{expected}")
    found_vi, found_en = found
    return {"expected_vi": expected_vi, "expected_en": expected_en, "found_vi": found_vi, "found_en": found_en}


def hidden_in_id(found: str, code: str, name: str) -> dict[str, str]:
    return {"found": found, "code": code, "name": name}


def status_file_named(name: str):
    """A progress file whose name holds a character no task id has (it would look like VII.1.yml)."""

    def spoil(data: DataCopy) -> None:
        data.path(f"status/{name}.yml").write_text("updates:\n", encoding="utf-8")

    return spoil


def news_post_with(character: str):
    """A news post whose body, on line 6, holds `character` typed raw (no YAML reads the body)."""

    def spoil(data: DataCopy) -> int:
        post = f'---\ndate: 2026-04-01\ntitle: {{vi: "Tin", en: "News"}}\n---\nDòng đầu.\nDòng hai{character}.\n'
        data.path("news/2026-04-01-tin.md").write_text(post, encoding="utf-8")
        return 6

    return spoil


CASES = [
    BadInput(
        "nan-as-an-indicator-value",
        lambda data: data.replace("status/VII.2.yml", "latest: {value: 1,", "latest: {value: .nan,"),
        "status/VII.2.yml",
        "not_finite",
        {"found": "nan"},
    ),
    BadInput(
        "infinity-as-a-target",
        lambda data: data.replace("status/IX.1.yml", "target: {value: 40,", "target: {value: .inf,"),
        "status/IX.1.yml",
        "not_finite",
        {"found": "inf"},
    ),
    BadInput(
        "minus-infinity-as-a-baseline",
        lambda data: data.replace("status/VII.2.yml", "baseline: {value: 0,", "baseline: {value: -.Inf,"),
        "status/VII.2.yml",
        "not_finite",
        {"found": "-inf"},
    ),
    BadInput(
        "nan-in-the-worked-example",
        lambda data: data.replace("pii.yml", "values: {may: 4,", "values: {may: .NaN,"),
        "pii.yml",
        "not_finite",
        {"found": "nan"},
    ),
    BadInput(
        "yes-as-a-percent",
        lambda data: data.replace("status/VII.1.yml", "percent: 50", "percent: yes"),
        "status/VII.1.yml",
        "wrong_type",
        wrong_type("int", message("read_as.yes_no")),
    ),
    BadInput(
        "a-quoted-percent",
        lambda data: data.replace("status/VII.1.yml", "percent: 50", 'percent: "50"'),
        "status/VII.1.yml",
        "wrong_type",
        wrong_type("int", message("read_as.quoted_number", found="50")),
    ),
    BadInput(
        "true-as-an-indicator-value",
        lambda data: data.replace("status/VII.2.yml", "latest: {value: 1,", "latest: {value: true,"),
        "status/VII.2.yml",
        "wrong_type",
        wrong_type("number", message("read_as.yes_no")),
    ),
    BadInput(
        "one-as-a-yes-no-switch",
        lambda data: data.replace("units.yml", "collective: true", "collective: 1"),
        "units.yml",
        "wrong_type",
        wrong_type("bool", ('"1"', '"1"')),
    ),
    BadInput(
        "no-unquoted-as-a-text",
        lambda data: data.replace("units.yml", 'vi: "Ban Kinh tế – Nông nghiệp"', "vi: No"),
        "units.yml",
        "wrong_type",
        wrong_type("string", message("read_as.yes_no_for_text")),
    ),
    BadInput(
        "a-date-as-a-field-name",
        lambda data: data.replace(
            "status/VII.1.yml", "    status: in-progress\n", "    2026-05-01: x\n    status: in-progress\n"
        ),
        "status/VII.1.yml",
        "key_not_a_name",
        {"found": dt.date(2026, 5, 1), **dict(zip(("found_vi", "found_en"), message("read_as.date"), strict=True))},
    ),
    BadInput(
        "noncharacter-fffe-in-a-progress-note",
        lambda data: data.replace("status/VII.2.yml", HONEY_NOTE, HONEY_NOTE[:5] + "\\uFFFE" + HONEY_NOTE[5:]),
        "status/VII.2.yml",
        "control_character",
        {"code": "U+FFFE"},
    ),
    BadInput(
        "noncharacter-ffff-in-a-task-text",
        lambda data: data.replace("tasks.yml", "mỗi quý.", "mỗi quý.\\uFFFF"),
        "tasks.yml",
        "control_character",
        {"code": "U+FFFF"},
    ),
    BadInput(
        "c1-control-next-line-in-a-unit-name",
        lambda data: data.replace("units.yml", 'vi: "Ban Kinh tế – Nông nghiệp"', 'vi: "Ban Kinh tế\\x85Nông nghiệp"'),
        "units.yml",
        "control_character",
        {"code": "U+0085"},
    ),
    BadInput(
        "control-character-in-the-site-address",
        lambda data: data.replace("site.yml", "\nurl: null", '\nurl: "https://example.org/song\\x01may/"') + 1,
        "site.yml",
        "control_character",
        {"code": "U+0001"},
    ),
    BadInput(
        "delete-character-in-an-evidence-address",
        lambda data: data.replace(
            "status/VII.1.yml",
            "url: https://example.org/song-may/bang-diem-csm",
            'url: "https://example.org/song-may/bang\\x7Fdiem-csm"',
        ),
        "status/VII.1.yml",
        "control_character",
        {"code": "U+007F"},
    ),
    BadInput(
        "noncharacter-fffe-typed-in-a-news-body",
        news_post_with("\ufffe"),
        "news/2026-04-01-tin.md",
        "yaml_control_character",
        {"code": "U+FFFE"},
    ),
    BadInput(
        "form-feed-typed-in-a-news-body",
        news_post_with("\x0c"),
        "news/2026-04-01-tin.md",
        "yaml_control_character",
        {"code": "U+000C"},
    ),
    BadInput(
        "cyrillic-letter-in-a-unit-id",
        lambda data: data.replace(
            "tasks.yml", "lead: [to-cong-tac-doi-moi]", f"lead: [to-cong-tac-doi-mo{LOOK_ALIKE_I}]"
        ),
        "tasks.yml",
        "id_hidden_character",
        hidden_in_id("to-cong-tac-doi-mo\\u0456", "U+0456", "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"),
    ),
    BadInput(
        "zero-width-space-in-a-reporting-unit",
        lambda data: data.replace(
            "status/VII.1.yml", "unit: to-cong-tac-doi-moi", f"unit: to-cong-tac{ZERO_WIDTH_SPACE}-doi-moi"
        ),
        "status/VII.1.yml",
        "id_hidden_character",
        hidden_in_id("to-cong-tac\\u200b-doi-moi", "U+200B", "ZERO WIDTH SPACE"),
    ),
    BadInput(
        "newline-at-the-end-of-a-task-id",
        lambda data: data.replace("tasks.yml", "id: VII.1", 'id: "VII.1\\n"'),
        "tasks.yml",
        "id_hidden_character",
        hidden_in_id("VII.1\\n", "U+000A", "<control>"),
    ),
    BadInput(
        "zero-width-space-in-a-status-file-name",
        status_file_named(f"VII.1{ZERO_WIDTH_SPACE}"),
        f"status/VII.1{ZERO_WIDTH_SPACE}.yml",
        "status_unknown_task",
        {
            "found": "VII.1\\u200b",
            **dict(zip(("suggestion_vi", "suggestion_en"), message("suggestion", name="VII.1"), strict=True)),
        },
    ),
]
