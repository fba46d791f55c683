"""Link previews (what Zalo or Facebook show for a shared link): the Open Graph and Twitter card tags
of every page type in both languages, their absence without a public address, and the share image
made at build time (title, colour, logo, font coverage). The fixture plan, built once (`site`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import lxml.html
import pytest
from helpers import FIXTURE_TODAY, DataCopy
from PIL import Image, PngImagePlugin

from pii_site import Plan, load_plan
from pii_site.i18n import LANGUAGES, urls
from pii_site.outputs import link_preview, share_image
from pii_site.pages import render_site
from pii_site.source.identity import site_colors
from pii_site.source.news import plain_summary

OG_TAGS = ("og:type", "og:site_name", "og:title", "og:description", "og:url", "og:locale", "og:locale:alternate")
IMAGE_TAGS = ("og:image", "og:image:width", "og:image:height", "og:image:alt", "og:image:type")
TWITTER_TAGS = ("twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt")
LOCALES = {"vi": ("vi_VN", "en_US"), "en": ("en_US", "vi_VN")}


def page_addresses(plan: Plan) -> dict[str, str]:
    """Every page type: its name -> its address under the language folder."""
    return {
        "home": "",
        "plan": urls.address(urls.PLAN),
        "pii explainer": urls.address(urls.PII_INDEX),
        "pillars": urls.address(urls.PILLARS),
        "a pillar": urls.address(urls.pillar_page(plan.pillars[0].id)),
        "tasks": urls.address(urls.TASKS),
        "a task": urls.address(urls.task_page(plan.tasks[0].id)),
        "units": urls.address(urls.UNITS),
        "a unit": urls.address(urls.unit_page(plan.units[0].id)),
        "progress": urls.address(urls.PROGRESS),
        "open data": urls.address(urls.OPEN_DATA),
        "news": urls.address(urls.NEWS),
        "a news post": urls.address(urls.news_page(plan.news[0].slug)),
        "glossary": urls.address(urls.PII_GLOSSARY),
        "guide": "guide/",
        "404": "404.html",
    }


def tags(tree) -> dict[str, list[str]]:
    """Every Open Graph (property=) and Twitter (name=) tag of the <head>, by name."""
    found: dict[str, list[str]] = {}
    for meta in tree.xpath("//head/meta[@property or @name]"):
        found.setdefault(meta.get("property") or meta.get("name"), []).append(meta.get("content"))
    return found


def _heading(tree) -> str:
    """The page's <h1> as read, without its permalink mark."""
    h1 = tree.xpath("//article//h1")[0]
    for permalink in h1.xpath(".//a[contains(@class, 'headerlink')]"):
        permalink.drop_tree()
    return " ".join(h1.text_content().split())


