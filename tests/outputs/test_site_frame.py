"""The frame around every page of the fixture site (header, banner, search dialog, headings), as a
reader or a screen reader meets it; the HTML is read, no browser needed."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
import yaml
from helpers import FIXTURE_DIR, SITE_PATH, Page, iter_html
from hostile_plan import FRAME_HOSTILE, FRAME_TASK, FRAME_UNIT

from pii_site.i18n import LANGUAGES, Labels, urls

SITE = yaml.safe_load((FIXTURE_DIR / "site.yml").read_text(encoding="utf-8"))


def test_no_empty_banner_above_the_header_without_a_demo_notice(site: Path):
    # Material draws a dark strip for any non-empty output of the announce block, whitespace too.
    assert [
        path for path in iter_html(site) if Page(path).xpath("//*[contains(concat(' ', @class, ' '), ' md-banner ')]")
    ] == []


def test_the_demonstration_notice_is_the_banner_of_a_demo_build(hostile_site: Path):
    for lang in LANGUAGES:
        [banner] = Page(hostile_site / lang / "index.html").xpath(
            "//*[contains(concat(' ', @class, ' '), ' md-banner ')]"
        )
        assert banner.xpath(".//*[contains(@class, 'pii-demo-notice')]//text()")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_logo_tooltip_reads_the_site_name_as_typed(site: Path, lang: str):
    # The English short name holds an apostrophe, which used to show as "Commune&#39;s".
    home = Page(site / lang / "index.html")
    assert {link.get("title") for link in home.xpath("//a[contains(@class, 'md-logo')]")} == {SITE["short_name"][lang]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_header_shows_the_short_name_and_the_home_tab_the_full_name(page, lang: str):
    home, task = page(lang, ""), page(lang, urls.address(urls.TASKS))
    for shown in (home, task):
        [header] = shown.xpath("//header//*[contains(@class, 'md-header__topic')][1]//span")
        assert header.text_content().strip() == SITE["short_name"][lang]
    assert home.xpath("//title")[0].text_content() == SITE["name"][lang]
    assert task.xpath("//title")[0].text_content().endswith(f" - {SITE['short_name'][lang]}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_dialog_has_an_accessible_name(site: Path, lang: str):
    [dialog] = Page(site / lang / "index.html").xpath("//*[@role='dialog']")
    assert dialog.get("aria-label", "").strip()


def test_headings_never_skip_a_level(site: Path):
    # A screen reader's list of headings loses its shape when h1 is followed by h3.
    skips = []
    for path in iter_html(site):
        previous = 1
        for heading in Page(path).xpath("//article//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5]"):
            level = int(heading.tag[1])
            if level > previous + 1:
                skips.append(f"{path.relative_to(site)}: h{previous} -> h{level} {heading.text_content().strip()!r}")
            previous = level
    assert skips == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_detail_page_shows_where_it_is(page, plan, lang: str):
    # A task, a unit and a news post are not in the menu: the breadcrumb leads back through their
    # overview, and the menu highlights that overview while they are read.
    for detail, overview in [
        (urls.task_page(plan.tasks[0].id), urls.TASKS),
        (urls.unit_page(plan.units[0].id), urls.UNITS),
        (urls.news_page(plan.news[0].slug), urls.NEWS),
    ]:
        shown = page(lang, urls.address(detail))
        here = f"http://site/{urls.address(detail)}"
        crumbs = [urljoin(here, link.get("href")) for link in shown.xpath("//nav[contains(@class, 'md-path')]//a")]
        assert crumbs == ["http://site/", f"http://site/{urls.address(overview)}"], detail
        menu = "//nav[contains(@class, 'md-nav--primary')]//li[contains(@class, 'md-nav__item--active')]/a"
        assert [urljoin(here, link.get("href")) for link in shown.xpath(menu)] == crumbs[1:], detail


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_404_page_speaks_the_pages_language_with_search_and_links_to_the_main_pages(site: Path, lang: str):
    page = Page(site / lang / "404.html")
    label = Labels(lang)
    assert page.tree.get("lang") == lang
    assert [h.text_content() for h in page.xpath("//article//h1")] == [label("not_found.title")]
    [form] = page.xpath("//article//form[@role='search']")
    assert form.xpath(".//input[@name='q']/@id") == form.xpath(".//label/@for")
    # The public address's path, as every link of the 404 page (it is served at any missing address).
    home = f"{SITE_PATH}{lang}/"
    assert form.get("action") == home
    links = dict(zip(page.xpath("//article//li/a/text()"), page.xpath("//article//li/a/@href"), strict=True))
    for key, source in (("not_found.home", urls.HOME), ("nav.plan", urls.PLAN), ("nav.tasks", urls.TASKS)):
        assert links[label(key)] == home + urls.address(source)
    assert "404 - Not found" not in page.path.read_text(encoding="utf-8")


def test_the_root_404_page_speaks_both_languages_and_knows_the_sites_folders(site: Path):
    page = Page(site / "404.html")
    assert [h.text_content() for h in page.xpath("//h1")] == [Labels(lang)("not_found.title") for lang in LANGUAGES]
    [script] = page.xpath("//script/text()")
    assert '["vi", "en"]' in script and '"tasks"' in script and '"units"' in script
    assert f'"{SITE_PATH}"' in script  # the public address's path, tried when the address has no language
    assert page.xpath("//@href") == ["data:,"]  # no address: any would be relative to the missing one


UNIT_ADDRESS = urls.address(urls.unit_page(FRAME_UNIT))


@pytest.mark.parametrize("address", ["", "units/", UNIT_ADDRESS, urls.address(urls.task_page(FRAME_TASK))])
def test_data_text_in_the_page_frame_adds_no_element(hostile_site: Path, address: str):
    html = (hostile_site / "vi" / address / "index.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    assert "alert(9)" in html
    scripts = [s.text_content() for s in tree.xpath("//script")]
    assert not any("alert(9)" in s for s in scripts), "a script from the data runs"
    assert tree.xpath("//b[normalize-space()='x']") == []
    titles = tree.xpath("//title")
    assert len(titles) == 1
    if address == UNIT_ADDRESS:
        assert titles[0].text_content().startswith(FRAME_HOSTILE)  # shown exactly as typed
    # The site's description (home, units overview) or the unit's or task's own text (their pages).
    assert tree.xpath('//meta[@name="description"]/@content') == [FRAME_HOSTILE]
    for name in ("og:description", "og:site_name"):
        assert tree.xpath(f'//meta[@property="{name}"]/@content') == [FRAME_HOSTILE], name
    assert tree.xpath('//meta[@name="twitter:description"]/@content') == [FRAME_HOSTILE]
    if address == UNIT_ADDRESS:
        assert tree.xpath('//meta[@property="og:title"]/@content') == [FRAME_HOSTILE]
