"""The home page, for a resident on a phone: what the plan is, how far it has got, its pillars,
the latest news, and where to read about the PII (hooks/pii_hooks.py via pages.render_site)."""

from __future__ import annotations

from pii_site.i18n import urls
from pii_site.model.plan import Plan
from pii_site.render.templating import GeneratedPage, render

LATEST_NEWS = 3  # how many posts the home page lists


def pages(plan: Plan, lang: str) -> list[GeneratedPage]:
    markdown = render(
        "home.md.j2", urls.HOME, lang, plan=plan, doc=plan.document, urls=urls, latest_news=plan.news[:LATEST_NEWS]
    )
    return [GeneratedPage(urls.HOME, markdown, "data/plan.yml")]
