"""News photos (issue 13): the fixture plan's initiative-day post shows trung-bay.jpg (1,600 px wide,
committed) in both bodies. The built page serves a copy at most 1,280 px wide, beside the page,
with its size, lazy loading and the alt text of the page's language; phone photos come out upright
and without their camera metadata. Refusals (alt text, limits, broken files) are the bad-input
corpus's (tests/bad_inputs/photos.py)."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from pathlib import Path

import lxml.html
import pytest
from helpers import FIXTURE_TODAY, DataCopy
from PIL import Image

from pii_site import DataError, load_plan
from pii_site.source.news_photos import MAX_WIDTH

POST = "2026-05-12-ngay-hoi-sang-kien"
ORIGINAL = Path(__file__).parent / "fixtures" / "plan" / "news" / POST / "trung-bay.jpg"
ALT = {
    "vi": "Gian trưng bày sản phẩm OCAP tại Nhà văn hóa xã",
    "en": "The OCAP product stand at the Cultural House",
}
TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


def images(site: Path, lang: str) -> list:
    page = lxml.html.fromstring((site / lang / "news" / POST / "index.html").read_bytes())
    return page.xpath("//article//img")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_post_photo_is_served_resized_beside_its_page_with_size_lazy_loading_and_alt_text(site: Path, lang):
    [img] = images(site, lang)
    served = site / lang / "news" / POST / img.get("src")
    assert img.get("src") == "trung-bay.jpg"
    with Image.open(served) as photo:
        assert photo.format == "JPEG"
        assert (photo.width, photo.height) == (int(img.get("width")), int(img.get("height")))
    with Image.open(ORIGINAL) as original:
        assert original.width > MAX_WIDTH  # the fixture is wide enough to need resizing
        assert int(img.get("width")) == MAX_WIDTH
        # The proportions stay: 1,600 x 1,000 becomes 1,280 x 800.
        assert int(img.get("height")) == round(original.height * MAX_WIDTH / original.width)
    assert served.stat().st_size < 60_000
    assert (img.get("loading"), img.get("decoding")) == ("lazy", "async")
    assert img.get("alt") == ALT[lang]


def phone_photo() -> bytes:
    """A 2,000 x 1,000 JPEG as a phone stores a portrait shot: sideways, with EXIF saying to turn
    it (orientation 6) and where it was taken (GPS)."""
    image = Image.new("RGB", (2000, 1000), (30, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show
    exif[0x8825] = {1: "N", 2: (10.0, 30.0, 0.0)}  # GPSInfo: latitude
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=95)
    return out.getvalue()


def test_a_phone_photo_comes_out_upright_and_without_its_camera_metadata(data_copy: DataCopy):
    data_copy.path(f"news/{POST}/trung-bay.jpg").write_bytes(phone_photo())
    [post] = [post for post in load_plan(data_copy.root, TODAY).news if post.slug == POST]
    [photo] = post.photos
    # Upright it is 1,000 wide and 2,000 high: narrow enough to keep its size.
    assert (photo.width, photo.height) == (1000, 2000)
    with Image.open(io.BytesIO(photo.content)) as served:
        assert served.size == (1000, 2000)
        assert not served.getexif()  # no orientation left to apply twice, no place it was taken
    assert '{ width="1000" height="2000" loading="lazy" decoding="async" }' in post.body("vi")


def test_a_png_stays_a_png_and_is_not_enlarged(data_copy: DataCopy):
    data_copy.replace(f"news/{POST}.md", "trung-bay.jpg", "so-do.png", count=2)
    out = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(out, "PNG")
    data_copy.path(f"news/{POST}/so-do.png").write_bytes(out.getvalue())
    [post] = [post for post in load_plan(data_copy.root, TODAY).news if post.slug == POST]
    [photo] = post.photos
    assert (photo.site_path, photo.width, photo.height) == (f"news/{POST}/so-do.png", 300, 200)
    with Image.open(io.BytesIO(photo.content)) as served:
        assert (served.format, served.mode) == ("PNG", "RGBA")


def test_a_post_opening_with_a_photo_is_summed_up_by_its_first_paragraph_of_text(data_copy: DataCopy):
    post_file = f"news/{POST}.md"
    text = data_copy.path(post_file).read_text(encoding="utf-8")
    image_line = next(line for line in text.splitlines() if line.startswith("![Gian"))
    opening = "Ngày hội **sáng kiến** lần đầu"
    data_copy.replace(post_file, image_line + "\n", "")
    data_copy.replace(post_file, opening, image_line + "\n\n" + opening)
    data_copy.replace(
        post_file,
        'summary:\n  vi: "Hơn 30 sáng kiến của người dân được trưng bày tại Nhà văn hóa xã."\n  en: "More than 30 residents\' initiatives were shown at the Cultural House."\n',
        "",
    )
    [post] = [post for post in load_plan(data_copy.root, TODAY).news if post.slug == POST]
    assert post.lead_vi.startswith("Ngày hội sáng kiến lần đầu của xã Sông Mây")


def test_a_photo_past_pillows_own_bomb_limit_is_refused_as_too_large_not_as_broken(data_copy: DataCopy):
    """A PNG header claiming 20,000 x 10,000 pixels (Pillow itself refuses to open past about 179
    million): only the header is written, since the check must come before any decoding."""
    header = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 20_000, 10_000, 8, 2, 0, 0, 0))
    data_copy.replace(f"news/{POST}.md", "trung-bay.jpg", "bom.png", count=2)
    data_copy.path(f"news/{POST}/bom.png").write_bytes(header + png_chunk(b"IEND", b""))
    with pytest.raises(DataError) as refused:
        load_plan(data_copy.root, TODAY)
    assert "có quá nhiều điểm ảnh: > 178 triệu" in str(refused.value)
    assert "has too many pixels: > 178 million" in str(refused.value)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
