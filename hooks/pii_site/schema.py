"""The shape of every data file: one pydantic model per file, the single source of truth.

The loader validates with these models; scripts/export_schema.py turns them into the JSON Schema
files under data/schema/ that editors use to autocomplete and flag errors while staff type.
Field descriptions are shown by editors, so they are written for the office, not for programmers.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Roman = Annotated[str, StringConstraints(pattern=r"^[IVX]+$")]
TaskId = Annotated[str, StringConstraints(pattern=r"^[IVX]+\.[0-9]+$")]
DutyId = Annotated[str, StringConstraints(pattern=r"^[IVX]+\.[0-9]+\.[0-9]+$")]


class Strict(BaseModel):
    # Unknown keys are typos until proven otherwise.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in both languages."""

    vi: NonEmpty = Field(description="Tiếng Việt (Vietnamese)")
    en: NonEmpty = Field(description="English")


class OptionalEnglishText(Strict):
    """A text in Vietnamese, with English if available (status notes)."""

    vi: NonEmpty = Field(description="Tiếng Việt (Vietnamese)")
    en: NonEmpty | None = Field(default=None, description="English (optional)")


class PartialDate(Strict):
    """A date of which some parts may be unknown (left blank in the source document)."""

    year: int = Field(ge=1900, le=2100)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)


class DocumentRef(Strict):
    """A reference to another official document."""

    number: NonEmpty = Field(description="Số, ký hiệu, e.g. 68/KH-UBND")
    date: dt.date
    issuer: Text
    subject: Text


class Signatory(Strict):
    name: NonEmpty
    on_behalf: Text | None = Field(default=None, description="e.g. KT. CHỦ TỊCH")
    title: Text


class SiteFile(Strict):
    """data/site.yml: settings of the published site."""

    url: Annotated[str, StringConstraints(pattern=r"^https?://.+/$")] | None = Field(
        default=None,
        description="Public address of the site, ending with '/', without the language folder; "
        "null until known (CI then sets PII_SITE_URL)",
    )
    repository: Annotated[str, StringConstraints(pattern=r"^https?://.+[^/]$")] | None = Field(
        default=None, description="Address of the git repository (for 'edit this page' links)"
    )
    branch: NonEmpty = Field(default="main", description="Branch that holds data/")
    name: Text = Field(description="Site name shown in the header")
    description: Text = Field(description="One sentence describing the site (search engines, link previews)")
    demo: bool = Field(
        default=False,
        description="true only for demonstration data: every page then says the progress shown is not real",
    )


class PlanFile(Strict):
    """data/plan.yml: the plan document itself."""

    issuer: Text
    issuer_short: Text
    commune: Text
    province: Text
    year: int
    number: NonEmpty | None = Field(description="The plan's number; null where the source leaves it blank")
    symbol: NonEmpty = Field(description="e.g. KH-UBND")
    date: PartialDate
    title: Text
    implements: DocumentRef
    related: list[DocumentRef] = []
    preamble: list[Text]
    purpose: Text
    requirements: list[Text]
    objectives: list[Text]
    closing: Text
    signatory: Signatory
    recipients: list[Text]


class CitedText(Strict):
    """A paragraph of fact with the sources that support it (ids in data/sources.yml)."""

    text: Text
    sources: list[Slug] = Field(min_length=1, description="Ids of sources in data/sources.yml")


class KnownIndicator(Strict):
    """A PII indicator named in a published source."""

    name: Text = Field(description="The indicator as the source names it")
    note: Text | None = Field(default=None, description="A caution, e.g. 'sources disagree on the unit'")
    sources: list[Slug] = Field(min_length=1, description="Ids of sources in data/sources.yml")


class Subindex(Strict):
    id: Slug
    name: Text


class Pillar(Strict):
    id: Slug = Field(description="Stable id used in addresses, e.g. the-che")
    number: int = Field(ge=1)
    subindex: Slug = Field(description="Id of a sub-index in this file (input or output)")
    name: Text
    measures: list[CitedText] = Field(default=[], description="What the pillar measures, with sources")
    known_indicators: list[KnownIndicator] = Field(
        default=[], description="Indicators of this pillar named in published sources"
    )


