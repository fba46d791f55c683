"""Fields that break the data format: unknown or missing fields, a missing language, empty texts and
lists, values of the wrong kind, numbers out of range, values not in the allowed list, and ids and
addresses that do not match their pattern. Each names the record and field it is about."""

from __future__ import annotations

from collections.abc import Callable
from typing import get_args

from helpers import DataCopy

from bad_inputs import BadInput, changed, suggesting, where, wrong_kind
from pii_site.source.errors import message
from pii_site.source.schema.pii import MethodParagraph


def without(name: str, record: str, gone: str) -> Callable[[DataCopy], int]:
    """Delete the first line holding `gone` below the line holding `record`; return `record`'s line."""

    def spoil(data: DataCopy) -> int:
        path = data.path(name)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        first = next(i for i, text in enumerate(lines) if record in text)
        del lines[next(i for i in range(first + 1, len(lines)) if gone in lines[i])]
        path.write_text("".join(lines), encoding="utf-8")
        return first + 1

    return spoil


def pattern(case: str, name: str, old: str, new: str, key: str, found: str, at: tuple[str, str]) -> BadInput:
    """A value `found` that does not match its pattern, explained by messages.yml's `key`."""
    return changed(case, name, old, new, key, {"found": found}, at)


CASES = [
    BadInput(
        "a-misspelt-field-suggests-the-right-name",
        lambda data: data.replace("tasks.yml", "lead: [to-cong-tac-doi-moi]", "leader: [to-cong-tac-doi-moi]"),
        "tasks.yml",
        "extra_forbidden",
        {"field": "leader", **suggesting("lead")},
        where=where("tasks", "VII.1"),
        problems=1,  # not also "lead is missing": it is one mistake
    ),
    BadInput(
        "an-unknown-field-with-no-close-name",
        lambda data: data.replace("units.yml", "    collective: true\n", "    collective: true\n    budget: 100\n") + 1,
        "units.yml",
        "extra_forbidden",
        {"field": "budget", **suggesting(None)},
        where=where("units", "cac-ap-ven-song"),
        problems=1,
    ),
    BadInput(
        "a-task-without-its-lead-unit",
        without("tasks.yml", "- id: VIII.3", "lead:"),
        "tasks.yml",
        "missing",
        {"field": "lead"},
        where=where("tasks", "VIII.3"),
        problems=1,
    ),
    BadInput(
        "a-unit-name-without-english",
        lambda data: without("units.yml", "id: to-cong-tac-doi-moi", "en:")(data) + 1,  # the "name:" line
        "units.yml",
        "missing_en",
        where=where("units", "to-cong-tac-doi-moi", "name"),
        problems=1,
    ),
    BadInput(
        "a-pillar-name-without-vietnamese",
        lambda data: without("pillars.yml", "id: thanh-qua", 'vi: "Thành quả sáng kiến"')(data) + 3,  # "name:"
        "pillars.yml",
        "missing_vi",
        where=where("pillars", "thanh-qua", "name"),
        problems=1,
    ),
    BadInput(
        "a-text-of-spaces-only",
        lambda data: data.replace(
            "units.yml", '"Điều phối kế hoạch thử nghiệm và chủ trì phần lớn nhiệm vụ của Phụ lục."', '"   "'
        ),
        "units.yml",
        "empty_text",
        where=where("units", "to-cong-tac-doi-moi", "description.vi"),
        problems=1,
    ),
    BadInput(
        "an-empty-list-of-lead-units",
        lambda data: data.replace("tasks.yml", "lead: [hop-tac-xa-song-may]", "lead: []"),
        "tasks.yml",
        "empty_list",
        {"count": 1},
        where=where("tasks", "IX.1", "lead"),
        problems=1,
    ),
    BadInput(
        "a-pillar-number-in-words",
        lambda data: data.replace("pillars.yml", "number: 3", "number: ba"),
        "pillars.yml",
        "wrong_type",
        wrong_kind("int", "ba"),
        where=where("pillars", "ket-noi-so", "number"),
        problems=1,
    ),
    BadInput(
        "one-coordinating-unit-not-written-as-a-list",
        lambda data: data.replace("tasks.yml", "coordinating: [cac-ap-ven-song]", "coordinating: cac-ap-ven-song"),
        "tasks.yml",
        "wrong_type",
        wrong_kind("list", "cac-ap-ven-song"),
        where=where("tasks", "VII.1", "coordinating"),
        problems=1,
    ),
    BadInput(
        "a-source-date-written-in-words",
        lambda data: data.replace("sources.yml", "date: {year: 2026, month: 1}", "date: January 2026"),
        "sources.yml",
        "source_date_or_undated",  # a source's date in words: the message also offers "undated"
        {"found": "January 2026"},
        where=where("sources", "so-thu-nghiem-2026", "date"),
        problems=1,
    ),
    BadInput(
        "a-worked-example-value-in-words",
        lambda data: data.replace("pii.yml", "values: {may: 4, gio: 10}", "values: {may: bốn, gio: 10}"),
        "pii.yml",
        "wrong_type",
        wrong_kind("number", "bốn"),
        where=where("indicators", 1, "values.may"),
        problems=1,
    ),
    BadInput(
        "collective-neither-true-nor-false",
        lambda data: data.replace("units.yml", "collective: true", "collective: sometimes"),
        "units.yml",
        "wrong_type",
        wrong_kind("bool", "sometimes"),
        where=where("units", "cac-ap-ven-song", "collective"),
        problems=1,
    ),
    BadInput(
        "a-due-date-in-words",
        lambda data: data.replace("status/VII.2.yml", "due: 2026-10-31", "due: end of October"),
        "status/VII.2.yml",
        "wrong_type",
        wrong_kind("date", "end of October"),
        where=where("updates", None, "due"),
        problems=1,
    ),
    BadInput(
        "a-unit-description-left-blank",
        lambda data: data.replace(
            "units.yml", 'vi: "Điều phối kế hoạch thử nghiệm và chủ trì phần lớn nhiệm vụ của Phụ lục."', "vi:"
        ),
        "units.yml",
        "wrong_type",
        wrong_kind("string", None),
        where=where("units", "to-cong-tac-doi-moi", "description.vi"),
        problems=1,
    ),
    BadInput(
        "a-negative-percent",
        lambda data: data.replace("status/VII.2.yml", "percent: 30", "percent: -5"),
        "status/VII.2.yml",
        "too_small",
        {"found": -5, "limit": 0},
        where=where("updates", "2026-05-05", "percent"),
        problems=1,
    ),
    BadInput(
        "a-percent-above-100",
        lambda data: data.replace("status/VII.2.yml", "percent: 65", "percent: 160"),
        "status/VII.2.yml",
        "too_large",
        {"found": 160, "limit": 100},
        where=where("updates", "2026-10-15", "percent"),
        problems=1,
    ),
    BadInput(
        "a-source-year-before-1900",
        lambda data: data.replace("sources.yml", "date: {year: 2024}", "date: {year: 1024}"),
        "sources.yml",
        "too_small",
        {"found": 1024, "limit": 1900},
        where=where("sources", "vien-gia-dinh", "date.year"),
        problems=1,
    ),
    BadInput(
        "a-thirteenth-month",
        lambda data: data.replace("sources.yml", "date: {year: 2026, month: 1}", "date: {year: 2026, month: 13}"),
        "sources.yml",
        "too_large",
        {"found": 13, "limit": 12},
        where=where("sources", "so-thu-nghiem-2026", "date.month"),
        problems=1,
    ),
    BadInput(
        "a-method-basis-not-in-the-list",
        lambda data: data.replace("pii.yml", "basis: inferred", "basis: guessed"),
        "pii.yml",
        "not_one_of",
        {"found": "guessed", "allowed": ", ".join(get_args(MethodParagraph.model_fields["basis"].annotation))},
        where=where("method", 2, "basis"),
        problems=1,
    ),
    pattern(
        "a-glossary-id-with-underscores",
        "glossary.yml",
        "- id: lop-hoc-so",
        "- id: lop_hoc_so",
        "pattern_slug",
        "lop_hoc_so",
        where("terms", "lop_hoc_so", "id"),
    ),
    pattern(
        "a-task-id-with-a-hyphen",
        "tasks.yml",
        "- id: VIII.3",
        "- id: VIII-3",
        "pattern_task_id",
        "VIII-3",
        where("tasks", "VIII-3", "id"),
    ),
    pattern(
        "a-duty-id-with-a-letter",
        "duties.yml",
        "- id: IV.8.2",
        "- id: IV.8b",
        "pattern_duty_id",
        "IV.8b",
        where("duties", "IV.8b", "id"),
    ),
    pattern(
        "a-group-number-not-roman",
        "tasks.yml",
        "- number: IX\n",
        "- number: IXa\n",
        "pattern_roman",
        "IXa",
        where("groups", "IXa", "number"),
    ),
    changed(
        "a-site-address-with-a-space",
        "site.yml",
        "url: null\nrepository:",  # (the comment above it says "url: null" too)
        "url: https://example.org/my plan/\nrepository:",
        "site_address",
        {
            "found": "https://example.org/my plan/",
            **dict(zip(("reason_vi", "reason_en"), message("site_address_reason.character"), strict=True)),
        },
        where("", None, "url"),
    ),
    pattern(
        "a-repository-address-with-a-final-slash",
        "site.yml",
        "repository: null",
        "repository: https://example.org/plan/",
        "pattern_repository_address",
        "https://example.org/plan/",
        where("", None, "repository"),
    ),
    pattern(
        "a-branch-name-with-accents",
        "site.yml",
        "branch: main",
        'branch: "chính"',
        "pattern_branch",
        "chính",
        where("", None, "branch"),
    ),
    *(
        pattern(
            f"an-evidence-address-that-is-{kind}",
            "status/VII.2.yml",
            "- url: https://example.org/san-may/mat-ong-tram?ma=SM-01",
            f"- url: '{address}'",
            "pattern_web_address",
            address,
            where("evidence", 1, "url"),
        )
        for kind, address in (
            ("the-guides-placeholder", "https://..."),
            ("broken-by-a-space", "https://example.org/a b"),
            ("breaking-out-of-the-link", 'https://x.org/"><script>'),
            ("a-script", "javascript:alert(1)"),
        )
    ),
]
