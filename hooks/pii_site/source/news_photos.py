"""News photos: an image a post shows, kept in the post's own folder (data/news/<post>/photo.jpg).
news.py calls `read_photo` for each image a body shows, while the loader reads the post; it checks
the file (present, within the size and pixel limits, a JPEG or PNG that decodes) and makes the
copy the site serves: upright, at most MAX_WIDTH px wide, recompressed, without the camera's
metadata (a phone photo's EXIF may hold where it was taken). The hook adds it as a generated file.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from pii_site.source.errors import Problem, file_problem

MAX_WIDTH = 1280  # px: wider than the content column on any screen the site is read on
MAX_BYTES = 20 * 1024 * 1024  # a photo straight from a phone is 2-8 MB
# Decompression-bomb guard: a small file may claim a huge picture, which would take gigabytes to decode.
MAX_PIXELS = 40_000_000
JPEG_QUALITY = 80  # about a fifth of a phone photo's size with no visible loss at this width
# Pillow's format names of what may be read, with the file name endings staff may use for them.
FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}
# A file name in the post's folder: letters without accents, digits, ".", "_", "-" (it becomes a
# web address as is), ending in .jpg, .jpeg or .png.
FILE_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png|JPE?G|PNG)"
# An image as news posts write it: ![alt text](folder/file), on one line, without a title.
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<address>[^()\s]+)\)")


@dataclass(frozen=True)
class Photo:
    address: str  # as the body writes it, relative to the post's file: "<post>/photo.jpg"
    site_path: str  # the generated file beside the post's page: "news/<post>/photo.jpg"
    width: int  # of the copy served
    height: int
    content: bytes

    def attributes(self) -> str:
        """Markdown attribute list (attr_list) for the image: its size, so the page does not jump
        while it loads, and lazy loading, so a reader who never scrolls to it never downloads it."""
        return f'{{ width="{self.width}" height="{self.height}" loading="lazy" decoding="async" }}'


# Resized copies by the SHA-256 of the original and its name: `mkdocs serve` reloads the plan on
# every change, and a photo is decoded and encoded once per process, not once per keystroke.
_made: dict[tuple[str, str], tuple[int, int, bytes]] = {}


def address_pattern(post: str) -> re.Pattern[str]:
    """The addresses a post named `post` may show an image at: a file right in its own folder."""
    return re.compile(re.escape(post) + "/" + FILE_NAME)


def read_photo(news_dir: Path, address: str, label: str, line: int) -> tuple[Photo | None, Problem | None]:
    """The photo at `address` (matching address_pattern) under `news_dir`, or the problem with it,
    reported at `label`:`line` (the post's file and the image's line)."""
    path = news_dir / address
    name = f"data/news/{address}"
    if path.parent.is_symlink() or path.is_symlink() or not path.is_file():
        return None, file_problem(label, line, "news_photo_missing", photo=name)
    size = path.stat().st_size
    if size > MAX_BYTES:
        megabytes = f"{size / 1024 / 1024:.1f}"
        return None, file_problem(
            label, line, "news_photo_too_big", photo=name, size=megabytes, limit=MAX_BYTES // 1024 // 1024
        )
    original = path.read_bytes()
    key = (hashlib.sha256(original).hexdigest(), path.suffix.lower())
    if key not in _made:
        made, problem = _resized(original, path.suffix.lower(), name, label, line)
        if problem is not None:
            return None, problem
        assert made is not None
        _made[key] = made
    width, height, content = _made[key]
    return Photo(address, f"news/{address}", width, height, content), None


def _resized(
    original: bytes, suffix: str, name: str, label: str, line: int
) -> tuple[tuple[int, int, bytes] | None, Problem | None]:
    broken = file_problem(label, line, "news_photo_broken", photo=name)

    def too_large(found: str) -> Problem:
        limit = MAX_PIXELS // 1_000_000
        return file_problem(label, line, "news_photo_too_large", photo=name, found=found, limit=limit)

    try:
        with warnings.catch_warnings():
            # Pillow warns past its own pixel limit (higher than ours, checked below before decoding).
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(original), formats=list(FORMATS))
            if suffix not in FORMATS.get(image.format or "", ()):
                return None, broken
            pixels = image.width * image.height
            if pixels > MAX_PIXELS:
                return None, too_large(f"{pixels / 1_000_000:.1f}")
            image.load()  # decodes it all: a truncated or corrupt file fails here, not in the build
            upright = ImageOps.exif_transpose(image)
            return _encoded(upright, image.format or "", image.info.get("icc_profile")), None
    except Image.DecompressionBombError:  # Pillow refuses to open past twice its own limit
        return None, too_large(f"> {2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000}")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):  # Pillow on bad data
        return None, broken


def _encoded(image: Image.Image, image_format: str, icc_profile: bytes | None) -> tuple[int, int, bytes]:
    """`image` at most MAX_WIDTH wide, saved in its own format; only its colour profile is kept."""
    if image.width > MAX_WIDTH:
        height = max(1, round(image.height * MAX_WIDTH / image.width))
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
            extra = {}  # a CMYK profile does not describe the RGB copy
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, **extra)
    else:
        image.save(out, "PNG", optimize=True, **extra)
    return image.width, image.height, out.getvalue()


def photo_markdown(body: str, photos: dict[str, Photo]) -> str:
    """`body` (safe Markdown) with each image's attribute list after it."""

    def with_attributes(found: re.Match[str]) -> str:
        photo = photos.get(found["address"])
        return found.group() + photo.attributes() if photo else found.group()

    return MARKDOWN_IMAGE.sub(with_attributes, body)
