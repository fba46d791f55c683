"""Shared fixtures: the project's paths, scripts as callables, copies of the data to break, and
one session-scoped build (both languages) that the HTML tests query. Tests check the code on the
fictional plan in tests/fixtures/plan/ (FIXTURE_DIR, seen from FIXTURE_TODAY), never on data/:
only the invariants module reads the real plan (REAL_DATA_DIR)."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import lxml.html
import pytest

from pii_site.settings import Settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
# The fictional commune (xã Sông Mây): its tasks.yml lists the edge cases it holds and where.
FIXTURE_DIR = PROJECT_DIR / "tests" / "fixtures" / "plan"
# The day the fixture is seen from: VII.2 is overdue, VIII.1 stale (no update for over 90 days).
FIXTURE_TODAY = "2026-11-26"
# The real plan, for tests/test_invariants.py only (checks that hold for any valid plan).
REAL_DATA_DIR = PROJECT_DIR / "data"


def load_script(name: str) -> ModuleType:
    """scripts/<name>.py as a module, so tests can call its main(argv)."""
    spec = importlib.util.spec_from_file_location(f"script_{name}", PROJECT_DIR / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class DataCopy:
    """A copy of a data folder (the fixture plan unless told) in a temporary folder, with helpers to
    break one file and find the line."""

    def __init__(self, root: Path, source: Path = FIXTURE_DIR) -> None:
        self.root = root
        shutil.copytree(source, root)

    def path(self, name: str) -> Path:
        return self.root / name

    def replace(self, name: str, old: str, new: str, count: int = 1) -> int:
        """Replace the first `count` occurrences of `old`; return the 1-based line of the first."""
        path = self.path(name)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return line

    def line_of(self, name: str, needle: str) -> int:
        text = self.path(name).read_text(encoding="utf-8")
        assert needle in text, f"{needle!r} not in {name}"
        return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def data_copy(tmp_path: Path) -> DataCopy:
    """A copy of the fixture plan to break (load or build it with FIXTURE_TODAY)."""
    return DataCopy(tmp_path / "data")


def build_into(
    site_dir: Path, data_dir: Path = FIXTURE_DIR, site_url: str | None = None, today: str | None = None
) -> Path:
    """Build both languages from `data_dir` into `site_dir` with scripts/build.py, for `site_url`
    (None: data_dir's site.yml url). `today` (YYYY-MM-DD): pass FIXTURE_TODAY for the fixture plan;
    None is the real date, as the real data needs. The one place tests make the build's Settings."""
    settings = Settings(data_dir, dt.date.fromisoformat(today) if today else dt.date.today(), site_url)
    load_script("build").build_site(site_dir, settings)
    return site_dir


@contextlib.contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for a block, then restore what was there: for tests that run a
    script's main(), which reads its settings (PII_TODAY...) from the environment as it does when run."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# The address the session build is made for; browser tests serve it on this port and path.
SITE_PATH = "/pii-site/"


def free_port() -> int:
    """A port nothing listens on now, for a site built for (and served at) that address."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The fixture plan, built once for the whole session on FIXTURE_TODAY, for a project-page style address."""
    return build_into(
        tmp_path_factory.mktemp("build") / "site",
        FIXTURE_DIR,
        f"http://127.0.0.1:{site_port}{SITE_PATH}",
        today=FIXTURE_TODAY,
    )


class Page:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = lxml.html.fromstring(path.read_bytes())

    def text(self) -> str:
        """The visible text of the article (without navigation)."""
        article = self.tree.xpath("//article")
        return " ".join((article[0] if article else self.tree).text_content().split())

    def xpath(self, query: str) -> list:
        return self.tree.xpath(query)

    def links(self) -> list[str]:
        return [a.get("href") for a in self.tree.xpath("//article//a[@href]")]


@pytest.fixture(scope="session")
def page(site: Path):
    def open_page(lang: str, address: str) -> Page:
        path = site / lang / address.strip("/") / "index.html" if address.strip("/") else site / lang / "index.html"
        assert path.is_file(), f"{path} was not built"
        return Page(path)

    return open_page


@pytest.fixture(scope="session")
def plan():
    """The fixture plan as the `site` build sees it (on FIXTURE_TODAY)."""
    import datetime as dt

    from pii_site import load_plan

    return load_plan(FIXTURE_DIR, dt.date.fromisoformat(FIXTURE_TODAY))


def iter_html(site_dir: Path) -> Iterator[Path]:
    yield from sorted(site_dir.rglob("*.html"))


# The illustrative progress data: tests/fixtures/demo (made-up status files and news, the demo
# switch), laid over data/ as `make demo` does (tests/invariants/plans.py), and the day it is seen from.
DEMO_OVERLAY = PROJECT_DIR / "tests" / "fixtures" / "demo"
DEMO_TODAY = "2026-11-26"


# The fixture plan built with no public address at all (neither PII_SITE_URL nor site.yml's url), as
# `make build` does on a fresh clone: every address in it must be relative.
@pytest.fixture(scope="session")
def relative_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pii_site.source.overlay import lay_overlay

    root = tmp_path_factory.mktemp("relative")
    (root / "no-address").mkdir()
    (root / "no-address" / "site.yml").write_text("url: null\n", encoding="utf-8")
    data = lay_overlay(FIXTURE_DIR, root / "no-address", root / "data").data_dir
    return build_into(root / "site", data, today=FIXTURE_TODAY)


@pytest.fixture
def fixture_today(monkeypatch: pytest.MonkeyPatch) -> str:
    """PII_TODAY set to FIXTURE_TODAY, for tests that run a script (validate, build, add_update) on
    a copy of the fixture plan: the scripts read "today" from the environment."""
    monkeypatch.setenv("PII_TODAY", FIXTURE_TODAY)
    return FIXTURE_TODAY


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan with hostile text wherever data reaches a page (tests/hostile_plan.py), built
    once (both languages, on FIXTURE_TODAY) for the three test_escaping* modules."""
    from hostile_plan import hostile_copy

    data = hostile_copy(tmp_path_factory.mktemp("hostile") / "data")
    return build_into(tmp_path_factory.mktemp("hostile-site") / "site", data.root, today=FIXTURE_TODAY)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session (Playwright's sync API allows one at a time), shared by
    tests/browser/ and tests/test_invariants.py."""
    from browser.serving import chromium

    with chromium() as browser:
        yield browser