class PillarsFile(Strict):
    """data/pillars.yml: the PII framework: sub-indices and pillars."""

    subindices: list[Subindex]
    pillars: list[Pillar]


class Unit(Strict):
    id: Slug = Field(description="Stable id used in tasks, duties and addresses, e.g. phong-kinh-te")
    name: Text
    description: Text
    collective: bool = Field(default=False, description="true for 'all divisions' style groups")


class UnitsFile(Strict):
    """data/units.yml: the units (divisions, offices, schools) named in the plan."""

    units: list[Unit]


class Task(Strict):
    id: TaskId = Field(description="The plan's numbering: group number, dot, row number, e.g. III.2")
    indicator: Text = Field(description="Column 'Trụ cột/Nhóm chỉ số/Chỉ số thành phần'")
    text: Text = Field(description="Column 'Nhiệm vụ cụ thể'")
    lead: list[Slug] = Field(min_length=1, description="Ids of the lead units (Đơn vị chủ trì)")
    coordinating: list[Slug] = Field(default=[], description="Ids of coordinating units (Đơn vị phối hợp)")


class TaskGroup(Strict):
    number: Roman = Field(description="The group's Roman numeral in the appendix, e.g. III")
    pillar: Slug = Field(description="Id of the pillar in data/pillars.yml")
    heading: Text = Field(description="The group heading as the appendix prints it")
    tasks: list[Task] = Field(min_length=1)


class TasksFile(Strict):
    """data/tasks.yml: the appendix: tasks grouped by PII pillar."""

    title: Text
    groups: list[TaskGroup]


class Duty(Strict):
    id: DutyId = Field(description="Section IV numbering: IV, unit item, bullet, e.g. IV.3.2")
    unit: Slug = Field(description="Id of the unit in data/units.yml")
    text: Text


class DutiesFile(Strict):
    """data/duties.yml: section IV, the duties of each unit."""

    duties: list[Duty]


class NewsFrontMatter(Strict):
    """The block between the two "---" lines at the top of a news file in data/news/."""

    date: dt.date = Field(description="Date of the announcement, YYYY-MM-DD (the same as in the file name)")
    title: Text = Field(description="Headline in both languages")
    summary: OptionalEnglishText | None = Field(
        default=None, description="One or two sentences for the news list and the feed (optional)"
    )


# --- The PII reference files: national facts about the PII and the indices the plan names, the same
# for every commune. Every fact carries source ids; the loader checks that each id exists.

class Source(Strict):
    id: Slug = Field(description="Stable id that facts cite, e.g. vnexpress-wipo")
    title: NonEmpty = Field(description="Title in the source's own language")
    publisher: NonEmpty
    date: PartialDate | None = Field(description="Date of the article or document; null when not given")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class SourcesFile(Strict):
    """data/sources.yml: every source that facts on the site cite."""

    sources: list[Source] = Field(min_length=1)


class StarBand(Strict):
    stars: int = Field(ge=1, le=5)
    score: Text = Field(description="The score range, as the source states it")
    note: Text | None = None


class GlossaryTerm(Strict):
    id: Slug = Field(description="Anchor on the glossary page, e.g. pci")
    term: NonEmpty = Field(description="The short form, e.g. PCI")
    name: Text = Field(description="The full name")
    definition: list[CitedText] = Field(min_length=1)
    bands: list[StarBand] = Field(default=[], description="Star classes (OCOP)")
    bands_sources: list[Slug] = Field(default=[], description="Sources of the star classes")
    match: list[NonEmpty] = Field(
        min_length=1, description="How the plan writes the term; each occurrence links to the entry"
    )


class GlossaryFile(Strict):
    """data/glossary.yml: the indices and programmes the plan names."""

    terms: list[GlossaryTerm] = Field(min_length=1)


class HistoryEvent(Strict):
    date: PartialDate
    text: Text
    sources: list[Slug] = Field(min_length=1)


class MethodParagraph(Strict):
    """A statement about the method, with how firmly it is known."""

    basis: Literal["published", "inferred", "unpublished"] = Field(
        description="published: stated by a source; inferred: worked out from published results; "
        "unpublished: says what no source states"
    )
    text: Text
    sources: list[Slug] = Field(default=[], description="Required unless basis is unpublished")


