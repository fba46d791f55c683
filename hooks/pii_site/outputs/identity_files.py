"""The site's identity in the built site: a small stylesheet of Material's colour variables, the
logo copied from the data folder, and the addresses Material's theme.logo and theme.favicon take.
Called by hooks/pii_hooks.py (on_config: `theme_images`, `STYLESHEET`; on_files: `identity_files`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pii_site.model.plan import Plan
from pii_site.outputs.exports import GeneratedFile
from pii_site.source.identity import rgb, site_colors
from pii_site.source.schema.plan import SiteColors

STYLESHEET = "assets/stylesheets/identity.css"
# The site's own icon (hooks/theme/assets/images/), for browsers' tabs when data/site.yml names no logo.
DEFAULT_FAVICON = "assets/images/favicon.svg"
LOGO_FOLDER = "assets/images/"


@dataclass(frozen=True)
class ThemeImages:
    logo: str | None  # None: Material's own header icon
    favicon: str


def theme_images(plan: Plan) -> ThemeImages:
    """The header logo and the favicon, as paths in the built language folder."""
    logo = _logo_path(plan)
    return ThemeImages(logo=logo, favicon=logo or DEFAULT_FAVICON)


def identity_files(plan: Plan) -> list[GeneratedFile]:
    """The stylesheet and, when data/site.yml names one, the logo file."""
    files = [GeneratedFile(STYLESHEET, stylesheet(plan).encode())]
    logo = _logo_path(plan)
    if logo is not None and plan.logo is not None:
        # As the loader checked and wrote it again: the file in data/ is not read a second time.
        files.append(GeneratedFile(logo, plan.logo.content))
    return files


def stylesheet(plan: Plan) -> str:
    """Material's custom colour variables (mkdocs.yml's palette names "custom") for the site's colours."""
    return colors_stylesheet(site_colors(plan.site))


def colors_stylesheet(colors: SiteColors) -> str:
    """The stylesheet for `colors` (also the province site's, with the default colours). Material wants
    a lighter and a darker primary too (for hovered header parts): the primary mixed with 15% white
    and with 20% black, about the steps between Material's own palette shades."""
    return (
        "/* Made by pii_site.outputs.identity_files from data/site.yml's colours. */\n"
        ":root > * {\n"
        f"  --md-primary-fg-color: {colors.primary};\n"
        f"  --md-primary-fg-color--light: {_mix(colors.primary, '#ffffff', 0.15)};\n"
        f"  --md-primary-fg-color--dark: {_mix(colors.primary, '#000000', 0.2)};\n"
        f"  --md-accent-fg-color: {colors.accent};\n"
        f"  --md-accent-fg-color--transparent: {colors.accent}1a;\n"
        "}\n"
    )


def _logo_path(plan: Plan) -> str | None:
    """The logo keeps its extension (a browser picks how to read a favicon from the file's type)."""
    logo = plan.site.logo
    return f"{LOGO_FOLDER}logo.{logo.rpartition('.')[2]}" if logo else None


def _mix(color: str, other: str, share: float) -> str:
    """`color` moved `share` of the way towards `other` ("#rrggbb")."""
    channels = (round(mine * (1 - share) + theirs * share) for mine, theirs in zip(rgb(color), rgb(other), strict=True))
    return "#" + "".join(f"{c:02x}" for c in channels)
