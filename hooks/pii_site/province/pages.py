"""The province site's pages, in one language: the communes table (home), the roll-up by pillar, the
quality report, a page per commune, the open-data page. Same shape as the commune site's page
families (pii_site.pages): rollup + language in, GeneratedPage (path, Markdown) out, rendered with the
same Jinja environment, labels, escaping and date formats (templates in render/templates/province/).
The officer's guide is hand-written Markdown (guide/<lang>.md beside this module). Called by
scripts/province.py.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from markupsafe import Markup

from pii_site.i18n import Labels
from pii_site.province.harvest import PROBLEMS
from pii_site.province.rollup import ProvinceRollup
from pii_site.render.templating import GeneratedPage, Translator, render
from pii_site.source.schema.base import PartialDate

HOME = "index.md"
PILLARS = "pillars.md"
QUALITY = "quality.md"
OPEN_DATA = "open-data.md"
GUIDE = "guide.md"
NAV = (HOME, PILLARS, QUALITY, OPEN_DATA, GUIDE)
# The menu's pages by the name of their label (province.nav.<name>), e.g. for the page-not-found links.
NAV_PAGES = (("home", HOME), ("pillars", PILLARS), ("quality", QUALITY), ("open_data", OPEN_DATA), ("guide", GUIDE))
DATASETS = ("communes", "pillars")


def commune_page(code: str) -> str:
    return f"communes/{code}.md"


def full_name(rollup: ProvinceRollup, lang: str) -> str:
    province = rollup.province_vi if lang == "vi" else rollup.province_en
    t = Labels(lang)
    return t("province.full_name", province=province) if province else t("province.full_name_unnamed")


def plan_date(date: dict[str, Any]) -> PartialDate:
    """A contract plan date {year, month, day} for Translator.date (unknown parts stay unknown)."""
    return PartialDate(year=date["year"], month=date["month"], day=date["day"])


def pages(rollup: ProvinceRollup, lang: str) -> list[GeneratedPage]:
    def pick(record: Any, name: str) -> str:
        return str(getattr(record, f"{name}_{lang}"))

    common = {
        "rollup": rollup,
        "pick": pick,
        "commune_page": commune_page,
        "full_name": full_name(rollup, lang),
        "pillars": rollup.pillars,
        "plan_date": plan_date,
    }
    result = [
        GeneratedPage(HOME, render("province/home.md.j2", HOME, lang, **common)),
        GeneratedPage(PILLARS, render("province/pillars.md.j2", PILLARS, lang, **common)),
        GeneratedPage(QUALITY, render("province/quality.md.j2", QUALITY, lang, kinds=PROBLEMS, **common)),
        GeneratedPage(OPEN_DATA, render("province/open_data.md.j2", OPEN_DATA, lang, datasets=DATASETS, **common)),
        GeneratedPage(GUIDE, guide(lang)),
    ]
    for commune in rollup.communes:
        path = commune_page(commune.code)
        result.append(GeneratedPage(path, render("province/commune.md.j2", path, lang, c=commune, **common)))
    return result


def guide(lang: str) -> str:
    return resources.files("pii_site.province").joinpath("guide", f"{lang}.md").read_text(encoding="utf-8")


def footer_html(rollup: ProvinceRollup, lang: str) -> Markup:
    """The footer of every page: whose data it is and when it was gathered; the licence of the
    province's own files when the registry names one."""
    t = Labels(lang)
    day = Translator(lang).date(rollup.harvested_on) if rollup.harvested_on else "–"
    parts = [Markup("<p>{}</p>").format(t("province.footer", date=day))]
    if rollup.licence:
        name = rollup.licence["name"][lang]
        parts.append(
            Markup('<p>{} <a href="{}" rel="license">{}</a></p>').format(
                t("province.footer_licence"), rollup.licence["address"], name
            )
        )
    return Markup("").join(parts)
