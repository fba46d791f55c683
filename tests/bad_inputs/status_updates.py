"""Progress reports (status/<TASK_ID>.yml) that break the status rules: a file named after no task, a
file or folder the status folder may not hold, a "completed" report without evidence or without
100 %, incomplete evidence, a status not in the list, and updates of the wrong shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import get_args

from helpers import DataCopy

from bad_inputs import BadInput, suggesting, where, wrong_kind
from pii_site.source.schema.status import Status


def renamed(old: str, new: str) -> Callable[[DataCopy], None]:
    def spoil(data: DataCopy) -> None:
        data.path(old).rename(data.path(new))

    return spoil


def made_folder(name: str) -> Callable[[DataCopy], None]:
    def spoil(data: DataCopy) -> None:
        data.path(name).mkdir()

    return spoil


def completed_without_evidence(data: DataCopy) -> int:
    """VII.2's latest update says "completed" at 100 % but its evidence list is gone."""
    path = data.path("status/VII.2.yml")
    text = path.read_text(encoding="utf-8")
    text = text.replace("    status: in-progress\n    percent: 65", "    status: completed\n    percent: 100")
    path.write_text(text[: text.rindex("    evidence:")], encoding="utf-8")
    return text.count("\n", 0, text.index("status: completed")) + 1


CASES = [
    BadInput(
        "a-status-file-named-after-no-task",
        renamed("status/VII.2.yml", "status/VII.20.yml"),
        "status/VII.20.yml",
        "status_unknown_task",
        {"found": "VII.20", **suggesting("VII.2")},
        problems=1,
    ),
    BadInput(
        "a-status-file-with-another-extension",
        renamed("status/VII.2.yml", "status/VII.2.yaml"),
        "status/VII.2.yaml",
        "status_folder_entry",
        {"found": "VII.2.yaml"},
        problems=1,
    ),
    BadInput(
        "a-folder-named-like-a-status-file",
        made_folder("status/VII.9.yml"),
        "status/VII.9.yml",
        "status_folder_entry",
        {"found": "VII.9.yml"},
        problems=1,  # and not also "file missing"
    ),
    BadInput(
        "completed-without-evidence",
        completed_without_evidence,
        "status/VII.2.yml",
        "status_completed_no_evidence",
        where=where("updates", "2026-10-15", "status"),
        problems=1,
    ),
    BadInput(
        "completed-at-90-percent",
        lambda data: data.replace(
            "status/VII.1.yml", "    status: completed\n    percent: 100", "    status: completed\n    percent: 90"
        ),
        "status/VII.1.yml",
        "status_completed_not_100",
        {"found": 90},
        where=where("updates", "2026-09-25", "status"),
        problems=1,
    ),
    BadInput(
        "a-document-reference-without-its-date",
        lambda data: data.replace("status/VII.1.yml", "        date: 2026-09-24\n", "") - 1,  # the "- number:" line
        "status/VII.1.yml",
        "status_evidence_incomplete",
        where=where("evidence", 2, None),
        problems=1,
    ),
    BadInput(
        "evidence-with-only-a-title",
        lambda data: data.replace(
            "status/VII.2.yml",
            "- url: https://example.org/san-may/mat-ong-tram?ma=SM-01",
            '- title: {vi: "Ảnh sản phẩm"}',
        ),
        "status/VII.2.yml",
        "status_evidence_incomplete",
        where=where("evidence", 1, None),
        problems=1,
    ),
    BadInput(
        "a-status-not-in-the-list",
        lambda data: data.replace("status/VIII.1.yml", "status: delayed", "status: late"),
        "status/VIII.1.yml",
        "not_one_of",
        {"found": "late", "allowed": ", ".join(get_args(Status))},
        where=where("updates", "2026-07-20", "status"),
        problems=1,
    ),
    BadInput(
        "a-percent-in-words",
        lambda data: data.replace("status/VIII.1.yml", "percent: 40", "percent: bốn mươi"),
        "status/VIII.1.yml",
        "wrong_type",
        wrong_kind("int", "bốn mươi"),
        where=where("updates", "2026-07-20", "percent"),
        problems=1,
    ),
    BadInput(
        "an-update-without-its-date",
        lambda data: data.replace("status/VIII.2.yml", "  - date: 2026-11-02\n    status:", "  - status:"),
        "status/VIII.2.yml",
        "missing",
        {"field": "date"},
        where=where("updates", 1, None),
        problems=1,
    ),
    BadInput(
        "updates-written-as-a-sentence",
        lambda data: data.replace("status/IX.2.yml", "\nupdates:", "\nupdates: none yet") + 1,
        "status/IX.2.yml",
        "wrong_type",
        wrong_kind("list", "none yet"),
        where=where("", None, "updates"),
        problems=1,
    ),
    BadInput(
        "a-note-without-vietnamese",
        lambda data: (
            data.replace("status/VII.2.yml", '      vi: "Chụp ảnh và viết mô tả cho sản phẩm mật ong tràm."\n', "") - 1
        ),  # the "note:" line
        "status/VII.2.yml",
        "missing_vi",
        where=where("updates", "2026-05-05", "note"),
        problems=1,
    ),
]
