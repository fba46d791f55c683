"""Bad identity settings in site.yml: colours that are not "#rrggbb", left unquoted (YAML
reads "#" as a comment) or too pale for white text or for links on white (with the measured ratio in
the message), and a logo that is missing, outside the data folder, not a PNG or SVG, a PNG cut short,
an SVG that runs a script or loads another file, or too large."""

from __future__ import annotations

import io

from helpers import DataCopy
from PIL import Image

from bad_inputs import BadInput, where
from pii_site.source.identity import LOGO_LIMIT

GOOD_COLORS = {"primary": '"#37474f"', "accent": '"#1565c0"'}


def png(size: int = 64) -> bytes:
    """A real PNG emblem (noise, so that its compressed data is long enough to cut in the middle)."""
    buffer = io.BytesIO()
    Image.frombytes("L", (size, size), bytes((i * 7919) % 251 for i in range(size * size))).save(buffer, "PNG")
    return buffer.getvalue()


def svg(inside: str, attributes: str = "") -> bytes:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {attributes} viewBox="0 0 8 8">{inside}</svg>'.encode()


def with_settings(lines: str, files: dict[str, bytes] | None = None):
    """site.yml with `lines` added after "branch: main", and `files` written into the data folder.
    The message names the last added line that holds no mapping ("colors:" opens one)."""

    def spoil(data: DataCopy) -> int:
        for name, content in (files or {}).items():
            data.path(name).parent.mkdir(parents=True, exist_ok=True)
            data.path(name).write_bytes(content)
        named = next(i for i, line in reversed(list(enumerate(lines.splitlines()))) if not line.endswith(":"))
        return data.replace("site.yml", "branch: main", f"branch: main\n{lines}") + 1 + named

    return spoil


def colors(primary: str, accent: str, wrong: str) -> str:
    """The colours block with the wrong one last, so that its line is the one the message names."""
    given = {"primary": primary, "accent": accent}
    other = "accent" if wrong == "primary" else "primary"
    return f"colors:\n  {other}: {given[other]}\n  {wrong}: {given[wrong]}"


def contrast(found: str, ratio_vi: str, ratio_en: str) -> dict[str, str]:
    """color_contrast's values: the ratio as WCAG's formula gives it, worked out by hand."""
    return {"found": found, "ratio_vi": ratio_vi, "ratio_en": ratio_en, "limit_vi": "4,5", "limit_en": "4.5"}


def logo_case(name: str, path: str, key: str, files: dict[str, bytes] | None = None, **more: str) -> BadInput:
    found = path.strip('"')
    values = {"found": found, "limit": f"{LOGO_LIMIT // 1_000_000} MB", **more}
    return BadInput(name, with_settings(f"logo: {path}", files), "site.yml", key, values, where=where("", None, "logo"))


CASES = [
    BadInput(
        "a-colour-by-name",
        with_settings(colors("blue", GOOD_COLORS["accent"], "primary")),
        "site.yml",
        "pattern_color",
        {"found": "blue"},
        where=where("", None, "colors.primary"),
    ),
    BadInput(
        "a-colour-of-three-digits",
        with_settings(colors(GOOD_COLORS["primary"], '"#36c"', "accent")),
        "site.yml",
        "pattern_color",
        {"found": "#36c"},
        where=where("", None, "colors.accent"),
    ),
    BadInput(
        # #777777 on white measures 4.478:1, shown cut (not rounded) to 4.47 as WebAIM shows it: just under AA.
        "a-header-colour-too-pale-for-white-text",
        with_settings(colors('"#777777"', GOOD_COLORS["accent"], "primary")),
        "site.yml",
        "color_contrast",
        contrast("#777777", "4,47", "4.47"),
        where=where("", None, "colors.primary"),
    ),
    BadInput(
        "a-link-colour-too-pale-on-white",
        with_settings(colors(GOOD_COLORS["primary"], '"#ffeb3b"', "accent")),
        "site.yml",
        "color_contrast",
        contrast("#ffeb3b", "1,22", "1.22"),
        where=where("", None, "colors.accent"),
    ),
    BadInput(
        # `primary: #37474f` without quotes: YAML reads "#37474f" as a comment, so the value is nothing.
        "a-colour-without-quotes",
        with_settings(colors("#37474f", GOOD_COLORS["accent"], "primary")),
        "site.yml",
        "color_unquoted",
        where=where("", None, "colors.primary"),
        problems=1,
    ),
    logo_case("a-logo-that-is-not-there", "assets/logo.svg", "logo_missing"),
    logo_case("a-logo-outside-the-data-folder", "../logo.png", "pattern_data_image"),
    logo_case("a-logo-by-absolute-path", "/srv/logo.png", "pattern_data_image"),
    logo_case("a-logo-neither-png-nor-svg", "assets/logo.gif", "pattern_data_image"),
    logo_case("a-logo-that-is-a-folder", "assets/logo.png", "logo_missing", {"assets/logo.png/x": b""}),
    logo_case("a-png-logo-that-is-text", "assets/logo.png", "logo_not_image", {"assets/logo.png": b"not a picture"}),
    logo_case("an-svg-logo-that-is-html", "assets/logo.svg", "logo_not_image", {"assets/logo.svg": b"<html></html>"}),
    logo_case("an-svg-logo-cut-short", "assets/logo.svg", "logo_not_image", {"assets/logo.svg": b"<svg><path"}),
    logo_case("a-png-logo-cut-short", "assets/logo.png", "logo_not_image", {"assets/logo.png": png()[:-200]}),
    # An SVG logo is served from the site's own address: a script in it runs as the site when the
    # file is opened by itself, and a link to another file is a request to another host from every page.
    logo_case(
        "an-svg-logo-with-a-script",
        "assets/logo.svg",
        "logo_svg_active",
        {"assets/logo.svg": svg("<script>alert(document.cookie)</script>")},
        part="<script>",
    ),
    logo_case(
        "an-svg-logo-with-an-event-attribute",
        "assets/logo.svg",
        "logo_svg_active",
        {"assets/logo.svg": svg('<circle r="4"/>', 'onload="alert(1)"')},
        part='onload="alert(1)"',
    ),
    logo_case(
        "an-svg-logo-showing-an-image-from-another-host",
        "assets/logo.svg",
        "logo_svg_active",
        {"assets/logo.svg": svg('<image href="https://tracker.example/emblem.png" width="8" height="8"/>')},
        part='href="https://tracker.example/emblem.png"',
    ),
    logo_case(
        "an-svg-logo-with-a-stylesheet-from-another-host",
        "assets/logo.svg",
        "logo_svg_active",
        {"assets/logo.svg": svg("<style>@import url(https://fonts.example/a.css);</style>")},
        part="<style>",
    ),
    logo_case(
        "a-logo-too-large",
        "assets/logo.png",
        "logo_too_large",
        {"assets/logo.png": png() + bytes(LOGO_LIMIT)},
    ),
]
