"""Model of data/reporting.yml (optional): who collects the units' progress reports, and the rounds.

The plan names the coordinator (section IV.2: the unit that follows up the plan and receives the
units' reports) but sets no reporting dates, so a round exists only once the commune sets one. Rules
across files (the coordinator is a unit, round ids unique, dates in order) are in model/load.py.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from pii_site.source.schema.base import NonEmpty, Slug, Strict, Text


class Period(Strict):
    """The days a round reports on, both included."""

    start: dt.date = Field(description="Ngày đầu kỳ / first day of the period, YYYY-MM-DD")
    end: dt.date = Field(description="Ngày cuối kỳ / last day of the period, YYYY-MM-DD")


class Round(Strict):
    """One reporting round: a period, and the day the units' forms are due to the coordinator."""

    id: Slug = Field(description="Short id, also the folder of the round's forms: data/reports/<id>/, e.g. 2026-q2")
    name: Text = Field(description='Name in both languages, e.g. vi: "Quý II/2026", en: "Second quarter of 2026"')
    period: Period = Field(description="The period the round reports on")
    due: dt.date = Field(description="Hạn nộp báo cáo / the day forms are due to the coordinator, YYYY-MM-DD")


class ReportingFile(Strict):
    """data/reporting.yml: the unit that collects the reports, and the reporting rounds (none until set)."""

    coordinator: Slug = Field(
        description="Id of the unit that follows up the plan and collects the units' reports (data/units.yml)"
    )
    rounds: list[Round] = Field(
        default=[], description="Reporting rounds, set by the commune; leave empty until dates are decided"
    )
    recipients: list[NonEmpty] | None = Field(
        default=None,
        min_length=1,
        description="Nơi nhận of the compiled report (make report), in Vietnamese, one recipient an item as printed "
        'without the dash, e.g. "Sở Khoa học và Công nghệ", "Lưu: VT"; left out: the plan\'s own recipients '
        "(data/plan.yml)",
    )
