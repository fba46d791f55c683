"""Building blocks shared by every data file's model: strict records, bilingual texts, ids.

Imported by the other modules of source/schema/ (plan.py, pii.py, status.py, ...); holds no file's model itself.
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from pii_site.source.schema.address import SITE_ADDRESS_LIMIT, AddressError, parse_site_address

# Characters no text or address may hold: those XML 1.0 does not allow (C0 controls other than tab,
# newline and carriage return; lone surrogates; U+FFFE and U+FFFF), which would make the Atom feed
# and the sitemap ill-formed, and the DEL and C1 controls, which XML allows but no page can show.
# YAML lets them in only as escapes in double quotes ("\v", "\uFFFE"), so they are typing or copying
# mistakes. The one rule for every text: the schema's texts and addresses, news files, the scripts.
# Also the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): no
# Vietnamese or English text needs them, and one in a contact field shows a phone number or an
# address reversed ("Trojan source").
_UNALLOWED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def unallowed_character(text: str) -> re.Match[str] | None:
    """Where `text` holds the first character no page, feed or sitemap may hold, if it does."""
    return _UNALLOWED.search(text)


def character_code(character: str) -> str:
    """U+000B for the vertical tab: how messages name a character that does not show."""
    return f"U+{ord(character):04X}"


def _color_given(value: object) -> object:
    # `primary: #37474f` unquoted reads as nothing: YAML takes the "#" on for a comment. The most
    # likely slip in a colour, so its message says so rather than "expected a text, found nothing".
    if value is None:
        raise PydanticCustomError("color_unquoted", "no colour (unquoted # starts a YAML comment)")
    return value


def _printable(text: str) -> str:
    if found := unallowed_character(text):
        code = character_code(found.group())
        raise PydanticCustomError("control_character", "contains control character {code}", {"code": code})
    return text


# Far above the longest real text (about 700 characters), and short enough that Python-Markdown's
# quadratic cases stay near a tenth of a second for a text of "[" or "*" (escaped, each a match).
TEXT_LIMIT = 5_000
NonEmpty = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_LIMIT), AfterValidator(_printable)
]
# Patterns, named once: the types below use them, and validation.py maps each to a plain-words message.
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ROMAN = r"^[IVX]+$"
TASK_ID = r"^[IVX]+\.[0-9]+$"
DUTY_ID = r"^[IVX]+\.[0-9]+\.[0-9]+$"
# A web address shown as a link: http(s), a host name with a dot, then no spaces, quotes, "<", ">" or
# backticks (they have no place in an address and are what would let one break out of the link
# into the page). Also refuses the "https://..." placeholder of the staff guide.
WEB_ADDRESS = r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?([/?#][^\s<>\"'`]*)?$"
# The site's own address is parsed by its structure (source/schema/address.py), not by a pattern.
# Longest web address a link may have: about what browsers and sitemaps take (2,048); a 1 MB address
# in a contact would be copied into every page's footer.
WEB_ADDRESS_LIMIT = 2_000
# RFC 5321's limit of an address in a mail's envelope.
EMAIL_LIMIT = 254
# A repository's address: no "/" at the end ("edit this page" links add the rest).
REPOSITORY_ADDRESS = r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?/[^\s<>\"'`]*[^\s<>\"'`/]$"
BRANCH_NAME = r"^[A-Za-z0-9._/-]+$"
# A phone number as offices print it: digits with spaces, dots, hyphens or parentheses between them
# and an optional leading "+" ("0000 123 456", "+84 (000) 0.123-456"; the examples are made up, no
# real number); at least one digit, no letters. It becomes a tel: link, so nothing else may get in.
PHONE = r"^\+?[ .()]*[0-9][0-9 .()-]{0,39}$"
# An e-mail address, plainly: a local part of letters without accents, digits and . _ + - (what
# addresses use; "?", "&", "%", "#" or "/" would turn the mailto: link into other recipients or
# headers), one "@", a host name with a dot. Stricter checks would refuse real addresses.
EMAIL = r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
# A colour as CSS and every colour picker write it: "#" and six hexadecimal characters (0-9, a-f).
HEX_COLOR = r"^#[0-9A-Fa-f]{6}$"
# A PNG or SVG file inside the data folder, written relative to it with "/" ("assets/logo.svg"): no
# part may start with a dot, so "..", an absolute path and hidden files are refused by the pattern.
DATA_IMAGE_PATH = r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*\.(png|svg)$"
# Administrative codes of Decision 19/2025/QĐ-TTg: 5 digits for a commune or ward, 2 for a province.
# Text, not numbers: "01" (Hà Nội) would lose its leading zero as a number.
COMMUNE_CODE = r"^[0-9]{5}$"
PROVINCE_CODE = r"^[0-9]{2}$"

# Ids become file and folder names (status/<task>.yml, units/<id>/index.html, data/reports/<id>/):
# at most ID_LIMIT characters (a file name may have 255, a Windows path 260 in all), and never a name
# Windows keeps for a device, which no file or folder may take there, whatever its extension.
ID_LIMIT = 64
RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)


def reserved_name(name: str) -> bool:
    """Whether a file or folder called `name` cannot exist on Windows ("con", "NUL.png", "com1.jpg")."""
    return name.split(".")[0].rstrip(" ").lower() in RESERVED_NAMES


def _file_name_id(value: str) -> str:
    if len(value) > ID_LIMIT:
        raise PydanticCustomError("id_too_long", "id too long", {"length": len(value), "limit": ID_LIMIT})
    if reserved_name(value):
        raise PydanticCustomError("id_reserved_name", "reserved name")
    return value


_ROMAN_DIGITS = (("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(number: int) -> str:
    out = ""
    for letters, value in _ROMAN_DIGITS:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _roman_value(text: str) -> int:
    total = 0
    for here, after in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[here]
        total += -value if after and _ROMAN_VALUES[after] > value else value
    return total


def _numbered_id(value: str) -> str:
    """A group numeral or a numbered id (III.2, IV.3.2) in its one spelling: "I.01" and "IIII.2" would
    be the same task as "I.1" and "IV.2" to a reader, and could sit side by side as two."""
    if len(value) > ID_LIMIT:
        raise PydanticCustomError("id_too_long", "id too long", {"length": len(value), "limit": ID_LIMIT})
    roman, *numbers = value.split(".")
    parts = [_roman(_roman_value(roman)), *(str(int(number)) for number in numbers)]
    canonical = ".".join(parts)
    if canonical != value:
        raise PydanticCustomError("id_not_canonical", "not canonical", {"canonical": canonical})
    return value


def _site_address(value: str) -> str:
    _printable(value)  # an invisible character is best named as one
    try:
        return parse_site_address(value)
    except AddressError as error:
        vi, en = error.wording()
        raise PydanticCustomError("site_address", "not a site address", {"reason_vi": vi, "reason_en": en}) from None


# Numbers are strict: YAML reads yes/no/on/off as true/false, which Python would take for 1 and 0
# ("percent: yes" was published as 1%), and "50" or 50.0 where a whole number is wanted is a typing
# slip to point out, not to guess. .nan and .inf are no amount: pages would show "nan" and
# tasks.json would hold NaN, which is not JSON.
WholeNumber = Annotated[int, Field(strict=True)]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
YesNo = Annotated[bool, Field(strict=True)]

Slug = Annotated[str, StringConstraints(pattern=SLUG), AfterValidator(_file_name_id)]
Roman = Annotated[str, StringConstraints(pattern=ROMAN), AfterValidator(_numbered_id)]
TaskId = Annotated[str, StringConstraints(pattern=TASK_ID), AfterValidator(_numbered_id)]
DutyId = Annotated[str, StringConstraints(pattern=DUTY_ID), AfterValidator(_numbered_id)]
# The patterns let any character but spaces, quotes and brackets into an address's path.
WebAddress = Annotated[
    str, StringConstraints(max_length=WEB_ADDRESS_LIMIT, pattern=WEB_ADDRESS), AfterValidator(_printable)
]
SiteAddress = Annotated[
    str,
    AfterValidator(_site_address),
    WithJsonSchema({"type": "string", "format": "uri", "maxLength": SITE_ADDRESS_LIMIT}),
]
RepositoryAddress = Annotated[
    str, StringConstraints(max_length=WEB_ADDRESS_LIMIT, pattern=REPOSITORY_ADDRESS), AfterValidator(_printable)
]
BranchName = Annotated[str, StringConstraints(pattern=BRANCH_NAME)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=PHONE)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, max_length=EMAIL_LIMIT, pattern=EMAIL)]
# Lower case whatever was typed: one spelling in the stylesheet and in every comparison of colours.
# (A before-validator runs first wherever it stands; after the constraints, the JSON schema keeps the pattern.)
HexColor = Annotated[
    str, StringConstraints(pattern=HEX_COLOR), AfterValidator(str.lower), BeforeValidator(_color_given)
]
DataImagePath = Annotated[str, StringConstraints(pattern=DATA_IMAGE_PATH)]
CommuneCode = Annotated[str, StringConstraints(pattern=COMMUNE_CODE)]
ProvinceCode = Annotated[str, StringConstraints(pattern=PROVINCE_CODE)]


class Strict(BaseModel):
    # Unknown keys are typos until proven otherwise.
    model_config = ConfigDict(extra="forbid", frozen=True)


class AtLeastOneField(Strict):
    """A record whose fields are each optional but not all at once: `contact: {}` would show an
    empty "Contact" heading, `feedback: {}` nothing at all, so an empty one is a forgotten fill-in."""

    @model_validator(mode="after")
    def _not_empty(self) -> AtLeastOneField:
        names = list(type(self).model_fields)
        if all(getattr(self, name) is None for name in names):
            raise PydanticCustomError("record_empty", "no field given", {"fields": ", ".join(names)})
        return self


class Text(Strict):
    """A text in both languages."""

    vi: NonEmpty = Field(description="Tiếng Việt (Vietnamese)")
    en: NonEmpty = Field(description="English")


def _same_in_both_languages(value: object) -> object:
    """A plain string (a short form such as "PCI") is the same text in both languages."""
    return {"vi": value, "en": value} if isinstance(value, str) else value


# A name written once when both languages use it ("PCI"), or {vi, en} when English needs its own words.
SameOrBilingualText = Annotated[Text, BeforeValidator(_same_in_both_languages, json_schema_input_type=NonEmpty | Text)]


class OptionalEnglishText(Strict):
    """A text in Vietnamese, with English if available (status notes)."""

    vi: NonEmpty = Field(description="Tiếng Việt (Vietnamese)")
    en: NonEmpty | None = Field(default=None, description="English (optional)")


class PartialDate(Strict):
    """A date of which some parts may be unknown (left blank in the source document)."""

    year: WholeNumber = Field(ge=1900, le=2100)
    month: WholeNumber | None = Field(default=None, ge=1, le=12)
    day: WholeNumber | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="after")
    def _a_real_day(self) -> PartialDate:
        # Pages and rules turn a full date into datetime.date: 30 February must stop here, with its line.
        if self.day is not None and self.month is None:
            raise PydanticCustomError("date_day_without_month", "a day without a month")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if self.day > last:
                raise PydanticCustomError(
                    "date_not_a_day", "no such day", {"day": self.day, "month": self.month, "year": self.year}
                )
        return self
