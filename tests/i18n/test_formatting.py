"""Dates and numbers as each language writes them (pii_site.i18n.formatting): day/month/year with zeros
in Vietnamese and the month's name in English; a date's unknown parts said to be unknown, never guessed;
a comma as the Vietnamese decimal mark; a summary cut at a word, never inside one."""

from __future__ import annotations

import datetime as dt

import pytest

from pii_site.i18n.formatting import (
    format_as_typed,
    format_date,
    format_fixed,
    format_number,
    format_partial_date,
    short_date,
    shorten_at_word,
)


def test_a_date_reads_day_month_year_in_vietnamese_and_with_the_month_named_in_english():
    assert format_date(dt.date(2026, 2, 9), "vi") == "09/02/2026"
    assert format_date(dt.date(2026, 2, 9), "en") == "9 February 2026"
    assert format_date(dt.date(2024, 12, 31), "en") == "31 December 2024"


@pytest.mark.parametrize(
    ("month", "day", "vi", "en"),
    [
        (3, 5, "05/03/2025", "5 March 2025"),
        (3, None, "tháng 03 năm 2025 (không ghi ngày)", "March 2025 (day not given)"),
        (None, None, "năm 2025 (không ghi ngày, tháng)", "2025 (day and month not given)"),
        (None, 5, "năm 2025 (không ghi ngày, tháng)", "2025 (day and month not given)"),
    ],
)
def test_a_date_missing_its_day_or_month_says_so(month, day, vi, en):
    assert format_partial_date(2025, month, day, "vi") == vi
    assert format_partial_date(2025, month, day, "en") == en


def test_a_citations_short_date_leaves_out_what_is_unknown_and_never_shows_a_day_without_its_month():
    assert [short_date(2025, 10, 1, lang) for lang in ("vi", "en")] == ["01/10/2025", "1 Oct 2025"]
    assert [short_date(2025, 10, None, lang) for lang in ("vi", "en")] == ["10/2025", "Oct 2025"]
    assert [short_date(2025, None, 7, lang) for lang in ("vi", "en")] == ["2025", "2025"]


def test_numbers_take_the_languages_decimal_mark_and_no_trailing_zeros():
    assert [format_number(50.625, lang) for lang in ("vi", "en")] == ["50,6", "50.6"]
    assert format_number(3.0, "vi") == "3" and format_number(2.50, "en") == "2.5"
    assert format_number(1 / 3, "vi", digits=2) == "0,33"


def test_a_computed_score_keeps_its_decimals_and_a_typed_value_is_shown_as_typed():
    assert [format_fixed(25.5, lang) for lang in ("vi", "en")] == ["25,50", "25.50"]
    assert [format_as_typed(3.2, lang) for lang in ("vi", "en")] == ["3,2", "3.2"]
    assert format_as_typed(12, "vi") == "12"


def test_a_long_text_is_cut_at_a_word_and_ends_with_an_ellipsis():
    assert shorten_at_word("Lớp học số", 20) == "Lớp học số"
    assert shorten_at_word("Chuyển đổi số, cho mọi người dân", 20) == "Chuyển đổi số, cho…"
    assert shorten_at_word("Chuyển đổi số, cho mọi người dân", 16) == "Chuyển đổi số…"  # no comma before the "…"
