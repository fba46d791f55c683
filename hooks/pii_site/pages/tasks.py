"""The table of all tasks and one page per task, linked to its pillar and units."""

from __future__ import annotations

from pii_site.i18n import urls
from pii_site.model.plan import Plan
from pii_site.pages.glossary_links import glossary_linker
from pii_site.render.templating import GeneratedPage, render


def pages(plan: Plan, lang: str) -> list[GeneratedPage]:
    result = [GeneratedPage(urls.TASKS, render("tasks.md.j2", urls.TASKS, lang, plan=plan), "data/tasks.yml")]
    for task in plan.tasks:
        path = urls.task_page(task.id)
        markdown = render(
            "task.md.j2",
            path,
            lang,
            plan=plan,
            task=task,
            urls=urls,
            gloss=glossary_linker(plan.reference.terms, path),
        )
        result.append(GeneratedPage(path, markdown, "data/tasks.yml", getattr(task.text, lang)))
    return result
