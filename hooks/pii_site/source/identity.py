"""The site's identity in data/site.yml: its colours (checked for WCAG contrast) and its logo file
(checked to be a PNG or SVG inside the data folder that shows as an image and does nothing else).
Called by model/load.py after site.yml's shape is valid; the colours, `rgb` and the contrast
function are also read by outputs/identity.py and the tests.
"""

from __future__ import annotations

import io
import math
import re
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from pii_site.i18n import LANGUAGES
from pii_site.i18n.formatting import format_fixed, format_number
from pii_site.source.entries import is_linked
from pii_site.source.errors import Problem, shorten
from pii_site.source.schema.plan import SiteColors, SiteFile
from pii_site.source.validation import problem_at
from pii_site.source.yaml_source import YamlSource

# A neutral civic default (Material's blue grey 800 and blue 800) instead of Material's indigo:
# white header text on the primary measures 9.65:1, the accent on white 5.75:1 (WCAG AA: 4.5:1).
DEFAULT_COLORS = SiteColors(primary="#37474f", accent="#1565c0")
WHITE = "#ffffff"
# Both colours must reach WCAG AA's 4.5:1 for normal text against white: the primary carries the
# header's white text and is Material's link colour; the accent is the colour of a link under the
# pointer (text too, so the 3:1 for mere UI parts would not do) and of the keyboard focus outline.
MINIMUM_CONTRAST = 4.5
LOGO_LIMIT = 1_000_000  # bytes; an emblem is a few dozen KB, and every page loads it

# What an SVG logo may not hold: it is served from the site's own origin (assets/images/logo.svg),
# so a script or an event attribute in it runs as the site when the file is opened by itself, and
# a link to another file (an image, a stylesheet) makes every page request it, maybe from another host.
_ACTIVE_ELEMENTS = {"script", "foreignObject"}  # foreignObject embeds HTML, with its own scripts and frames
# A link that stays in the file: to a part of it, or a raster image written into it (as drawing
# programs embed a traced emblem's photo); such an image runs nothing and requests nothing.
_INSIDE_HREF = re.compile(r"\s*(#|data:image/(png|jpeg|gif|webp)[;,])", re.IGNORECASE)
_EXTERNAL_CSS = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)  # url(#gradient) stays inside
_STYLESHEET_INSTRUCTION = re.compile(rb"<\?xml-stylesheet", re.IGNORECASE)  # ElementTree drops these unseen


def rgb(color: str) -> tuple[int, int, int]:
    """The red, green and blue of "#rrggbb", each 0-255."""
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return red, green, blue


def relative_luminance(color: str) -> float:
    """WCAG 2.2's relative luminance of "#rrggbb" (0 for black, 1 for white)."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (x / 255 for x in rgb(color))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.2's contrast ratio of two "#rrggbb" colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def site_colors(site: SiteFile) -> SiteColors:
    return site.colors or DEFAULT_COLORS


def check_identity(source: YamlSource, site: SiteFile, data_dir: Path) -> list[Problem]:
    """Colours that fail the contrast rule and a logo that is missing, too large, not an image or active."""
    problems = []
    if site.colors is not None:
        for name in ("primary", "accent"):
            color = getattr(site.colors, name)
            ratio = contrast_ratio(color, WHITE)
            if ratio < MINIMUM_CONTRAST:
                # Rounded down: 4.499 shown as "4.50" would seem to pass.
                shown_ratio: dict[str, Any] = {
                    f"ratio_{lang}": format_fixed(math.floor(ratio * 100) / 100, lang) for lang in LANGUAGES
                }
                shown_ratio |= {f"limit_{lang}": format_number(MINIMUM_CONTRAST, lang) for lang in LANGUAGES}
                problems.append(problem_at(source, ("colors", name), "color_contrast", found=color, **shown_ratio))
    if site.logo is not None and (found := _logo_problem(data_dir / site.logo, data_dir)) is not None:
        key, values = found
        problems.append(
            problem_at(source, ("logo",), key, found=site.logo, limit=f"{LOGO_LIMIT // 1_000_000} MB", **values)
        )
    return problems


def _logo_problem(path: Path, data_dir: Path) -> tuple[str, dict[str, Any]] | None:
    """The message key of what is wrong with the logo file and the values it takes, or None."""
    # A link anywhere on the way (data/assets/ itself) would publish a file from outside the data.
    # load_plan stops at any link before this check; this keeps the check sound on its own.
    if is_linked(path, data_dir) or not path.is_file():
        return "logo_missing", {}
    try:
        if path.stat().st_size > LOGO_LIMIT:
            return "logo_too_large", {}
        content = path.read_bytes()
    except OSError as error:
        return "logo_unreadable", {"detail": error.strerror or type(error).__name__}
    if path.suffix == ".png":
        return None if _is_png(content) else ("logo_not_image", {})
    return _svg_problem(content)


def _is_png(content: bytes) -> bool:
    """Whether Pillow decodes the whole of `content` as a PNG: a file cut short or garbage after the
    8-byte signature would show as a broken image in every page's header."""
    try:
        with warnings.catch_warnings():
            # An image of more pixels than Pillow's guard allows is no emblem, and decoding it
            # would take hundreds of MB: refused like any other bad file.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content), formats=["PNG"]) as image:
                image.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):  # fmt: skip
        return False
    return True


def _svg_problem(content: bytes) -> tuple[str, dict[str, Any]] | None:
    """Not an XML document with an <svg> root, or the first active or outside part in it. Python's
    expat refuses entity expansion bombs ("billion laughs") from expat 2.4.1 on (pyexpat.EXPAT_VERSION;
    2.5.0 here) and never fetches external entities, so parsing a file from the data folder is safe."""
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return "logo_not_image", {}
    if _local(root.tag) != "svg":
        return "logo_not_image", {}
    if _STYLESHEET_INSTRUCTION.search(content):
        return "logo_svg_active", {"part": "<?xml-stylesheet?>"}
    for element in root.iter():
        name = _local(element.tag)
        if name in _ACTIVE_ELEMENTS:
            return "logo_svg_active", {"part": f"<{name}>"}
        if name == "style" and _EXTERNAL_CSS.search(element.text or ""):
            return "logo_svg_active", {"part": "<style>"}
        for attribute, value in element.attrib.items():
            attribute = _local(attribute)
            outside = (attribute == "href" and not _INSIDE_HREF.match(value)) or (
                attribute == "style" and _EXTERNAL_CSS.search(value)
            )
            if attribute.lower().startswith("on") or outside:
                return "logo_svg_active", {"part": f'{attribute}="{shorten(value)}"'}
    return None


def _local(name: str) -> str:
    """A tag or attribute name without its namespace ("{http://www.w3.org/2000/svg}svg" -> "svg")."""
    return name.rpartition("}")[2]
