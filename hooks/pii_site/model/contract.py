"""The open-data contract: the shape of every downloadable JSON file, as models, with its version.

One source: exports.py takes its columns from these models, json_schema.py turns them into the JSON
Schema the site publishes (SCHEMA_PATH) and `make schema` keeps as the harvester's copy of this major
version (pii_site/province/schemas/), and the province harvester validates against that copy.

Versioning (semver, SCHEMA_VERSION): adding a field is a minor version, renaming or removing one (or
changing its meaning) a major one, published at a new SCHEMA_PATH beside the old for a period. The
schema lets unknown fields through, so a reader of 1.0 reads 1.1 files unchanged. 1.0.0 is the first
numbered version: it added fields around the earlier unnumbered shape {"licence", "records"}, whose
keys and records are unchanged but for the units' report forms, which came with it: an update read
from a form has a `round` and a null `index` (it has no place in a status file). 1.1.0 added the dataset
`submissions`: where each unit that leads a task stands in each reporting round so far (on time, late,
not yet, missing); the other datasets are unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from pii_site.model.progress import STATUSES
from pii_site.model.reporting import SUBMISSION_STATES
from pii_site.source.schema.base import COMMUNE_CODE, PROVINCE_CODE, TASK_ID

SCHEMA_VERSION = "1.1.0"
MAJOR_VERSION = int(SCHEMA_VERSION.split(".")[0])
# Under the site's root, beside the language folders: one address for the files of both languages.
SCHEMA_PATH = f"schema/open-data-{MAJOR_VERSION}.schema.json"
# Any version of this major one: a file of a later minor version is read by this schema too.
VERSION_PATTERN = rf"^{MAJOR_VERSION}\.[0-9]+\.[0-9]+$"

Status = Literal[STATUSES]  # type: ignore[valid-type]
SubmissionState = Literal[SUBMISSION_STATES]  # type: ignore[valid-type]


class Record(BaseModel):
    # Unknown keys pass: fields a later minor version adds must not make a 1.0 reader refuse the file.
    model_config = ConfigDict(extra="allow", frozen=True)


class TaskRecord(Record):
    id: Annotated[str, Field(pattern=TASK_ID)]
    group: str
    pillar_id: str
    pillar_number: Annotated[int, Field(ge=1)]
    pillar_name_vi: str
    pillar_name_en: str
    indicator_vi: str
    indicator_en: str
    text_vi: str
    text_en: str
    lead: list[str]
    coordinating: list[str]
    status: Status
    percent: Annotated[int, Field(ge=0, le=100)] | None
    last_update: dt.date | None
    due: dt.date | None
    overdue: bool
    measure_unit_vi: str | None
    measure_unit_en: str | None
    baseline: float | None
    baseline_date: dt.date | None
    target: float | None
    target_date: dt.date | None
    latest: float | None
    latest_date: dt.date | None
    measure_source_vi: str | None
    measure_source_en: str | None


class UnitRecord(Record):
    id: str
    name_vi: str
    name_en: str
    description_vi: str
    description_en: str
    collective: bool
    leads: list[str]
    coordinates: list[str]


class UpdateRecord(Record):
    task_id: Annotated[str, Field(pattern=TASK_ID)]
    # An update's place in its task's status file (0 = oldest); null for a row of a unit's report form,
    # which is named by its round and unit instead.
    index: Annotated[int, Field(ge=0)] | None
    round: str | None = None  # the reporting round of a form's row; null or absent for an update in a status file
    date: dt.date
    status: Status
    percent: Annotated[int, Field(ge=0, le=100)] | None
    unit: str
    note_vi: str
    note_en: str | None
    evidence_urls: list[str]
    evidence_documents: list[str]


class SubmissionRecord(Record):
    """One unit that owes a form in one reporting round (since 1.1.0): every lead unit in every round up
    to the current one, as the build's day sees it."""

    round: str
    round_name_vi: str
    round_name_en: str
    period_start: dt.date
    period_end: dt.date
    due: dt.date
    unit: str
    state: SubmissionState
    report_date: dt.date | None
    file: str | None
    tasks: list[Annotated[str, Field(pattern=TASK_ID)]]


