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
    """The newest progress update or news post; a progress update wins a tie (it is the data proper)."""
    updates = all_updates(plan.tasks)
    candidates = []
    if updates:
        candidates.append(LastUpdate(updates[0].update.date, "progress"))
    if plan.news:
        candidates.append(LastUpdate(max(post.date for post in plan.news), "news"))
    return max(candidates, key=lambda c: (c.date, c.kind == "progress"), default=None)


def dial(phone: str) -> str:
    """'+84 (296) 3.123.456' -> '+842963123456': a tel: link holds only digits and the leading +."""
    return re.sub(r"[^0-9+]", "", phone)


def _values(lang: str) -> dict[str, object]:
    return {"t": Labels(lang), "text": Translator(lang).plain, "dial": dial, "br": Markup("<br>")}


def contact_html(contact: Contact, lang: str, name: str | None = None) -> Markup:
    return Markup(render_html("contact.html.j2", contact=contact, name=name, **_values(lang)))


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
