"""The site's identity in data/site.yml: its colours (checked for WCAG contrast) and its logo file
(checked to be a PNG or SVG inside the data folder that shows as an image and does nothing else).
Called by model/load.py after site.yml's shape is valid; the colours, `rgb` and the contrast
function are also read by outputs/identity_files.py and the tests.
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

from pii_site.i18n import LANGUAGES
from pii_site.i18n.formatting import format_fixed, format_number
from pii_site.source.entries import FileTooLarge, is_linked, read_regular, unreadable_reason
from pii_site.source.errors import Problem
from pii_site.source.images import PILLOW_ERRORS, Shape, in_srgb, opened, pixels_only, shape_problem
from pii_site.source.schema.plan import SiteColors, SiteFile
from pii_site.source.schema.published import Logo
from pii_site.source.svg_logo import NotSvg, Refused, checked_svg
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
# A PNG logo's pixels: the header shows it 24-48 px high and the share image 120 px; 2,048 on each
# side is four times the largest screen's need. A 9,400 px emblem would be downloaded by every page.
LOGO_SIDE = 2_048
# The longer side at most this many times the shorter, for PNG and SVG alike: the header gives the
# logo a square's height, so a long strip shows as a line (an emblem with the commune's name beside
# it is about 3:1).
LOGO_RATIO = 4


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


def check_identity(source: YamlSource, site: SiteFile, data_dir: Path) -> tuple[list[Problem], Logo | None]:
    """Colours that fail the contrast rule and a logo that is missing, too large, not an image, of
    an odd shape or active; and the logo as published, when there is one and it is sound."""
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
    logo = None
    if site.logo is not None:
        checked = _checked_logo(data_dir / site.logo, data_dir)
        if isinstance(checked, Logo):
            logo = checked
        else:
            key, values = checked
            values = {"limit": f"{LOGO_LIMIT // 1_000_000} MB", **values}
            problems.append(problem_at(source, ("logo",), key, found=site.logo, **values))
    return problems, logo


def _checked_logo(path: Path, data_dir: Path) -> Logo | tuple[str, dict[str, Any]]:
    """The logo as published, or the message key of what is wrong with it and the values it takes."""
    # A link anywhere on the way (data/assets/ itself) would publish a file from outside the data.
    # load_plan stops at any link before this check; this keeps the check sound on its own.
    if is_linked(path, data_dir) or not path.exists():
        return "logo_missing", {}
    try:
        content = read_regular(path, LOGO_LIMIT)
    except FileTooLarge:
        return "logo_too_large", {}
    except IsADirectoryError:
        return "logo_missing", {}
    except OSError as error:
        reason_vi, reason_en = unreadable_reason(error)
        return "logo_unreadable", {"detail": error.strerror or type(error).__name__, "reason_vi": reason_vi,
                                   "reason_en": reason_en}  # fmt: skip
    if path.suffix == ".png":
        return _checked_png(content)
    try:
        written, size = checked_svg(content)
    except NotSvg:
        return "logo_not_image", {}
    except Refused as refused:
        return "logo_svg_active", {"part": refused.part}
    if size is not None and (shape := _odd_svg_shape(*size)) is not None:
        return shape
    return Logo("svg", written)


def _checked_png(content: bytes) -> Logo | tuple[str, dict[str, Any]]:
    """A PNG that decodes whole (a file cut short would show as a broken image in every page's
    header), within LOGO_SIDE and LOGO_RATIO, written again from its pixels in sRGB."""
    try:
        with opened(content, ["PNG"]) as image:
            side = max(LOGO_SIDE, 1)
            shape = shape_problem(image.width, image.height, side * side, LOGO_RATIO)
            if shape is not None or max(image.size) > LOGO_SIDE:
                return _shape_message(shape or Shape("pixels", image.width, image.height))
            image.load()
            clean = pixels_only(in_srgb(image))
            out = io.BytesIO()
            clean.save(out, "PNG", optimize=False)
    except PILLOW_ERRORS:
        return "logo_not_image", {}
    return Logo("png", out.getvalue())


def _odd_svg_shape(width: float, height: float) -> tuple[str, dict[str, Any]] | None:
    if width <= 0 or height <= 0:
        return "logo_not_image", {}
    if max(width, height) > LOGO_RATIO * min(width, height):
        return _shape_message(Shape("ratio", round(width), round(height)))
    return None


def _shape_message(shape: Shape) -> tuple[str, dict[str, Any]]:
    values: dict[str, Any] = {"width": shape.width, "height": shape.height}
    if shape.problem == "pixels":
        return "logo_too_many_pixels", {**values, "side": LOGO_SIDE}
    return "logo_shape", {**values, "ratio": LOGO_RATIO}