# Dataset -> the model of its records; the file names are downloads/<dataset>.json and .csv.
RECORDS: dict[str, type[Record]] = {
    "tasks": TaskRecord,
    "units": UnitRecord,
    "updates": UpdateRecord,
    "submissions": SubmissionRecord,
}
# Dataset -> its columns, in file order: the fields of its record model.
# Each column is described by label open_data.col.<dataset>.<column>. The rows (outputs/exports.py) are
# made as these models, so the contract is the one declaration of a dataset's columns: a field named
# there and not here, or here and not there, is a type error (pydantic's mypy plugin, init_forbid_extra)
# and a refused row, never a column the CSV and the JSON disagree on.
COLUMNS: dict[str, tuple[str, ...]] = {name: tuple(model.model_fields) for name, model in RECORDS.items()}


class Place(Record):
    """A commune or province: its code in Decision 19/2025/QĐ-TTg (null until the commune fills it
    in) and its name as the plan writes it."""

    code: str | None
    name_vi: str
    name_en: str


class CommunePlace(Place):
    code: Annotated[str, Field(pattern=COMMUNE_CODE)] | None


class ProvincePlace(Place):
    code: Annotated[str, Field(pattern=PROVINCE_CODE)] | None


class PlanDate(Record):
    """The plan's date as the plan gives it: a part left blank in the signed document is null."""

    year: int
    month: Annotated[int, Field(ge=1, le=12)] | None
    day: Annotated[int, Field(ge=1, le=31)] | None


class PlanReference(Record):
    number: str | None = Field(description="The plan's number; null where the signed document leaves it blank")
    symbol: str
    date: PlanDate
    year: int
    title_vi: str
    title_en: str


class LicenceRecord(Record):
    name_vi: str
    name_en: str
    address: str


# The keys of the "licence" object of every JSON file, listed by the data dictionary (open_data.md.j2).
LICENCE_KEYS = ("name_vi", "name_en", "address")


class Envelope(Record):
    schema_address: str = Field(
        alias="$schema", description="Address of this JSON Schema (absolute when the site has a public address)"
    )
    schema_version: Annotated[str, Field(pattern=VERSION_PATTERN)] = Field(
        description="Version of the shape of this file (semver): a new minor version only adds fields"
    )
    commune: CommunePlace
    province: ProvincePlace
    plan: PlanReference
    modified: dt.date | None = Field(
        description="Date of the latest progress update: when the data last changed (null: no update yet)"
    )
    licence: LicenceRecord | None


class TasksFile(Envelope):
    dataset: Literal["tasks"]
    records: list[TaskRecord]


class UnitsFile(Envelope):
    dataset: Literal["units"]
    records: list[UnitRecord]


class UpdatesFile(Envelope):
    dataset: Literal["updates"]
    records: list[UpdateRecord]


class SubmissionsFile(Envelope):
    dataset: Literal["submissions"]
    records: list[SubmissionRecord]


OpenDataFile = Annotated[TasksFile | UnitsFile | UpdatesFile | SubmissionsFile, Field(discriminator="dataset")]
# The envelope's keys in file order; the data dictionary lists them (open_data.md.j2).
ENVELOPE_KEYS = ("$schema", "schema_version", "dataset", "commune", "province", "plan", "modified", "licence")


def schema_address(base_url: str) -> str:
    """The published schema's address for files under <base>/<lang>/downloads/: absolute when the site
    has a public address, else relative to the file (the same from both language folders)."""
    return f"{base_url}{SCHEMA_PATH}" if base_url else f"../../{SCHEMA_PATH}"


# Where the files are published, under each language's folder.
DOWNLOADS = "downloads"


def download_path(dataset: str, extension: str) -> str:
    return f"{DOWNLOADS}/{dataset}.{extension}"
