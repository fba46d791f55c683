"""`make serve` (scripts/serve.py): both languages answer on 127.0.0.1, and an edit to the data
shows up after the automatic rebuild, without restarting."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import PROJECT_DIR, DataCopy


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_preview_serves_both_languages_and_rebuilds_after_an_edit(data_copy: DataCopy, tmp_path: Path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, str(PROJECT_DIR / "scripts" / "serve.py"), "--port", str(port),
               "--site-dir", str(tmp_path / "site"), "--data", str(data_copy.root)]
    server = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: fetch(f"{base}/vi/") is not None, 90), "the preview never answered"
        assert 'lang="en"' in (fetch(f"{base}/en/units/phong-kinh-te/") or "")
        assert "Phòng Kinh tế" in (fetch(f"{base}/vi/units/phong-kinh-te/") or "")
        data_copy.replace("units.yml", 'vi: "Phòng Kinh tế"', 'vi: "Phòng Kinh tế (đã sửa)"')
        assert wait_for(lambda: "Phòng Kinh tế (đã sửa)" in (fetch(f"{base}/vi/units/phong-kinh-te/") or ""), 90)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output
