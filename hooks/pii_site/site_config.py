"""Per-build settings: which language, which data folder, which public address.

Read from the environment by the adapters (hooks, scripts), so tests and other communes can
build from another folder or for another address without editing mkdocs.yml:
  PII_LANG      vi (default) or en
  PII_DATA_DIR  the data folder (default: data/ beside mkdocs.yml)
  PII_SITE_URL  the public address ending in "/" (default: data/site.yml's url), or "relative"
                for a site that works wherever it is served, whatever data/site.yml says (the
                preview). Without any address the site is relative too: no page names a host.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from pii_site.i18n import LANGUAGES, Labels
from pii_site.model.plan import Plan
from pii_site.pages.render import render_html

DEFAULT_LANG = LANGUAGES[0]
RELATIVE = "relative"


class SettingsError(ValueError):
    """A wrong environment variable (a mistake of whoever runs the build, not of the data)."""


@dataclass(frozen=True)
class BuildSettings:
    lang: str
    data_dir: Path
    url_override: str | None  # an address, RELATIVE, or None to use data/site.yml's url


@dataclass(frozen=True)
class LanguageSite:
    site_url: str
    site_name: str
    site_description: str
    alternate: list[dict[str, str]]
    repo_url: str | None
    edit_uri: str | None


@contextlib.contextmanager
def environment(**values: str | None) -> Iterator[None]:
    """Set the given variables (PII_LANG=..., PII_DATA_DIR=...) for a block, then restore what was
    there. A None value leaves its variable as it is. The adapters hand settings to the hooks this way."""
    saved = {key: os.environ.get(key) for key in values}
    for key, value in values.items():
        if value is not None:
            os.environ[key] = value
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def from_environment(project_dir: Path, environ: dict[str, str] | None = None) -> BuildSettings:
    env = os.environ if environ is None else environ
    lang = env.get("PII_LANG", DEFAULT_LANG)
    if lang not in LANGUAGES:
        raise SettingsError(f"PII_LANG must be one of {', '.join(LANGUAGES)}, not {lang!r}.")
    data_dir = Path(env.get("PII_DATA_DIR") or project_dir / "data")
    url = env.get("PII_SITE_URL") or None
    if url not in (None, RELATIVE) and not (url.startswith(("http://", "https://")) and url.endswith("/")):
        raise SettingsError(
            f"PII_SITE_URL must start with http:// or https:// and end with '/' (or be {RELATIVE!r}), not {url!r}."
        )
    return BuildSettings(lang, data_dir, url)


def base_url(plan: Plan, settings: BuildSettings) -> str:
    """The address both language folders live under; "" when none is known (or RELATIVE is asked):
    then every address in the site is relative, so it works from any host, port and path."""
    if settings.url_override == RELATIVE:
        return ""
    return settings.url_override or plan.site.url or ""


def for_language(plan: Plan, settings: BuildSettings) -> LanguageSite:
    base = base_url(plan, settings)
    lang = settings.lang
    site = plan.site
    return LanguageSite(
        # An empty site_url is MkDocs' own "no address": no canonical links, an empty sitemap.
        site_url=f"{base}{lang}/" if base else "",
        # Material writes these into every page without escaping (MkDocs renders themes with
        # autoescape off), so they are handed over as HTML text: a "<" in data/site.yml stays a "<".
        site_name=str(escape(getattr(site.name, lang))),
        site_description=str(escape(getattr(site.description, lang))),
        alternate=[
            # Without an address, "../en/" is relative to the language's root, like every link
            # Material passes through MkDocs' `url` filter.
            {"name": Labels(other)("language.name"), "link": f"{base or '../'}{other}/", "lang": other}
            for other in LANGUAGES
        ],
        repo_url=site.repository,
        edit_uri=f"edit/{site.branch}/" if site.repository else None,
    )


def root_redirect(plan: Plan, settings: BuildSettings) -> str | None:
    """The page at the site's root, written by the default language's build only."""
    if settings.lang != DEFAULT_LANG:
        return None
    return render_html("root_index.html.j2", lang=DEFAULT_LANG, site_name=getattr(plan.site.name, DEFAULT_LANG))
