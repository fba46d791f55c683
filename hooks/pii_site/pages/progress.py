"""The progress page (tasks by status, per pillar and unit, recent, stale, overdue, downloads) and
the data dictionary page that explains every column of the downloadable files."""

from __future__ import annotations

from pii_site.i18n import Labels, urls
from pii_site.i18n.formatting import format_number
from pii_site.model import contract
from pii_site.model.plan import Plan, PlanTask
from pii_site.model.progress import PROGRESS_ORDER, STALE_DAYS, Rollup, recently_updated
from pii_site.render.templating import GeneratedPage, render, render_html


def status_chart(rollup: Rollup[PlanTask], lang: str) -> str:
    t = Labels(lang)
    largest = max(rollup.counts.values()) or 1
    bars = [
        {
            "status": s,
            "label": t(f"status.{s}"),
            "value": rollup.counts[s],
            "width": round(100 * rollup.counts[s] / largest),
        }
        for s in PROGRESS_ORDER  # as the stacked bars and the sentence under the chart read
    ]
    return render_html("status_chart.html.j2", bars=bars)


def mean_text(rollup: Rollup[PlanTask], lang: str) -> str:
    mean = rollup.mean_percent
    if mean is None:
        return "-"
    return Labels(lang)("status.percent", percent=format_number(mean, lang))


def pages(plan: Plan, lang: str) -> list[GeneratedPage]:
    rollup = plan.rollup()
    progress = render(
        "progress.md.j2",
        urls.PROGRESS,
        lang,
        plan=plan,
        urls=urls,
        rollup=rollup,
        chart=status_chart(rollup, lang),
        mean=lambda r: mean_text(r, lang),
        recent=recently_updated(plan.tasks),
        stale_days=STALE_DAYS,
        pillar_rows=[
            (p.name, urls.pillar_page(p.id), plan.rollup(plan.tasks_in(p))) for p in plan.pillars if plan.tasks_in(p)
        ],
        unit_rows=[
            (u.name, urls.unit_page(u.id), plan.rollup(plan.tasks_led_by(u)))
            for u in plan.units
            if plan.tasks_led_by(u)
        ],
        downloads=[
            (name, contract.download_path(name, "csv"), contract.download_path(name, "json"))
            for name in contract.COLUMNS
        ],
        feed=urls.FEED,
    )
    dictionary = render(
        "open_data.md.j2",
        urls.OPEN_DATA,
        lang,
        plan=plan,
        urls=urls,
        columns=contract.COLUMNS,
        licence_keys=contract.LICENCE_KEYS,
        schema_version=contract.SCHEMA_VERSION,
        schema_path=contract.SCHEMA_PATH,
        envelope_keys=(*contract.ENVELOPE_KEYS, "records"),
    )
    return [
        # Built from many files (data/status/*.yml), so there is no single file to edit.
        GeneratedPage(urls.PROGRESS, progress),
        GeneratedPage(urls.OPEN_DATA, dictionary),
    ]
