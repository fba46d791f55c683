"""The site's identity (issue 13): WCAG contrast as the checker computes it, the colours, logo and
favicon in the built site, and the QR code printed on the plan, task and unit pages. On the fixture
plan (no logo, default colours) and on a copy of it given a logo and colours of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import segno
from helpers import FIXTURE_TODAY, DataCopy, Page, build_into, iter_html

from pii_site.i18n import LANGUAGES, urls
from pii_site.source.identity import DEFAULT_COLORS, MINIMUM_CONTRAST, WHITE, contrast_ratio

LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>'


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


def _stylesheet_colors(site_dir: Path, lang: str) -> dict[str, str]:
    css = (site_dir / lang / "assets/stylesheets/identity.css").read_text(encoding="utf-8")
    return dict(re.findall(r"--md-(primary|accent)-fg-color: (#[0-9a-f]{6});", css))


def _head_links(page: Page, rel: str) -> list[str]:
    return [link.get("href") for link in page.xpath(f"//head/link[@rel='{rel}']")]


def test_without_logo_or_colours_the_site_has_its_own_favicon_and_the_civic_default(site: Path, page):
    for lang in LANGUAGES:
        assert _stylesheet_colors(site, lang) == {"primary": DEFAULT_COLORS.primary, "accent": DEFAULT_COLORS.accent}
        plan_page = page(lang, "plan/")
        [favicon] = _head_links(plan_page, "icon")
        assert favicon == "../assets/images/favicon.svg"
        assert (site / lang / "assets/images/favicon.svg").read_bytes().startswith(b"<svg")
        assert any(href.endswith("assets/stylesheets/identity.css") for href in _head_links(plan_page, "stylesheet"))
        # Material's own header icon, not an image of ours.
        assert plan_page.xpath("//header//a[contains(@class, 'md-logo')]/img") == []


@pytest.fixture(scope="module")
def identity_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan with a logo in data/assets/ and colours of its own."""
    data = DataCopy(tmp_path_factory.mktemp("identity") / "data")
    data.path("assets").mkdir()
    data.path("assets/emblem.svg").write_bytes(LOGO)
    data.replace(
        "site.yml",
        "branch: main",
        'branch: main\nlogo: assets/emblem.svg\ncolors: {primary: "#00695c", accent: "#ad1457"}',
    )
    return build_into(tmp_path_factory.mktemp("identity-site") / "site", data.root, today=FIXTURE_TODAY)


def test_configured_logo_is_the_header_logo_and_the_favicon(identity_site: Path):
    for lang in LANGUAGES:
        task_page = Page(identity_site / lang / "tasks" / "index.html")
        [logo] = task_page.xpath("//header//a[contains(@class, 'md-logo')]/img/@src")
        assert _head_links(task_page, "icon") == [logo] == ["../assets/images/logo.svg"]
        assert (identity_site / lang / "assets/images/logo.svg").read_bytes() == LOGO


def test_configured_colours_are_material_s_primary_and_accent(identity_site: Path):
    for lang in LANGUAGES:
        assert _stylesheet_colors(identity_site, lang) == {"primary": "#00695c", "accent": "#ad1457"}


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
            # No QR decoder is installed (zbar is not in the build's packages): the code drawn must be
            # the one segno makes of the canonical address, module for module.
            [drawn] = built.xpath("//aside[@class='pii-print-qr']//*[local-name()='svg']/*[local-name()='path']/@d")
            expected = segno.make(canonical, error="m", micro=False).svg_inline(omitsize=True)
            assert f'd="{drawn}"' in expected


def test_no_other_page_prints_a_qr_code(site: Path, plan):
    notices = {urls.PLAN, *(urls.task_page(t.id) for t in plan.tasks), *(urls.unit_page(u.id) for u in plan.units)}
    notice_files = {site / lang / urls.address(p) / "index.html" for p in notices for lang in LANGUAGES}
    with_code = {path for path in iter_html(site) if b"pii-print-qr" in path.read_bytes()}
    assert with_code == notice_files


def test_without_a_public_address_no_page_prints_a_qr_code(relative_site: Path):
    assert not [path for path in iter_html(relative_site) if b'class="pii-print-qr"' in path.read_bytes()]
