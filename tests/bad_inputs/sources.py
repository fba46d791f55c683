"""Sources that would mislead a reader: a date left blank instead of a date or the word
"undated" (a date in words is in schema_fields.py), and a title not in English without the English
translation the English pages must show beside it."""

from __future__ import annotations

from bad_inputs import BadInput, changed, where

UNDATED = "    date: undated\n"  # fictional-review, the fixture's undated source

CASES = [
    changed(
        "a-source-date-left-null",
        "sources.yml",
        UNDATED,
        "    date: null\n",
        "source_date_or_undated",
        {"found": "null"},
        where("sources", "fictional-review", "date"),
    ),
    BadInput(
        "a-vietnamese-title-without-its-english-translation",
        lambda data: (
            data.replace("sources.yml", '    title_en: "What is the Cloud Initiative Index?"\n', "") - 3
        ),  # the message names the source's record, which opens three lines above
        "sources.yml",
        "source_title_needs_english",
        where=where("sources", "bao-may-2025"),
        problems=1,
    ),
]
