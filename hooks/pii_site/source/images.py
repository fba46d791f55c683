"""What every image taken from data/ goes through before the site publishes it: Pillow's failures on
bad data named once, pixel and shape limits, colours moved to sRGB, and a copy holding the pixels
and nothing else (no EXIF, XMP, comment, text chunk or colour profile).
Used by news_photos.py (photos), identity.py (the PNG logo, and PNG or JPEG images inside an SVG
logo) and the build cache's checks of what it keeps (pii_site.source.build_cache).
"""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# What Pillow raises on a file that is not what it claims, cut short, or odd inside (an EXIF field
# of an unexpected type makes exif_transpose raise TypeError or struct.error). Caught where Pillow
# is called on data, each time with a message naming the file.
PILLOW_ERRORS: tuple[type[BaseException], ...] = (
    UnidentifiedImageError,
    OSError,
    ValueError,
    TypeError,
    SyntaxError,
    EOFError,
    IndexError,
    KeyError,
    ZeroDivisionError,
    struct.error,
    Image.DecompressionBombError,
)
_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Shape:
    """Why an image's size is refused: too many pixels or too long for its width (or the reverse)."""

    problem: str  # "pixels" or "ratio"
    width: int
    height: int


def shape_problem(width: int, height: int, max_pixels: int, max_ratio: float) -> Shape | None:
    """The problem with a picture of width x height, or None: at most `max_pixels` pixels, and its
    longer side at most `max_ratio` times the shorter (a 1 x 40,000,000 strip is no photo)."""
    if width < 1 or height < 1 or width * height > max_pixels:
        return Shape("pixels", width, height)
    if max(width, height) > max_ratio * min(width, height):
        return Shape("ratio", width, height)
    return None


def opened(content: bytes, formats: list[str]) -> Image.Image:
    """`content` opened (not yet decoded) as one of `formats`. Pillow's own bomb warning is silenced:
    every caller checks its own, lower, limit before decoding (Pillow still refuses past twice its
    limit, with DecompressionBombError). Raises one of PILLOW_ERRORS."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(content), formats=formats)


def upright(image: Image.Image) -> Image.Image:
    """`image` turned as its EXIF orientation says (phones store photos sideways). Raises one of
    PILLOW_ERRORS on an EXIF block Pillow cannot read."""
    return ImageOps.exif_transpose(image) or image


def in_srgb(image: Image.Image) -> Image.Image:
    """`image` with its colours converted from its embedded profile (a phone's Display P3, a print
    shop's CMYK) to sRGB, which is what browsers assume of a picture without one: the copy carries
    no profile, so without this step its colours would shift. A profile that cannot be read is left
    out, as browsers do."""
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    wanted = "RGBA" if "A" in image.getbands() else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
            image = image.convert(wanted)
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=wanted)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted or image


def pixels_only(image: Image.Image) -> Image.Image:
    """A copy of `image` made from its pixels alone (and, for a palette image, its palette and
    transparent colour): nothing of the file it came from (EXIF, XMP, comments, text, profile)
    can reach what is saved from it."""
    copy = Image.frombytes(image.mode, image.size, image.tobytes())
    if image.mode == "P":
        copy.putpalette(image.getpalette() or [])
        if "transparency" in image.info:
            copy.info["transparency"] = image.info["transparency"]
    return copy


# What Pillow may report of a file it wrote itself from pixels_only: the format's own structure,
# never anything carried over from a source file.
STRUCTURAL_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive", "progression",
                   "transparency", "gamma", "aspect", "adobe", "adobe_transform"}  # fmt: skip


def holds_metadata(image: Image.Image) -> bool:
    """Whether a decoded file carries anything but pixels and structure (EXIF, XMP, a comment, a
    profile, text chunks): used to check what the build cache hands back."""
    return bool(set(image.info) - STRUCTURAL_INFO) or bool(image.getexif())


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The chunks of a PNG that hold pixels (and their palette and transparent colour), nothing else.
PIXEL_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


def png_chunk_types(content: bytes) -> list[bytes] | None:
    """The chunk types of a PNG in order (walked by their lengths, without decoding), or None when
    `content` is not laid out as one: a cheap way to see that a PNG holds nothing but pixels."""
    if not content.startswith(PNG_SIGNATURE):
        return None
    types, at = [], len(PNG_SIGNATURE)
    while at + 8 <= len(content):
        length = int.from_bytes(content[at : at + 4], "big")
        types.append(content[at + 4 : at + 8])
        at += 12 + length
    return types if at == len(content) and types[-1:] == [b"IEND"] else None
