"""`make serve` and `make demo` (scripts/serve.py): both languages answer on the chosen port with
pages that name no host, an edit to the data (or to the demo overlay) shows up after the
automatic rebuild without restarting, an open page reloads itself (the preview's script, never in the
built site), bad data keeps the last good site served, and a busy port is said in one sentence."""

from __future__ import annotations

import errno
import functools
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from helpers import DEMO_OVERLAY, FIXTURE_DIR, FIXTURE_TODAY, PROJECT_DIR, DataCopy, free_port, load_script, running
from playwright.sync_api import Browser

WAIT_PATH = load_script("serve").WAIT_PATH


def serve_command(port: int, site_dir: Path, *options: str) -> list[str]:
    """scripts/serve.py on `port`, writing `site_dir`, with more options (--data, --overlay)."""
    return [
        sys.executable,
        str(PROJECT_DIR / "scripts" / "serve.py"),
        "--port",
        str(port),
        "--site-dir",
        str(site_dir),
        *options,
    ]


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


@pytest.mark.slow
def test_preview_serves_both_languages_and_an_open_page_reloads_itself_after_an_edit(
    data_copy: DataCopy, plan, tmp_path: Path, browser: Browser
):
    unit = plan.units[0]
    page_address = f"units/{unit.id}/"
    port = free_port()
    log_file = tmp_path / "serve.log"
    command = serve_command(port, tmp_path / "site", "--data", str(data_copy.root))
    with log_file.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            command,
            cwd=PROJECT_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PII_TODAY": FIXTURE_TODAY},
        )
    base = f"http://127.0.0.1:{port}"
    tab = browser.new_page()
    try:
        assert wait_for(lambda: fetch(f"{base}/vi/") is not None, 90), "the preview never answered"
        assert 'lang="en"' in (fetch(f"{base}/en/{page_address}") or "")
        served = fetch(f"{base}/vi/{page_address}") or ""
        assert unit.name.vi in served
        assert str(port) not in served.replace(WAIT_PATH, ""), "the page names its host"
        # The reload script is the preview's: the built site, what gets published, has none.
        assert WAIT_PATH in served
        assert WAIT_PATH not in (tmp_path / "site" / "vi" / page_address / "index.html").read_text(encoding="utf-8")

        tab.goto(f"{base}/vi/{page_address}")
        tab.evaluate("window.beforeTheEdit = true")  # gone once the page has reloaded
        edited = f"{unit.name.vi} (đã sửa)"
        data_copy.replace("units.yml", f'vi: "{unit.name.vi}"', f'vi: "{edited}"')
        # Nobody reloads the tab: the page's own script does once Vietnamese is rebuilt.
        tab.locator("h1", has_text=edited).wait_for(timeout=90_000)
        assert tab.evaluate("window.beforeTheEdit") is None

        # Bad data: the message is printed and the last good site stays served.
        data_copy.replace("tasks.yml", f"lead: [{unit.id}", "lead: [no-such-unit")
        assert wait_for(lambda: "Build failed" in log_file.read_text(encoding="utf-8"), 90)
        assert edited in (fetch(f"{base}/vi/{page_address}") or "")
        assert "no-such-unit" in log_file.read_text(encoding="utf-8")
    finally:
        tab.close()
        server.terminate()
        server.wait(timeout=30)
    output = log_file.read_text(encoding="utf-8")
    assert "Traceback" not in output, output


