"""Who publishes the site and how to reach them: the footer of every page (office, feedback route,
licence, date of the last data update) and a unit's contacts on its page. Called by
outputs/site_frame.py (footer, once per language) and pages/units.py (one block per unit).
HTML, autoescaped: every value from data/ is text. Parts missing from the data are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from markupsafe import Markup

from pii_site.i18n import Labels
from pii_site.i18n.formatting import format_date
from pii_site.model.plan import Plan
from pii_site.model.progress import all_updates
from pii_site.pages.render import Translator, render_html
from pii_site.source.schema.plan import Contact


@dataclass(frozen=True)
class LastUpdate:
    date: dt.date
    kind: str  # "progress" or "news": the footer says which the date comes from


def last_data_update(plan: Plan) -> LastUpdate | None:
    """The newest progress update or news post dated today or before (a post may be written ahead
    for its day: until then it is no update); a progress update wins a tie (it is the data proper)."""
    dated = [LastUpdate(entry.update.date, "progress") for entry in all_updates(plan.tasks)]
    dated += [LastUpdate(post.date, "news") for post in plan.news]
    past = [candidate for candidate in dated if candidate.date <= plan.today]
    return max(past, key=lambda c: (c.date, c.kind == "progress"), default=None)


def dial(phone: str) -> str:
    """'+84 (000) 0.123-456' -> '+840000123456': a tel: link holds only digits and the leading +."""
    return re.sub(r"[^0-9+]", "", phone)


def _values(lang: str) -> dict[str, object]:
    return {"t": Labels(lang), "text": Translator(lang).plain, "dial": dial, "br": Markup("<br>")}


def contact_html(contact: Contact, lang: str) -> Markup:
    """A unit's contacts (its name is the page's heading); the footer names its office itself."""
    return Markup(render_html("contact.html.j2", contact=contact, name=None, **_values(lang)))


def footer_html(plan: Plan, lang: str) -> Markup:
    site = plan.site
    updated = last_data_update(plan)
    return Markup(
        render_html(
            "footer.html.j2",
            office=site.office,
            feedback=site.feedback,
            licence=site.licence,
            updated={"date": format_date(updated.date, lang), "kind": updated.kind} if updated else None,
            **_values(lang),
        )
    )
