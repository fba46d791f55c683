"""Link previews: what a page's Open Graph and Twitter card tags say (title, one-sentence description,
public address, language, share image) and the share images themselves.
Called by hooks/pii_hooks.py: `link_previews` in on_files (every page's markdown in, previews and
image files out); hooks/theme/main.html writes the tags from a Preview without computing anything.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from pii_site.i18n import LANGUAGES, urls
from pii_site.i18n.formatting import shorten_at_word
from pii_site.model.plan import Plan
from pii_site.outputs import share_image
from pii_site.outputs.exports import GeneratedFile
from pii_site.render.templating import GeneratedPage
from pii_site.source.identity import site_colors

LOCALES = {"vi": "vi_VN", "en": "en_US"}  # Open Graph writes languages as language_TERRITORY
SHARE_FOLDER = "assets/share/"
DESCRIPTION_LIMIT = 200  # characters: about what Zalo and Facebook show under the title
_HEADING = re.compile(r"^# (.+)$", re.MULTILINE)
# A page written in docs/ may open with YAML front matter, whose comments also start with "# ".
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(---|\.\.\.)[ \t]*$", re.MULTILINE | re.DOTALL)
_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class Preview:
    """One page's link preview, in plain text (the theme escapes it)."""

    type: str  # "article" for a news post, else "website"
    site_name: str
    title: str
    description: str
    locale: str
    locale_alternate: str
    # Absolute addresses, or None without a public address: Open Graph takes only absolute ones,
    # and a relative or guessed host would show a broken preview, so the tags are left out instead.
    url: str | None
    image: str | None
    image_alt: str
    image_width: int = share_image.WIDTH
    image_height: int = share_image.HEIGHT
    image_type: str = "image/png"

    @property
    def meta_description(self) -> Markup:
        """For Material's <meta name="description">, which it writes without escaping."""
        return escape(self.description)


@dataclass(frozen=True)
class LinkPreviews:
    pages: dict[str, Preview]  # by source path ("tasks/iii-2.md")
    error_page: Preview  # the 404 page: the site's own preview, without an address of its own
    images: list[GeneratedFile]


def one_sentence(text: str) -> str:
    """A data text as a description: plain text on one line, at most DESCRIPTION_LIMIT characters."""
    return shorten_at_word(" ".join(text.split()), DESCRIPTION_LIMIT)


def page_title(markdown: str) -> str | None:
    """The text of a page's first "# " heading as readers see it: the Markdown escapes
    (render/templating.escape_markdown) undone, so "III\\.2 &lt;b&gt;" reads "III.2 <b>"."""
    heading = _HEADING.search(_FRONT_MATTER.sub("", markdown, count=1))
    return html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", heading.group(1).strip())) if heading else None


def link_previews(
    plan: Plan, lang: str, pages: Iterable[GeneratedPage], site_url: str, cache_dir: Path | None = None
) -> LinkPreviews:
    """The previews of `pages` (generated, or written in docs/: those have no description, so take
    the site's) and their images; `site_url` is the language's public address ("" when unknown);
    `cache_dir` the build cache's folder (the build's Settings.cache_dir; None: none)."""
    site = plan.site
    full_name = getattr(site.name, lang)
    short_name = getattr(site.short_name or site.name, lang)
    primary = site_colors(site).primary
    # Only a PNG can be drawn without another library; an SVG logo leaves the image without one.
    logo = plan.logo.content if plan.logo is not None and plan.logo.suffix == "png" else None
    images: dict[str, GeneratedFile] = {}

    def preview(path: str | None, title: str, description: str, kind: str) -> Preview:
        image = None
        # Without a public address no tag may name an image (see Preview.url): none is drawn either,
        # which keeps a local preview's rebuilds as quick as before.
        if site_url:
            content = share_image.share_image(short_name, title, primary, logo, cache_dir)
            image_path = f"{SHARE_FOLDER}{hashlib.sha256(content).hexdigest()[:16]}.png"
            images.setdefault(image_path, GeneratedFile(image_path, content))
            image = site_url + image_path
        return Preview(
            type=kind,
            site_name=full_name,
            title=title,
            description=one_sentence(description),
            locale=LOCALES[lang],
            locale_alternate=next(LOCALES[other] for other in LANGUAGES if other != lang),
            url=site_url + urls.address(path) if site_url and path is not None else None,
            image=image,
            image_alt=f"{short_name}: {title}",
        )

    site_description = getattr(site.description, lang)
    news_pages = {urls.news_page(post.slug) for post in plan.news}
    previews = {
        page.path: preview(
            page.path,
            full_name if page.path == urls.HOME else page_title(page.markdown) or full_name,
            page.description or site_description,
            "article" if page.path in news_pages else "website",
        )
        for page in pages
    }
    error_page = preview(None, full_name, site_description, "website")
    return LinkPreviews(previews, error_page, list(images.values()))
