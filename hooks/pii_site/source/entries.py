"""The data folder's entries as the reader may open them: no symbolic link, no named pipe, device or
socket, no file larger than its limit, and every entry that cannot be read (no permission, a folder
where a file should be, a broken link) is a Problem.

The one way into data/: the loader calls `linked_entries` once per load and reads every data file
(YAML and news) with `read_entry`, the units' report forms with `read_binary_entry`, and photos and the
logo with `read_regular`; it skips what `is_linked` says lies behind a link, so a link is never
followed. The demo overlay (pii_site/overlay.py) and scripts/add_update.py read through the same
functions; `data_label` is how every message names a file.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from pii_site.i18n import LANGUAGES
from pii_site.i18n.formatting import format_fixed
from pii_site.source.errors import Problem, file_problem, message

# Bytes a YAML or news file may hold: the 1,500-task synthetic plan's tasks.yml is about 1.4 MB. A
# larger file is no plan (a log or a database pasted by mistake) and would take the reader
# seconds and hundreds of MB; it is refused before it is read.
DATA_FILE_LIMIT = 5_000_000
# Opened without following a link (where the system can) and without waiting for a writer: a named
# pipe opened plainly blocks until someone writes to it, which would stop validation for ever.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


class NotRegularFile(OSError):
    """A named pipe, a device or a socket where a data file should be."""


class FileTooLarge(OSError):
    """A file larger than the limit its reader sets."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, "file too large")
        self.size, self.limit = size, limit


def read_regular(path: Path, limit: int = DATA_FILE_LIMIT) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them. Raises OSError: the file is
    a symbolic link (ELOOP, or checked first where the system cannot refuse to follow), a folder
    (IsADirectoryError), a pipe, device or socket (NotRegularFile, found before any read), larger
    than `limit` (FileTooLarge), or cannot be read."""
    if path.is_symlink():
        raise OSError(errno.ELOOP, "symbolic link")
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file")
        if info.st_size > limit:
            raise FileTooLarge(info.st_size, limit)
        chunks, size = [], 0
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grown since it was measured
                raise FileTooLarge(size, limit)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def data_label(path: Path) -> str:
    """How messages name a file: relative to the working folder when inside it. The file itself is
    not resolved: a symbolic link is named as the link, not as what it points to."""
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


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


def read_entry(
    path: Path, label: str, encoding: str = "utf-8", limit: int = DATA_FILE_LIMIT
) -> tuple[str | None, list[Problem]]:
    """The text of the file at `path`, or no text and the problem that stopped reading it. Line
    breaks are read as Path.read_text reads them (universal newlines)."""
    try:
        content = read_regular(path, limit)
    except FileTooLarge as error:
        return None, [too_large(label, error)]
    except OSError as error:
        return None, [_failure(label, error)]
    return decoded(content, label, encoding)


def decoded(content: bytes, label: str, encoding: str = "utf-8") -> tuple[str | None, list[Problem]]:
    """`content` as text, as read_entry reads a file (universal newlines), or the encoding problem."""
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError as error:
        return None, [file_problem(label, None, "yaml_encoding", detail=str(error))]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def too_large(label: str, error: FileTooLarge) -> Problem:
    return file_problem(label, None, "data_file_too_large", **megabytes(error.size), limit=error.limit // MEGABYTE)


MEGABYTE = 1_000_000  # bytes: every size limit in messages counts megabytes so


def megabytes(size: int) -> dict[str, str]:
    """A message's {size_vi}/{size_en}: `size` bytes in MB with one decimal, as each language writes it."""
    return {f"size_{lang}": format_fixed(size / MEGABYTE, lang, 1) for lang in LANGUAGES}


def read_binary_entry(
    path: Path, label: str, limit: int, too_large: Callable[[FileTooLarge], Problem]
) -> tuple[bytes | None, list[Problem]]:
    """The bytes of the regular file at `path` (a workbook), at most `limit`, or none and the problem
    that stopped reading them (`too_large` words the one about its size)."""
    try:
        return read_regular(path, limit), []
    except FileTooLarge as error:
        return None, [too_large(error)]
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
    if isinstance(error, NotRegularFile):
        return message("unreadable.not_regular")
    if error.errno == errno.ELOOP:
        return message("unreadable.link")
    # strerror, not str(error): the words of the failure without a path the message already names.
    return message("unreadable.other", detail=error.strerror or type(error).__name__)
