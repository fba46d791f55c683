"""Shared fixtures (helpers to import are in tests/helpers.py): copies of the data to break, the
session-scoped builds of the fixture plan that the HTML tests query (each made once per session),
the one Chromium, and the test tiers: tests are marked by the fixtures they use (see MARKERS), so
`make check` runs every test that needs neither a browser nor Java (nor is marked `slow` by hand). Tests check the code on the
fictional plan in tests/fixtures/plan/; only the invariants module reads the real plan."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import (
    FIXTURE_DIR,
    FIXTURE_TODAY,
    IDENTITY_COLORS,
    IDENTITY_LOGO,
    SITE_PATH,
    DataCopy,
    Page,
    build_into,
    free_port,
)
from office import Office

from pii_site import Plan, load_plan
from pii_site.settings import CACHE_VARIABLE

# A test that uses the fixture (directly or through another fixture) gets the marker: what it
# needs is then said once, where the fixture is, not on each test.
MARKERS = {
    "browser": "browser",  # Chromium (Debian's /usr/bin/chromium-headless-shell)
    "vnu": "html_checker",  # the Nu Html Checker, on Java
    "office": "office",  # LibreOffice headless and poppler's tools (tests/office.py)
    "libreoffice": "office",  # LibreOffice Calc re-saving workbooks (tests/form_filling.py)
    # A whole MkDocs build (the session's fixture sites, the invariants' plans, a test's own): the fast
    # tier checks the pages as the package writes them (golden Markdown) and leaves HTML to `make test`.
    "site": "site",
    "page": "site",
    "base_url": "site",
    "relative_site": "site",
    "identity_site": "site",
    "hostile_site": "site",
    "build": "site",
    "built": "site",
    "awkward_site": "site",
    "round_trip": "site",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden copies (tests/golden/) from the code, to review as a diff",
    )


def pytest_configure(config: pytest.Config) -> None:
    """The build cache (pii_site.source.build_cache) of this test session goes to a fresh temporary folder,
    inherited by the scripts the tests run and handed to the builds of helpers.build_into: images drawn by code under test are never read back in a
    later session, and nothing is written beside tests/fixtures/."""
    if CACHE_VARIABLE not in os.environ:
        folder = tempfile.mkdtemp(prefix="pii-test-cache-")
        os.environ[CACHE_VARIABLE] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, marker in MARKERS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


@pytest.fixture
def data_copy(tmp_path: Path) -> DataCopy:
    """A copy of the fixture plan to break (load or build it with FIXTURE_TODAY)."""
    return DataCopy(tmp_path / "data")


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The fixture plan, built once for the whole session on FIXTURE_TODAY, for a project-page style
    address (the browser tests serve it there)."""
    return build_into(
        tmp_path_factory.mktemp("build") / "site",
        FIXTURE_DIR,
        f"http://127.0.0.1:{site_port}{SITE_PATH}",
        today=FIXTURE_TODAY,
    )


@pytest.fixture(scope="session")
def page(site: Path) -> Callable[[str, str], Page]:
    """page(lang, address) -> the built page of the session build ('' is the home page)."""

    def open_page(lang: str, address: str) -> Page:
        path = site / lang / address.strip("/") / "index.html" if address.strip("/") else site / lang / "index.html"
        assert path.is_file(), f"{path} was not built"
        return Page(path)

    return open_page


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The fixture plan as the `site` build sees it (on FIXTURE_TODAY)."""
    return load_plan(FIXTURE_DIR, dt.date.fromisoformat(FIXTURE_TODAY))


@pytest.fixture(scope="session")
def relative_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan built with no public address at all (neither PII_SITE_URL nor site.yml's
    url), as `make build` does on a fresh clone: every address in it must be relative."""
    from pii_site.overlay import lay_overlay

    root = tmp_path_factory.mktemp("relative")
    (root / "no-address").mkdir()
    (root / "no-address" / "site.yml").write_text("url: null\n", encoding="utf-8")
    data = lay_overlay(FIXTURE_DIR, root / "no-address", root / "data").data_dir
    return build_into(root / "site", data, today=FIXTURE_TODAY)


@pytest.fixture(scope="session")
def identity_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan with a logo in data/assets/ and colours of its own (IDENTITY_LOGO and
    IDENTITY_COLORS), for tests/source/test_identity.py and the header's look in tests/browser/."""
    data = DataCopy(tmp_path_factory.mktemp("identity") / "data")
    data.path("assets").mkdir()
    data.path("assets/emblem.svg").write_bytes(IDENTITY_LOGO)
    colors = ", ".join(f'{name}: "{color}"' for name, color in IDENTITY_COLORS.items())
    data.replace("site.yml", "branch: main", f"branch: main\nlogo: assets/emblem.svg\ncolors: {{{colors}}}")
    return build_into(tmp_path_factory.mktemp("identity-site") / "site", data.root, today=FIXTURE_TODAY)


@pytest.fixture
def fixture_today(monkeypatch: pytest.MonkeyPatch) -> str:
    """PII_TODAY set to FIXTURE_TODAY, for tests that run a script (validate, build, add_update) on
    a copy of the fixture plan: the scripts read "today" from the environment."""
    monkeypatch.setenv("PII_TODAY", FIXTURE_TODAY)
    return FIXTURE_TODAY


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan with hostile text wherever data reaches a page (tests/hostile_plan.py), built
    once (both languages, on FIXTURE_TODAY) for the escaping tests of render/, outputs/ and pages/."""
    from hostile_plan import hostile_copy

    data = hostile_copy(tmp_path_factory.mktemp("hostile") / "data")
    return build_into(tmp_path_factory.mktemp("hostile-site") / "site", data.root, today=FIXTURE_TODAY)


@pytest.fixture(scope="session")
def base_url(site: Path, site_port: int) -> Iterator[str]:
    """http://127.0.0.1:<site_port>/pii-site/ serving the session build until the session ends: the
    address it was built for, because Material's language switch and sitemap compare absolute
    addresses."""
    from browser.serving import serve

    with serve(site, site_port, SITE_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def libreoffice() -> str:
    """The soffice program of Debian's libreoffice-calc-nogui, which the workbook tests open and save
    forms with (tests/form_filling.py). Marks its tests `office` (MARKERS)."""
    from office import SOFFICE

    assert Path(SOFFICE).is_file(), "LibreOffice is missing: apt-get install libreoffice-calc-nogui (as root)"
    return SOFFICE


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """One Chromium for the whole session (Playwright's sync API allows one at a time), shared by
    tests/browser/ and tests/test_invariants.py. Marks its tests `browser` (MARKERS)."""
    from browser.serving import chromium

    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def office() -> Office:
    """LibreOffice (soffice, headless) and poppler's PDF tools, as tests/office.py drives them. Fails,
    never skips, when one is missing (`make test` says how to install them). Marks its tests `office`."""
    return Office.find()
