"""News photos: an image a post shows, kept in the post's own folder (data/news/<post>/photo.jpg).
news.py calls `read_photo` once per photo a post shows, while the loader reads the post; it checks
the file (present, within the size and pixel limits, a JPEG or PNG that decodes) and makes the
copy the site serves: upright, at most MAX_WIDTH px wide, recompressed, without the camera's
metadata (a phone photo's EXIF may hold where it was taken). The copies are kept in an on-disk
cache (pii_site.source.build_cache) so validate, build and add_update decode each photo once, not every run.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
from pathlib import Path

import PIL
from PIL import Image

from pii_site.i18n import LANGUAGES
from pii_site.i18n.formatting import format_fixed
from pii_site.source import build_cache
from pii_site.source.entries import MEGABYTE, FileTooLarge, megabytes, read_regular, unreadable_reason
from pii_site.source.errors import Problem, file_problem
from pii_site.source.images import PILLOW_ERRORS, holds_metadata, in_srgb, opened, pixels_only, shape_problem, upright
from pii_site.source.news_body import read_body
from pii_site.source.schema.published import Photo

MAX_WIDTH = 1280  # px: wider than the content column on any screen the site is read on
MAX_BYTES = 20 * MEGABYTE  # a photo straight from a phone is 2-8 MB
# Decompression-bomb guard: a small file may claim a huge picture, which would take gigabytes to decode.
MAX_PIXELS = 40_000_000
# The longer side at most this many times the shorter: a phone's panorama is about 1:4 to 1:8; a
# 1 x 40,000,000 strip is no photo (and would be served as it is, being narrower than MAX_WIDTH).
MAX_RATIO = 10
JPEG_QUALITY = 80  # about a fifth of a phone photo's size with no visible loss at this width
# Pillow's format names of what may be read, with the file name endings staff may use for them.
# MPO is what Samsung and other phones save as .jpg: a JPEG followed by more views (depth, a
# second lens); its first frame is the photo, served as a plain JPEG. Pillow's JPEG reader opens
# it (there is no MPO reader of its own to ask for), so only OPENERS are tried.
FORMATS = {"JPEG": (".jpg", ".jpeg"), "MPO": (".jpg", ".jpeg"), "PNG": (".png",)}
OPENERS = ["JPEG", "PNG"]
# A file name in the post's folder: letters without accents, digits, ".", "_", "-" (it becomes a
# web address as is), ending in .jpg, .jpeg or .png.
FILE_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png|JPE?G|PNG)"
# An image as news posts write it: ![alt text](folder/file), on one line, without a title.
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<address>[^()\s]+)\)")
_MARKER = "pii-photo-marker-"  # photo_markdown's stand-in address; a photo's address holds a "/"
# Everything that shapes a copy: a cache entry made with other settings (or another Pillow, whose
# encoder may differ) is not found, and is made again.
_COPY_SETTINGS = hashlib.sha256(
    f"{MAX_WIDTH} {MAX_PIXELS} {MAX_RATIO} {JPEG_QUALITY} srgb-no-metadata {PIL.__version__}".encode()
).hexdigest()[:12]
# A cache entry (pii_site.source.build_cache): the copy's width and height, then the copy.
_ENTRY_HEADER = struct.Struct(">II")


# Copies already read in this process, by cache entry name: `mkdocs serve` reloads the plan on
# every change, and reads each photo's entry once per process, not once per keystroke.
_made: dict[str, tuple[int, int, bytes]] = {}


def address_pattern(post: str) -> re.Pattern[str]:
    """The addresses a post named `post` may show an image at: a file right in its own folder."""
    return re.compile(re.escape(post) + "/" + FILE_NAME)


def read_photo(
    news_dir: Path, address: str, label: str, line: int, cache_dir: Path | None = None
) -> tuple[Photo | None, Problem | None]:
    """The photo at `address` (matching address_pattern) under `news_dir`, or the problem with it,
    reported at `label`:`line` (the post's file and the image's line); the copy kept in the build
    cache at `cache_dir` (None: none)."""
    path = news_dir / address
    name = f"data/news/{address}"
    if path.parent.is_symlink() or path.is_symlink() or not path.exists() or path.is_dir():
        return None, file_problem(label, line, "news_photo_missing", photo=name)
    try:
        original = read_regular(path, MAX_BYTES)
    except FileTooLarge as error:
        return None, file_problem(
            label, line, "news_photo_file_too_big", photo=name, limit=MAX_BYTES // MEGABYTE, **megabytes(error.size)
        )
    except OSError as error:  # no permission, a named pipe, a file held by another program, a disk error
        reason_vi, reason_en = unreadable_reason(error)
        return None, file_problem(
            label, line, "news_photo_unreadable", photo=name, reason_vi=reason_vi, reason_en=reason_en
        )
    suffix = path.suffix.lower()
    # A copy kept in the build cache is checked before it is used (see _checked_copy).
    entry = f"{hashlib.sha256(original).hexdigest()}-{_COPY_SETTINGS}{suffix}"
    if entry not in _made:
        made = build_cache.cached(COPIES, cache_dir, entry)
        if made is None:
            made, problem = _resized(original, suffix, name, label, line)
            if problem is not None:
                return None, problem
            assert made is not None
            width, height, content = made
            build_cache.keep(COPIES, cache_dir, entry, _ENTRY_HEADER.pack(width, height) + content)
        _made[entry] = made
    width, height, content = _made[entry]
    return Photo(address, f"news/{address}", width, height, content), None


def _checked_copy(key: str, entry: bytes) -> tuple[int, int, bytes] | None:
    """A kept copy, if it is one this module makes: the format its name ends with, decoding whole,
    of the width and height its header says, at most MAX_WIDTH wide and MAX_RATIO long, and
    carrying no metadata. Anything else (HTML planted as anh.jpg, a claimed width of 4,000,000,000)
    is made again from the photo."""
    if len(entry) <= _ENTRY_HEADER.size:
        return None
    width, height = _ENTRY_HEADER.unpack_from(entry)
    content = entry[_ENTRY_HEADER.size :]
    wanted = "PNG" if key.endswith(".png") else "JPEG"
    try:
        with opened(content, [wanted]) as image:
            if image.format != wanted or image.size != (width, height):
                return None
            if width > MAX_WIDTH or shape_problem(width, height, MAX_PIXELS, MAX_RATIO) is not None:
                return None
            image.load()  # a PNG's chunks after its pixels are read only now
            if holds_metadata(image):
                return None
    except PILLOW_ERRORS:
        return None
    return width, height, content


COPIES = build_cache.EntryKind("photos", _checked_copy)


def _resized(
    original: bytes, suffix: str, name: str, label: str, line: int
) -> tuple[tuple[int, int, bytes] | None, Problem | None]:
    broken = file_problem(label, line, "news_photo_broken", photo=name)

    def too_many_pixels(found_vi: str, found_en: str) -> Problem:
        limit = MAX_PIXELS // 1_000_000
        return file_problem(
            label, line, "news_photo_too_many_pixels", photo=name, found_vi=found_vi, found_en=found_en, limit=limit
        )

    try:
        image = opened(original, OPENERS)
        if suffix not in FORMATS.get(image.format or "", ()):
            return None, broken
        shape = shape_problem(image.width, image.height, MAX_PIXELS, MAX_RATIO)
        if shape is not None and shape.problem == "pixels":
            millions = {lang: format_fixed(image.width * image.height / 1_000_000, lang, 1) for lang in LANGUAGES}
            return None, too_many_pixels(millions["vi"], millions["en"])
        if shape is not None:
            return None, file_problem(
                label, line, "news_photo_shape", photo=name, width=image.width, height=image.height, ratio=MAX_RATIO
            )
        image.load()  # decodes it all (an MPO's first frame): a corrupt file fails here, not in the build
    except Image.DecompressionBombError:  # past Pillow's own limit, before any of ours is asked
        bomb = 2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000
        return None, too_many_pixels(f"> {bomb}", f"> {bomb}")
    except PILLOW_ERRORS:  # Pillow on bad data
        return None, broken
    try:
        turned = upright(image)
    except PILLOW_ERRORS:  # an EXIF block of odd types (TypeError, struct.error in Pillow)
        return None, file_problem(label, line, "news_photo_exif", photo=name)
    try:
        return _encoded(in_srgb(turned), "PNG" if image.format == "PNG" else "JPEG"), None
    except PILLOW_ERRORS:
        return None, broken


def _encoded(image: Image.Image, image_format: str) -> tuple[int, int, bytes]:
    """`image` (in sRGB) at most MAX_WIDTH wide, saved in its own format from its pixels alone: no
    EXIF (a phone's GPS position), XMP, comment (a JPEG's may hold any text) or colour profile."""
    if image.width > MAX_WIDTH:
        height = max(1, round(image.height * MAX_WIDTH / image.width))
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        pixels_only(image).save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        if image.mode not in ("1", "L", "LA", "RGB", "RGBA", "P"):
            image = image.convert("RGBA")
        pixels_only(image).save(out, "PNG", optimize=True)
    return image.width, image.height, out.getvalue()


def photo_markdown(body: str, photos: dict[str, Photo]) -> str:
    """`body` (safe Markdown) with each image it shows followed by its attribute list. An image
    written inside code (`![...](...)` explaining the syntax) is text, and must stay as written: the
    body is rendered once with each image's address replaced by a numbered marker, and only the
    markers that come out as an <img> are images."""
    found = list(MARKDOWN_IMAGE.finditer(body))
    if not found:
        return body
    markers = iter(range(len(found)))
    marked = MARKDOWN_IMAGE.sub(lambda image: f"![{image['alt']}]({_MARKER}{next(markers)})", body)
    shown = {address.address for address in read_body(marked).addresses if address.tag == "img"}
    pieces, end = [], 0
    for number, image in enumerate(found):
        photo = photos.get(image["address"])
        pieces += [body[end : image.end()], photo.attributes() if photo and f"{_MARKER}{number}" in shown else ""]
        end = image.end()
    return "".join(pieces) + body[end:]
