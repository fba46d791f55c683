"""Files the reader cannot turn into data, or data of the wrong overall shape: YAML syntax, a key
written twice, an alias inside itself, an empty or missing file, an escaped control character."""

from __future__ import annotations

from collections.abc import Callable

from helpers import DataCopy

from bad_inputs import BadInput
from pii_site.source.errors import message

# The start of the YAML syntax message in each language (the column and the parser's detail vary).
SYNTAX_VI, SYNTAX_EN = (text.split(" {column}")[0] for text in message("yaml_syntax", column="{column}", detail=""))


def alias_inside_its_own_anchor(data: DataCopy) -> int:
    path = data.path("status/VII.2.yml")
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("updates:")]
    path.write_text(head + "updates: &x [*x]\n", encoding="utf-8")
    return head.count("\n") + 1


def written(name: str, content: str) -> Callable[[DataCopy], int | None]:
    def spoil(data: DataCopy) -> int:
        data.path(name).write_text(content, encoding="utf-8")
        return 1

    return spoil


def saved_in_the_windows_vietnamese_code_page(data: DataCopy) -> None:
    path = data.path("units.yml")
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))


def removed(name: str) -> Callable[[DataCopy], int | None]:
    def spoil(data: DataCopy) -> None:
        data.path(name).unlink()

    return spoil


CASES = [
    BadInput(
        "an-unclosed-bracket-is-a-syntax-error-on-the-next-line",
        # YAML notices the missing "]" only on the line after it.
        lambda data: data.replace("duties.yml", "unit: to-cong-tac-doi-moi", "unit: [to-cong-tac-doi-moi") + 1,
        "duties.yml",
        says=(SYNTAX_VI, SYNTAX_EN),
        problems=1,
    ),
    BadInput(
        "a-tab-as-indentation-is-a-syntax-error",
        lambda data: data.replace("units.yml", "    collective: true", "\tcollective: true"),
        "units.yml",
        says=(SYNTAX_VI, SYNTAX_EN),
        problems=1,
    ),
    BadInput(
        "a-field-written-twice-in-one-record",
        lambda data: (
            data.replace("units.yml", "    collective: true\n", "    collective: true\n    collective: false\n") + 1
        ),
        "units.yml",
        "yaml_duplicate_key",
        {"key": "collective"},
        problems=1,
    ),
    BadInput(
        "an-alias-inside-its-own-anchor",
        alias_inside_its_own_anchor,
        "status/VII.2.yml",
        problems=1,
    ),
    BadInput(
        "a-file-with-only-comments-is-empty", written("units.yml", "# to be filled in\n"), "units.yml", "file_empty"
    ),
    BadInput("a-file-of-zero-bytes-is-empty", written("glossary.yml", ""), "glossary.yml", "file_empty"),
    BadInput(
        "a-file-saved-in-a-code-page-not-utf8",
        saved_in_the_windows_vietnamese_code_page,
        "units.yml",
        # The decoder's detail (which byte, where) closes the sentence.
        says=tuple(text.split(" (")[0] for text in message("yaml_encoding", detail="")),
        problems=1,
    ),
    BadInput("a-required-file-is-missing", removed("duties.yml"), "duties.yml", "file_missing", problems=1),
    BadInput(
        "a-control-character-escaped-in-double-quotes",
        lambda data: data.replace("units.yml", '"Ban Kinh tế – Nông nghiệp"', '"Ban Kinh tế\\v– Nông nghiệp"'),
        "units.yml",
        "control_character",
        {"code": "U+000B"},
        where=('đơn vị ban-kinh-te-nong-nghiep, trường "name.vi"', 'unit ban-kinh-te-nong-nghiep, field "name.vi"'),
        problems=1,
    ),
    BadInput(
        "an-escaped-escape-character-in-a-note",
        lambda data: data.replace("status/VII.2.yml", '"Photographed and', '"\\ePhotographed and'),
        "status/VII.2.yml",
        "control_character",
        {"code": "U+001B"},
        where=('cập nhật ngày 2026-05-05, trường "note.en"', 'update of 2026-05-05, field "note.en"'),
        problems=1,
    ),
]
