"""News photos: the fixture plan's initiative-day post shows trung-bay.jpg (1,600 px wide,
committed) in both bodies; the Digital Classroom post, in Vietnamese only, shows lop-hoc.jpg. The
built page serves a copy at most 1,280 px wide, beside the page, with its size, lazy loading and
the alt text of the page's language; phone photos come out upright and without their camera
metadata; the copies are kept in an on-disk cache. Refusals (alt text, limits, broken files) are
the bad-input corpus's (tests/bad_inputs/photos.py)."""

from __future__ import annotations

import datetime as dt
import io
import os
import struct
import zlib
from pathlib import Path

import lxml.html
import pytest
from helpers import FIXTURE_TODAY, DataCopy
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms

from pii_site import DataError, load_plan
from pii_site.settings import Settings
from pii_site.source import news_photos
from pii_site.source.errors import message
from pii_site.source.images import holds_metadata
from pii_site.source.news_photos import (
    MAX_WIDTH,
    _resized,  # noqa: E402
)

POST = "2026-05-12-ngay-hoi-sang-kien"
VIETNAMESE_ONLY = "2026-08-03-lop-hoc-so-khai-giang"
ORIGINAL = Path(__file__).parents[1] / "fixtures" / "plan" / "news" / POST / "trung-bay.jpg"
ALT = {
    "vi": "Gian trưng bày sản phẩm OCAP tại Nhà văn hóa xã",
    "en": "The OCAP product stand at the Cultural House",
}
TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


def images(site: Path, lang: str, post: str = POST) -> list:
    page = lxml.html.fromstring((site / lang / "news" / post / "index.html").read_bytes())
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


def the_post(data_dir: Path, slug: str = POST, cache_dir: Path | None = None):
    [post] = [post for post in load_plan(data_dir, TODAY, cache_dir=cache_dir).news if post.slug == slug]
    return post


def test_a_vietnamese_only_posts_photo_is_on_its_english_page_too_with_its_size(site: Path):
    [vi], [en] = images(site, "vi", VIETNAMESE_ONLY), images(site, "en", VIETNAMESE_ONLY)
    assert en.get("src") == vi.get("src") == "lop-hoc.jpg"
    with Image.open(site / "en" / "news" / VIETNAMESE_ONLY / "lop-hoc.jpg") as served:
        assert served.size == (int(en.get("width")), int(en.get("height"))) == (800, 500)
    # The English page shows the Vietnamese body, its photo described in Vietnamese.
    assert en.get("alt") == vi.get("alt") == "Học viên khóa hai học trên máy tính bảng tại Thư viện xã"
    assert (en.get("loading"), en.get("decoding")) == ("lazy", "async")


def mpo_photo() -> bytes:
    """A 2,000 x 1,000 photo as Samsung phones save it: MPO, a JPEG followed by a second view."""
    out = io.BytesIO()
    first, second = Image.new("RGB", (2000, 1000), (200, 30, 30)), Image.new("RGB", (2000, 1000), (30, 30, 200))
    first.save(out, "MPO", save_all=True, append_images=[second])
    return out.getvalue()


def test_a_samsung_phones_mpo_photo_is_served_as_a_plain_jpeg_of_its_first_view(data_copy: DataCopy):
    original = mpo_photo()
    with Image.open(io.BytesIO(original)) as opened:
        assert opened.format == "MPO"  # the case the review found refused as "broken"
    data_copy.path(f"news/{POST}/trung-bay.jpg").write_bytes(original)
    [photo] = the_post(data_copy.root).photos
    assert (photo.width, photo.height) == (MAX_WIDTH, 640)
    with Image.open(io.BytesIO(photo.content)) as served:
        assert served.format == "JPEG" and getattr(served, "n_frames", 1) == 1
        pixel = served.getpixel((10, 10))
        assert isinstance(pixel, tuple) and pixel[0] > 150 and pixel[2] < 80  # the first view, red, not the second


def test_an_image_written_inside_code_is_shown_as_written(data_copy: DataCopy):
    """A post explaining how to add a photo quotes the syntax in code: the build adds the size to
    the photo shown, not to the text quoted."""
    quoted = f"![mô tả]({POST}/trung-bay.jpg)"
    data_copy.replace(
        f"news/{POST}.md",
        "Ngày hội **sáng kiến** lần đầu",
        f"Cách chèn ảnh: `{quoted}`.\n\n    {quoted}\n\nNgày hội **sáng kiến** lần đầu",
    )
    body = the_post(data_copy.root).body("vi")
    assert f"`{quoted}`." in body and f"    {quoted}\n" in body
    assert body.count('{ width="1280" height="800" loading="lazy" decoding="async" }') == 1


