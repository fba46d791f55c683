"""Preview both languages at http://127.0.0.1:8000/ and rebuild when data/, docs/ or hooks/ change.

`mkdocs serve` previews one language only, so this serves the folder that scripts/build.py
writes, built with relative addresses (as it would work from any host, port or path). Builds run in
a warm worker process (scripts/preview_worker.py: imports done once), the language last viewed first;
an edit to hooks/ or mkdocs.yml starts a fresh worker, so edits to the hooks and the package take
effect too. Every page served gets a small script (only here, never in the built files) that reloads
it once its language is rebuilt. A failed rebuild prints its messages and keeps serving the last good
site. Ctrl+C stops. `--overlay` (`make demo`) lays a folder such as tests/fixtures/demo over the data
first, again before each rebuild.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

from pii_site.i18n import LANGUAGES
from pii_site.settings import RELATIVE, Settings, SettingsError

PROJECT_DIR = Path(__file__).resolve().parent.parent
WATCHED = ("data", "docs", "hooks", "mkdocs.yml")
# Code the worker has imported: a change to it needs a fresh worker, not just a rebuild.
CODE = (PROJECT_DIR / "hooks", PROJECT_DIR / "mkdocs.yml")
# How often the watched files are compared; a rebuild starts at most this long after an edit.
POLL_SECONDS = 0.2
# The reload script's address; a long poll: it answers once the language's version passes `after`
# (or after WAIT_SECONDS with the same version, and the script asks again).
WAIT_PATH = "/.preview/wait"
WAIT_SECONDS = 20
RELOAD_SCRIPT = """<script>
(function () {
  var lang = "%(lang)s", version = %(version)d;
  function wait() {
    fetch("%(path)s?lang=" + lang + "&after=" + version, {cache: "no-store"})
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (text) { if (Number(text) > version) { location.reload(); } else { wait(); } })
      // The preview stopped or is restarting: ask again a little later.
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
</script>
"""


class Versions:
    """How many times each language has been rebuilt; the reload script waits for its language's to change."""

    def __init__(self) -> None:
        self._versions = dict.fromkeys(LANGUAGES, 0)
        self._changed = threading.Condition()
        self.last_viewed = LANGUAGES[0]

    def get(self, lang: str) -> int:
        with self._changed:
            return self._versions[lang]

    def bump(self, lang: str) -> None:
        with self._changed:
            self._versions[lang] += 1
            self._changed.notify_all()

    def wait_past(self, lang: str, after: int, seconds: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self._versions[lang] > after, timeout=seconds)
            return self._versions[lang]


class PreviewHandler(SimpleHTTPRequestHandler):
    """The site's files; HTML pages with the reload script added, and the script's long poll."""

    server: PreviewServer

    def log_message(self, format: str, *args: object) -> None:  # one line per request drowns the build messages
        pass

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        address = urllib.parse.urlsplit(self.path)
        if address.path == WAIT_PATH:
            return self.send_version(urllib.parse.parse_qs(address.query))
        lang = address.path.strip("/").split("/")[0]
        page = Path(self.translate_path(self.path))
        if page.is_dir() and address.path.endswith("/"):
            page /= "index.html"
        if lang not in LANGUAGES or page.suffix != ".html" or not page.is_file():
            return super().send_head()  # files, folder redirects and 404s as usual
        versions = self.server.versions
        versions.last_viewed = lang
        # The version before the file: a page read during a rebuild reloads once more, never once too few.
        script = RELOAD_SCRIPT % {"lang": lang, "version": versions.get(lang), "path": WAIT_PATH}
        try:
            html = page.read_text(encoding="utf-8")
        except FileNotFoundError:  # its language was being swapped in at this instant: a missing file
            return super().send_head()
        at = html.rfind("</body>")
        at = len(html) if at < 0 else at
        return self.send_bytes((html[:at] + script + html[at:]).encode("utf-8"), "text/html; charset=utf-8")

    def send_version(self, query: dict[str, list[str]]) -> io.BytesIO | None:
        lang, after = query.get("lang", [""])[0], query.get("after", [""])[0]
        # ASCII digits only, and few: str.isdigit() says yes to "²" and "١", which int() refuses or
        # reads, and a request must get an answer, never a traceback in the server's thread.
        if lang not in LANGUAGES or not (after.isascii() and after.isdigit() and len(after) <= 18):
            self.send_error(HTTPStatus.BAD_REQUEST, "Expected ?lang=<language>&after=<version>")
            return None
        version = self.server.versions.wait_past(lang, int(after), WAIT_SECONDS)
        return self.send_bytes(str(version).encode(), "text/plain; charset=utf-8")

    def send_bytes(self, body: bytes, content_type: str) -> io.BytesIO:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # a reload must show the rebuilt page
        self.end_headers()
        return io.BytesIO(body)


class PreviewServer(ThreadingHTTPServer):
    def __init__(self, address: tuple[str, int], handler: functools.partial[PreviewHandler]) -> None:
        super().__init__(address, handler)
        self.versions = Versions()

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
            # Editors' swap, lock and backup files (vim's .x.swp, emacs' .#x and #x#, x~) are not the site's.
            if "__pycache__" in path.parts or path.name.startswith((".", "#")) or path.name.endswith("~"):
                continue
            # Gone between listing and stat (an editor's temporary file): not part of the site.
            with contextlib.suppress(FileNotFoundError):
                times[path] = path.stat().st_mtime
    return times


def changed_since(seen: dict[Path, float], extra: tuple[Path, ...]) -> bool:
    return snapshot(extra) != seen


def settled(current: dict[Path, float], extra: tuple[Path, ...]) -> dict[Path, float]:
    """The watched files once they stay the same for a moment (at most a second): a save that writes
    several files, or writes and renames, is built once and whole."""
    for _ in range(10):
        time.sleep(POLL_SECONDS / 2)
        again = snapshot(extra)
        if again == current:
            break
        current = again
    return current


def data_folder(option: Path | None) -> Path | None:
    """The data folder the build will read when it is not data/: --data, else PII_DATA_DIR."""
    if option is not None:
        return option.resolve()
    data_dir = Settings.from_environ(os.environ, PROJECT_DIR).data_dir.resolve()
    return None if data_dir == (PROJECT_DIR / "data").resolve() else data_dir


class Worker:
    """scripts/preview_worker.py, started on the first build and again after a change to the code."""

    def __init__(self, data_dir: Path | None) -> None:
        environ = {**os.environ, "PII_SITE_URL": RELATIVE}
        if data_dir is not None:
            environ["PII_DATA_DIR"] = str(data_dir)
        self.process = subprocess.Popen(
            [sys.executable, str(PROJECT_DIR / "scripts" / "preview_worker.py")],
            cwd=PROJECT_DIR,
            env=environ,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def build(
        self, lang: str, site_dir: Path, same_data: bool = False, overlay: Overlay | None = None
    ) -> dict[str, object] | None:
        """The worker's answer for one language (same_data: the data are those of the language it just
        built, so it need not load them again; overlay: the worker lays it into its data folder first);
        None if it died (its messages are above)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        request: dict[str, object] = {"lang": lang, "site_dir": str(site_dir), "same_data": same_data}
        if overlay is not None:
            request["overlay"] = [str(overlay.base_dir), str(overlay.overlay_dir)]
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            return None
        line = self.process.stdout.readline()
        return json.loads(line) if line else None

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
            return
        self.process.kill()
        self.process.wait()


class Builder:
    """Rebuilds the site through a warm worker and tells the served pages which languages changed."""

    def __init__(self, site_dir: Path, versions: Versions, data_dir: Path | None, overlay: Overlay | None) -> None:
        self.site_dir, self.versions, self.data_dir, self.overlay = site_dir, versions, data_dir, overlay
        self.worker: Worker | None = None

    def rebuild(self, code_changed: bool = False, newer_change: Callable[[], bool] = lambda: False) -> bool:
        """Both languages, the one last viewed first; False (messages printed) when one failed. Stops
        early when newer_change() says the files changed again: the next rebuild builds both anyway."""
        if self.worker is not None and (code_changed or not self.worker.alive()):
            self.worker.stop()
            self.worker = None
        data_dir = self.overlay.target if self.overlay else self.data_dir
        if self.worker is None:
            self.worker = Worker(data_dir)
        viewed = self.versions.last_viewed
        langs = [viewed, *(lang for lang in LANGUAGES if lang != viewed)]
        built: list[str] = []
        for lang in langs:
            if built and newer_change():
                break
            answer = self.worker.build(lang, self.site_dir, same_data=bool(built), overlay=self.overlay)
            if answer is None:
                print("The preview's builder stopped (see above); it starts again on the next change.", file=sys.stderr)
                return False
            if not answer["ok"]:
                # One message: the same data error would fail the other language too.
                print(f"Build failed; the preview keeps the last good site.\n{answer['message']}", file=sys.stderr)
                return False
            self.versions.bump(lang)
            built.append(f"{lang} in {answer['seconds']} s ({answer['cpu_seconds']} s of CPU)")
        print(f"Built {', '.join(built)}.", flush=True)
        return True

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()


def open_server(port: int, site_dir: Path) -> PreviewServer | None:
    """The server on 127.0.0.1:port, or None after saying in one sentence why it cannot start."""
    handler = functools.partial(PreviewHandler, directory=str(site_dir))
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
    """The overlay laid over the data folder in a temporary folder, laid afresh by the worker before
    each build that reads the data (preview_worker.Builder.load), which names each problem at its
    real file and line."""

    def __init__(self, overlay_dir: Path, base_dir: Path) -> None:
        self.overlay_dir, self.base_dir = overlay_dir, base_dir
        self.temporary = Path(tempfile.mkdtemp(prefix="pii-overlay-"))
        self.target = self.temporary / "data"

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
    site_dir = args.site_dir.resolve()
    try:
        data_dir = data_folder(args.data)
    except SettingsError as error:
        print(error, file=sys.stderr)
        server.server_close()
        return 1
    overlay = Overlay(args.overlay.resolve(), data_dir or PROJECT_DIR / "data") if args.overlay else None
    extra = tuple(path for path in (data_dir, overlay and overlay.overlay_dir) if path)
    builder = Builder(site_dir, server.versions, data_dir, overlay)
    # Stopped by a signal (a test, a process manager), the worker and the overlay's folder go too.
    previous_handler = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    serving = False
    try:
        # Before the first build: an edit made while it runs (or before the server starts) is seen.
        seen = snapshot(extra)
        builder.rebuild()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        serving = True
        address = f"http://127.0.0.1:{server.server_address[1]}/"
        watched = ", ".join((*WATCHED, *(str(path) for path in extra)))
        print(f"Serving {address} (vi: {address}vi/, en: {address}en/). Watching {watched}. Ctrl+C stops.")
        print("Open pages reload themselves after each rebuild.", flush=True)
        while True:
            time.sleep(POLL_SECONDS)
            current = snapshot(extra)
            if current != seen:
                current = settled(current, extra)
                changed = {path for path in current.keys() | seen.keys() if current.get(path) != seen.get(path)}
                seen = current
                code_changed = any(path == code or code in path.parents for path in changed for code in CODE)
                print("Change detected, rebuilding…", flush=True)
                builder.rebuild(code_changed, newer_change=functools.partial(changed_since, seen, extra))
    except KeyboardInterrupt:
        if serving:  # shutdown() waits for serve_forever, which would never come
            server.shutdown()
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        builder.stop()
        server.server_close()
        if overlay:
            overlay.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
