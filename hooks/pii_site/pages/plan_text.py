"""The plan as one readable page: sections I–IV, signatory, recipients and the appendix table."""

from __future__ import annotations

from pii_site.i18n import Labels, urls
from pii_site.model.plan import Plan
from pii_site.pages.glossary_links import glossary_linker
from pii_site.render.templating import GeneratedPage, escape_markdown, render


def pages(plan: Plan, lang: str) -> list[GeneratedPage]:
    doc = plan.document
    t = Labels(lang)
    symbol = escape_markdown(doc.symbol)
    if doc.number is None:
        number_line = t("plan.number_unknown", symbol=symbol)
        number_short = f"…/{symbol}"
    else:
        number_line = t("plan.number", number=escape_markdown(doc.number), symbol=symbol)
        number_short = f"{escape_markdown(doc.number)}/{symbol}"
    markdown = render(
        "plan.md.j2",
        urls.PLAN,
        lang,
        plan=plan,
        doc=doc,
        number_line=number_line,
        number_short=number_short,
        urls=urls,
        gloss=glossary_linker(plan.reference.terms, urls.PLAN),
    )
    return [GeneratedPage(urls.PLAN, markdown, "data/plan.yml")]
