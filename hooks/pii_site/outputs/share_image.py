"""The share image of a page (what Zalo or Facebook show beside a shared link): a 1200x630 PNG in
the site's primary colour with the site's short name, the page's title and the PNG logo if any.
Called by outputs/link_preview.py for every page; the font ships in fonts/ (see its README), so no
system font and no download is needed. Images are kept by a hash of their inputs in memory and in
the build cache (pii_site.source.build_cache): a rebuild draws only the pages whose title changed.
"""

from __future__ import annotations

import functools
import hashlib
import io
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from pii_site.source import build_cache
from pii_site.source.images import PILLOW_ERRORS, PIXEL_CHUNKS, opened, png_chunk_types

WIDTH, HEIGHT = 1200, 630  # Open Graph's recommended size, shown whole by summary_large_image cards
MARGIN = 80
FONT_FILE = Path(__file__).parent / "fonts" / "DejaVuSans-Bold-subset.ttf"
NAME_SIZE, TITLE_SIZE, TITLE_LEADING = 40, 64, 80
MAX_TITLE_LINES = 4
LOGO_SIZE = 120  # px, the logo's box in the top right corner
REPLACEMENT = "?"  # drawn for a character the font lacks, instead of an empty box
# Part of every cache key: a change to the drawing must not reuse images drawn by the old code.
DRAWING_VERSION = "3"
# Characters of one word that are ever measured: a line holds at most about 40 of the title's
# letters, so a longer word is cut to this many before its width is asked for. Measuring costs in
# proportion to the text measured (a word of 5,000 combining marks took seconds per image when it
# was shortened one character and one measure at a time), so nothing longer reaches the font.
WORD_LIMIT = 120
# Characters of a title ever laid out: MAX_TITLE_LINES lines of at most WORD_LIMIT each.
TITLE_LIMIT = MAX_TITLE_LINES * (WORD_LIMIT + 1)


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), size)


@functools.cache
def _missing_mask() -> bytes:
    """What the font draws for a character it lacks (its .notdef box), to recognise such characters."""
    return bytes(_font(NAME_SIZE).getmask("\uffff"))


@functools.cache
def in_font(char: str) -> bool:
    """Whether the shipped font has a glyph for `char` (Pillow gives no cmap: a character drawn as
    the .notdef box is missing)."""
    return char.isspace() or bytes(_font(NAME_SIZE).getmask(char)) != _missing_mask()


