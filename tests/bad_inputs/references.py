"""Records that point at each other wrongly: a reference to an id another file does not have (with
the closest id suggested), an id used twice, a task id outside its group, one glossary spelling
under two terms, and the PII reference rules (a published statement's source, the worked example)."""

from __future__ import annotations

from typing import Any

from bad_inputs import BadInput, DataFile, changed, fixture_line, suggesting, where
from pii_site.source.errors import message


def unknown(kind: str, found: str, file: str, close: str | None) -> dict[str, Any]:
    """unknown_ref's values: there is no `kind` (a record.* key) `found` in `file`; `close` was meant."""
    kind_vi, kind_en = message(f"record.{kind}")
    return {"found": found, "kind_vi": kind_vi, "kind_en": kind_en, "file": DataFile(file), **suggesting(close)}


def used_again(
    case: str, name: str, first: str, again: str, ident: str, at: tuple[str, str], problems: int | None = 1
) -> BadInput:
    """The record on the line holding `again` takes the id of the one on the line holding `first`."""
    return changed(
        case,
        name,
        again,
        first,
        "duplicate_id",
        {"found": ident, "first_line": fixture_line(name, first)},
        at,
        problems,
    )


CASES = [
    changed(
        "an-unknown-lead-unit-suggests-the-closest",
        "tasks.yml",
        "lead: [to-cong-tac-doi-moi]",
        "lead: [to-cong-tac-doi]",
        "unknown_ref",
        unknown("units", "to-cong-tac-doi", "units.yml", "to-cong-tac-doi-moi"),
        where("tasks", "VII.1", "lead"),
    ),
    changed(
        "an-unknown-coordinating-unit-with-nothing-close",
        "tasks.yml",
        "coordinating: [cac-ap-ven-song]",
        "coordinating: [xyz]",
        "unknown_ref",
        unknown("units", "xyz", "units.yml", None),
        where("tasks", "VII.1", "coordinating"),
    ),
    changed(
        "an-unknown-unit-of-a-duty",
        "duties.yml",
        "unit: thu-vien-xa",
        "unit: thu-vien",
        "unknown_ref",
        unknown("units", "thu-vien", "units.yml", "thu-vien-xa"),
        where("duties", "IV.8.1", "unit"),
    ),
    changed(
        "an-unknown-pillar-of-a-group",
        "tasks.yml",
        "pillar: nhan-luc",
        "pillar: nhan-lu",
        "unknown_ref",
        unknown("pillars", "nhan-lu", "pillars.yml", "nhan-luc"),
        where("groups", "VIII", "pillar"),
    ),
    changed(
        "an-unknown-subindex-of-a-pillar",
        "pillars.yml",
        "subindex: dau-ra",
        "subindex: dau-r",
        "unknown_ref",
        unknown("subindices", "dau-r", "pillars.yml", "dau-ra"),
        where("pillars", "thanh-qua", "subindex"),
    ),
    changed(
        "an-unknown-source-of-a-pii-fact",
        "pii.yml",
        "sources: [vien-gia-dinh, fictional-review]",
        "sources: [vien-gia-dinh, fictional-revew]",
        "unknown_ref",
        unknown("sources", "fictional-revew", "sources.yml", "fictional-review"),
        where("paragraphs", 1, "sources"),
    ),
    changed(
        "an-unknown-source-of-a-pillar",
        "pillars.yml",
        "sources: [so-thu-nghiem-2026, fictional-review]",
        "sources: [so-thu-nghiem-206, fictional-review]",
        "unknown_ref",
        unknown("sources", "so-thu-nghiem-206", "sources.yml", "so-thu-nghiem-2026"),
        where("measures", 1, "sources"),
    ),
    changed(
        "an-unknown-source-of-a-glossary-term",
        "glossary.yml",
        "sources: [vien-gia-dinh]",
        "sources: [vien-gia]",
        "unknown_ref",
        unknown("sources", "vien-gia", "sources.yml", "vien-gia-dinh"),
        where("definition", 1, "sources"),
    ),
    changed(
        "an-unknown-reporting-unit-in-a-status-file",
        "status/VII.2.yml",
        "unit: hop-tac-xa-song-may",
        "unit: hop-tac-xa-song",
        "unknown_ref",
        unknown("units", "hop-tac-xa-song", "units.yml", "hop-tac-xa-song-may"),
        where("updates", "2026-05-05", "unit"),
    ),
    # VIII.3 has no status file, so taking VIII.2's id is the only problem.
    used_again(
        "a-task-id-used-twice", "tasks.yml", "- id: VIII.2", "- id: VIII.3", "VIII.2", where("tasks", "VIII.2", "id")
    ),
    used_again(
        "a-duty-id-used-twice", "duties.yml", "- id: IV.8.1", "- id: IV.8.2", "IV.8.1", where("duties", "IV.8.1", "id")
    ),
    used_again(
        "a-pillar-id-used-twice",
        "pillars.yml",
        "- id: nen-tang",
        "- id: ket-noi-so",
        "nen-tang",
        where("pillars", "nen-tang", "id"),
    ),
    used_again(
        "a-glossary-id-used-twice",
        "glossary.yml",
        "- id: ocap",
        "- id: lop-hoc-so",
        "ocap",
        where("terms", "ocap", "id"),
    ),
    # The copied ids leave what pointed at the renamed record pointing nowhere: more than one problem.
    used_again(
        "a-unit-id-used-twice",
        "units.yml",
        "- id: hop-tac-xa-song-may",
        "- id: cac-ap-ven-song",
        "hop-tac-xa-song-may",
        where("units", "hop-tac-xa-song-may", "id"),
        None,
    ),
    used_again(
        "a-source-id-used-twice",
        "sources.yml",
        "- id: bao-may-2025",
        "- id: vien-gia-dinh",
        "bao-may-2025",
        where("sources", "bao-may-2025", "id"),
        None,
    ),
    used_again(
        "a-subindex-id-used-twice",
        "pillars.yml",
        "- id: dau-vao",
        "- id: dau-ra",
        "dau-vao",
        where("subindices", "dau-vao", "id"),
        None,
    ),
    changed(
        "a-task-id-outside-its-group",
        "tasks.yml",
        "- id: VIII.3",
        "- id: IX.3",
        "task_id_group",
        {"found": "IX.3", "group": "VIII"},
        where("tasks", "IX.3", "id"),
    ),
    changed(
        "one-spelling-under-two-glossary-terms",
        "glossary.yml",
        'match: ["OCAP"]',
        'match: ["OCAP", "csm"]',
        "glossary_duplicate_spelling",
        {"found": "csm", "other": "csm", "other_line": fixture_line("glossary.yml", 'match: ["CSM", ')},
        where("terms", "ocap", "match"),
    ),
    BadInput(
        "a-published-method-statement-without-a-source",
        # The statement's sources list, on the line below its English text, is emptied.
        lambda data: data.replace(
            "pii.yml", "    sources: [vien-gia-dinh]\n  - basis: inferred", "    sources: []\n  - basis: inferred"
        ),
        "pii.yml",
        "pii_needs_source",
        where=where("method", 1, "sources"),
        problems=1,
    ),
    changed(
        "a-worked-example-without-a-value-for-one-locality",
        "pii.yml",
        "values: {may: 4, gio: 10}",
        "values: {may: 4}",
        "pii_example_values",
        {"expected": "may, gio", "found": "may"},
        where("indicators", 1, "values"),
    ),
    changed(
        "a-worked-example-whose-values-are-all-equal",
        "pii.yml",
        "values: {may: 7.5, gio: 2}",
        "values: {may: 2, gio: 2}",
        "pii_example_flat",
        {},
        where("indicators", 1, "values"),
    ),
]
