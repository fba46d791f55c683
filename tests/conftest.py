"""Shared fixtures: the project's paths, scripts as callables, copies of the data to break, and
one session-scoped build of the real data (both languages) that the HTML tests query."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import lxml.html
import pytest

from pii_site.site_config import environment

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"


def load_script(name: str) -> ModuleType:
    """scripts/<name>.py as a module, so tests can call its main(argv)."""
    spec = importlib.util.spec_from_file_location(f"script_{name}", PROJECT_DIR / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class DataCopy:
    """A copy of data/ in a temporary folder, with helpers to break one file and find the line."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(DATA_DIR, root)

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
    return DataCopy(tmp_path / "data")


def build_into(site_dir: Path, data_dir: Path = DATA_DIR, site_url: str | None = None, today: str | None = None) -> Path:
    """Build both languages from `data_dir` into `site_dir` with scripts/build.py (`today` sets PII_TODAY)."""
    with environment(PII_DATA_DIR=str(data_dir), PII_SITE_URL=site_url, PII_TODAY=today):
        load_script("build").build_site(site_dir)
    return site_dir


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
    """The real data, built once for the whole session, for a project-page style address."""
    return build_into(tmp_path_factory.mktemp("build") / "site", site_url=f"http://127.0.0.1:{site_port}{SITE_PATH}")


class Page:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = lxml.html.fromstring(path.read_bytes())

    def text(self) -> str:
        """The visible text of the article (without navigation)."""
        article = self.tree.xpath('//article')
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
    from pii_site import load_plan

    return load_plan(DATA_DIR)


def iter_html(site_dir: Path) -> Iterator[Path]:
    yield from sorted(site_dir.rglob("*.html"))


# The illustrative progress data (tests/fixtures/demo: plan files linked to data/, made-up status
# files) and the day it is seen from; `make demo` uses the same day.
DEMO_DIR = PROJECT_DIR / "tests" / "fixtures" / "demo"
DEMO_TODAY = "2026-11-26"


@pytest.fixture(scope="session")
def demo_plan():
    import datetime as dt

    from pii_site import load_plan

    return load_plan(DEMO_DIR, dt.date.fromisoformat(DEMO_TODAY))


# The address the demonstration build is made for (its pages link absolutely only to the feed).
DEMO_SITE_URL = "https://example.org/pii/"


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(
        tmp_path_factory.mktemp("demo") / "site", DEMO_DIR, DEMO_SITE_URL, today=DEMO_TODAY
    )


@pytest.fixture(scope="session")
def demo_page(demo_site: Path):
    def open_page(lang: str, address: str) -> Page:
        address = address.strip("/")
        return Page(demo_site / lang / address / "index.html" if address else demo_site / lang / "index.html")

    return open_page


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session (Playwright's sync API allows one at a time), shared by
    tests/browser/ and tests/test_invariants.py."""
    from browser.serving import chromium

    with chromium() as browser:
        yield browser
