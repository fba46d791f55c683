"""Text of data/status/<TASK_ID>.yml files: the commented template a new file starts from,
appending one update as YAML text (so the file's comments and order stay exactly as staff left them),
and writing the file under a lock, atomically.

Used by scripts/add_update.py; the loader reads these files like any other data file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from pii_site.source.schema.status import STATUSES
from pii_site.source.yaml_source import Dumper, load_text

TEMPLATE = """\
# yaml-language-server: $schema=../schema/status.schema.json
# Tiến độ nhiệm vụ {task_id}. Thêm cập nhật mới ở CUỐI danh sách "updates" (cũ trước, mới sau),
# hoặc chạy lệnh sau trong thư mục dự án (cần chạy `make install` một lần trước):
#   .venv/bin/python scripts/add_update.py {task_id} --status in-progress --note "..."
# Progress of task {task_id}. Add new updates at the END of "updates" (oldest first, newest last),
# or run this in the project folder (after `make install` once):
#   .venv/bin/python scripts/add_update.py {task_id} --status in-progress --note "..."
# Windows: .venv\\Scripts\\python scripts\\add_update.py {task_id} --status in-progress --note "..."
#
# status: {statuses}
# Mẫu: chép các dòng dưới đây vào CUỐI tệp, bỏ dấu # ở đầu dòng, giữ hai dấu cách trước "- date".
# Example: copy the lines below to the END of the file, remove the leading #, keep two spaces before "- date".
#   - date: 2026-03-15
#     status: in-progress
#     percent: 20
#     unit: <unit id in units.yml>
#     note: {{vi: "Nội dung đã làm...", en: "What was done..."}}
#     evidence:
#       - url: https://...
#       - {{number: "12/BC-UBND", date: 2026-03-10, issuer: {{vi: "UBND xã", en: "Commune People's Committee"}}}}
# Giữ "updates" là mục cuối cùng của tệp. / Keep "updates" as the last entry of the file.
updates:
"""

_EMPTY_LIST = re.compile(r"^updates:[ \t]*\[\][ \t]*(#.*)?$", re.MULTILINE)
_KEY = re.compile(r"^updates:[ \t]*(#.*)?$", re.MULTILINE)
_ITEM = re.compile(r"^( *)- ", re.MULTILINE)


class LockError(OSError):
    """The lock file cannot be opened (a folder at its path, no permission): nothing was read or written."""

    def __init__(self, lock_path: Path, error: OSError) -> None:
        super().__init__(error.errno, error.strerror)
        self.lock_path, self.reason = lock_path, error.strerror or type(error).__name__


class AppendError(ValueError):
    """The file's layout does not allow appending at its end (e.g. "updates" is not its last entry)."""


def new_file(task_id: str) -> str:
    return TEMPLATE.format(task_id=task_id, statuses=" | ".join(STATUSES))


def update_yaml(update: dict[str, Any], indent: int = 2) -> str:
    """One update as a block-sequence item, indented under "updates:"."""
    text = yaml.dump(
        [update], Dumper=Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


def append_update(text: str, update: dict[str, Any]) -> str:
    """`text` with `update` added as the last item of its "updates" list. Raises AppendError.

    A file saved with Windows line endings (CRLF) keeps them, and everything above the new update
    stays exactly as it was: the work is done on LF text, and only the added part is converted."""
    eol = "\r\n" if "\r\n" in text else "\n"
    plain = text.replace("\r\n", "\n")
    result = _append_lf(plain, update)
    if eol == "\n":
        return result
    if result.startswith(plain):
        return text + result[len(plain) :].replace("\n", eol)
    return result.replace("\n", eol)  # "updates: []" was rewritten as "updates:"


def _append_lf(text: str, update: dict[str, Any]) -> str:
    try:
        before = load_text(text) or {}
    except yaml.YAMLError as error:
        raise AppendError(str(error)) from None
    if not isinstance(before, dict):
        raise AppendError("not a mapping")
    if not text.endswith("\n"):
        text += "\n"
    if _EMPTY_LIST.search(text):
        text = _EMPTY_LIST.sub("updates:", text, count=1)
        indent = 2
    elif key := _KEY.search(text):
        item = _ITEM.search(text, key.end())
        indent = len(item.group(1)) if item else 2
    elif "updates" not in before:
        text += "updates:\n"
        indent = 2
    else:
        raise AppendError("updates is not a block list")
    result = text + update_yaml(update, indent)
    try:
        after = load_text(result)
    except yaml.YAMLError as error:
        raise AppendError(str(error)) from None
    old_updates = before.get("updates") or []
    if (
        not isinstance(after, dict)
        or after.get("updates", [])[:-1] != old_updates
        or len(after["updates"]) != len(old_updates) + 1
    ):
        raise AppendError("updates is not the last entry")
    return result


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` for a read-check-write: a second writer waits, so two updates
    written at once both land. The lock is a file in the temporary folder (named after the path),
    not beside the data, so nothing of it can be committed."""
    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:32]
    lock_path = Path(tempfile.gettempdir()) / f"pii-site-{key}.lock"
    try:
        lock = open(lock_path, "a+b")  # noqa: SIM115 - closed below, after the lock is released
    except OSError as error:  # a folder at its path (IsADirectoryError), no permission
        raise LockError(lock_path, error) from None
    with lock:
        if sys.platform == "win32":  # the office often runs the script on Windows
            import msvcrt

            lock.seek(0)
            while True:
                try:
                    msvcrt.locking(lock.fileno(), msvcrt.LK_LOCK, 1)  # retries for 10 s, then raises
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                lock.seek(0)
                msvcrt.locking(lock.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: written to a temporary file in the same folder, flushed
    to disk, then renamed over it. On any failure (disk full, read-only, no permission) `path` is left
    byte for byte as it was and the OSError is raised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600): keep the mode the file had, or a new file's usual one.
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
