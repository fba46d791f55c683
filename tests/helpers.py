"""Test helpers every test module may import (`from helpers import ...`): the project's paths and
the fictional plan's day, scripts as callables, a copy of a data folder to break, the one function
that builds a site (build_into: a change to how builds get their settings touches only it), a free
port, a reader for built pages and the colours a built site's stylesheet applies. Fixtures live in tests/conftest.py, which uses these."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import importlib.util
import os
import re
import shutil
import socket
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import lxml.html
import yaml
from hypothesis import HealthCheck, settings

from pii_site.outputs.identity_files import STYLESHEET
from pii_site.settings import CACHE_VARIABLE, Settings
from pii_site.source.identity import rgb

PROJECT_DIR = Path(__file__).resolve().parent.parent
# The fictional commune (xã Sông Mây): its tasks.yml lists the edge cases it holds and where.
FIXTURE_DIR = PROJECT_DIR / "tests" / "fixtures" / "plan"
# The day the fixture is seen from: VII.2 is overdue, VIII.1 stale (no update for over 90 days).
FIXTURE_TODAY = "2026-11-26"
# The real plan, for tests/test_invariants.py only (checks that hold for any valid plan).
REAL_DATA_DIR = PROJECT_DIR / "data"
# The illustrative progress data: tests/fixtures/demo (made-up status files and news, the demo
# switch), laid over data/ as `make demo` does (tests/invariants/plans.py), and the day it is seen from.
DEMO_OVERLAY = PROJECT_DIR / "tests" / "fixtures" / "demo"
DEMO_TODAY = "2026-11-26"
# The path the served builds answer under (like a project page); browser tests serve them there.
SITE_PATH = "/pii-site/"


def load_script(name: str) -> ModuleType:
    """scripts/<name>.py (a staff command, or "maintainer/<name>" for a maintainer's tool) as a module,
    so tests can call its main(argv). The script's folder goes on the import path first, as running
    `python scripts/<name>.py` puts it there (for scripts/_project.py, or a tool's sibling modules)."""
    path = PROJECT_DIR / "scripts" / f"{name}.py"
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(f"script_{name.replace('/', '_')}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class DataCopy:
    """A copy of a data folder (the fixture plan unless told) in a temporary folder, with helpers to
    break one file and find the line."""

    def __init__(self, root: Path, source: Path = FIXTURE_DIR, leave_out: tuple[str, ...] = ()) -> None:
        """`leave_out`: names of the data folder's own files or folders not to copy (e.g. "news")."""
        self.root = root
        shutil.copytree(source, root, ignore=lambda folder, names: leave_out if Path(folder) == source else ())

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

    def drop_forms_of(self, *unit_ids: str) -> None:
        """Remove the report forms of `unit_ids` (data/reports/*/<unit id>.xlsx): a copy that rewords a
        task those units lead would otherwise hold forms made for the old wording, refused (as they
        should be) with "the tasks have changed since this form was made"."""
        for unit_id in unit_ids:
            for form in self.root.glob(f"reports/*/{unit_id}.xlsx"):
                form.unlink()

    def without_reporting(self) -> None:
        """No data/reporting.yml (an optional file), and so no report forms: a round's folder of
        data/reports/ needs its round in reporting.yml."""
        self.path("reporting.yml").unlink()
        shutil.rmtree(self.path("reports"), ignore_errors=True)

    def line_of(self, name: str, needle: str) -> int:
        text = self.path(name).read_text(encoding="utf-8")
        assert needle in text, f"{needle!r} not in {name}"
        return text[: text.index(needle)].count("\n") + 1


def build_into(
    site_dir: Path,
    data_dir: Path = FIXTURE_DIR,
    site_url: str | None = None,
    today: str | None = None,
    config_file: Path | None = None,
) -> Path:
    """Build both languages from `data_dir` into `site_dir` with hooks/pii_build.py, for `site_url`
    (None: data_dir's site.yml url). `today` (YYYY-MM-DD): pass FIXTURE_TODAY for the fixture plan;
    None is the real date, as the real data needs. `config_file`: another project's mkdocs.yml (its
    docs/ beside it), for tests that change the hand-written pages. The one place tests make the
    build's Settings."""
    day = dt.date.fromisoformat(today) if today else dt.date.today()
    settings = Settings(data_dir, day, site_url, cache_dir=Path(os.environ[CACHE_VARIABLE]))  # conftest's
    import pii_build  # MkDocs: imported by the tests that build only

    pii_build.build_site(site_dir, settings, *([config_file] if config_file else []))
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


def free_port() -> int:
    """A port nothing listens on now, for a site built for (and served at) that address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Page:
    """A built HTML page: its article's visible text, XPath queries, the article's links."""

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


def task_fields(page: Page) -> tuple[list[tuple[str, lxml.html.HtmlElement]], list[str]]:
    """The fields at the top of a built task page, as (label, its <dd> element) in order, and what is
    wrong with their markup: the fields are the article's first description list, which must be flat
    (no <dl> inside it) and alternate one <dt> and one <dd>, so that each label is read with its value."""
    lists = page.xpath("//article//dl")
    if not lists:
        return [], ["no description list"]
    fields_list, problems = lists[0], []
    if fields_list.xpath(".//dl"):
        problems.append("a description list inside the fields' description list")
    children = list(fields_list)
    tags = [child.tag for child in children]
    if tags != ["dt", "dd"] * (len(tags) // 2) or not tags:
        problems.append(f"the fields are not one <dt> then one <dd> each: {tags}")
    pairs = [(" ".join(dt.text_content().split()), dd) for dt, dd in zip(children[::2], children[1::2], strict=False)]
    return pairs, problems


def iter_html(site_dir: Path) -> Iterator[Path]:
    """Every built HTML file under `site_dir`, in a stable order."""
    yield from sorted(site_dir.rglob("*.html"))


# The logo and colours of `identity_site` (tests/conftest.py). The logo holds what drawing programs
# write and the check must let through: a gradient referred to inside the file and a raster image
# embedded as a data: address. The colours are typed in capitals, as some colour pickers copy them:
# the site must apply them all the same.
IDENTITY_LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 8 8">'
    b'<defs><radialGradient id="g"><stop offset="0" stop-color="#fff"/></radialGradient></defs>'
    b'<circle cx="4" cy="4" r="4" style="fill: url(#g)"/>'
    b'<image x="2" y="2" width="4" height="4" xlink:href="data:image/png;base64,'
    b'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgyIwBAAEyAMYduXL+AAAAAElFTkSuQmCC"/></svg>'
)
IDENTITY_COLORS = {"primary": "#00695C", "accent": "#AD1457"}


def stylesheet_colors(site_dir: Path, lang: str) -> dict[str, str]:
    """{"primary": "#rrggbb", "accent": ...} as the built identity stylesheet of `lang` sets them
    (in any case: a test about the case asserts it itself)."""
    css = (site_dir / lang / STYLESHEET).read_text(encoding="utf-8")
    return dict(re.findall(r"--md-(primary|accent)-fg-color: (#[0-9a-fA-F]{6});", css))


def css_rgb(color: str) -> str:
    """ "#37474f" as getComputedStyle writes it: "rgb(55, 71, 79)"."""
    return "rgb({}, {}, {})".format(*rgb(color))


def section_items(page: Any, anchor: str) -> list[str]:
    """The texts of the list items in the section of a parsed page under the heading with id `anchor`
    (folded or not)."""
    items = page.xpath(f'//article//li[preceding::h2[1][@id="{anchor}"]]')
    return [" ".join(item.text_content().split()) for item in items]


def flat(element: Any) -> str:
    """An element's text with its white space run together, as a reader sees it."""
    return " ".join(element.text_content().split())


def dcat_validator() -> Any:
    """A validator of data.json against DCAT-US 1.1's non-federal schema (GSA's ckanext-datajson; a copy in
    tests/fixtures/dcat-us/), format checks on: for the commune's catalogue and the province's."""
    import json

    import jsonschema
    import referencing
    from referencing.jsonschema import DRAFT4

    folder = FIXTURE_DIR.parent / "dcat-us"
    catalog = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    dataset = json.loads((folder / "dataset-non-federal.json").read_text(encoding="utf-8"))
    resource = referencing.Resource.from_contents(dataset, default_specification=DRAFT4)
    registry = referencing.Registry().with_resource(dataset["id"].rstrip("#"), resource)
    checker = jsonschema.Draft4Validator.FORMAT_CHECKER
    # Without an RFC 3986 parser installed, jsonschema lets any text through as a "uri".
    assert "uri" in checker.checkers, "install rfc3986-validator (test set): the uri format would go unchecked"
    return jsonschema.Draft4Validator(catalog, registry=registry, format_checker=checker)


# Texts that have tripped parsers, pages or feeds before: YAML's own words, look-alikes and
# invisible characters, markup, workflow commands, ids of the fixture plan.
AWKWARD = [
    "",
    " ",
    "null",
    "~",
    "yes",
    "No",
    "on",
    "0x1F",
    "1e309",
    ".nan",
    "-.inf",
    "2026-02-30",
    "2026-13-01",
    "{",
    "[",
    "*x",
    "&a",
    "!!python/object",
    "'",
    '"',
    "\\",
    "\u200b",
    "\ufeff",
    "\ufffe",
    "vii\u0456.1",
    "\U0001d54f",
    "e\u0301",
    "VII.1",
    "IX",
    "to-cong-tac-doi-moi",
    "index",
    "https://example.org/",
    "https://...",
    "javascript:alert(1)",
    "<script>x</script>",
    "%0A::error::x",
    "\r\n",
    "\x0b",
    "[" * 50,
]


def decompose(data: DataCopy, *names: str) -> None:
    for name in names:
        text = data.path(name).read_text(encoding="utf-8")
        assert unicodedata.normalize("NFD", text) != text, f"{name} has nothing to decompose"
        data.path(name).write_text(unicodedata.normalize("NFD", text), encoding="utf-8")


# Few examples per test and no deadline: each one loads a whole plan on a machine shared by others.
FEW = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


DATA_FILES = sorted(str(path.relative_to(FIXTURE_DIR)) for path in FIXTURE_DIR.rglob("*") if path.is_file())


def fixture_documents() -> dict[str, Any]:
    return {
        name: yaml.safe_load((FIXTURE_DIR / name).read_text(encoding="utf-8"))
        for name in DATA_FILES
        if name.endswith(".yml")
    }


@contextlib.contextmanager
def running(server: http.server.HTTPServer) -> Iterator[str]:
    """Serve until the block ends; yields the server's address (http://127.0.0.1:<port>/)."""
    # serve_forever looks for shutdown() every poll_interval (0.5 s by default): each server a test
    # stops would cost it that half second.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
