"""News photos: every way an image in a post can be wrong. The fixture plan's initiative
day post shows one photo, trung-bay.jpg, in both bodies; each case spoils it (or its alt text, or
its address) and the message must name the post's file and the image's line. A spoilt file is
reported once, at the Vietnamese image's line, naming the English image's line too."""

from __future__ import annotations

import io
from collections.abc import Callable

from helpers import DataCopy
from PIL import Image

from bad_inputs import BadInput, fixture_line
from pii_site.source.entries import MEGABYTE
from pii_site.source.errors import message
from pii_site.source.news_photos import MAX_BYTES, MAX_PIXELS

POST = "news/2026-05-12-ngay-hoi-sang-kien.md"
FOLDER = "news/2026-05-12-ngay-hoi-sang-kien"
PHOTO = f"{FOLDER}/trung-bay.jpg"
ADDRESS = "2026-05-12-ngay-hoi-sang-kien/trung-bay.jpg"
ALT_VI = "Gian trưng bày sản phẩm OCAP tại Nhà văn hóa xã"
ALT_EN = "The OCAP product stand at the Cultural House"
SHOWN = f"data/news/{ADDRESS}"  # how the messages name the photo
OTHER_POST = "2026-08-03-lop-hoc-so-khai-giang"


def also_at_english_line() -> tuple[str, ...]:
    """The fragments saying the spoilt photo is also shown at the English image's line."""
    return message("news_photo_also_at", lines=fixture_line(POST, f"![{ALT_EN}]"))


def replace_photo(content: bytes, name: str = PHOTO) -> Callable[[DataCopy], int]:
    """A spoiler putting `content` in place of the post's photo; the line named is the Vietnamese image's."""

    def spoil(data: DataCopy) -> int:
        data.path(name).write_bytes(content)
        return data.line_of(POST, f"![{ALT_VI}]")

    return spoil


def png(size: tuple[int, int], mode: str = "1") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


def mpo() -> bytes:
    """A photo as Samsung phones save it: an MPO file, a JPEG followed by a second view."""
    out = io.BytesIO()
    first, second = Image.new("RGB", (64, 48), (200, 30, 30)), Image.new("RGB", (64, 48), (30, 30, 200))
    first.save(out, "MPO", save_all=True, append_images=[second])
    return out.getvalue()


def truncated_jpeg(data: DataCopy) -> int:
    photo = data.path(PHOTO)
    photo.write_bytes(photo.read_bytes()[:2000])
    return data.line_of(POST, f"![{ALT_VI}]")


def padded_jpeg(data: DataCopy) -> int:
    """A real JPEG followed by junk up to past the size limit (the file is checked before it is read)."""
    photo = data.path(PHOTO)
    with photo.open("ab") as file:
        file.truncate(MAX_BYTES + MEGABYTE)
    return data.line_of(POST, f"![{ALT_VI}]")


def image_line(old: str, new: str):
    return lambda data: data.replace(POST, old, new)


