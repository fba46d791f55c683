"""Model of a progress file, data/status/<TASK_ID>.yml: dated updates, due date, indicator values.

Registered in schema.DATA_FILES under "status/*.yml"; rules across files are in status_rules.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field, field_validator

from pii_site.source.schema.base import (
    NonEmpty,
    Number,
    OptionalEnglishText,
    Slug,
    Strict,
    TaskId,
    WebAddress,
    WholeNumber,
)

Status = Literal["not-started", "in-progress", "delayed", "completed", "continuous"]
# The one list of statuses a unit may report: labels, icons, colours, the schema, the status files'
# header, the forms' drop-down and the data dictionary all follow it (tests/source/test_statuses.py).
STATUSES: tuple[Status, ...] = get_args(Status)


# Updates one status file may hold: a weekly report for ten years is 520. A task's page shows its
# whole history, so this (with the file's size, STATUS_FILE_LIMIT) bounds the page: 40,000 updates
# made a 32 MB page and a build of 90 s.
MAX_UPDATES = 500
# Bytes of a status file: 500 updates with notes in both languages fit in well under 1 MB.
STATUS_FILE_LIMIT = 1_000_000
MAX_EVIDENCE = 50  # links or documents per update


class Evidence(Strict):
    """A link (url) and/or an official document (number, date, issuer). The loader checks that
    each item has a url or a complete document reference."""

    url: WebAddress | None = Field(
        default=None, description="Address starting with https:// (a news item, a document on the portal)"
    )
    number: NonEmpty | None = Field(default=None, description="Số, ký hiệu văn bản, e.g. 12/BC-UBND")
    date: dt.date | None = Field(default=None, description="Ngày ban hành văn bản / date of issue, YYYY-MM-DD")
    issuer: OptionalEnglishText | None = Field(default=None, description="Cơ quan ban hành / issuing body")
    title: OptionalEnglishText | None = Field(default=None, description="Trích yếu hoặc tiêu đề / subject or title")


class StatusUpdate(Strict):
    """One dated report on a task by the unit doing it."""

    date: dt.date = Field(description="Ngày cập nhật / date of the update, YYYY-MM-DD")
    status: Status = Field(description=" | ".join(STATUSES))
    percent: WholeNumber | None = Field(
        default=None, ge=0, le=100, description="Phần trăm hoàn thành / percent done, 0-100"
    )
    unit: Slug = Field(description="Id of the reporting unit in data/units.yml")
    note: OptionalEnglishText = Field(description="Nội dung cập nhật; English optional")
    evidence: list[Evidence] = Field(
        default=[],
        max_length=MAX_EVIDENCE,
        description="Links and/or document references; required when status is completed",
    )


class FormUpdate(StatusUpdate):
    """An update read from one row of a unit's form (source/form_rows.py): a status update that knows its task and round
    (with the unit, what identifies it from build to build: the row's position in the form may change)."""

    task: TaskId = Field(description="Id of the task the row reports on")
    round: Slug = Field(description="Id of the reporting round whose form holds the row")


class IndicatorValue(Strict):
    value: Number = Field(description="The number")
    date: dt.date = Field(description="Date the value refers to, YYYY-MM-DD")


class TaskIndicator(Strict):
    """The measurable indicator a task aims to move (e.g. OCOP products rated 3 stars or more)."""

    unit: OptionalEnglishText = Field(description="Đơn vị tính / unit of measure, e.g. sản phẩm / products")
    baseline: IndicatorValue | None = Field(default=None, description="Giá trị xuất phát / starting value")
    target: IndicatorValue | None = Field(default=None, description="Chỉ tiêu / target")
    latest: IndicatorValue | None = Field(default=None, description="Giá trị mới nhất / latest value")
    source: OptionalEnglishText = Field(description="Nguồn số liệu / where the numbers come from")


class StatusFile(Strict):
    """data/status/<TASK_ID>.yml: dated progress reports on one task, oldest first."""

    due: dt.date | None = Field(default=None, description="Hạn hoàn thành / due date (optional)")
    indicator: TaskIndicator | None = Field(default=None, description="Optional measurable indicator")
    # "updates:" with nothing under it (the shipped file) means no update yet, like "updates: []", so
    # staff can paste an update under it in the web editor without editing the line above.
    updates: list[StatusUpdate] | None = Field(
        default=[], max_length=MAX_UPDATES, description="Updates, oldest first; add new ones at the end"
    )

    @field_validator("updates", mode="after")
    @classmethod
    def _nothing_means_no_update(cls, value: list[StatusUpdate] | None) -> list[StatusUpdate]:
        return value or []
