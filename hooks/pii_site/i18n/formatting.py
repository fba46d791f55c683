"""Dates and numbers as each language writes them: 09/02/2026 and 50,6 in Vietnamese, 9 February 2026
and 50.6 in English. The one place that knows month names and decimal marks; called by render/templating.py
(Translator, for templates), pages/citations.py (short dates) and pages/framework.py (the worked example);
`shorten_at_word` by source/news.py (summaries) and outputs/link_preview.py (descriptions).
"""

from __future__ import annotations

import datetime as dt

from pii_site.i18n import Labels

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(value: dt.date, lang: str) -> str:
    """09/02/2026 in Vietnamese, 9 February 2026 in English."""
    if lang == "vi":
        return value.strftime("%d/%m/%Y")
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def format_partial_date(year: int, month: int | None, day: int | None, lang: str) -> str:
    """A date whose unknown parts are said to be unknown, never guessed."""
    if month and day:
        return format_date(dt.date(year, month, day), lang)
    labels = Labels(lang)
    if month:
        if lang == "vi":
            return labels("date.month_only", month=f"{month:02d}", year=year)
        return labels("date.month_only", month=MONTHS_EN[month - 1], year=year)
    return labels("date.year_only", year=year)


def short_date(year: int, month: int | None, day: int | None, lang: str) -> str:
    """01/10/2025, 10/2025, 2025 in Vietnamese; 1 Oct 2025, Oct 2025, 2025 in English (citations).
    A day without a month is not shown: it would read as a month."""
    day = day if month else None
    if lang == "vi":
        parts = [f"{day:02d}" if day else None, f"{month:02d}" if month else None, str(year)]
        return "/".join(p for p in parts if p)
    parts = [str(day) if day else None, MONTHS_EN[month - 1][:3] if month else None, str(year)]
    return " ".join(p for p in parts if p)


def _decimal_mark(text: str, lang: str) -> str:
    return text.replace(".", ",") if lang == "vi" else text


def format_number(value: float, lang: str, digits: int = 1) -> str:
    """At most `digits` decimals, no trailing zeros: 3 -> '3'; 50.625 -> '50,6' (vi), '50.6' (en)."""
    text = str(int(value)) if float(value).is_integer() else f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return _decimal_mark(text, lang)


def format_fixed(value: float, lang: str, decimals: int = 2) -> str:
    """Exactly `decimals` decimals, as a computed score is shown: 25.5 -> '25,50' (vi), '25.50' (en)."""
    return _decimal_mark(f"{value:.{decimals}f}", lang)


def format_as_typed(value: float, lang: str) -> str:
    """The value as the data gives it (3.2, 12), with the language's decimal mark."""
    return _decimal_mark(f"{value:g}", lang)


def shorten_at_word(text: str, limit: int) -> str:
    """`text`, or its words that fit in `limit` characters followed by "…"."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
