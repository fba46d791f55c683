"""Models of the PII reference files (sources.yml, glossary.yml, pii.yml) and the cited facts that
pillars.yml may carry: national facts about the PII, the same for every commune.

Registered in schema.DATA_FILES; every fact carries source ids, which the loader checks.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from pii_site.source.schema.base import (
    NonEmpty,
    Number,
    PartialDate,
    SameOrBilingualText,
    Slug,
    Strict,
    Text,
    WebAddress,
    WholeNumber,
)


class CitedText(Strict):
    """A paragraph of fact with the sources that support it (ids in data/sources.yml)."""

    text: Text
    sources: list[Slug] = Field(min_length=1, description="Ids of sources in data/sources.yml")
    reading: Text | None = Field(
        default=None,
        description="This site's own conclusion from the cited text, not a source's: shown after the citation "
        "as 'Từ đó có thể thấy (nhận định của trang này): …' / 'It follows (this site's reading) that …'",
    )


class KnownIndicator(Strict):
    """A PII indicator named in a published source."""

    name: Text = Field(description="The indicator as the source names it")
    note: Text | None = Field(default=None, description="A caution, e.g. 'sources disagree on the unit'")
    sources: list[Slug] = Field(min_length=1, description="Ids of sources in data/sources.yml")


def _date_or_undated(value: object) -> object:
    """A source's date, or the word "undated": a blank or null date would not say whether it was
    looked for, so only the explicit word stands for "the source gives no date"."""
    if value == "undated":
        return None
    if value is None or isinstance(value, str):
        raise PydanticCustomError(
            "source_date_or_undated", "a date or undated", {"found": "null" if value is None else value}
        )
    return value


SourceDate = Annotated[
    PartialDate | None, BeforeValidator(_date_or_undated, json_schema_input_type=PartialDate | Literal["undated"])
]


class Source(Strict):
    id: Slug = Field(description="Stable id that facts cite, e.g. vnexpress-wipo")
    title: NonEmpty | None = Field(
        description="Title in the source's own language, as the source gives it; null only when the site "
        "could not read the title (shown as 'title not retrieved', never a description in its place)"
    )
    language: Literal["vi", "en"] = Field(description="Language of the title: vi or en")
    title_en: NonEmpty | None = Field(
        default=None,
        description="English translation of a title not in English; English pages show 'Original [translation]'",
    )
    publisher: SameOrBilingualText = Field(
        description="Who published it: a proper name written once when it is the same in both languages "
        '("VnExpress"), or {vi, en} when English pages need the English name of an office or newspaper '
        '({vi: "Báo Nghệ An", en: "Nghệ An Newspaper"})'
    )
    posted_on: NonEmpty | None = Field(
        default=None,
        description="The site where a copy was read when the publisher's own is not at hand, e.g. nhansu.vn; "
        "shown as 'bản đăng trên nhansu.vn' / 'posted on nhansu.vn'",
    )
    date: SourceDate = Field(description='Date of the article or document, or "undated" when it gives none')
    url: WebAddress

    @model_validator(mode="after")
    def _english_readers_can_tell_what_it_is(self) -> Source:
        # An English page must not show a Vietnamese-only title: a reader could not tell what the source is.
        if self.language != "en" and self.title is not None and self.title_en is None:
            raise PydanticCustomError("source_title_needs_english", "title_en missing")
        return self


class SourcesFile(Strict):
    """data/sources.yml: every source that facts on the site cite."""

    sources: list[Source] = Field(min_length=1)


class StarBand(Strict):
    stars: WholeNumber = Field(ge=1, le=5)
    score: Text = Field(description="The score range, as the source states it")
    note: Text | None = None


class GlossaryTerm(Strict):
    id: Slug = Field(description="Anchor on the glossary page, e.g. pci")
    term: SameOrBilingualText = Field(
        description="The short form, e.g. PCI; written {vi, en} when English needs its own words"
    )
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
        "unpublished: what the sources this site read do not state"
    )
    text: Text
    sources: list[Slug] = Field(default=[], description="Required unless basis is unpublished")


class Framework(Strict):
    indicator_count: WholeNumber = Field(ge=1)
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
    values: dict[Slug, Number] = Field(description="Illustrative value for each locality id")


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
    framework: Framework
    method: list[MethodParagraph] = Field(min_length=1)
    example: Example
