"""The frame around every page of one language (site name, description, language switch, edit links,
footer)
and the page at the site's root that sends readers on to the default language.

Called by hooks/pii_hooks.py: language_site in on_config (what MkDocs' config gets), root_redirect in
on_post_build. Both take the Plan and the build's Settings; neither reads anything else.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from pii_site.i18n import LANGUAGES, Labels
from pii_site.model.plan import Plan
from pii_site.pages.contacts import footer_html
from pii_site.pages.render import render_html
from pii_site.settings import DEFAULT_LANG, Settings

ROOT_PAGE = "index.html"  # beside the language folders


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
    )


def root_redirect(plan: Plan, settings: Settings) -> str | None:
    """The page at the site's root, written by the default language's build only."""
    if settings.lang != DEFAULT_LANG:
        return None
    return render_html("root_index.html.j2", lang=DEFAULT_LANG, site_name=getattr(plan.site.name, DEFAULT_LANG))
