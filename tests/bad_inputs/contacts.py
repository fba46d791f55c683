"""Bad contacts, feedback routes, licences and source documents (issue 13): a phone number with
letters, an e-mail address without "@" or with a space, a form or licence address that is not a web
address, a licence without its address, a unit's contact with a field of another record."""

from __future__ import annotations

from helpers import DataCopy

from bad_inputs import BadInput, changed, where

OFFICE_PHONE = 'phone: "+84 (000) 0.000 001"'
UNIT_EMAIL = 'email: "kinhte@song-may.example.org"'
FEEDBACK_ADDRESS = 'address: "https://song-may.example.org/gop-y"'
LICENCE_ADDRESS = 'address: "https://creativecommons.org/licenses/by/4.0/"'
SOURCE_DOCUMENT = 'source_document: "https://song-may.example.org/van-ban/ke-hoach-pii-2026.pdf"'


def licence_line(data: DataCopy) -> int:
    """The line of "licence:" in the fixture's site.yml: where a field missing from it is reported."""
    lines = data.path("site.yml").read_text(encoding="utf-8").splitlines()
    return lines.index("licence:") + 1


def pattern(case: str, name: str, old: str, new: str, key: str, found: str, at: tuple[str, str]) -> BadInput:
    return changed(case, name, old, new, key, {"found": found}, at)


CASES = [
    pattern(
        "an-office-phone-with-letters",
        "site.yml",
        OFFICE_PHONE,
        'phone: "0296 ABC 123"',
        "pattern_phone",
        "0296 ABC 123",
        where("", None, "office.phone"),
    ),
    pattern(
        "a-phone-with-a-script",
        "site.yml",
        OFFICE_PHONE,
        'phone: "0296<script>"',
        "pattern_phone",
        "0296<script>",
        where("", None, "office.phone"),
    ),
    pattern(
        "a-unit-email-without-at",
        "units.yml",
        UNIT_EMAIL,
        'email: "kinhte.song-may.example.org"',
        "pattern_email",
        "kinhte.song-may.example.org",
        where("units", "ban-kinh-te-nong-nghiep", "contact.email"),
    ),
    pattern(
        "a-feedback-email-with-a-space",
        "site.yml",
        'email: "gopy@song-may.example.org"',
        'email: "gop y@song-may.example.org"',
        "pattern_email",
        "gop y@song-may.example.org",
        where("", None, "feedback.email"),
    ),
    pattern(
        "a-feedback-form-that-is-no-web-address",
        "site.yml",
        FEEDBACK_ADDRESS,
        'address: "song-may.example.org/gop-y"',
        "pattern_web_address",
        "song-may.example.org/gop-y",
        where("", None, "feedback.address"),
    ),
    pattern(
        "a-licence-address-with-a-script",
        "site.yml",
        LICENCE_ADDRESS,
        'address: "javascript:alert(1)"',
        "pattern_web_address",
        "javascript:alert(1)",
        where("", None, "licence.address"),
    ),
    pattern(
        "a-source-document-with-a-space",
        "plan.yml",
        SOURCE_DOCUMENT,
        'source_document: "https://song-may.example.org/van ban.pdf"',
        "pattern_web_address",
        "https://song-may.example.org/van ban.pdf",
        where("", None, "source_document"),
    ),
    BadInput(
        "a-licence-without-its-address",
        lambda data: data.replace("site.yml", "  " + LICENCE_ADDRESS + "\n", "") and licence_line(data),
        "site.yml",
        "missing",
        {"field": "address"},
        where=where("", None, "licence"),
        problems=1,
    ),
]