def html_file(site_dir: Path, lang: str, address: str) -> Path:
    return site_dir / lang / address if address.endswith(".html") else site_dir / lang / address / "index.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_type_has_its_link_preview(site: Path, plan: Plan, lang: str):
    site_url = lxml.html.fromstring(html_file(site, lang, "").read_bytes()).xpath("//link[@rel='canonical']/@href")[0]
    full_name = getattr(plan.site.name, lang)
    for kind, address in page_addresses(plan).items():
        tree = lxml.html.fromstring(html_file(site, lang, address).read_bytes())
        found = tags(tree)
        expected = [*OG_TAGS, *IMAGE_TAGS, *TWITTER_TAGS]
        if kind == "404":
            expected.remove("og:url")  # a missing page has no address of its own
        assert {name: len(found.get(name, [])) for name in expected} == dict.fromkeys(expected, 1), kind
        one = {name: values[0] for name, values in found.items()}
        assert (
            "og:url" not in one if kind == "404" else one["og:url"] == tree.xpath("//link[@rel='canonical']/@href")[0]
        )
        assert (one["og:locale"], one["og:locale:alternate"]) == LOCALES[lang]
        assert one["og:type"] == ("article" if kind == "a news post" else "website"), kind
        assert one["og:site_name"] == full_name
        heading = _heading(tree) if kind != "404" else None
        assert one["og:title"] == (full_name if kind in ("home", "404") else heading), kind
        assert one["twitter:title"] == one["og:title"]
        assert one["twitter:card"] == "summary_large_image"
        description = one["og:description"]
        assert description.strip() and len(description) <= link_preview.DESCRIPTION_LIMIT
        assert found["description"] == [description] == found["twitter:description"], kind
        # The image: an absolute address of a PNG of this site, as large as the tags say.
        image = one["og:image"]
        assert image == one["twitter:image"] and image.startswith(site_url), kind
        with Image.open(site / lang / image.removeprefix(site_url)) as shown:
            assert shown.format == "PNG" and one["og:image:type"] == "image/png"
            assert shown.size == (int(one["og:image:width"]), int(one["og:image:height"])) == (1200, 630)
        assert one["og:image:alt"] == one["twitter:image:alt"] and one["og:title"] in one["og:image:alt"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_descriptions_come_from_the_page_own_data(site: Path, plan: Plan, lang: str):
    def description(address: str) -> str:
        tree = lxml.html.fromstring(html_file(site, lang, address).read_bytes())
        return tree.xpath("//head/meta[@property='og:description']/@content")[0]

    task, unit, post = plan.tasks[0], plan.units[0], plan.news[0]
    assert description(urls.address(urls.task_page(task.id))) == link_preview.one_sentence(getattr(task.text, lang))
    assert description(urls.address(urls.unit_page(unit.id))) == link_preview.one_sentence(
        getattr(unit.description, lang)
    )
    assert description(urls.address(urls.news_page(post.slug))) == link_preview.one_sentence(plain_summary(post, lang))
    assert description("") == getattr(plan.site.description, lang)


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis():
    text = "Một câu rất dài " * 30
    cut = link_preview.one_sentence(text)
    assert len(cut) <= link_preview.DESCRIPTION_LIMIT and cut.endswith("…")
    kept = cut.removesuffix("…")
    assert text.startswith(kept + " ")  # whole words only


def test_without_a_public_address_no_preview_names_an_address(relative_site: Path):
    for lang in LANGUAGES:
        for path in sorted((relative_site / lang).rglob("*.html")):
            found = tags(lxml.html.fromstring(path.read_bytes()))
            assert not {"og:url", *IMAGE_TAGS, "twitter:image", "twitter:image:alt"} & set(found), path
            assert found["og:title"] and found["og:description"] and found["og:locale"], path
            assert not any("://" in value for name, values in found.items() for value in values if ":" in name), path
        assert not (relative_site / lang / link_preview.SHARE_FOLDER).exists()  # no image nothing names


def _image(site_dir: Path, lang: str, address: str) -> Image.Image:
    tree = lxml.html.fromstring(html_file(site_dir, lang, address).read_bytes())
    image = tree.xpath("//head/meta[@property='og:image']/@content")[0]
    return Image.open(site_dir / lang / image.split(f"/{lang}/", 1)[1]).convert("RGB")


def test_share_images_differ_with_the_title_and_language_in_the_primary_colour(site: Path, plan: Plan):
    first, second = (urls.address(urls.task_page(task.id)) for task in plan.tasks[:2])
    images = {(lang, address): _image(site, lang, address) for lang in LANGUAGES for address in (first, second)}
    assert images["vi", first].tobytes() != images["vi", second].tobytes()  # another title
    assert images["vi", first].tobytes() != images["en", first].tobytes()  # the title in the other language
    primary = site_colors(plan.site).primary
    for image in images.values():
        count, dominant = max(image.getcolors(maxcolors=1 << 16) or [])
        assert isinstance(dominant, tuple)  # an RGB image's colours are (r, g, b)
        assert "#{:02x}{:02x}{:02x}".format(*dominant) == primary and count > image.width * image.height / 2


def _home_image(data_dir: Path) -> Image.Image:
    plan = load_plan(data_dir, dt.date.fromisoformat(FIXTURE_TODAY))
    previews = link_preview.link_previews(plan, "vi", render_site(plan, "vi"), "https://example.org/vi/")
    files = {file.path: file.content for file in previews.images}
    address = previews.pages[urls.HOME].image
    assert address is not None
    return Image.open(io.BytesIO(files[address.removeprefix("https://example.org/vi/")])).convert("RGB")


def test_a_png_logo_is_drawn_in_the_corner_and_an_svg_one_is_not(data_copy: DataCopy):
    plain = _home_image(data_copy.root)
    Image.new("RGB", (200, 200), "#c62828").save(data_copy.path("logo.png"))
    data_copy.path("logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    site_yml = data_copy.path("site.yml").read_text(encoding="utf-8")
    corner = (share_image.WIDTH - share_image.MARGIN - share_image.LOGO_SIZE, share_image.MARGIN)
    corner_box = (*corner, corner[0] + share_image.LOGO_SIZE, corner[1] + share_image.LOGO_SIZE)
    rest_box = (0, corner_box[3], share_image.WIDTH, share_image.HEIGHT)

    data_copy.path("site.yml").write_text(site_yml + "\nlogo: logo.png\n", encoding="utf-8")
    with_png = _home_image(data_copy.root)
    assert with_png.crop(corner_box).getcolors() == [(share_image.LOGO_SIZE**2, (0xC6, 0x28, 0x28))]
    assert with_png.crop(rest_box).tobytes() == plain.crop(rest_box).tobytes()  # the title is untouched

    data_copy.path("site.yml").write_text(site_yml + "\nlogo: logo.svg\n", encoding="utf-8")
    assert _home_image(data_copy.root).tobytes() == plain.tobytes()


def test_a_share_image_drawn_once_is_read_from_the_cache_by_the_next_run(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(share_image, "_made", {})  # a new run: nothing drawn in this process yet
    cache_dir = tmp_path / "cache"
    first = share_image.share_image("PII Sông Mây", "Nhiệm vụ I.1", "#37474f", None, cache_dir)
    assert [entry.suffix for entry in (tmp_path / "cache" / "share").iterdir()] == [".png"]

    def no_drawing(*args, **kwargs):
        raise AssertionError("the image was drawn again")

    monkeypatch.setattr(share_image, "_made", {})
    monkeypatch.setattr(share_image, "_drawn", no_drawing)
    assert share_image.share_image("PII Sông Mây", "Nhiệm vụ I.1", "#37474f", None, cache_dir) == first
    with pytest.raises(AssertionError, match="drawn again"):  # another title is another entry
        share_image.share_image("PII Sông Mây", "Nhiệm vụ I.2", "#37474f", None, cache_dir)


def test_the_shipped_font_draws_every_title_and_site_name_of_the_fixture(plan: Plan):
    for lang in LANGUAGES:
        previews = link_preview.link_previews(plan, lang, render_site(plan, lang), "")
        texts = {preview.title for preview in previews.pages.values()}
        texts |= {getattr(plan.site.name, lang), getattr(plan.site.short_name or plan.site.name, lang)}
        missing = {char for text in texts for char in text if not share_image.in_font(char)}
        assert missing == set(), lang
    # Vietnamese needs every letter with its marks, composed or typed as base letter + combining marks.
    letters = "ăâđêôơưĂÂĐÊÔƠƯ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA)) + "–—‘’“”…"
    assert share_image.drawable(letters) == letters
    assert share_image.drawable("Vie\u0302\u0323t Nam") == "Việt Nam"


def test_a_character_outside_the_font_is_replaced_not_drawn_as_a_box():
    assert share_image.drawable("Xã 漢 ok") == f"Xã {share_image.REPLACEMENT} ok"


def test_a_long_title_is_wrapped_at_words_on_at_most_four_lines():
    font = share_image._font(share_image.TITLE_SIZE)
    width = share_image.WIDTH - 2 * share_image.MARGIN
    title = "Nâng cao chỉ số đổi mới sáng tạo cấp địa phương " * 6
    lines = share_image.title_lines(title.strip(), font, width)
    assert len(lines) == share_image.MAX_TITLE_LINES and lines[-1].endswith("…")
    assert all(font.getlength(line) <= width for line in lines)
    words = title.split()
    assert " ".join(lines).removesuffix("…").split() == words[: len(" ".join(lines).split())]
    assert share_image.title_lines("Ngắn", font, width) == ["Ngắn"]


def test_a_page_title_is_its_first_heading_not_a_comment_of_its_front_matter():
    markdown = "---\n# a comment on the setting below\nsearch_summary: true\n---\n\n# Hướng dẫn\n\nText.\n"
    assert link_preview.page_title(markdown) == "Hướng dẫn"
    assert link_preview.page_title("# III\\.2 &lt;b&gt;\n\n---\n\n# Later\n") == "III.2 <b>"


@pytest.mark.usefixtures("fixture_today")
def test_a_planted_share_image_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(share_image, "_made", {})
    drawn = share_image.share_image("PII", "Nhiệm vụ", "#37474f", None, tmp_path / "cache")
    [entry] = (tmp_path / "cache" / "share").iterdir()
    with Image.open(io.BytesIO(drawn)) as image:  # a real PNG, but with a text chunk in it
        out = io.BytesIO()
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "<script>alert(1)</script>")
        image.save(out, "PNG", pnginfo=info)
    planted = out.getvalue()
    entry.write_bytes(hashlib.sha256(planted).digest() + planted)
    monkeypatch.setattr(share_image, "_made", {})
    assert share_image.share_image("PII", "Nhiệm vụ", "#37474f", None, tmp_path / "cache") == drawn


@pytest.mark.usefixtures("fixture_today")
def test_a_title_word_of_5000_combining_marks_is_drawn_quickly():
    import time

    word = "a" + "\u0301" * 5000
    start = time.process_time()
    lines = share_image.title_lines(share_image.drawable(word), share_image._font(share_image.TITLE_SIZE), 1040)
    assert time.process_time() - start < 1.0  # it took seconds when cut one measure per character
    assert len(lines) == 1 and len(lines[0]) <= share_image.WORD_LIMIT  # no more of it is ever measured
