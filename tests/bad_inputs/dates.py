"""Dates that cannot be: a day not in the calendar (given as numbers, or written YYYY-MM-DD with a month
or day the calendar lacks, which the message names instead of blaming the form), a day without its
month, a measured value or a document dated after today, a progress update before the plan starts,
in the future, or listed out of date order (seen from FIXTURE_TODAY, as test_bad_inputs.py runs the
scripts)."""

from __future__ import annotations

from helpers import FIXTURE_TODAY, DataCopy

from bad_inputs import BadInput, fixture_line, where
from pii_site.source.errors import message

# The fixture plan is dated March 2026 with no day: updates may start on 1 March.
MONTH_START = "2026-03-01"


def evidence_dated_in_the_future(data: DataCopy) -> int:
    """VII.2's status file ends with the latest update's evidence list: one more document there."""
    path = data.path("status/VII.2.yml")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + '      - {number: "15/BC-UBND", date: 2026-12-20, issuer: {vi: "UBND xã"}}\n', encoding="utf-8"
    )
    return text.count("\n") + 1


def latest_value_in_the_future(data: DataCopy) -> int:
    """IX.1's target is ahead of today, which is fine; a latest value dated ahead of it is not."""
    target = "  target: {value: 40, date: 2026-12-31}\n"
    return data.replace("status/IX.1.yml", target, target + "  latest: {value: 17, date: 2026-12-01}\n") + 1


def plan_issued_on_a_known_day(data: DataCopy) -> int:
    data.replace("plan.yml", "date: {year: 2026, month: 3, day: null}", "date: {year: 2026, month: 3, day: 15}")
    return data.replace("status/VII.1.yml", "date: 2026-04-10", "date: 2026-03-10")


def start_note(key: str) -> dict[str, str]:
    vi, en = message(key)
    return {"start_note_vi": vi, "start_note_en": en}


CASES = [
    BadInput(
        "the-thirtieth-of-february-as-the-plan-date",
        lambda data: data.replace(
            "plan.yml", "date: {year: 2026, month: 3, day: null}", "date: {year: 2026, month: 2, day: 30}"
        ),
        "plan.yml",
        "date_not_a_day",
        {"day": 30, "month": 2, "year": 2026},
        where=where("", None, "date"),
        problems=1,
    ),
    BadInput(
        "the-thirty-first-of-april-as-a-source-date",
        lambda data: data.replace(
            "sources.yml", "date: {year: 2025, month: 4, day: 2}", "date: {year: 2025, month: 4, day: 31}"
        ),
        "sources.yml",
        "date_not_a_day",
        {"day": 31, "month": 4, "year": 2025},
        where=where("sources", "bao-may-2025", "date"),
        problems=1,
    ),
    BadInput(
        "a-source-date-with-a-day-but-no-month",
        lambda data: data.replace("sources.yml", "date: {year: 2026, month: 1}", "date: {year: 2026, day: 8}"),
        "sources.yml",
        "date_day_without_month",
        where=where("sources", "so-thu-nghiem-2026", "date"),
        problems=1,
    ),
    BadInput(
        "evidence-dated-after-today",
        evidence_dated_in_the_future,
        "status/VII.2.yml",
        "date_in_future",
        {"found": "2026-12-20", "today": FIXTURE_TODAY},
        where=where("evidence", 2, "date"),
        problems=1,
    ),
    BadInput(
        "an-indicator-value-measured-after-today",
        latest_value_in_the_future,
        "status/IX.1.yml",
        "date_in_future",
        {"found": "2026-12-01", "today": FIXTURE_TODAY},
        where=where("", None, "indicator.latest.date"),
        problems=1,  # and nothing about the target, which may be ahead of today
    ),
    BadInput(
        "an-update-dated-after-today",
        lambda data: data.replace("status/VII.2.yml", "- date: 2026-10-15", "- date: 2026-12-01"),
        "status/VII.2.yml",
        "status_date_future",
        {"found": "2026-12-01", "today": FIXTURE_TODAY},
        where=where("updates", "2026-12-01", "date"),
        problems=1,
    ),
    BadInput(
        "an-update-before-the-plan-month",
        lambda data: data.replace("status/VII.1.yml", "date: 2026-04-10", "date: 2026-02-20"),
        "status/VII.1.yml",
        "status_date_before_plan",
        {"found": "2026-02-20", "start": MONTH_START, **start_note("status_start_month")},
        where=where("updates", "2026-02-20", "date"),
        problems=1,
    ),
    BadInput(
        "an-update-before-the-plans-day-of-issue",
        plan_issued_on_a_known_day,
        "status/VII.1.yml",
        "status_date_before_plan",
        {"found": "2026-03-10", "start": "2026-03-15", **start_note("status_start_exact")},
        where=where("updates", "2026-03-10", "date"),
        problems=1,
    ),
    BadInput(
        "updates-out-of-date-order",
        lambda data: (
            data.replace("status/VII.1.yml", "date: 2026-04-10", "date: 2026-10-01"),
            data.line_of("status/VII.1.yml", "date: 2026-09-25"),
        )[1],
        "status/VII.1.yml",
        "status_out_of_order",
        {
            "found": "2026-09-25",
            "previous": "2026-10-01",
            "previous_line": fixture_line("status/VII.1.yml", "date: 2026-04-10"),
        },
        where=where("updates", "2026-09-25", "date"),
        problems=1,
    ),
    BadInput(
        "an-update-in-month-13-on-day-45",
        lambda data: data.replace("status/VII.2.yml", "- date: 2026-10-15", "- date: 2026-13-45"),
        "status/VII.2.yml",
        "date_no_such_month_or_day",
        {"found": "2026-13-45", "month": 13, "day": 45},
        where=where("updates", "2026-13-45", "date"),
        problems=1,
    ),
    BadInput(
        "an-update-on-the-thirty-first-of-september",
        lambda data: data.replace("status/VII.2.yml", "- date: 2026-10-15", "- date: 2026-09-31"),
        "status/VII.2.yml",
        "date_no_such_day",
        {"found": "2026-09-31", "day": 31, "month": 9, "year": 2026, "days": 30},
        where=where("updates", "2026-09-31", "date"),
        problems=1,
    ),
    BadInput(
        "a-news-post-in-month-13",
        lambda data: data.replace("news/2026-10-20-san-may.md", "date: 2026-10-20", "date: 2026-13-20"),
        "news/2026-10-20-san-may.md",
        "date_no_such_month",
        {"found": "2026-13-20", "month": 13},
        where=where("", None, "date"),
        problems=1,
    ),
]
