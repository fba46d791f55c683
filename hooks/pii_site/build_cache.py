"""Files a build makes slowly and can always make again, kept between runs: resized news photos
(source/news_photos.py) and share images (outputs/share_image.py). An entry is named by a hash of
everything that shapes it, so a changed input or setting is simply a new entry and is never stale.

The folder is .cache/pii-site/<kind>/ in the project folder (the one holding data/; .gitignore
leaves it out and `make clean` removes it), or <PII_SITE_CACHE>/<kind>/. An entry carries the
SHA-256 of its content: one cut short by a full disk or changed by hand is not trusted but made again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

CACHE_VARIABLE = "PII_SITE_CACHE"
_DIGEST_SIZE = hashlib.sha256().digest_size


def cache_dir(data_dir: Path, kind: str) -> Path:
    """The folder of entries of one kind ("photos", "share") for the plan in `data_dir`."""
    configured = os.environ.get(CACHE_VARIABLE)
    return (Path(configured) if configured else data_dir.parent / ".cache" / "pii-site") / kind


def read_entry(path: Path) -> bytes | None:
    """The content kept at `path`, or None when there is none or it does not match its checksum."""
    try:
        entry = path.read_bytes()
    except OSError:
        return None
    digest, content = entry[:_DIGEST_SIZE], entry[_DIGEST_SIZE:]
    return content if content and hashlib.sha256(content).digest() == digest else None


def write_entry(path: Path, content: bytes) -> None:
    """Keep `content` for the next run. Written under a temporary name and renamed, so a build beside
    never reads half an entry. Not flushed to disk as data files are (status_file.write_atomically):
    after a crash the checksum catches a damaged entry, and a build writes thousands of them. A cache
    that cannot be written (read-only folder, full disk) only costs time."""
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
