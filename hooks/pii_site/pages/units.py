"""The units overview and one page per unit: its contacts (or that none are published) and whom the
plan makes follow it up, section IV duties, tasks it leads and coordinates. Called by pages/__init__.py (render_site)."""

from __future__ import annotations

from pii_site.i18n import urls
from pii_site.model.plan import Plan
from pii_site.pages.glossary_links import glossary_linker
from pii_site.render.contacts import contact_html
from pii_site.render.templating import GeneratedPage, render


def pages(plan: Plan, lang: str) -> list[GeneratedPage]:
    result = [GeneratedPage(urls.UNITS, render("units.md.j2", urls.UNITS, lang, plan=plan), "data/units.yml")]
    for unit in plan.units:
        path = urls.unit_page(unit.id)
        markdown = render(
            "unit.md.j2",
            path,
            lang,
            plan=plan,
            unit=unit,
            duties=plan.duties_of(unit),
            led=plan.tasks_led_by(unit),
            coordinated=plan.tasks_coordinated_by(unit),
            contact=contact_html(unit.contact, lang) if unit.contact else None,
            coordinator=plan.reporting.coordinator,
            gloss=glossary_linker(plan.reference.terms, path),
            urls=urls,
        )
        result.append(GeneratedPage(path, markdown, "data/units.yml", getattr(unit.description, lang)))
    return result
