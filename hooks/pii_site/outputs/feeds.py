"""One Atom feed per language of every status update and news post, and of every reporting round
whose due day has passed (who had reported), newest first, with stable ids.

Called by hooks/pii_hooks.py (on_files) through feed_file; the XML comes from an autoescaped
template, so note text can never become markup. An entry's id is derived from the plan, the task,
the update's position in its file (or a form's round and unit) and its date, so it stays the same from build to build and
does not change when the site moves to another address.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TypedDict

from pii_site.i18n import Labels, urls
from pii_site.model.plan import Plan
from pii_site.model.progress import all_updates
from pii_site.model.reporting import SUBMISSION_STATES
from pii_site.outputs.exports import GeneratedFile
from pii_site.render.templating import Translator, render_html
from pii_site.source.news import feed_entries as news_feed_entries


class Entry(TypedDict):
    """One <entry> as the feed template reads it (plain text: the template escapes it)."""

    id: str
    title: str
    updated: str
    published: str | None  # only where an entry can change after it first appeared (a round's)
    url: str
    status: str  # a status, or "news"
    status_label: str
    summary: str
    summary_lang: str | None  # "vi" when the summary is Vietnamese text on the English feed


# Vietnam's time zone: an update's date is a day in the commune, not a UTC instant.
_OFFSET = "+07:00"


def _instant(day: dt.date, time: str = "00:00:00") -> str:
    return f"{day.isoformat()}T{time}{_OFFSET}"


def _plan_key(plan: Plan) -> str:
    doc = plan.document
    return f"{doc.issuer.vi}|{doc.year}|{doc.symbol}"


def entry_id(plan: Plan, lang: str, task_id: str, identity: str, date: dt.date) -> str:
    """`identity`: UpdateEntry.identity, the update's position in its status file or a form's round and unit."""
    name = f"pii-status|{_plan_key(plan)}|{lang}|{task_id}|{identity}|{date.isoformat()}"
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def feed_xml(plan: Plan, lang: str, site_url: str) -> str:
    """The Atom document for `lang`; site_url is the language's address ending in '/', or "".

    Without an address, links are relative: RFC 4287 (section 4.2.7) lets atom:link hold an IRI
    reference, resolved against the feed's own address (RFC 3986), so "tasks/i-3/#history" in
    <lang>/feed.xml reaches the task page wherever the site is served. Absolute links are only
    possible, and then used, when the public address is known; entry ids never depend on it."""
    t = Labels(lang)
    tr = Translator(lang)
    entries: list[Entry] = []
    for entry in all_updates(plan.tasks):
        update = entry.update
        status_label = t(f"status.{update.status}")
        if update.percent is not None:
            status_label_with_percent = f"{status_label}, {t('status.percent', percent=update.percent)}"
        else:
            status_label_with_percent = status_label
        summary = tr.plain(update.note)
        vi_only = lang != "vi" and getattr(update.note, lang) is None
        if vi_only:
            summary = f"{summary} ({t('task.vi_only')})"
        entries.append(
            {
                "id": entry_id(plan, lang, entry.task.id, entry.identity, update.date),
                "title": t("feed.entry_title", id=entry.task.id, status=status_label_with_percent),
                "updated": _instant(update.date),
                "published": None,
                "url": site_url + urls.address(urls.task_page(entry.task.id)) + "#history",
                "status": update.status,
                "status_label": status_label,
                "summary": summary,
                "summary_lang": "vi" if vi_only else None,
            }
        )
    entries += _news_entries(plan, lang, site_url)
    entries += _round_entries(plan, lang, site_url)
    # Demonstration data must not pass for real news in a feed reader, where the site's notice is not shown.
    marker = t("demo.feed_marker") if plan.site.demo else ""
    for item in entries:
        item["title"] = marker + item["title"]
    # Newest first across both kinds; on the same day news comes before status reports.
    entries.sort(key=lambda entry: (entry["updated"], entry["status"] == "news"), reverse=True)
    dates = [day for day in (plan.rollup().last_date, *(post.date for post in plan.news)) if day]
    site_name = getattr(plan.site.name, lang)
    # Instants, not days: a round's entry is dated at the end of its due day.
    instants = [_instant(day) for day in dates] + [
        entry["updated"] for entry in entries if entry["status"] == ROUND_DUE
    ]
    return render_html(
        "feed.atom.xml.j2",
        lang=lang,
        feed_id=uuid.uuid5(uuid.NAMESPACE_URL, f"pii-status|{_plan_key(plan)}|{lang}").urn,
        title=marker + t("feed.title", site=site_name),
        # With no update yet, the feed is as new as the build that wrote it.
        updated=max(instants) if instants else _instant(plan.today),
        self_url=site_url + urls.FEED,
        progress_url=site_url + urls.address(urls.PROGRESS),
        author=getattr(plan.document.issuer, lang),
        entries=entries,
    )


def _news_entries(plan: Plan, lang: str, site_url: str) -> list[Entry]:
    t = Labels(lang)
    entries: list[Entry] = []
    for post, item in zip(plan.news, news_feed_entries(plan.news, lang, site_url), strict=True):
        name = f"pii-news|{_plan_key(plan)}|{lang}|{post.slug}"
        entries.append(
            {
                "id": uuid.uuid5(uuid.NAMESPACE_URL, name).urn,
                "title": item.title,
                "updated": _instant(item.date),
                "published": None,
                "url": item.url,
                "status": "news",
                "status_label": t("feed.news"),
                "summary": item.summary,
                "summary_lang": None if post.is_translated(lang) else "vi",
            }
        )
    return entries


def feed_file(plan: Plan, lang: str, site_url: str) -> GeneratedFile:
    return GeneratedFile(urls.FEED, feed_xml(plan, lang, site_url).encode("utf-8"))


# The category of a round's entry: it is neither a status nor news.
ROUND_DUE = "reporting-round"


def _round_entries(plan: Plan, lang: str, site_url: str) -> list[Entry]:
    """One entry per round whose due day has passed (before the build's today: on the due day itself a
    unit still reports on time), published at the end of that day: how many lead units have reported,
    and each unit's standing by name. Counted as of the build, so a late form raises the count and
    updates the entry, whose id stays the round's. Without rounds there is none."""
    t = Labels(lang)
    tr = Translator(lang)
    reporting = plan.reporting
    entries: list[Entry] = []
    for round_ in reporting.rounds:
        status = reporting.status(round_)
        if not status.due_passed or not status.units:
            continue
        by_state = [
            f"{t(f'round.state.{state}')}: {'; '.join(tr.plain(u.unit.name) for u in status.in_state(state))}."
            for state in SUBMISSION_STATES
            if status.in_state(state)
        ]
        name = f"pii-round|{_plan_key(plan)}|{lang}|{round_.id}"
        passed = _instant(round_.due, "23:59:59")
        late = [u.submission.report_date for u in status.in_state("late") if u.submission is not None]
        entries.append(
            {
                "id": uuid.uuid5(uuid.NAMESPACE_URL, name).urn,
                "title": t(
                    "feed.round_due_title",
                    round=tr.plain(round_.name),
                    sent=len(status.reported),
                    total=len(status.units),
                ),
                # Published at the last second of the due day in the commune, when the deadline passed;
                # updated on the day of the latest late form counted since.
                "updated": max([passed, *(_instant(day) for day in late)]),
                "published": passed,
                "url": site_url + urls.address(urls.PROGRESS) + "#forms",
                "status": ROUND_DUE,
                "status_label": t("feed.round_due"),
                "summary": " ".join(by_state),
                "summary_lang": None,
            }
        )
    return entries
