"""The data folder's entries as the reader may open them: no symbolic link, and every entry that
cannot be read (no permission, a folder where a file should be, a broken link) is a Problem.

The loader calls `linked_entries` once per load and reads every data file (YAML and news) with
`read_entry`, and the units' report forms with `read_binary_entry`; it skips what `is_linked` says lies behind a link, so a link is never followed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pii_site.source.errors import Problem, file_problem, message


def linked_entries(data_dir: Path, label: Callable[[Path], str]) -> list[Problem]:
    """One problem per symbolic link anywhere in the data folder (not followed into).

    Links are refused, even those that stay inside the folder: Git on Windows checks a link out as
    a small text file holding the target's path, so the same data would read differently there,
    and a link out of the folder would publish a file nobody reviews with the data."""
    problems = []
    for folder, folders, files in os.walk(data_dir):  # followlinks=False: linked folders are listed, not entered
        for name in sorted(folders + files):
            entry = Path(folder, name)
            if not entry.is_symlink():
                continue
            if entry.exists():
                problems.append(file_problem(label(entry), None, "data_symlink"))
            else:
                problems.append(_unreadable(label(entry), "broken_link"))
    return problems


def is_linked(path: Path, data_dir: Path) -> bool:
    """Whether `path`, or a folder between it and `data_dir`, is a symbolic link."""
    while path != data_dir and path != path.parent:
        if path.is_symlink():
            return True
        path = path.parent
    return False


def folder_entries(folder: Path, label: str) -> tuple[list[Path], list[Problem]]:
    """The entries of `folder`, sorted by name, or none and the problem that stopped listing them."""
    try:
        return sorted(folder.iterdir()), []
    except OSError as error:
        return [], [_failure(label, error)]


def read_entry(path: Path, label: str, encoding: str = "utf-8") -> tuple[str | None, list[Problem]]:
    """The text of the file at `path`, or no text and the problem that stopped reading it."""
    try:
        return path.read_text(encoding=encoding), []
    except UnicodeDecodeError as error:
        return None, [file_problem(label, None, "yaml_encoding", detail=str(error))]
    except OSError as error:
        return None, [_failure(label, error)]


def read_binary_entry(path: Path, label: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of the file at `path` (a workbook), or none and the problem that stopped reading them."""
    try:
        return path.read_bytes(), []
    except OSError as error:
        return None, [_failure(label, error)]


def _failure(label: str, error: OSError) -> Problem:
    reason_vi, reason_en = unreadable_reason(error)
    return file_problem(label, None, "data_unreadable", reason_vi=reason_vi, reason_en=reason_en)


def _unreadable(label: str, reason: str) -> Problem:
    reason_vi, reason_en = message(f"unreadable.{reason}")
    return file_problem(label, None, "data_unreadable", reason_vi=reason_vi, reason_en=reason_en)


def unreadable_reason(error: OSError) -> tuple[str, str]:
    """Why a file could not be read, in (Vietnamese, English); news_photos.py words it so too."""
    if isinstance(error, IsADirectoryError):
        return message("unreadable.folder")
    if isinstance(error, PermissionError):
        return message("unreadable.permission")
    # strerror, not str(error): the words of the failure without a path the message already names.
    return message("unreadable.other", detail=error.strerror or type(error).__name__)
