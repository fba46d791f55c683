"""Preview both languages at http://127.0.0.1:8000/ and rebuild when data/, docs/ or hooks/ change.

`mkdocs serve` previews one language only, so this serves the folder that scripts/build.py
writes, built with relative addresses (as it would work from any host, port or path). Each
rebuild runs in a fresh process, so edits to the hooks and the package take effect too. A failed
rebuild prints its messages and keeps serving the last good site. Ctrl+C stops. `--overlay`
(`make demo`) lays a folder such as tests/fixtures/demo over the data first, again before each rebuild.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from pii_site.settings import RELATIVE, Settings, SettingsError
from pii_site.source.overlay import lay_overlay

PROJECT_DIR = Path(__file__).resolve().parent.parent
WATCHED = ("data", "docs", "hooks", "mkdocs.yml")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # one line per request drowns the build messages
        pass


class PreviewServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that gave up waiting (the port is open from the start, the first build takes
        # seconds) or closed its tab is not the preview's error: no traceback for it.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def snapshot(extra: tuple[Path, ...] = ()) -> dict[Path, float]:
    """Modification times of every watched file."""
    times: dict[Path, float] = {}
    for root in (*(PROJECT_DIR / name for name in WATCHED), *extra):
        paths = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            # Gone between listing and stat (an editor's temporary file): not part of the site.
            with contextlib.suppress(FileNotFoundError):
                times[path] = path.stat().st_mtime
    return times


def data_folder(option: Path | None) -> Path | None:
    """The data folder the build will read when it is not data/: --data, else PII_DATA_DIR."""
    if option is not None:
        return option.resolve()
    data_dir = Settings.from_environ(os.environ, PROJECT_DIR).data_dir.resolve()
    return None if data_dir == (PROJECT_DIR / "data").resolve() else data_dir


def rebuild(site_dir: Path, site_url: str, data_dir: Path | None = None) -> bool:
    """One build in a fresh process; site_url is an address or settings.RELATIVE."""
    command = [
        sys.executable,
        str(PROJECT_DIR / "scripts" / "build.py"),
        "-q",
        "--site-dir",
        str(site_dir),
        "--site-url",
        site_url,
    ]
    if data_dir is not None:
        command += ["--data", str(data_dir)]
    return subprocess.run(command, cwd=PROJECT_DIR).returncode == 0


def open_server(port: int, site_dir: Path) -> PreviewServer | None:
    """The server on 127.0.0.1:port, or None after saying in one sentence why it cannot start."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    try:
        return PreviewServer(("127.0.0.1", port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(
                f"Port {port} is busy (another preview or program uses it); choose another one, "
                f"e.g. make serve PORT={port + 1} (or make demo PORT={port + 1}).",
                file=sys.stderr,
            )
        else:
            print(
                f"Cannot serve on port {port} ({error.strerror}); choose another one, e.g. make serve PORT=8001.",
                file=sys.stderr,
            )
        return None


class Overlay:
    """The overlay laid over the data folder in a temporary folder, laid afresh before each build."""

    def __init__(self, overlay_dir: Path, base_dir: Path) -> None:
        self.overlay_dir, self.base_dir = overlay_dir, base_dir
        self.temporary = Path(tempfile.mkdtemp(prefix="pii-overlay-"))

    def lay(self) -> Path:
        target = self.temporary / "data"
        shutil.rmtree(target, ignore_errors=True)
        laid = lay_overlay(self.base_dir, self.overlay_dir, target)
        for note in laid.notes:
            print(note, flush=True)
        return laid.data_dir

    def remove(self) -> None:
        shutil.rmtree(self.temporary, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Preview the site in both languages, rebuilding on changes.")
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    parser.add_argument("--site-dir", type=Path, default=PROJECT_DIR / "site")
    parser.add_argument("--data", type=Path, help="data folder (default: PII_DATA_DIR or data/)")
    parser.add_argument("--overlay", type=Path, help="folder laid over the data folder, e.g. tests/fixtures/demo")
    args = parser.parse_args(argv)
    # First, so that a busy port is said at once, not after a build.
    server = open_server(args.port, args.site_dir)
    if server is None:
        return 1
    try:
        data_dir = data_folder(args.data)
    except SettingsError as error:
        print(error, file=sys.stderr)
        server.server_close()
        return 1
    overlay = Overlay(args.overlay.resolve(), data_dir or PROJECT_DIR / "data") if args.overlay else None
    extra = tuple(path for path in (data_dir, overlay and overlay.overlay_dir) if path)
    serving = False
    try:
        # Before the first build: an edit made while it runs (or before the server starts) is seen.
        seen = snapshot(extra)
        rebuild(args.site_dir, RELATIVE, overlay.lay() if overlay else data_dir)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        serving = True
        address = f"http://127.0.0.1:{server.server_address[1]}/"
        watched = ", ".join((*WATCHED, *(str(path) for path in extra)))
        print(f"Serving {address} (vi: {address}vi/, en: {address}en/). Watching {watched}. Ctrl+C stops.")
        while True:
            time.sleep(1)
            current = snapshot(extra)
            if current != seen:
                seen = current
                print("Change detected, rebuilding…", flush=True)
                if rebuild(args.site_dir, RELATIVE, overlay.lay() if overlay else data_dir):
                    print("Rebuilt; reload the page in your browser.", flush=True)
    except KeyboardInterrupt:
        if serving:  # shutdown() waits for serve_forever, which would never come
            server.shutdown()
    finally:
        server.server_close()
        if overlay:
            overlay.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