CASES = [
    BadInput(
        "news-photo-without-vietnamese-alt-text",
        image_line(f"![{ALT_VI}]", "![ ]"),
        POST,
        "news_photo_alt",
        {"found": ADDRESS},
        problems=1,
    ),
    BadInput(
        "news-photo-without-english-alt-text",
        image_line(f"![{ALT_EN}]", "![]"),
        POST,
        "news_photo_alt",
        {"found": ADDRESS},
        problems=1,
    ),
    BadInput(
        "news-photo-from-another-host",
        image_line(f"({ADDRESS})", "(https://other.example/anh.jpg)"),
        POST,
        "news_image",
        {"found": "https://other.example/anh.jpg", "post": "2026-05-12-ngay-hoi-sang-kien"},
        problems=1,
    ),
    BadInput(
        "news-photo-outside-the-posts-folder",
        image_line(f"({ADDRESS})", "(../status/anh.jpg)"),
        POST,
        "news_image",
        {"found": "../status/anh.jpg", "post": "2026-05-12-ngay-hoi-sang-kien"},
        problems=1,
    ),
    BadInput(
        "news-photo-with-a-title",
        image_line(f"({ADDRESS})", f'({ADDRESS} "Ảnh")'),
        POST,
        "news_photo_form",
        {"found": ADDRESS},
        problems=1,
    ),
    BadInput(
        "news-photo-file-missing",
        image_line(f"({ADDRESS})", f"({ADDRESS.replace('trung-bay', 'khong-co')})"),
        POST,
        "news_photo_missing",
        {"photo": SHOWN.replace("trung-bay", "khong-co")},
        problems=1,
    ),
    BadInput(
        "news-photo-cut-short",
        truncated_jpeg,
        POST,
        "news_photo_broken",
        {"photo": SHOWN},
        says=also_at_english_line(),
        problems=1,  # once, though each language's body shows it
    ),
    BadInput(
        "news-photo-a-png-named-jpg",
        replace_photo(png((40, 30))),
        POST,
        "news_photo_broken",
        {"photo": SHOWN},
        says=also_at_english_line(),
        problems=1,
    ),
    BadInput(
        "news-photo-not-an-image",
        replace_photo(b"<html>not a photo</html>"),
        POST,
        "news_photo_broken",
        {"photo": SHOWN},
        says=also_at_english_line(),
        problems=1,
    ),
    BadInput(
        "news-photo-over-the-size-limit",
        padded_jpeg,
        POST,
        "news_photo_file_too_big",
        {"photo": SHOWN, "size_vi": "21,0", "size_en": "21.0", "limit": MAX_BYTES // MEGABYTE},
        says=also_at_english_line(),
        problems=1,
    ),
    BadInput(
        # A decompression bomb: a small file claiming a picture that would take gigabytes to decode.
        "news-photo-over-the-pixel-limit",
        lambda data: (
            data.replace(POST, ADDRESS, ADDRESS.replace(".jpg", ".png"), count=2),
            replace_photo(png((8000, MAX_PIXELS // 8000 + 1)), PHOTO.replace(".jpg", ".png"))(data),
        )[1],
        POST,
        "news_photo_too_many_pixels",
        {
            "photo": SHOWN.replace(".jpg", ".png"),
            "found_vi": "40,0",
            "found_en": "40.0",
            "limit": MAX_PIXELS // 1_000_000,
        },
        says=also_at_english_line(),
        problems=1,
    ),
    BadInput(
        # A Samsung phone's .jpg (MPO: a JPEG with more views) is accepted, but not named .png.
        "news-photo-a-phone-mpo-named-png",
        lambda data: (
            data.replace(POST, ADDRESS, ADDRESS.replace(".jpg", ".png"), count=2),
            replace_photo(mpo(), PHOTO.replace(".jpg", ".png"))(data),
        )[1],
        POST,
        "news_photo_broken",
        {"photo": SHOWN.replace(".jpg", ".png")},
        says=also_at_english_line(),
        problems=1,
    ),
    BadInput(
        "news-photo-in-the-vietnamese-text-only",
        lambda data: (data.replace(POST, f"![{ALT_EN}]({ADDRESS})", ""), data.line_of(POST, f"![{ALT_VI}]"))[1],
        POST,
        "news_photo_only_vi",
        {"found": ADDRESS},
        problems=1,
    ),
    BadInput(
        "news-photo-in-the-english-text-only",
        lambda data: (data.replace(POST, f"![{ALT_VI}]({ADDRESS})", ""), data.line_of(POST, f"![{ALT_EN}]"))[1],
        POST,
        "news_photo_only_en",
        {"found": ADDRESS},
        problems=1,
    ),
    BadInput(
        "news-photo-named-with-accents",
        image_line(f"({ADDRESS})", f"({ADDRESS.replace('trung-bay', 'trưng-bày')})"),
        POST,
        "news_image",
        {"found": ADDRESS.replace("trung-bay", "trưng-bày"), "post": "2026-05-12-ngay-hoi-sang-kien"},
        problems=1,
    ),
    BadInput(
        "news-photo-named-with-a-space",
        image_line(f"({ADDRESS})", f"({ADDRESS.replace('trung-bay', 'trung bay')})"),
        POST,
        "news_image",
        {"found": ADDRESS.replace("trung-bay", "trung bay"), "post": "2026-05-12-ngay-hoi-sang-kien"},
        problems=1,
    ),
    BadInput(
        "news-photo-in-another-posts-folder",
        image_line(f"({ADDRESS})", f"({OTHER_POST}/trung-bay.jpg)"),
        POST,
        "news_image",
        {"found": f"{OTHER_POST}/trung-bay.jpg", "post": "2026-05-12-ngay-hoi-sang-kien"},
        problems=1,
    ),
]
