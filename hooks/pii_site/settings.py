"""What one build is for: which data folder, which language, which public address, which "today".

Made once by each adapter (hooks/pii_hooks.py, scripts/*.py, tests/helpers.py's build_into) and passed
down; nothing in the package reads the environment. `Settings.from_environ` is the one parser of
the variables an adapter may take from the environment (tests and other communes build from
another folder, for another address or another day without editing mkdocs.yml):
  PII_LANG      vi (default) or en
  PII_DATA_DIR  the data folder (default: data/ beside mkdocs.yml)
  PII_SITE_URL  the public address ending in "/" (default: data/site.yml's url), or "relative" for a
                site that works wherever it is served, whatever data/site.yml says (the preview)
  PII_TODAY     the day dates are checked against (YYYY-MM-DD; default: the real date), so that "in
                the future", "overdue" and "no update for 90 days" do not change with the calendar
  PII_SITE_CACHE  the build cache's folder (source/build_cache.py; default: .cache/pii-site/ beside
                the data folder)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pii_site.i18n import LANGUAGES
from pii_site.source.errors import message
from pii_site.source.schema.address import AddressError, parse_site_address

DEFAULT_LANG = LANGUAGES[0]
RELATIVE = "relative"


class SettingsError(ValueError):
    """A wrong setting (a mistake of whoever runs the build, not of the data); its text is one sentence."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    today: dt.date
    site_url: str | None = None  # an address ending in "/", RELATIVE, or None for data/site.yml's url
    lang: str = DEFAULT_LANG
    # The build cache's folder (source/build_cache.py); None keeps and reads nothing (tests' own loads).
    cache_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise SettingsError(f"PII_LANG must be one of {', '.join(LANGUAGES)}, not {self.lang!r}.")
        # The same parser as data/site.yml's url: the address goes into every page, the feed and the
        # sitemap; kept as the parser writes it.
        if self.site_url not in (None, RELATIVE):
            object.__setattr__(self, "site_url", site_address_setting(self.site_url, SITE_URL_VARIABLE))

    @classmethod
    def from_environ(
        cls,
        environ: Mapping[str, str],
        project_dir: Path,
        data_dir: Path | None = None,
        site_url: str | None = None,
        today: str | None = None,
        cache_dir: Path | None = None,
    ) -> Settings:
        """The settings the PII_* variables of `environ` ask for (os.environ, handed over by an adapter);
        the other arguments, a command's options, win over their variables."""
        data = data_dir or Path(environ.get("PII_DATA_DIR") or project_dir / "data")
        return cls(
            data_dir=data,
            today=parse_today(today, "--today") if today else parse_today(environ.get("PII_TODAY")),
            site_url=site_url or environ.get("PII_SITE_URL") or None,
            lang=environ.get("PII_LANG") or DEFAULT_LANG,
            cache_dir=cache_dir or Path(environ.get(CACHE_VARIABLE) or data.parent / ".cache" / "pii-site"),
        )

    def for_language(self, lang: str) -> Settings:
        return dataclasses.replace(self, lang=lang)

    def base_url(self, data_url: str | None) -> str:
        """The address both language folders live under, given data/site.yml's url; "" when none is
        known (or RELATIVE is asked): then every address in the site is relative, so it works from
        any host, port and path."""
        if self.site_url == RELATIVE:
            return ""
        return self.site_url or data_url or ""


SITE_URL_VARIABLE = "PII_SITE_URL"
CACHE_VARIABLE = "PII_SITE_CACHE"


def site_address_setting(value: str, name: str) -> str:
    """`value` of the setting `name` (PII_SITE_URL, --site-url) as a site address; SettingsError, in
    both languages, naming the setting, when it is none (or, in the variable, not RELATIVE)."""
    try:
        return parse_site_address(value)
    except AddressError as error:
        reason_vi, reason_en = error.wording()
        vi, en = message("settings_site_url", name=name, found=value, reason_vi=reason_vi, reason_en=reason_en)
        raise SettingsError(f"{vi}\n    (en) {en}") from None


def parse_today(value: str | None, name: str = "PII_TODAY") -> dt.date:
    """The day of the setting `name` (PII_TODAY, --today), or the real date when it is unset or empty."""
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"{name} must be a date written YYYY-MM-DD, not {value!r}.") from None
