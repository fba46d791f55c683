"""A site built without a public address (`make build` on a fresh clone, the preview) names no
host anywhere, so it works wherever it is served; with an address, the site keeps absolute
canonical links, sitemap and feed links, as CI publishing needs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import lxml.etree
import material
import pytest
from helpers import FIXTURE_DIR, FIXTURE_TODAY, SITE_PATH, iter_html

from pii_site import load_plan
from pii_site.outputs.site_frame import language_site
from pii_site.settings import RELATIVE, Settings

MATERIAL_FILES = Path(material.__file__).parent / "templates"
ATOM = "{http://www.w3.org/2005/Atom}"


def own_files(site: Path) -> list[Path]:
    """Every file of the build except those copied unchanged from Material's theme (its
    JavaScript source map quotes "127.0.0.1" in a comment; it is never an address the site uses)."""
    files = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site)
        vendored = MATERIAL_FILES / Path(*relative.parts[1:]) if len(relative.parts) > 1 else None
        if vendored and vendored.is_file() and vendored.read_bytes() == path.read_bytes():
            continue
        files.append(path)
    return files


def test_no_output_file_names_the_local_address_or_any_address_of_the_site(relative_site: Path):
    files = own_files(relative_site)
    assert len(files) > 50 and any(p.suffix == ".xml" for p in files) and any(p.name == "404.html" for p in files)
    offending = {}
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        found = re.findall(r"127\.0\.0\.1|localhost:\d+|http://0\.0\.0\.0", text)
        if found:
            offending[str(path.relative_to(relative_site))] = sorted(set(found))
    assert offending == {}


def test_head_links_language_switch_404_and_root_page_are_relative(relative_site: Path):
    """Every href and src in every page is relative (or to another host: a cited source)."""
    absolute_to_site = []
    for path in [*iter_html(relative_site)]:
        tree = lxml.etree.parse(str(path), lxml.etree.HTMLParser())
        for attribute in tree.xpath("//@href | //@src | //meta[@http-equiv='refresh']/@content"):
            value = str(attribute).removeprefix("0; url=")
            if value.startswith("/") and not value.startswith("//"):
                absolute_to_site.append(f"{path.relative_to(relative_site)}: {value}")
    assert absolute_to_site == []
    home = lxml.etree.parse(str(relative_site / "vi" / "tasks" / "index.html"), lxml.etree.HTMLParser())
    assert home.xpath("//link[@rel='canonical']") == []
    assert home.xpath("//a[@hreflang='en']/@href") == ["../../en/tasks/"]
    assert home.xpath("//link[@type='application/atom+xml']/@href") == ["../feed.xml"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_feed_without_an_address_links_relative_to_itself(relative_site: Path, lang):
    feed = lxml.etree.parse(str(relative_site / lang / "feed.xml")).getroot()
    hrefs = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert "feed.xml" in hrefs and "progress/" in hrefs
    assert all(not re.match(r"[a-z]+:|/", href) for href in hrefs), hrefs
    sitemap = (relative_site / lang / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" not in sitemap  # MkDocs lists nothing rather than wrong addresses


def test_with_an_address_canonical_links_sitemap_and_feed_stay_absolute(site: Path, site_port: int):
    # The session build is made for an address (the one the browser tests serve it at).
    address = f"http://127.0.0.1:{site_port}{SITE_PATH}"
    page = lxml.etree.parse(str(site / "en" / "tasks" / "index.html"), lxml.etree.HTMLParser())
    assert page.xpath("//link[@rel='canonical']/@href") == [f"{address}en/tasks/"]
    assert page.xpath("//link[@type='application/atom+xml']/@href") == [f"{address}en/feed.xml"]
    assert page.xpath("//a[@hreflang='vi']/@href") == [f"{address}vi/tasks/"]
    assert f"<loc>{address}en/tasks/</loc>" in (site / "en" / "sitemap.xml").read_text(encoding="utf-8")
    feed = lxml.etree.parse(str(site / "en" / "feed.xml")).getroot()
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{address}en/feed.xml"


def test_relative_wins_over_an_address_in_site_yml_for_the_preview():
    plan = load_plan(FIXTURE_DIR, dt.date.fromisoformat(FIXTURE_TODAY))
    plan = dataclasses.replace(plan, site=plan.site.model_copy(update={"url": "https://commune.example/"}))
    relative = language_site(plan, Settings(FIXTURE_DIR, plan.today, RELATIVE, "en"))
    assert relative.site_url == "" and [alt["link"] for alt in relative.alternate] == ["../vi/", "../en/"]
    configured = language_site(plan, Settings(FIXTURE_DIR, plan.today, None, "en"))
    assert configured.site_url == "https://commune.example/en/"
