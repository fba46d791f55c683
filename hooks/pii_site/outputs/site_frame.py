"""The frame around every page of one language (site name, description, language switch, edit links,
footer, the "page not found" page) and the two pages at the site's root: the one that sends readers
on to the default language, and the 404.html that static hosts serve for every missing address, which
sends readers on to their language's "page not found".

Called by hooks/pii_hooks.py: language_site in on_config (what MkDocs' config gets), root_redirect and
root_not_found in on_post_build. They take the Plan and the build's Settings; none reads anything else.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import escape

from pii_site.i18n import LANGUAGES, Labels, urls
from pii_site.model.plan import Plan
from pii_site.render.contacts import footer_html
from pii_site.render.templating import render_html
from pii_site.settings import DEFAULT_LANG, Settings

ROOT_PAGE = "index.html"  # beside the language folders
ROOT_NOT_FOUND = "404.html"  # beside them too: GitHub Pages, GitLab Pages, Netlify... serve it for any missing address


@dataclass(frozen=True)
class NotFound:
    """The words of a language's "page not found" page and the main pages it links to, as addresses
    under the language's root ("" is the home page; hooks/theme/404.html puts MkDocs' base_url before
    them: the public address's path, or "./" where the 404 page lies without one)."""

    title: str
    lead: str
    search_label: str
    search_button: str
    pages_heading: str
    links: list[dict[str, str]]


# The pages a lost reader is offered, by their label: the home page first, then the menu's main entries.
_NOT_FOUND_LINKS = [
    ("not_found.home", urls.HOME),
    ("nav.plan", urls.PLAN),
    ("nav.tasks", urls.TASKS),
    ("nav.progress", urls.PROGRESS),
    ("nav.units", urls.UNITS),
    ("nav.pillars", urls.PILLARS),
    ("nav.news", urls.NEWS),
]


def not_found_page(lang: str, links: list[tuple[str, str]] = _NOT_FOUND_LINKS) -> NotFound:
    """The words of the "page not found" page and its `links` (label key, page source path): the
    commune site's main pages by default; the province site passes its own."""
    t = Labels(lang)
    return NotFound(
        title=t("not_found.title"),
        lead=t("not_found.lead"),
        search_label=t("not_found.search_label"),
        search_button=t("not_found.search_button"),
        pages_heading=t("not_found.pages_heading"),
        links=[{"title": t(key), "address": urls.address(page)} for key, page in links],
    )


@dataclass(frozen=True)
class LanguageSite:
    site_url: str
    site_name: str  # short: the header and every page's tab title
    full_name: str  # the home page's tab title, the feed's name
    site_description: str
    alternate: list[dict[str, str]]
    repo_url: str | None
    edit_uri: str | None
    # HTML of the footer for a page whose language root is at the given address ("../.." or
    # "/pii/vi/"): the publishing office, feedback route, whom to ask, licence, last data update.
    footer: Callable[[str], str]
    not_found: NotFound  # hooks/theme/404.html's words and links


def language_site(plan: Plan, settings: Settings) -> LanguageSite:
    base = settings.base_url(plan.site.url)
    lang = settings.lang
    site = plan.site
    return LanguageSite(
        # An empty site_url is MkDocs' own "no address": no canonical links, an empty sitemap.
        site_url=f"{base}{lang}/" if base else "",
        # Material writes these into most places without escaping (MkDocs renders themes with
        # autoescape off), so they are handed over as HTML text: a "<" in data/site.yml stays a "<".
        # As Markup, the few places that do escape (`| e` in the logo's title) leave them as they
        # are instead of showing "Commune&#39;s".
        site_name=escape(getattr(site.short_name or site.name, lang)),
        full_name=escape(getattr(site.name, lang)),
        site_description=escape(getattr(site.description, lang)),
        alternate=[
            # Without an address, "../en/" is relative to the language's root, like every link
            # Material passes through MkDocs' `url` filter.
            {"name": Labels(other)("language.name"), "link": f"{base or '../'}{other}/", "lang": other}
            for other in LANGUAGES
        ],
        repo_url=site.repository,
        edit_uri=f"edit/{site.branch}/" if site.repository else None,
        # A handful of depths per site: each footer is made once.
        footer=functools.cache(functools.partial(footer_html, plan, lang)),
        not_found=not_found_page(lang),
    )


def root_redirect(plan: Plan, settings: Settings) -> str | None:
    """The page at the site's root, written by the default language's build only."""
    if settings.lang != DEFAULT_LANG:
        return None
    return render_html("root_index.html.j2", lang=DEFAULT_LANG, site_name=getattr(plan.site.name, DEFAULT_LANG))


def root_not_found(plan: Plan, settings: Settings, sections: list[str]) -> str | None:
    """The 404.html at the site's root, written by the default language's build only. A static host
    serves it at the missing address itself (say /pii/vi/tasks/x-9/), so no address in it can be
    relative: its script finds the site's root in the address (before the language folder, or before
    one of `sections`, the top folders of a language site, or the public address's path) and sends the
    reader to that language's 404 page (or, without a language in the address, the browser's)."""
    if settings.lang != DEFAULT_LANG:
        return None
    base = settings.base_url(plan.site.url)
    return render_html(
        "root_404.html.j2",
        lang=DEFAULT_LANG,
        texts=[
            {"lang": lang, "title": Labels(lang)("not_found.title"), "lead": Labels(lang)("not_found.root_lead")}
            for lang in LANGUAGES
        ],
        site_name=getattr(plan.site.name, DEFAULT_LANG),
        languages=list(LANGUAGES),
        sections=sections,
        public_path=urlsplit(base).path if base else None,
    )