class Framework(Strict):
    indicator_count: int = Field(ge=1)
    indicator_count_sources: list[Slug] = Field(min_length=1)
    paragraphs: list[CitedText]
    other_indicators: list[KnownIndicator] = Field(
        default=[], description="Published indicators whose pillar the sources do not state"
    )


class ExampleLocality(Strict):
    id: Slug
    name: Text


class ExampleIndicator(Strict):
    name: Text
    values: dict[Slug, float] = Field(description="Illustrative value for each locality id")


class ExampleGroup(Strict):
    name: Text
    indicators: list[ExampleIndicator] = Field(min_length=1)


class ExamplePillar(Strict):
    name: Text
    groups: list[ExampleGroup] = Field(min_length=1)


class ExampleSubindex(Strict):
    name: Text
    pillars: list[ExamplePillar] = Field(min_length=1)


class Example(Strict):
    """An illustrative calculation: made-up numbers on a miniature framework."""

    localities: list[ExampleLocality] = Field(min_length=2)
    shown: Slug = Field(description="Id of the locality whose every step the page shows")
    subindices: list[ExampleSubindex] = Field(min_length=2, max_length=2)


class PiiFile(Strict):
    """data/pii.yml: what the PII is, who builds it, history, framework, method, example."""

    what: list[CitedText] = Field(min_length=1)
    who: list[CitedText] = Field(min_length=1)
    history: list[HistoryEvent] = Field(min_length=1)
    why: list[CitedText] = Field(min_length=1)
    home_why: list[CitedText] = Field(min_length=1)
    framework: Framework
    method: list[MethodParagraph] = Field(min_length=1)
    example: Example
Status = Literal["not-started", "in-progress", "delayed", "completed", "continuous"]


class Evidence(Strict):
    """A link (url) and/or an official document (number, date, issuer). The loader checks that
    each item has a url or a complete document reference."""

    url: Annotated[str, StringConstraints(pattern=r"^https?://.+$")] | None = Field(
        default=None, description="Address starting with https:// (a news item, a document on the portal)"
    )
    number: NonEmpty | None = Field(default=None, description="Số, ký hiệu văn bản, e.g. 12/BC-UBND")
    date: dt.date | None = Field(default=None, description="Ngày ban hành văn bản / date of issue, YYYY-MM-DD")
    issuer: OptionalEnglishText | None = Field(default=None, description="Cơ quan ban hành / issuing body")
    title: OptionalEnglishText | None = Field(default=None, description="Trích yếu hoặc tiêu đề / subject or title")


class StatusUpdate(Strict):
    """One dated report on a task by the unit doing it."""

    date: dt.date = Field(description="Ngày cập nhật / date of the update, YYYY-MM-DD")
    status: Status = Field(description="not-started | in-progress | delayed | completed | continuous")
    percent: int | None = Field(default=None, ge=0, le=100, description="Phần trăm hoàn thành / percent done, 0-100")
    unit: Slug = Field(description="Id of the reporting unit in data/units.yml")
    note: OptionalEnglishText = Field(description="Nội dung cập nhật; English optional")
    evidence: list[Evidence] = Field(
        default=[], description="Links and/or document references; required when status is completed"
    )


class IndicatorValue(Strict):
    value: float = Field(description="The number")
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
    updates: list[StatusUpdate] = Field(default=[], description="Updates, oldest first; add new ones at the end")


# File name (relative to the data folder) -> model. The loader and the schema export loop over it.
DATA_FILES: dict[str, type[Strict]] = {
    "site.yml": SiteFile,
    "plan.yml": PlanFile,
    "pillars.yml": PillarsFile,
    "units.yml": UnitsFile,
    "tasks.yml": TasksFile,
    "duties.yml": DutiesFile,
    "sources.yml": SourcesFile,
    "glossary.yml": GlossaryFile,
    "pii.yml": PiiFile,
    # One file per task, named by its id (data/status/III.2.yml); a missing file = no update yet.
    "status/*.yml": StatusFile,
}
