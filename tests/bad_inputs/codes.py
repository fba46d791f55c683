"""Administrative codes in site.yml: the commune's 5-digit and the province's 2-digit code
of Decision 19/2025/QĐ-TTg, which the open data and the province's roll-up identify a commune by.
A code of the wrong length, with letters, or typed without quotes (YAML reads it as a number, and
"01" would lose its zero) is refused with its line."""

from __future__ import annotations

from bad_inputs import changed, where, wrong_kind

CASES = [
    changed(
        "a-commune-code-of-four-digits",
        "site.yml",
        'commune_code: "99901"',
        'commune_code: "9990"',
        "pattern_commune_code",
        {"found": "9990"},
        where("", None, "commune_code"),
    ),
    changed(
        "a-province-code-with-a-letter",
        "site.yml",
        'province_code: "99"',
        'province_code: "9A"',
        "pattern_province_code",
        {"found": "9A"},
        where("", None, "province_code"),
    ),
    changed(
        "a-commune-code-without-quotes",
        "site.yml",
        'commune_code: "99901"',
        "commune_code: 99901",
        "wrong_type",
        wrong_kind("string", "99901"),
        where("", None, "commune_code"),
    ),
]
