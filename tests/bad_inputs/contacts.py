"""Bad contacts, feedback routes, licences and source documents: a phone number with
letters, an e-mail address without "@", with a space or with "?" (which would add recipients to the
mailto: link), a form or licence address that is not a web address, a licence without its address,
an office without its name, an empty contact or feedback part, a unit's contact with a field of
another record (the office's name)."""

from __future__ import annotations

from helpers import DataCopy

from bad_inputs import BadInput, changed, suggesting, where

OFFICE_PHONE = 'phone: "+84 (000) 0.000 001"'
UNIT_EMAIL = 'email: "kinhte@song-may.example.org"'
FEEDBACK_ADDRESS = 'address: "https://song-may.example.org/gop-y"'
LICENCE_ADDRESS = 'address: "https://creativecommons.org/licenses/by/4.0/"'
FEEDBACK_PART = 'feedback:\n  email: "gopy@song-may.example.org"\n  address: "https://song-may.example.org/gop-y"\n'
OFFICE_NAME = (
    '  name: {vi: "Văn phòng Ủy ban nhân dân xã Sông Mây", en: "Office of the Sông Mây Commune People\'s Committee"}\n'
)
SOURCE_DOCUMENT = 'source_document: "https://song-may.example.org/van-ban/ke-hoach-pii-2026.pdf"'


def key_line(data: DataCopy, line: str, name: str = "site.yml") -> int:
    """The number of the first line of data file `name` that is exactly `line`: where a problem with
    it, or a field missing from the part it opens, is reported."""
    return data.path(name).read_text(encoding="utf-8").splitlines().index(line) + 1


def licence_line(data: DataCopy) -> int:
    return key_line(data, "licence:")


def pattern(case: str, name: str, old: str, new: str, key: str, found: str, at: tuple[str, str]) -> BadInput:
    return changed(case, name, old, new, key, {"found": found}, at)


CASES = [
    pattern(
        "an-office-phone-with-letters",
        "site.yml",
        OFFICE_PHONE,
        'phone: "0000 ABC 123"',
        "pattern_phone",
        "0000 ABC 123",
        where("", None, "office.phone"),
    ),
    pattern(
        "a-phone-with-a-script",
        "site.yml",
        OFFICE_PHONE,
        'phone: "0000<script>"',
        "pattern_phone",
        "0000<script>",
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
    pattern(
        "an-email-that-adds-a-recipient",
        "site.yml",
        'email: "gopy@song-may.example.org"',
        'email: "gopy?cc=khac%40example.org@song-may.example.org"',
        "pattern_email",
        "gopy?cc=khac%40example.org@song-may.example.org",
        where("", None, "feedback.email"),
    ),
    BadInput(
        # The cooperative's contact holds only its phone: with it gone, "contact:" (the line
        # before) holds nothing and would show an empty "Contact" heading.
        "an-empty-unit-contact",
        lambda data: data.replace("units.yml", '      phone: "0000 000 003"\n', "      phone: null\n") - 1,
        "units.yml",
        "record_empty",
        {"fields": "address, phone, email, hours"},
        where=where("units", "hop-tac-xa-song-may", "contact"),
        problems=1,
    ),
    BadInput(
        "an-empty-feedback",
        lambda data: data.replace("site.yml", FEEDBACK_PART, "feedback: {}\n") and key_line(data, "feedback: {}"),
        "site.yml",
        "record_empty",
        {"fields": "email, address"},
        where=where("", None, "feedback"),
        problems=1,
    ),
    BadInput(
        "an-office-without-its-name",
        lambda data: data.replace("site.yml", OFFICE_NAME, "") and key_line(data, "office:"),
        "site.yml",
        "missing",
        {"field": "name"},
        where=where("", None, "office"),
        problems=1,
    ),
    BadInput(
        "a-unit-contact-with-a-name",
        lambda data: (
            data.replace("units.yml", UNIT_EMAIL, UNIT_EMAIL + '\n      name: {vi: "Ban", en: "Board"}')
            and key_line(data, '      name: {vi: "Ban", en: "Board"}', "units.yml")
        ),
        "units.yml",
        "extra_forbidden",
        {"field": "name", **suggesting(None)},
        where=where("units", "ban-kinh-te-nong-nghiep", "contact"),
        problems=1,
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
