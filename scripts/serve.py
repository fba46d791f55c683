"""Preview both languages at http://127.0.0.1:8000/ and rebuild when data/, docs/ or hooks/ change.

`mkdocs serve` previews one language only, so this serves the folder that scripts/build.py
writes. Each rebuild runs in a fresh process, so edits to the hooks and the package take effect
too. A failed rebuild prints its messages and keeps serving the last good site. Ctrl+C stops.
"""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
WATCHED = ("data", "docs", "hooks", "mkdocs.yml")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # one line per request drowns the build messages
        pass


def snapshot(extra: tuple[Path, ...] = ()) -> dict[Path, float]:
    """Modification times of every watched file."""
    times: dict[Path, float] = {}
    for root in (*(PROJECT_DIR / name for name in WATCHED), *extra):
        paths = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            try:
                times[path] = path.stat().st_mtime
            except FileNotFoundError:
                pass  # gone between listing and stat (an editor's temporary file): not part of the site
    return times


def data_folder(option: Path | None) -> Path | None:
    """The data folder the build will read when it is not data/: --data, else PII_DATA_DIR."""
    if option is not None:
        return option.resolve()
    from_environment = os.environ.get("PII_DATA_DIR")
    return Path(from_environment).resolve() if from_environment else None


def rebuild(site_dir: Path, site_url: str, data_dir: Path | None = None) -> bool:
    command = [sys.executable, str(PROJECT_DIR / "scripts" / "build.py"), "-q", "--site-dir", str(site_dir), "--site-url", site_url]
    if data_dir is not None:
        command += ["--data", str(data_dir)]
    return subprocess.run(command, cwd=PROJECT_DIR).returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Preview the site in both languages, rebuilding on changes.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site-dir", type=Path, default=PROJECT_DIR / "site")
    parser.add_argument("--data", type=Path, help="data folder (default: PII_DATA_DIR or data/), e.g. tests/fixtures/demo")
    args = parser.parse_args(argv)
    site_url = f"http://127.0.0.1:{args.port}/"
    data_dir = data_folder(args.data)
    extra = (data_dir,) if data_dir else ()
    # Before the first build: an edit made while it runs (or before the server starts) is seen.
    seen = snapshot(extra)
    rebuild(args.site_dir, site_url, data_dir)
    handler = functools.partial(QuietHandler, directory=str(args.site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watched = ", ".join((*WATCHED, *(str(path) for path in extra)))
    print(f"Serving {site_url} (vi: {site_url}vi/, en: {site_url}en/). Watching {watched}. Ctrl+C stops.")
    try:
        while True:
            time.sleep(1)
            current = snapshot(extra)
            if current != seen:
                seen = current
                print("Change detected, rebuilding…", flush=True)
                if rebuild(args.site_dir, site_url, data_dir):
                    print("Rebuilt; reload the page in your browser.", flush=True)
    except KeyboardInterrupt:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
