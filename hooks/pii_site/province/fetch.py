"""Reading one file of a commune's site, bounded: over HTTP(S) with a deadline, a size limit that stops
reading early (a 1 GB answer is never held), conditional requests (ETag / Last-Modified: an unchanged
file costs one small answer, 304), and redirects followed only on the commune's own origin; or from
a folder of a built site, never outside it. Called by harvest.py; every failure is one FetchError
whose `kind` the quality report names. Standard library only (http.client): every limit is ours.
"""

from __future__ import annotations

import http.client
import ssl
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from pii_site.province.registry import Address, same_origin

USER_AGENT = "pii-site-province-harvester/1"
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Limits:
    timeout: float = 20.0  # seconds for one file, from connecting to its last byte
    max_bytes: int = 20_000_000


@dataclass(frozen=True)
class Fetched:
    body: bytes | None  # None: not modified since the copy we hold (HTTP 304)
    etag: str | None = None
    last_modified: str | None = None


class FetchError(Exception):
    """A file that could not be read: kind is "unreachable", "too_large", "redirect" or "off_site"."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


def fetch(
    url: str, site: Address, limits: Limits, etag: str | None = None, last_modified: str | None = None
) -> Fetched:
    """GET `url` (on `site`'s origin), following same-origin redirects, within `limits`."""
    if not same_origin(url, site):
        raise FetchError("off_site", url)
    deadline = time.monotonic() + limits.timeout
    seen = []
    while True:
        seen.append(url)
        status, headers, body = _get(url, limits, deadline, etag, last_modified)
        if status in REDIRECTS:
            target = urllib.parse.urljoin(url, headers.get("location") or "")
            if not same_origin(target, site):
                raise FetchError("off_site", f"redirect to {target}")
            if target in seen or len(seen) > MAX_REDIRECTS:
                raise FetchError("redirect", f"more than {MAX_REDIRECTS} redirects or a loop, at {target}")
            url = target
            continue
        if status == 304 and (etag or last_modified):
            return Fetched(None, etag, last_modified)
        if status != 200:
            raise FetchError("unreachable", f"HTTP {status} for {url}")
        return Fetched(body, headers.get("etag"), headers.get("last-modified"))


def _get(
    url: str, limits: Limits, deadline: float, etag: str | None, last_modified: str | None
) -> tuple[int, dict[str, str], bytes]:
    parts = urllib.parse.urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    connection: http.client.HTTPConnection
    remaining = _remaining(deadline, url)
    host, port = parts.hostname or "", parts.port
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(host, port, timeout=remaining, context=ssl.create_default_context())
    else:
        connection = http.client.HTTPConnection(host, port, timeout=remaining)
    try:
        connection.request("GET", target, headers=headers)
        response = connection.getresponse()
        answer = {key.lower(): value for key, value in response.getheaders()}
        if response.status != 200:
            return response.status, answer, b""
        declared = answer.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise FetchError("too_large", f"{int(declared):,} bytes announced, limit {limits.max_bytes:,}")
        return 200, answer, _read_bounded(response, connection, limits, deadline, url)
    except FetchError:
        raise
    except TimeoutError:
        raise FetchError("unreachable", f"no answer within {limits.timeout:g} s from {url}") from None
    except ssl.SSLError as error:
        raise FetchError("unreachable", f"secure connection failed ({error.reason or error}) for {url}") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError("unreachable", f"{type(error).__name__}: {error} for {url}") from None
    finally:
        connection.close()


def _read_bounded(
    response: http.client.HTTPResponse,
    connection: http.client.HTTPConnection,
    limits: Limits,
    deadline: float,
    url: str,
) -> bytes:
    """The body, read a chunk at a time: stops at the size limit (one byte over is enough to know) and
    at the deadline, however slowly the server trickles."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if connection.sock is not None:
            connection.sock.settimeout(_remaining(deadline, url))
        chunk = response.read1(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError("too_large", f"more than {limits.max_bytes:,} bytes")
        chunks.append(chunk)


def _remaining(deadline: float, url: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError("unreachable", f"not read in time from {url}")
    return left


def read_folder_file(folder: Path, relative: str, limits: Limits) -> bytes:
    """A file of a built site on disk, by its path relative to the site's root: never outside it
    (no "..", no link out), and within the same size limit as over the web."""
    path = (folder / relative).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise FetchError("off_site", relative)
    try:
        if path.stat().st_size > limits.max_bytes:
            raise FetchError("too_large", f"{path.stat().st_size:,} bytes, limit {limits.max_bytes:,}")
        with path.open("rb") as handle:
            return handle.read(limits.max_bytes + 1)
    except OSError as error:
        raise FetchError("unreachable", f"{relative}: {error.strerror or error}") from None
