"""Files a build makes slowly and can always make again, kept between runs: resized news photos
(source/news_photos.py) and share images (outputs/share_image.py). An entry is named by a hash of
everything that shapes it, so a changed input or setting is simply a new entry and is never stale.

The folder is <cache_dir>/<kind>/, cache_dir being the Settings' (pii_site.settings: .cache/pii-site/
in the project folder, the one holding data/, which .gitignore leaves out and `make clean` removes; or
PII_SITE_CACHE), handed down by the adapters; without one (None) nothing is kept or read. Whoever can write there
can plant an entry, so nothing found is trusted: each kind of entry is an `EntryKind` that must
supply a check, which decodes the entry and returns what it holds only if it is what this kind
makes (a photo that decodes, of the size its header says, without metadata; a share image of the
right format and size). An entry that fails its check, or its SHA-256 (cut short by a full disk,
changed by hand), is made again, never published.

Usage, for any new kind (the report-form reader's cached results too):
    FORMS = EntryKind("forms", check=_checked_form)  # _checked_form(key, content) -> value | None
    value = build_cache.cached(FORMS, cache_dir, key)
    if value is None: ...make it...; build_cache.keep(FORMS, cache_dir, key, content)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

_DIGEST_SIZE = hashlib.sha256().digest_size
# The largest entry read back: a resized photo is at most a few MB; anything larger was not made here.
ENTRY_LIMIT = 50_000_000

T = TypeVar("T")


@dataclass(frozen=True)
class EntryKind(Generic[T]):
    """One kind of entry: its folder, and `check`, which is handed an entry's key and content and
    returns what the content holds, or None when it is not what this kind makes. The check must
    decode the content (a file type guessed from its first bytes is no check) and may raise
    nothing: any exception it lets through is taken for a refusal too."""

    folder: str
    check: Callable[[str, bytes], T | None]


def cached(kind: EntryKind[T], cache_dir: Path | None, key: str) -> T | None:
    """What the entry `key` of `kind` holds, checked; None when there is none, it fails a check, or
    there is no cache (`cache_dir` None)."""
    content = None if cache_dir is None else _read(cache_dir / kind.folder / key)
    if content is None:
        return None
    try:
        return kind.check(key, content)
    except Exception:  # noqa: BLE001 - a planted entry may trip any decoder: it is only made again
        return None


def keep(kind: EntryKind[T], cache_dir: Path | None, key: str, content: bytes) -> None:
    """Keep `content` as the entry `key` of `kind` for the next run (nothing without a cache)."""
    if cache_dir is not None:
        _write(cache_dir / kind.folder / key, content)


def _read(path: Path) -> bytes | None:
    """The content kept at `path`, or None when there is none, it is no regular file of sane size,
    or it does not match its checksum."""
    # Imported here: source/ imports this module, and entries.py's reader is the one that opens
    # nothing but regular files without following links.
    from pii_site.source.entries import read_regular

    try:
        entry = read_regular(path, ENTRY_LIMIT)
    except OSError:
        return None
    digest, content = entry[:_DIGEST_SIZE], entry[_DIGEST_SIZE:]
    return content if content and hashlib.sha256(content).digest() == digest else None


def _write(path: Path, content: bytes) -> None:
    """Written under a temporary name and renamed, so a build beside never reads half an entry. Not
    flushed to disk as data files are (status_file.write_atomically): after a crash the checksum
    catches a damaged entry, and a build writes thousands of them. A cache that cannot be written
    (read-only folder, full disk, a folder where the entry should be) only costs time."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as out:
                out.write(hashlib.sha256(content).digest() + content)
            os.replace(temporary, path)
        except OSError:
            os.unlink(temporary)
            raise