def drawable(text: str) -> str:
    """`text` composed (ơ as one character, which the font has, not o + a combining horn) and on one
    line, with each character the font lacks replaced by REPLACEMENT."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return "".join(char if in_font(char) else REPLACEMENT for char in text)


def title_lines(title: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """`title` wrapped at spaces to lines at most `width` px wide, at most MAX_TITLE_LINES of them, the
    last ending in "…" when the title is longer. A word wider than a line is cut with "…"."""
    lines: list[str] = []
    for word in title[:TITLE_LIMIT].split(" "):
        word = word[:WORD_LIMIT]
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
            continue
        if len(lines) == MAX_TITLE_LINES:
            lines[-1] = _with_ellipsis(lines[-1] + " ", font, width)
            return lines
        lines.append(word if font.getlength(word) <= width else _with_ellipsis(word, font, width))
    return lines


def _with_ellipsis(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """The longest start of `text` (at most WORD_LIMIT characters of it are measured) that fits in
    `width` with "…" after it: found by halving, about seven measures whatever the length."""
    text = text.rstrip()[:TITLE_LIMIT]
    fits, too_long = 0, len(text) + 1
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if font.getlength(text[:middle].rstrip() + "…") <= width:
            fits = middle
        else:
            too_long = middle
    return text[:fits].rstrip() + "…"


def share_image(site_name: str, title: str, primary: str, logo: bytes | None, cache_dir: Path | None) -> bytes:
    """The PNG of one page; the same inputs give the same bytes (kept in memory and in the build
    cache at `cache_dir`, the build's Settings.cache_dir, so drawn once)."""
    key = hashlib.sha256(
        "\0".join((DRAWING_VERSION, site_name, title, primary)).encode() + (logo or b"") + _font_digest()
    ).hexdigest()
    if key not in _made:
        entry = f"{key}.png"
        image = build_cache.cached(SHARE_IMAGES, cache_dir, entry)
        if image is None:
            image = _drawn(site_name, title, primary, logo)
            build_cache.keep(SHARE_IMAGES, cache_dir, entry, image)
        _made[key] = image
    return _made[key]


def _checked(key: str, content: bytes) -> bytes | None:
    """A kept share image, if it is one: a PNG of WIDTH x HEIGHT made only of pixel chunks (no text,
    EXIF or profile) whose chunks are whole (Pillow's verify checks every CRC). Not decoded in full:
    a build reads thousands (decoding is 1 ms each, verifying 0.05 ms), and a PNG that verifies is
    read by browsers and crawlers as it was drawn."""
    chunks = png_chunk_types(content)
    if chunks is None or not set(chunks) <= PIXEL_CHUNKS:
        return None
    try:
        with opened(content, ["PNG"]) as image:
            if image.format != "PNG" or image.size != (WIDTH, HEIGHT):
                return None
            image.verify()
    except PILLOW_ERRORS:
        return None
    return content


SHARE_IMAGES = build_cache.EntryKind("share", _checked)


_made: dict[str, bytes] = {}  # `mkdocs serve` rebuilds in the same process


def _drawn(site_name: str, title: str, primary: str, logo: bytes | None) -> bytes:
    """The frame (shared by every page) with the title drawn in the lower part, where the frame has
    only background."""
    image = _frame(site_name, primary, logo).copy()
    lines = title_lines(drawable(title), _font(TITLE_SIZE), WIDTH - 2 * MARGIN)
    top = HEIGHT - MARGIN - TITLE_LEADING * len(lines)
    strip = Image.new("L", (WIDTH, HEIGHT - top), 0)
    draw = ImageDraw.Draw(strip)
    for number, line in enumerate(lines):
        draw.text((MARGIN, number * TITLE_LEADING), line, font=_font(TITLE_SIZE), fill=255)
    image.paste(_as_levels(strip), (0, top))
    out = io.BytesIO()
    # Measured (README, "Share images"): 4-bit colour and zlib level 3 take a third of the time of
    # an RGB PNG and make a file half its size; higher levels save little and cost much more.
    image.save(out, "PNG", compress_level=3, **({} if logo else {"bits": 4}))
    return out.getvalue()


LEVELS = 16  # shades from the primary colour to white: enough for smooth letter edges
_TO_LEVEL = [round(value * (LEVELS - 1) / 255) for value in range(256)]


def _as_levels(mask: Image.Image) -> Image.Image:
    """A white-on-black drawing ("L") as palette indices 0 (background) to LEVELS - 1 (white)."""
    return Image.frombytes("P", mask.size, mask.point(_TO_LEVEL).tobytes())


@functools.lru_cache(maxsize=4)
def _frame(site_name: str, primary: str, logo: bytes | None) -> Image.Image:
    """The part of every page's image that does not depend on the page: background, site name, rule
    and logo, as a palette image: the first LEVELS colours run from the primary to white, the logo's
    own colours (at most 256 - LEVELS) follow."""
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(mask)
    name_font = _font(NAME_SIZE)
    name = drawable(site_name)
    name_width = WIDTH - 2 * MARGIN - (LOGO_SIZE + 40 if logo else 0)
    draw.text(
        (MARGIN, MARGIN),
        name if name_font.getlength(name) <= name_width else _with_ellipsis(name, name_font, name_width),
        font=name_font,
        fill=255,
    )
    draw.rectangle((MARGIN, MARGIN + NAME_SIZE + 24, MARGIN + 120, MARGIN + NAME_SIZE + 30), fill=255)
    frame = _as_levels(mask)
    start = [int(primary[i : i + 2], 16) for i in (1, 3, 5)]
    palette = [round(c + (255 - c) * level / (LEVELS - 1)) for level in range(LEVELS) for c in start]
    if logo:
        emblem = Image.open(io.BytesIO(logo)).convert("RGBA")
        emblem.thumbnail((LOGO_SIZE, LOGO_SIZE), Image.Resampling.LANCZOS)
        # Laid on the background first (its transparent parts show the primary), then reduced to
        # the colours left in the palette.
        tile = Image.new("RGB", emblem.size, primary)
        tile.paste(emblem, (0, 0), emblem)
        reduced = tile.quantize(colors=256 - LEVELS)
        frame.paste(
            Image.frombytes("P", tile.size, bytes(i + LEVELS for i in reduced.tobytes())),
            (WIDTH - MARGIN - emblem.width, MARGIN),
        )
        palette += (reduced.getpalette() or [])[: 3 * (256 - LEVELS)]
    frame.putpalette(palette)
    return frame


@functools.cache
def _font_digest() -> bytes:
    return hashlib.sha256(FONT_FILE.read_bytes()).digest()
