"""Read one YAML file into plain Python data plus the line of every value.

Used by the loader only. PyYAML's composed nodes carry start marks; we keep them as a map from
key path (e.g. ("groups", 2, "tasks", 0, "lead")) to a 1-based line, so that any later check can
point at the exact line. Duplicate keys, which PyYAML silently overwrites, are reported. Every
key and text is read in Unicode NFC, and nesting deeper than MAX_DEPTH is refused.

Numbers are read as YAML 1.2 reads them (what editors' YAML extensions show), and a plain value
that YAML 1.1 (PyYAML, many other tools) would read otherwise is refused with its line: `050` is 40
in YAML 1.1 and 50 in YAML 1.2, `1:30` is 90 in one and a text in the other. Only plain decimal
numbers are numbers (at most NUMBER_DIGITS digits); unquoted dates stay dates. `load_text` is the
one YAML reader of data text outside the loader (add_update's checks of a status file).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pii_site.source.entries import DATA_FILE_LIMIT, read_entry
from pii_site.source.errors import Problem, file_problem
from pii_site.source.schema.base import character_code

KeyPath = tuple[str | int, ...]
# Levels of nesting, the file's top level and a text at the bottom included: the deepest valid file
# (pii.yml's worked example) has 12. A hostile file nested 1,000 deep would otherwise reach the
# checks, each of which would have to be written to survive it.
MAX_DEPTH = 50
# How libyaml words its own limit (1,000 levels): the same mistake, so the same message.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


@dataclass
class YamlSource:
    label: str  # how messages name the file, e.g. "data/tasks.yml"
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


# The C parser (libyaml) when PyYAML has it: same nodes and marks, several times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A whole number has at most this many digits: more than a float holds exactly, or JSON readers
# (tasks.json) keep. Python refuses to read one of more than 4,300 digits with a bare ValueError.
NUMBER_DIGITS = 15
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NUMBER_FORM = "tag:pii-site,2026:number-form"  # a plain value that YAML 1.1 and 1.2 read differently
_NUMBER_FIRST = list("-+0123456789.")
_DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
# A decimal with a point, and an exponent only as both YAML versions read it (1.0e+300: a point and a
# signed exponent), infinities and NaN (which the schema refuses with its own message).
_DECIMAL_FLOAT = re.compile(
    r"^[-+]?(?:[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?|\.[0-9]+)$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"
)
# What YAML 1.1 or 1.2 reads as a number in another way than a plain decimal: a leading zero
# (octal in 1.1: 050 is 40), 0b/0o/0x prefixes, digits grouped with "_", base 60 (1:30 is 90 in
# 1.1) and exponents (1e5 is a number in 1.2 only). Checked after dates, which a resolver before
# this one takes.
_NUMBER_FORMS = re.compile(
    r"""^[-+]?(?:
        0[0-9_]+(?:\.[0-9_]*)?
      | 0[bBoOxX][0-9a-fA-F_]+
      | [0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
      | [0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?
      | [0-9][0-9_]*\.[0-9_]*_[0-9_]*
      | (?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)[eE][-+]?[0-9]+
    )$""",
    re.VERBOSE,
)


class NumberProblem(yaml.MarkedYAMLError):
    """A plain value read as a number that the data may not hold: `key` is its messages.yml entry."""

    def __init__(self, key: str, found: str, mark: yaml.Mark) -> None:
        super().__init__(problem=key, problem_mark=mark)
        self.key, self.found = key, found


def nfc(text: str) -> str:
    """`text` in Unicode NFC: "ế" typed as e + two combining marks (macOS keyboards, some copy-pastes)
    becomes the one character other keyboards give, so matching, folding and ids see one spelling."""
    return unicodedata.normalize("NFC", text)


class _Loader(_SafeLoader):  # type: ignore[valid-type, misc]
    """SafeLoader that reads every scalar (keys and values) in NFC, and leaves an impossible date such
    as 2026-13-01 as text, so the schema reports it with its line ("expected a date") instead of
    PyYAML raising a bare ValueError."""

    def construct_scalar(self, node: yaml.ScalarNode) -> str:
        # Scalars, not the file's text: NFC would turn ">" followed by a combining stroke into "≯",
        # changing the YAML syntax around the values.
        value = super().construct_scalar(node)
        return value if value.isascii() else nfc(value)  # most scalars (ids, dates) are ASCII

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> dt.date | str:
        try:
            # The base class is chosen at run time (libyaml's or PyYAML's), so mypy sees its methods as untyped.
            date: dt.date = super().construct_yaml_timestamp(node)
            return date
        except ValueError:
            return self.construct_scalar(node)

    def construct_decimal(self, node: yaml.ScalarNode) -> int:
        digits = node.value.lstrip("+-")
        if len(digits) > NUMBER_DIGITS:
            raise NumberProblem("yaml_number_too_long", node.value, node.start_mark)
        return int(node.value)

    def construct_number_form(self, node: yaml.ScalarNode) -> None:
        raise NumberProblem("yaml_number_form", node.value, node.start_mark)


# YAML 1.1's int and float resolvers give way to YAML 1.2's decimal ones and the refusal above.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in (_INT, _FLOAT)]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_INT, _DECIMAL, _NUMBER_FIRST)
_Loader.add_implicit_resolver(_FLOAT, _DECIMAL_FLOAT, _NUMBER_FIRST)
_Loader.add_implicit_resolver(_NUMBER_FORM, _NUMBER_FORMS, _NUMBER_FIRST)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor(_INT, _Loader.construct_decimal)
_Loader.add_constructor(_NUMBER_FORM, _Loader.construct_number_form)


class Dumper(yaml.SafeDumper):
    """Writes YAML this loader reads back as written: a text that either YAML 1.1 or this loader would
    take for a number ("050", "1e5", "0o17") is quoted."""


Dumper.add_implicit_resolver(_FLOAT, _DECIMAL_FLOAT, _NUMBER_FIRST)
Dumper.add_implicit_resolver(_NUMBER_FORM, _NUMBER_FORMS, _NUMBER_FIRST)


def load_text(text: str) -> Any:
    """`text` read as the loader reads data (numbers, NFC, dates); raises yaml.YAMLError (NumberProblem
    included) on anything it cannot read. For checks that need the data without its lines."""
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def read_yaml(path: Path, label: str, limit: int = DATA_FILE_LIMIT) -> tuple[YamlSource | None, list[Problem]]:
    """Parse `path` (at most `limit` bytes); on a syntax error return no source and one problem with
    line and column."""
    text, problems = read_entry(path, label, limit=limit)
    if text is None:
        return None, problems
    return read_yaml_text(text, label)


def read_yaml_text(text: str, label: str, first_line: int = 1) -> tuple[YamlSource | None, list[Problem]]:
    """Parse YAML `text` that starts on line `first_line` of its file (front matter starts on line 2)."""
    offset = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        # PyYAML constructs without recursion, so even a file too deep for the checks is built here.
        data = loader.construct_document(node) if node is not None else None
    except NumberProblem as error:
        assert error.problem_mark is not None
        return None, [
            file_problem(label, error.problem_mark.line + 1 + offset, error.key, found=error.found, limit=NUMBER_DIGITS)
        ]
    except RecursionError:
        # Only PyYAML without libyaml composes recursively (libyaml stops at 1,000 levels with a
        # syntax error); such a file is too deep whatever the line.
        return None, [file_problem(label, None, "yaml_too_deep", limit=MAX_DEPTH)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + offset if mark else None
        column = mark.column + 1 if mark else 0
        detail = error.problem or error.context or ""
        if detail == _LIBYAML_TOO_DEEP:
            return None, [file_problem(label, line, "yaml_too_deep", limit=MAX_DEPTH)]
        return None, [file_problem(label, line, "yaml_syntax", column=column, detail=detail)]
    except yaml.reader.ReaderError as error:
        # A character YAML does not allow (a control character pasted from another program).
        line = _line_at(text, error.position) + offset
        return None, [file_problem(label, line, "yaml_control_character", code=_character_code(error.character))]
    except yaml.YAMLError as error:
        return None, [file_problem(label, None, "yaml_syntax", column=0, detail=str(error))]
    finally:
        loader.dispose()
    source = YamlSource(label, data)
    problems: list[Problem] = []
    if node is not None and (too_deep := _record_lines(node, source, problems, offset)) is not None:
        return None, [file_problem(label, too_deep, "yaml_too_deep", limit=MAX_DEPTH)]
    return source, problems


def _record_lines(root: yaml.Node, source: YamlSource, problems: list[Problem], offset: int) -> int | None:
    """Record the line of every key path under `root` and report duplicate keys, in file order.
    Walked without recursion, and only MAX_DEPTH levels deep: returns the line of the first node
    nested deeper (no check after this one need survive deep nesting), else None."""
    # (node, its key path, the line to record for the path, its depth); the root is at depth 1.
    stack: list[tuple[yaml.Node, KeyPath, int, int]] = [(root, (), root.start_mark.line + 1 + offset, 1)]
    visited: set[int] = set()
    while stack:
        node, path, line, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node.start_mark.line + 1 + offset
        source.lines[path] = line
        # An alias (*name) shares its anchor's node: walking it again would never end for an anchor
        # that contains its own alias (updates: &x [*x]), and its lines are already recorded.
        if id(node) in visited:
            continue
        visited.add(id(node))
        children = []
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = nfc(key_node.value)
                # A missing or empty value is best reported on its key's line.
                key_line = key_node.start_mark.line + 1 + offset
                if key in seen:
                    problems.append(file_problem(source.label, key_line, "yaml_duplicate_key", key=key))
                seen.add(key)
                children.append((value_node, (*path, key), key_line, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            children = [
                (item, (*path, index), item.start_mark.line + 1 + offset, depth + 1)
                for index, item in enumerate(node.value)
            ]
        stack += reversed(children)  # popped first to last: file order
    return None


def _line_at(text: str, position: int) -> int:
    """1-based line of a ReaderError's position: libyaml counts bytes of UTF-8, pure PyYAML characters."""
    if _SafeLoader is not yaml.SafeLoader:
        return text.encode("utf-8")[:position].count(b"\n") + 1
    return text.count("\n", 0, position) + 1


def _character_code(character: int | str | bytes) -> str:
    """A ReaderError's character as messages name it (U+000B): libyaml hands an int or a byte, PyYAML a str."""
    code = character if isinstance(character, int) else (character[:1] or b"\0")[0]
    return character_code(chr(code) if isinstance(code, int) else code)