@pytest.fixture
def photo_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of copies (the_post's cache_dir is its parent), and a process that has
    read no photo yet (as a new run)."""
    monkeypatch.setattr(news_photos, "_made", {})
    return tmp_path / "cache" / "photos"


def test_a_photo_decoded_once_is_read_from_the_cache_by_the_next_run(
    data_copy: DataCopy, photo_cache: Path, monkeypatch: pytest.MonkeyPatch
):
    [first] = the_post(data_copy.root, cache_dir=photo_cache.parent).photos
    assert len(list(photo_cache.iterdir())) == 2  # the two posts' photos
    monkeypatch.setattr(news_photos, "_made", {})

    def no_decoding(*args, **kwargs):
        raise AssertionError("the photo was decoded again")

    monkeypatch.setattr(news_photos, "_resized", no_decoding)
    [again] = the_post(data_copy.root, cache_dir=photo_cache.parent).photos
    assert again == first


def test_a_damaged_cache_entry_is_not_trusted_but_made_again(
    data_copy: DataCopy, photo_cache: Path, monkeypatch: pytest.MonkeyPatch
):
    [first] = the_post(data_copy.root, cache_dir=photo_cache.parent).photos
    kept = {entry: entry.read_bytes() for entry in photo_cache.iterdir()}
    for entry, content in kept.items():  # as a disk error or a hand edit could leave them
        entry.write_bytes(content[:-100] + bytes(100))
    monkeypatch.setattr(news_photos, "_made", {})
    [again] = the_post(data_copy.root, cache_dir=photo_cache.parent).photos
    assert again == first
    assert {entry: entry.read_bytes() for entry in photo_cache.iterdir()} == kept


def test_without_the_variable_the_cache_is_in_the_project_folder(data_copy: DataCopy, monkeypatch):
    monkeypatch.setattr(news_photos, "_made", {})
    settings = Settings.from_environ({}, data_copy.root.parent, data_dir=data_copy.root)
    the_post(settings.data_dir, cache_dir=settings.cache_dir)
    assert len(list((data_copy.root.parent / ".cache" / "pii-site" / "photos").iterdir())) == 2  # two posts' photos


def test_a_photo_that_cannot_be_opened_is_reported_not_a_traceback(data_copy: DataCopy, monkeypatch):
    photo = data_copy.path(f"news/{POST}/trung-bay.jpg")
    os_open = os.open

    def refusing(path, *args, **kwargs) -> int:
        if Path(path) == photo:
            raise PermissionError(13, "Permission denied")
        return os_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    with pytest.raises(DataError) as refused:
        load_plan(data_copy.root, TODAY)
    reason_vi, reason_en = message("unreadable.permission")
    shown = f"data/news/{POST}/trung-bay.jpg"
    vi, en = message("news_photo_unreadable", photo=shown, reason_vi=reason_vi, reason_en=reason_en)
    assert vi in str(refused.value) and en in str(refused.value)


POST_FOLDER = "news/2026-05-12-ngay-hoi-sang-kien"


PHOTO = f"{POST_FOLDER}/trung-bay.jpg"


def load(data: DataCopy, cache_dir: Path | None = None):
    return load_plan(data.root, TODAY, cache_dir=cache_dir)


def jpeg_with_everything() -> bytes:
    """A phone-like JPEG carrying a comment (text a person may not know is there), EXIF with a GPS
    position, XMP and a Display P3 colour profile."""
    image = Image.new("RGB", (64, 48), (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"
    exif[0x8825] = {1: "N", 2: (10.0, 12.0, 5.0)}  # GPS
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    out = io.BytesIO()
    image.save(
        out, "JPEG", comment=b"<script>alert(1)</script> 0912 345 678", exif=exif, xmp=b"<x:xmpmeta/>",
        icc_profile=profile,
    )  # fmt: skip
    return out.getvalue()


@pytest.mark.usefixtures("fixture_today")
def test_a_published_photo_holds_pixels_only(data_copy: DataCopy, tmp_path, monkeypatch):
    data_copy.path(PHOTO).write_bytes(jpeg_with_everything())
    [photo] = [
        photo
        for post in load(data_copy, tmp_path / "cache").news
        for photo in post.photos
        if photo.site_path.endswith(PHOTO)
    ]
    assert b"alert" not in photo.content and b"0912" not in photo.content and b"xmpmeta" not in photo.content
    with Image.open(io.BytesIO(photo.content)) as published:
        published.load()
        assert not holds_metadata(published) and "icc_profile" not in published.info
        assert (published.width, published.height) == (64, 48)


FAST = settings(max_examples=300, deadline=None)


exif_values = st.one_of(
    st.integers(-(2**40), 2**40), st.text(max_size=20), st.binary(max_size=20),
    st.tuples(st.integers(0, 2**31), st.integers(0, 2**31)), st.floats(allow_nan=True),
    st.lists(st.integers(0, 255), max_size=5).map(tuple),
)  # fmt: skip


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.slow  # random inputs by the hundred: a fuzzing run, in `make test`, not in the edit loop
@settings(FAST, max_examples=60)
@given(
    tags=st.dictionaries(
        st.sampled_from([0x0112, 0x010F, 0x0132, 0x9286, 0x8825, 0x8769, 0xA420]), exif_values, max_size=4
    )
)
def test_a_photo_with_any_exif_is_published_without_metadata_or_explained(tags: dict[int, object]) -> None:
    exif = Image.Exif()
    for tag, value in tags.items():
        exif[tag] = value
    out = io.BytesIO()
    try:
        Image.new("RGB", (32, 24), (10, 200, 30)).save(out, "JPEG", exif=exif, comment=b"secret 0912")
    except Exception:  # noqa: BLE001 - Pillow cannot write this EXIF at all: no such photo exists
        return
    made, problem = _resized(out.getvalue(), ".jpg", "data/news/x/a.jpg", "data/news/x.md", 3)
    if problem is not None:
        assert problem.line == 3 and problem.text_en
        return
    assert made is not None
    with Image.open(io.BytesIO(made[2])) as published:
        published.load()
        assert not holds_metadata(published) and b"secret" not in made[2]
