"""The site's identity in data/site.yml: its colours (checked for WCAG contrast) and its logo file
(checked to be a PNG or SVG inside the data folder). Called by model/load.py after site.yml's shape
is valid; the colours and contrast function are also read by outputs/identity.py and the tests.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

from pii_site.i18n import LANGUAGES
from pii_site.i18n.formatting import format_fixed, format_number
from pii_site.source.errors import Problem
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
LOGO_LIMIT = 1_000_000  # bytes; an emblem is a few KB, and every page loads it
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def relative_luminance(color: str) -> float:
    """WCAG 2.2's relative luminance of "#rrggbb" (0 for black, 1 for white)."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.2's contrast ratio of two "#rrggbb" colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def site_colors(site: SiteFile) -> SiteColors:
    return site.colors or DEFAULT_COLORS


def check_identity(source: YamlSource, site: SiteFile, data_dir: Path) -> list[Problem]:
    """Colours that fail the contrast rule and a logo that is missing, too large or not an image."""
    problems = []
    if site.colors is not None:
        for name in ("primary", "accent"):
            color = getattr(site.colors, name)
            ratio = contrast_ratio(color, WHITE)
            if ratio < MINIMUM_CONTRAST:
                # Rounded down: 4.499 shown as "4.50" would seem to pass.
                shown: dict[str, Any] = {
                    f"ratio_{lang}": format_fixed(math.floor(ratio * 100) / 100, lang) for lang in LANGUAGES
                }
                shown |= {f"limit_{lang}": format_number(MINIMUM_CONTRAST, lang) for lang in LANGUAGES}
                problems.append(problem_at(source, ("colors", name), "color_contrast", found=color, **shown))
    if site.logo is not None and (key := _logo_problem(data_dir / site.logo)) is not None:
        problems.append(problem_at(source, ("logo",), key, found=site.logo, limit=f"{LOGO_LIMIT // 1_000_000} MB"))
    return problems


def _logo_problem(path: Path) -> str | None:
    """The message key of what is wrong with the logo file, or None."""
    if path.is_symlink() or not path.is_file():
        return "logo_missing"
    if path.stat().st_size > LOGO_LIMIT:
        return "logo_too_large"
    content = path.read_bytes()
    if path.suffix == ".png":
        return None if content.startswith(PNG_SIGNATURE) else "logo_not_image"
    return None if _is_svg(content) else "logo_not_image"


def _is_svg(content: bytes) -> bool:
    """An XML document whose root is <svg>. Python's expat refuses entity expansion bombs and does
    not fetch external entities, so parsing a file from the data folder is safe."""
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return False
    return root.tag in ("svg", "{http://www.w3.org/2000/svg}svg")
