"""Dates in the data (pii_site.source.dates): a real day of a leap year is valid."""

from __future__ import annotations

import pytest
from helpers import DataCopy, load_script

validate = load_script("validate")


@pytest.mark.usefixtures("fixture_today")
def test_29_february_of_a_leap_year_is_a_real_day(data_copy: DataCopy, capsys):
    data_copy.replace("sources.yml", "date: {year: 2026, month: 1}", "date: {year: 2024, month: 2, day: 29}")
    assert validate.main(["--data", str(data_copy.root)]) == 0