@pytest.mark.slow
def test_demo_preview_lays_the_overlay_and_rebuilds_when_the_overlay_changes(tmp_path: Path):
    overlay = tmp_path / "demo"
    shutil.copytree(DEMO_OVERLAY, overlay)
    port = free_port()
    command = serve_command(port, tmp_path / "site", "--overlay", str(overlay), "--data", str(FIXTURE_DIR))
    # Over the fixture plan: the demo's news are laid whatever plan is under them (its status files,
    # written for data/'s tasks, are left out with a note).
    server = subprocess.Popen(
        command,
        cwd=PROJECT_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PII_TODAY": FIXTURE_TODAY},
    )
    news = f"http://127.0.0.1:{port}/en/news/"
    post = sorted((overlay / "news").glob("*.md"))[-1]
    try:
        assert wait_for(lambda: fetch(news) is not None, 90), "the preview never answered"
        assert "Demonstration data" in (fetch(news) or "")
        post.write_text(
            post.read_text(encoding="utf-8").replace("(Illustration)", "(Illustration, edited)"), encoding="utf-8"
        )
        assert wait_for(lambda: "(Illustration, edited)" in (fetch(news) or ""), 90)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output
    # Laid in a temporary folder: nothing is written into the overlay (nor left behind in data/).
    assert sorted(p.name for p in overlay.rglob("*")) == sorted(p.name for p in DEMO_OVERLAY.rglob("*"))


@pytest.mark.parametrize("target", ["serve", "demo"])
def test_busy_port_is_said_in_one_sentence_with_exit_status_1(tmp_path: Path, capsys, target):
    serve = load_script("serve")
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        argv = ["--port", str(port), "--site-dir", str(tmp_path / "site")]
        if target == "demo":
            argv += ["--overlay", str(DEMO_OVERLAY)]
        assert serve.main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"Port {port} is busy (another preview or program uses it); choose another one, "
        f"e.g. make serve PORT={port + 1} (or make demo PORT={port + 1}).\n"
    )
    assert not (tmp_path / "site").exists(), "nothing is built for a preview that cannot start"


serve = load_script("serve")


@pytest.mark.usefixtures("fixture_today")
def test_preview_rebuilds_for_an_edit_made_during_the_first_build(data_copy: DataCopy, tmp_path, monkeypatch):
    builds = []

    def rebuild(self, code_changed=False, newer_change=None):
        builds.append(self.data_dir)
        if len(builds) == 1:  # the office saves a file while the first build runs
            path = data_copy.path("units.yml")
            os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 10))
        return True

    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        if len(builds) > 1 or len(sleeps) > 50:
            raise KeyboardInterrupt

    monkeypatch.setattr(serve.Builder, "rebuild", rebuild)
    monkeypatch.setattr(serve.time, "sleep", sleep)
    assert serve.main(["--port", "0", "--site-dir", str(tmp_path / "site"), "--data", str(data_copy.root)]) == 0
    assert builds == [data_copy.root.resolve()] * 2


@pytest.mark.usefixtures("fixture_today")
def test_preview_watches_the_data_folder_named_by_pii_data_dir(data_copy: DataCopy, monkeypatch):
    monkeypatch.setenv("PII_DATA_DIR", str(data_copy.root))
    assert serve.data_folder(None) == data_copy.root.resolve()
    assert data_copy.path("units.yml").resolve() in serve.snapshot((serve.data_folder(None),))


@pytest.mark.usefixtures("fixture_today")
def test_preview_ignores_a_file_that_vanishes_while_it_looks(data_copy: DataCopy, monkeypatch):
    vanishing = data_copy.path("units.yml.swp")
    vanishing.write_text("", encoding="utf-8")
    real_stat = Path.stat
    looks = []

    def stat(self, *args, **kwargs):
        if self == vanishing:
            looks.append(self)
            if len(looks) > 1:  # listed as a file, then deleted before its time is read
                raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    times = serve.snapshot((data_copy.root,))
    assert vanishing not in times and data_copy.path("units.yml") in times


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.parametrize("after", ["²", "١", "9" * 5000, "-1", "1.5", ""])
def test_the_preview_answers_a_version_it_cannot_read_with_400(tmp_path, after):
    port = free_port()
    handler = functools.partial(serve.PreviewHandler, directory=str(tmp_path))
    server = serve.PreviewServer(("127.0.0.1", port), handler)
    with running(server):
        query = urllib.parse.urlencode({"lang": "vi", "after": after})
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/.preview/wait?{query}", timeout=10)
        assert answer.value.code == 400
