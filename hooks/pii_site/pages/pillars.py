"""The pillars overview (input vs output) and one page per pillar: what the pillar is (its first
measure in data/pillars.yml, cited, and a link to it in the PII framework) and the plan's tasks under it."""

from __future__ import annotations

from pii_site.i18n import urls
from pii_site.i18n.urls import Linker
from pii_site.model.plan import Plan
from pii_site.pages.citations import Citer
from pii_site.render.templating import GeneratedPage, render


def pages(plan: Plan, lang: str) -> list[GeneratedPage]:
    covered = sum(1 for pillar in plan.pillars if plan.tasks_in(pillar))
    result = [
        GeneratedPage(
            urls.PILLARS,
            render("pillars.md.j2", urls.PILLARS, lang, plan=plan, covered=covered),
            "data/pillars.yml",
        )
    ]
    for pillar in plan.pillars:
        path = urls.pillar_page(pillar.id)
        markdown = render(
            "pillar.md.j2",
            path,
            lang,
            plan=plan,
            pillar=pillar,
            tasks=plan.tasks_in(pillar),
            urls=urls,
            cite=Citer(plan.reference, Linker(path), lang),
        )
        # A pillar has no summary of its own: its first measure says what it is about.
        about = getattr(pillar.measures[0].text, lang) if pillar.measures else None
        result.append(GeneratedPage(path, markdown, "data/pillars.yml", about))
    return result
