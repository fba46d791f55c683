"""Read one YAML file into plain Python data plus the line of every value.

Used by the loader only. PyYAML's composed nodes carry start marks; we keep them as a map from
key path (e.g. ("groups", 2, "tasks", 0, "lead")) to a 1-based line, so that any later check can
point at the exact line. Duplicate keys, which PyYAML silently overwrites, are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pii_site.source.errors import Problem, file_problem

KeyPath = tuple[str | int, ...]


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


class _Loader(_SafeLoader):  # type: ignore[valid-type, misc]
    """SafeLoader that leaves an impossible date such as 2026-13-01 as text, so the schema reports
    it with its line ("expected a date") instead of PyYAML raising a bare ValueError."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def read_yaml(path: Path, label: str) -> tuple[YamlSource | None, list[Problem]]:
    """Parse `path`; on a syntax error return no source and one problem with line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [file_problem(label, None, "yaml_encoding", detail=str(error))]
    return read_yaml_text(text, label)


def read_yaml_text(text: str, label: str, first_line: int = 1) -> tuple[YamlSource | None, list[Problem]]:
    """Parse YAML `text` that starts on line `first_line` of its file (front matter starts on line 2)."""
    offset = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + offset if mark else None
        column = mark.column + 1 if mark else 0
        detail = error.problem or error.context or ""
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
    if node is not None:
        _record_lines(node, (), source, problems, offset, set())
    return source, problems


def _record_lines(
    node: yaml.Node, path: KeyPath, source: YamlSource, problems: list[Problem], offset: int, visited: set[int]
) -> None:
    source.lines[path] = node.start_mark.line + 1 + offset
    # An alias (*name) shares its anchor's node: walking it again would never end for an anchor that
    # contains its own alias (updates: &x [*x]), and its lines are already recorded under the anchor.
    if id(node) in visited:
        return
    visited.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            key_line = key_node.start_mark.line + 1 + offset
            if key in seen:
                problems.append(file_problem(source.label, key_line, "yaml_duplicate_key", key=key))
            seen.add(key)
            _record_lines(value_node, (*path, key), source, problems, offset, visited)
            # A missing or empty value is best reported on its key's line.
            source.lines[(*path, key)] = key_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), source, problems, offset, visited)


def _line_at(text: str, position: int) -> int:
    """1-based line of a ReaderError's position: libyaml counts bytes of UTF-8, pure PyYAML characters."""
    if _SafeLoader is not yaml.SafeLoader:
        return text.encode("utf-8")[:position].count(b"\n") + 1
    return text.count("\n", 0, position) + 1


def _character_code(character: int | str | bytes) -> str:
    """U+000B for the vertical tab: how the message names an unprintable character."""
    code = character if isinstance(character, int) else (character[:1] or b"\0")[0]
    return f"U+{ord(code) if isinstance(code, str) else code:04X}"
