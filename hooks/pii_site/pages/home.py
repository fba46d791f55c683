"""The home page: what the plan is, why PII matters, and where to go next."""

from __future__ import annotations

from pii_site.i18n import Labels, urls
from pii_site.i18n.urls import Linker
from pii_site.model.plan import Plan
from pii_site.pages.citations import Citer
from pii_site.pages.render import GeneratedPage, Translator, escape_markdown, render

LATEST_NEWS = 3  # how many posts the home page lists


def pages(plan: Plan, lang: str) -> list[GeneratedPage]:
    doc = plan.document
    tr = Translator(lang)
    implements = Labels(lang)(
        "plan.implements",
        number=escape_markdown(doc.implements.number),
        date=tr.date(doc.implements.date),
        issuer=tr(doc.implements.issuer),
    )
    cite = Citer(plan.reference, Linker(urls.HOME), lang)
    markdown = render(
        "home.md.j2",
        urls.HOME,
        lang,
        plan=plan,
        doc=doc,
        implements=implements,
        urls=urls,
        cite=cite,
        latest_news=plan.news[:LATEST_NEWS],
    )
    return [GeneratedPage(urls.HOME, markdown, "data/plan.yml")]
