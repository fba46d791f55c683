"""Page families: each module turns the Plan into the pages of one kind, in one language.

Every module has the same shape: `pages(plan, lang) -> list[GeneratedPage]`. A new family is one
module, one template and one line in FAMILIES.
"""

from __future__ import annotations

from pii_site.model.plan import Plan
from pii_site.pages import framework, home, news, pillars, plan_text, progress, tasks, units
from pii_site.render.templating import GeneratedPage

FAMILIES = [home, plan_text, pillars, units, tasks, progress, framework, news]


def render_site(plan: Plan, lang: str) -> list[GeneratedPage]:
    """Every generated page of the site in `lang`."""
    return [page for family in FAMILIES for page in family.pages(plan, lang)]
