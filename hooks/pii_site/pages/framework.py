"""The pages explaining the PII framework: what the index is, its framework (with a diagram built
from data), the method with a worked example computed by pii_method, the glossary and the sources.
Registered in FAMILIES."""

from __future__ import annotations

from dataclasses import dataclass

from pii_site.i18n import Labels, urls
from pii_site.i18n.formatting import format_as_typed, format_fixed
from pii_site.i18n.urls import Linker
from pii_site.model.plan import Plan
from pii_site.model.worked_example import compute_example, shown_parts_miss_the_result
from pii_site.pages.citations import Citer, publisher_label, source_title
from pii_site.pages.glossary_links import terms_in
from pii_site.render.templating import GeneratedPage, Translator, render, render_html


def pages(plan: Plan, lang: str) -> list[GeneratedPage]:
    def page(path: str, template: str, data_file: str, **values: object) -> GeneratedPage:
        cite = Citer(plan.reference, Linker(path), lang)
        markdown = render(template, path, lang, plan=plan, facts=plan.reference.facts, cite=cite, urls=urls, **values)
        return GeneratedPage(path, markdown, data_file)

    return [
        page(urls.PII_INDEX, "pii_index.md.j2", "data/pii.yml"),
        page(urls.PII_FRAMEWORK, "pii_framework.md.j2", "data/pillars.yml", diagram=framework_diagram(plan, lang)),
        page(
            urls.PII_METHOD,
            "pii_method.md.j2",
            "data/pii.yml",
            result=compute_example(plan.reference.facts.example),
            number=lambda value: format_fixed(value, lang),
            raw=lambda value: format_as_typed(value, lang),
            locality=_locality_names(plan, lang),
            unrounded=shown_parts_miss_the_result,
        ),
        page(urls.PII_GLOSSARY, "pii_glossary.md.j2", "data/glossary.yml", occurrences=_occurrences(plan, lang)),
        page(
            urls.PII_SOURCES,
            "pii_sources.md.j2",
            "data/sources.yml",
            anchor=urls.source_anchor,
            publisher=lambda source: publisher_label(source, lang),
            title=lambda source: source_title(source, lang),
        ),
    ]


def _locality_names(plan: Plan, lang: str) -> dict[str, str]:
    tr = Translator(lang)
    return {loc.id: tr(loc.name) for loc in plan.reference.facts.example.localities}


@dataclass(frozen=True)
class Occurrence:
    label: str  # already escaped, e.g. "nhiệm vụ I.3"
    path: str  # source path of the page where the term occurs


def _occurrences(plan: Plan, lang: str) -> dict[str, list[Occurrence]]:
    """Term id -> the task and unit pages whose plan text names it (in this language). Only the plan's
    own words count (task indicators and texts, section IV duties): a unit's description is this site's
    summary, and a term found only there is not "named in the plan"."""
    t, tr = Labels(lang), Translator(lang)
    terms = plan.reference.terms
    found: dict[str, list[Occurrence]] = {term.id: [] for term in terms}
    for task in plan.tasks:
        text = f"{tr.plain(task.indicator)} {tr.plain(task.text)}"
        for term_id in sorted(terms_in(terms, text)):
            found[term_id].append(Occurrence(t("pii.glossary.task", id=task.id), urls.task_page(task.id)))
    for unit in plan.units:
        text = " ".join(tr.plain(duty.text) for duty in plan.duties_of(unit))
        for term_id in sorted(terms_in(terms, text)):
            found[term_id].append(Occurrence(tr(unit.name), urls.unit_page(unit.id)))
    return found


@dataclass(frozen=True)
class DiagramPillar:
    title: str  # "1. Thể chế"
    status: str  # how many tasks of this plan, or none
    has_tasks: bool


@dataclass(frozen=True)
class DiagramGroup:
    name: str  # the sub-index
    pillars: list[DiagramPillar]


def framework_diagram(plan: Plan, lang: str) -> str:
    """The framework as boxes of HTML text: the PII on top, each sub-index beside its pillars (above
    them on a phone, pii.css), each pillar with its number of tasks. Text, not a picture, so it stays
    as large as the page's text at any width, and a screen reader reads it as nested lists."""
    t, tr = Labels(lang), Translator(lang)
    count = plan.reference.facts.framework.indicator_count
    groups = [
        DiagramGroup(
            tr.plain(subindex.name),
            [
                DiagramPillar(
                    f"{pillar.number}. {tr.plain(pillar.name)}",
                    t("pii.framework.task_count", count=tasks) if tasks else t("pii.framework.no_task_count"),
                    bool(tasks),
                )
                for pillar in plan.pillars_in(subindex)
                for tasks in [len(plan.tasks_in(pillar))]
            ],
        )
        for subindex in plan.subindices
    ]
    html = render_html(
        "pii_framework_diagram.html.j2",
        top=t("pii.framework.diagram_top", count=count),
        groups=groups,
        title=t("pii.framework.diagram_title"),
        caption=t("pii.framework.diagram_caption"),
    )
    # A blank line would end Markdown's raw HTML block in the middle of the figure.
    return "\n".join(line for line in html.splitlines() if line.strip())
