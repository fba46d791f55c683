"""The site's identity: WCAG contrast as the checker computes it, the colours, logo and
favicon in the built site, and the QR code printed on the plan, task and unit pages. On the fixture
plan (no logo, default colours) and on a copy of it given a logo and colours of its own."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
import segno
from helpers import (
    FIXTURE_TODAY,
    IDENTITY_COLORS,
    IDENTITY_LOGO,
    DataCopy,
    Page,
    iter_html,
    stylesheet_colors,
)

from pii_site import load_plan
from pii_site.i18n import LANGUAGES, Labels, urls
from pii_site.source.errors import DataError, message
from pii_site.source.identity import DEFAULT_COLORS, MINIMUM_CONTRAST, WHITE, contrast_ratio
from pii_site.source.svg_logo import checked_svg


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),  # the largest contrast there is
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.478),  # WebAIM's checker: 4.47:1 (cut, not rounded)
        ("#767676", "#ffffff", 4.542),  # the palest grey that passes AA on white
        ("#ffffff", "#0000ff", 8.592),  # order does not matter
    ],
)
def test_contrast_ratio_is_wcag_s(first, second, ratio):
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.001)


def test_default_colours_pass_wcag_aa_against_white():
    assert contrast_ratio(DEFAULT_COLORS.primary, WHITE) >= MINIMUM_CONTRAST
    assert contrast_ratio(DEFAULT_COLORS.accent, WHITE) >= MINIMUM_CONTRAST


def _head_links(page: Page, rel: str) -> list[str]:
    return [link.get("href") for link in page.xpath(f"//head/link[@rel='{rel}']")]


def test_without_logo_or_colours_the_site_has_its_own_favicon_and_the_civic_default(site: Path, page):
    for lang in LANGUAGES:
        assert stylesheet_colors(site, lang) == {"primary": DEFAULT_COLORS.primary, "accent": DEFAULT_COLORS.accent}
        plan_page = page(lang, "plan/")
        [favicon] = _head_links(plan_page, "icon")
        assert favicon == "../assets/images/favicon.svg"
        assert (site / lang / "assets/images/favicon.svg").read_bytes().startswith(b"<svg")
        assert any(href.endswith("assets/stylesheets/identity.css") for href in _head_links(plan_page, "stylesheet"))
        # Material's own header icon, not an image of ours.
        assert plan_page.xpath("//header//a[contains(@class, 'md-logo')]/img") == []


def test_configured_logo_is_the_header_logo_and_the_favicon(identity_site: Path):
    for lang in LANGUAGES:
        task_page = Page(identity_site / lang / "tasks" / "index.html")
        [logo] = task_page.xpath("//header//a[contains(@class, 'md-logo')]/img/@src")
        assert _head_links(task_page, "icon") == [logo] == ["../assets/images/logo.svg"]
        # Written again from the parts the allow-list let through, which here are all of them.
        assert (identity_site / lang / "assets/images/logo.svg").read_bytes() == checked_svg(IDENTITY_LOGO)[0]


def test_configured_colours_are_material_s_primary_and_accent_in_one_case(identity_site: Path):
    # Typed in capitals, written in lower case like the default: one spelling for every check of colours.
    lower = {name: color.lower() for name, color in IDENTITY_COLORS.items()}
    assert lower != IDENTITY_COLORS
    for lang in LANGUAGES:
        assert stylesheet_colors(identity_site, lang) == lower


def _logo_problems(data: DataCopy) -> list[str]:
    """The English messages of load_plan's problems about site.yml's logo."""
    with pytest.raises(DataError) as refused:
        load_plan(data.root, dt.date.fromisoformat(FIXTURE_TODAY))
    return [p.text_en for p in refused.value.problems if "logo" in p.text_en]


def test_a_logo_that_cannot_be_read_is_refused_with_a_message(data_copy: DataCopy, monkeypatch):
    # The tests run as root, for whom no file is unreadable: reading fails as it would without permission.
    data_copy.path("assets").mkdir()
    data_copy.path("assets/emblem.svg").write_bytes(IDENTITY_LOGO)
    data_copy.replace("site.yml", "branch: main", "branch: main\nlogo: assets/emblem.svg")
    os_open = os.open

    def refusing(path, *args, **kwargs) -> int:
        if Path(path).name == "emblem.svg":
            raise PermissionError(13, "Permission denied")
        return os_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    [_vi, expected] = message("logo_unreadable", found="assets/emblem.svg", detail="Permission denied")
    assert _logo_problems(data_copy) == [expected]


# --- The printed QR code ---------------------------------------------------------------------


def _printed_address(page: Page) -> list[str]:
    return [
        " ".join(t.split())
        for t in page.xpath("//aside[@class='pii-print-qr']//*[@class='pii-print-qr__address']/text()")
    ]


def test_plan_task_and_unit_pages_print_their_own_address_and_a_qr_code(site: Path, plan):
    notices = [urls.PLAN, urls.task_page(plan.tasks[0].id), urls.unit_page(plan.units[0].id)]
    for lang in LANGUAGES:
        for source in notices:
            built = Page(site / lang / urls.address(source) / "index.html")
            [canonical] = _head_links(built, "canonical")
            assert _printed_address(built) == [canonical], source
            # The code drawn is the one segno makes of the canonical address, module for module (the
            # browser test reads it back from the printed rendering with a QR decoder).
            [drawn] = built.xpath("//aside[@class='pii-print-qr']//*[local-name()='svg']/*[local-name()='path']/@d")
            expected = segno.make(canonical, error="m", micro=False).svg_inline(omitsize=True)
            assert f'd="{drawn}"' in expected


def test_no_other_page_prints_a_qr_code(site: Path, plan):
    notices = {urls.PLAN, *(urls.task_page(t.id) for t in plan.tasks), *(urls.unit_page(u.id) for u in plan.units)}
    notice_files = {site / lang / urls.address(p) / "index.html" for p in notices for lang in LANGUAGES}
    with_code = {path for path in iter_html(site) if b"pii-print-qr" in path.read_bytes()}
    assert with_code == notice_files


def test_the_printed_qr_block_and_address_are_not_in_the_search_index(site: Path):
    # Searching "QR" or "address" (or the words around them) would otherwise list every page.
    for lang in LANGUAGES:
        index = (site / lang / "search" / "search_index.json").read_text(encoding="utf-8")
        words = json.loads(index)["docs"]
        assert words, "the search index is empty"
        labels = (Labels(lang)("print.qr"), Labels(lang)("print.address"))
        # The staff guide (docs/<lang>/guide.md) explains the printed QR code in its own words, found by "QR".
        generated = [doc for doc in words if not doc["location"].startswith("guide/")]
        assert not [
            doc["location"] for doc in generated if "QR" in doc["text"] or any(x in doc["text"] for x in labels)
        ]
        assert index.count("pii-print-address") == 0


def test_without_a_public_address_no_page_prints_a_qr_code(relative_site: Path):
    assert not [path for path in iter_html(relative_site) if b'class="pii-print-qr"' in path.read_bytes()]
