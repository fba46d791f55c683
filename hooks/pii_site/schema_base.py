"""Building blocks shared by every data file's model: strict records, bilingual texts, ids.

Imported by schema.py, schema_pii.py and schema_status.py; holds no file's model itself.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Roman = Annotated[str, StringConstraints(pattern=r"^[IVX]+$")]
TaskId = Annotated[str, StringConstraints(pattern=r"^[IVX]+\.[0-9]+$")]
# A web address shown as a link: http(s), a host name with a dot, then no spaces, quotes, "<", ">" or
# backticks (they have no place in an address and are what would let one break out of the link
# into the page). Also refuses the "https://..." placeholder of the staff guide.
WEB_ADDRESS = r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?([/?#][^\s<>\"'`]*)?$"
WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS)]
DutyId = Annotated[str, StringConstraints(pattern=r"^[IVX]+\.[0-9]+\.[0-9]+$")]


class Strict(BaseModel):
    # Unknown keys are typos until proven otherwise.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in both languages."""

    vi: NonEmpty = Field(description="Tiếng Việt (Vietnamese)")
    en: NonEmpty = Field(description="English")


def _same_in_both_languages(value: object) -> object:
    """A plain string (a short form such as "PCI") is the same text in both languages."""
    return {"vi": value, "en": value} if isinstance(value, str) else value


# A name written once when both languages use it ("PCI"), or {vi, en} when English needs its own words.
SameOrBilingualText = Annotated[
    Text, BeforeValidator(_same_in_both_languages, json_schema_input_type=NonEmpty | Text)
]


class OptionalEnglishText(Strict):
    """A text in Vietnamese, with English if available (status notes)."""

    vi: NonEmpty = Field(description="Tiếng Việt (Vietnamese)")
    en: NonEmpty | None = Field(default=None, description="English (optional)")


class PartialDate(Strict):
    """A date of which some parts may be unknown (left blank in the source document)."""

    year: int = Field(ge=1900, le=2100)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

