"""The shape of every data file: one pydantic model per file, the single source of truth.
This module holds the plan's own files and the DATA_FILES registry; the PII reference files and
the progress files have theirs in source/schema/pii.py and source/schema/status.py, shared pieces in source/schema/base.py.

The loader validates with these models; scripts/maintainer/export_schema.py turns them into the JSON Schema
files under data/schema/ that editors use to autocomplete and flag errors while staff type.
Field descriptions are shown by editors, so they are written for the office, not for programmers.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from pii_site.source.schema.base import (
    AtLeastOneField,
    BranchName,
    CommuneCode,
    DataImagePath,
    DutyId,
    Email,
    HexColor,
    NonEmpty,
    OptionalEnglishText,
    PartialDate,
    Phone,
    ProvinceCode,
    RepositoryAddress,
    Roman,
    SiteAddress,
    Slug,
    Strict,
    TaskId,
    Text,
    WebAddress,
    WholeNumber,
    YesNo,
)
from pii_site.source.schema.pii import CitedText, GlossaryFile, KnownIndicator, PiiFile, SourcesFile
from pii_site.source.schema.reporting import ReportingFile
from pii_site.source.schema.status import StatusFile


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


class Contact(AtLeastOneField):
    """How to reach an office or a unit; every part optional (but not all), shown only when given."""

    address: Text | None = Field(default=None, description="Postal address, e.g. 'Ấp 1, xã …, tỉnh …'")
    phone: Phone | None = Field(default=None, description="Phone number, e.g. 0000 123 456 (digits, spaces, . - ( ) +)")
    email: Email | None = Field(default=None, description="E-mail address, e.g. vanthu@example.gov.vn")
    hours: Text | None = Field(default=None, description="Office hours, e.g. 'Thứ Hai – Thứ Sáu, 7:00–11:00'")


class Office(Contact):
    """The office that publishes the site (shown in every page's footer)."""

    name: Text = Field(description="Name of the office, e.g. 'Văn phòng HĐND và UBND xã'")


class Feedback(AtLeastOneField):
    """Where readers report a mistake or send a comment: an e-mail address, a web form, or both."""

    email: Email | None = Field(default=None, description="E-mail address for feedback")
    address: WebAddress | None = Field(
        default=None, description="Address of a feedback form or of the repository's issues page"
    )


class Licence(Strict):
    """The licence of the site's text and open data, e.g. CC BY 4.0."""

    name: Text = Field(description="Name of the licence, e.g. 'CC BY 4.0'")
    address: WebAddress = Field(
        description="Address of the licence's text, e.g. https://creativecommons.org/licenses/by/4.0/"
    )


class SiteColors(Strict):
    """The site's colours; each is checked for contrast against white (source/identity.py)."""

    primary: HexColor = Field(
        description='Header background and link colour, e.g. "#37474f": white text on it needs a contrast of '
        "at least 4.5:1"
    )
    accent: HexColor = Field(
        description='Colour of links under the pointer and of the keyboard focus, e.g. "#1565c0": at least '
        "4.5:1 against white"
    )


class SiteFile(Strict):
    """data/site.yml: settings of the published site."""

    url: SiteAddress | None = Field(
        default=None,
        description="Public address of the site, ending with '/', without the language folder; "
        "null until known (CI then sets PII_SITE_URL)",
    )
    repository: RepositoryAddress | None = Field(
        default=None, description="Address of the git repository (for 'edit this page' links)"
    )
    branch: BranchName = Field(default="main", description="Branch that holds data/")
    name: Text = Field(description="Full name of the site: the home page's browser tab, link previews, the feed")
    short_name: Text | None = Field(
        default=None,
        description="Name in the header and after each page's title in browser tabs; about 15 characters, "
        "so that it fits on a phone. The full name when left out",
    )
    description: Text = Field(description="One sentence describing the site (search engines, link previews)")
    office: Office | None = Field(
        default=None, description="The publishing office, shown in every page's footer; leave out what is not known"
    )
    feedback: Feedback | None = Field(
        default=None, description="Where readers report a mistake or send a comment (footer)"
    )
    licence: Licence | None = Field(
        default=None, description="Licence of the text and open data (footer, open data page, JSON files)"
    )
    demo: YesNo = Field(
        default=False,
        description="true only for demonstration data: every page then says the progress shown is not real",
    )
    logo: DataImagePath | None = Field(
        default=None,
        description="The commune's logo or emblem: a PNG or SVG file in the data folder, written relative to it "
        "(e.g. assets/logo.svg for data/assets/logo.svg), at most 1 MB; shown in the header and as the "
        "browser tab's icon. Left out: the site's own icon",
    )
    colors: SiteColors | None = Field(
        default=None, description="Colours of the header and of links; left out: a dark blue-grey and blue"
    )
    commune_code: CommuneCode | None = Field(
        default=None,
        description="The commune's or ward's 5-digit code in Decision 19/2025/QĐ-TTg, in quotes, e.g. \"00000\"; "
        "null until filled in (the open data and the province's roll-up name the commune by it)",
    )
    province_code: ProvinceCode | None = Field(
        default=None,
        description='The province\'s 2-digit code in Decision 19/2025/QĐ-TTg, in quotes, e.g. "00"; null until filled in',
    )


class PlanFile(Strict):
    """data/plan.yml: the plan document itself."""

    issuer_superior: NonEmpty | None = Field(
        default=None,
        description="Cơ quan chủ quản trực tiếp: the body printed above the issuer's name in the document's header "
        "(Decree 30/2020), in Vietnamese, as printed; leave out when the header shows none (a commune's People's "
        "Committee usually has none). Used by the compiled report",
    )
    issuer: Text
    issuer_short: Text
    commune: Text
    province: Text
    year: WholeNumber
    number: NonEmpty | None = Field(description="The plan's number; null where the source leaves it blank")
    symbol: NonEmpty = Field(description="e.g. KH-UBND")
    date: PartialDate
    place: NonEmpty | None = Field(
        default=None,
        description="Địa danh: the place name of the plan's date line, as printed (e.g. 'Tân Hòa' in 'Tân Hòa, "
        "ngày … tháng 02 năm 2026'); the compiled report's date line uses it. Leave out when the source does not "
        "show it: the report then leaves dots for the clerk",
    )
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
    source_document: WebAddress | None = Field(
        default=None, description="Address of the original signed document (a scan or PDF); the plan page links to it"
    )


class Subindex(Strict):
    id: Slug
    name: Text


class Pillar(Strict):
    id: Slug = Field(description="Stable id used in addresses, e.g. the-che")
    number: WholeNumber = Field(ge=1)
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
    description: Text = Field(
        description="The unit's role summarised in the site's own words (shown as 'Summary by this site'); "
        "English in the third person: 'Leads…', 'Implements…'"
    )
    collective: YesNo = Field(default=False, description="true for 'all divisions' style groups")
    contact: Contact | None = Field(
        default=None, description="How to reach the unit (shown on its page); leave out what the plan does not state"
    )


class UnitsFile(Strict):
    """data/units.yml: the units (divisions, offices, schools) named in the plan."""

    units: list[Unit]


class Task(Strict):
    id: TaskId = Field(description="The plan's numbering: group number, dot, row number, e.g. III.2")
    indicator: Text = Field(description="Column 'Trụ cột/Nhóm chỉ số/Chỉ số thành phần'")
    text: Text = Field(description="Column 'Nhiệm vụ cụ thể'")
    note: Text | None = Field(
        default=None,
        description="This site's short note on an oddity of the source's wording, which `text` keeps as it "
        "is (shown in both languages as a note not in the original)",
    )
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
    # Who collects the units' reports, and the reporting rounds (optional: see OPTIONAL_FILES).
    "reporting.yml": ReportingFile,
    # One file per task, named by its id (data/status/III.2.yml); a missing file = no update yet.
    "status/*.yml": StatusFile,
}
# Files a data folder may leave out: another commune's data from before they existed stays valid.
OPTIONAL_FILES = frozenset({"reporting.yml"})
