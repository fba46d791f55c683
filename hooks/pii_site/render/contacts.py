"""Who publishes the site and how to reach them: the footer of every page (office, feedback route, whom
the plan makes follow it up, licence, date of the last data update) and a unit's contacts on its page. Called by
outputs/site_frame.py (footer, once per language and page depth) and pages/units.py (one block per unit).
HTML, autoescaped: every value from data/ is text. Parts missing from the data are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from pii_site.i18n import Labels, urls
from pii_site.i18n.formatting import format_date
from pii_site.model.plan import Plan
from pii_site.model.progress import all_updates
from pii_site.render.templating import Translator, render_html
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


def html_label(lang: str) -> Callable[..., Markup]:
    """t_html(key, **values): a label as HTML, its own words escaped and each value escaped unless it is
    Markup already (a link made by `html_link`), so a sentence can hold a link where its label says."""
    labels = Labels(lang)

    def label(key: str, **values: object) -> Markup:
        return Markup(escape(labels(key))).format(**values)

    return label


def html_link(href: str, text: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


def _values(lang: str) -> dict[str, object]:
    return {
        "t": Labels(lang),
        "t_html": html_label(lang),
        "link": html_link,
        "text": Translator(lang).plain,
        "dial": dial,
        "br": Markup("<br>"),
    }


def contact_html(contact: Contact, lang: str) -> Markup:
    """A unit's contacts (its name is the page's heading); the footer names its office itself."""
    return Markup(render_html("contact.html.j2", contact=contact, name=None, **_values(lang)))


def footer_html(plan: Plan, lang: str, root: str = ".") -> Markup:
    """The footer block of a page whose language root is at `root` (relative, "../..", or the path of
    a public address, "/pii/vi/"): the one link to another page, the coordinator's, is made from it."""
    site = plan.site
    updated = last_data_update(plan)
    coordinator = plan.reporting.coordinator
    return Markup(
        render_html(
            "footer.html.j2",
            office=site.office,
            feedback=site.feedback,
            licence=site.licence,
            coordinator=coordinator,
            coordinator_href=f"{root.rstrip('/')}/{urls.address(urls.unit_page(coordinator.id))}"
            if coordinator
            else None,
            updated={"date": format_date(updated.date, lang), "kind": updated.kind} if updated else None,
            **_values(lang),
        )
    )
