"""What is wrong with a date as someone typed it: a month or day the calendar does not have
(2026-13-45, 2026-02-30), or a real day written another way (15/03/2026, 2026-3-5).

Used by the data checks (validation.py, for a date field YAML could not read as a date) and by
scripts/add_update.py (its --date and evidence dates). Words nothing itself: it returns the key of a
messages.yml entry and the values that fill it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from pii_site.source.errors import message

_YEAR_FIRST = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
# The way dates are written in Vietnamese documents: day first, then month, then year.
_DAY_FIRST = re.compile(r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})")


def date_mistake(text: str) -> tuple[str, dict[str, Any]]:
    """(message key, values) explaining why `text` is not a date written YYYY-MM-DD.

    A text in the right form whose month or day does not exist says which; anything else is told
    the form, with the date it would be in that form when it reads as a real day either way."""
    text = text.strip()
    if match := _YEAR_FIRST.fullmatch(text):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        if not 1 <= month <= 12:
            if not 1 <= day <= 31:
                return "date_no_such_month_or_day", {"found": text, "month": month, "day": day}
            return "date_no_such_month", {"found": text, "month": month}
        if year >= dt.MINYEAR:
            days = calendar.monthrange(year, month)[1]
            if not 1 <= day <= days:
                return "date_no_such_day", {"found": text, "day": day, "month": month, "year": year, "days": days}
    return "pattern_date", {"found": text, **_suggestion(text)}


def _suggestion(text: str) -> dict[str, str]:
    """The suggestion_vi/suggestion_en values of pattern_date: the same day written YYYY-MM-DD."""
    match = _YEAR_FIRST.fullmatch(text) or _DAY_FIRST.fullmatch(text)
    if match:
        try:
            day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            pass
        else:
            vi, en = message("suggestion", name=day.isoformat())
            return {"suggestion_vi": vi, "suggestion_en": en}
    return {"suggestion_vi": "", "suggestion_en": ""}
