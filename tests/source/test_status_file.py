"""Status files of every kind are valid, a new or missing file means "no update yet", and the staff
guide's block pasted into a file is valid. Each status rule's refusal (file, line, update, field, in
both languages) is a case of the corpus: tests/bad_inputs/status_updates.py and dates.py."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from helpers import FIXTURE_TODAY, PROJECT_DIR, DataCopy

from pii_site import load_plan
from pii_site.model.progress import STATUSES
from pii_site.outputs.json_schema import json_schemas, schema_file_name
from pii_site.source.status_file import new_file

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


def test_status_files_of_every_kind_are_valid(plan):
    # The fixture holds every status (and both forms of "no update"), and it loads without a problem.
    assert {t.progress.status for t in plan.tasks} == set(STATUSES)


def test_update_without_english_note_is_valid(plan):
    note = plan.task("VIII.1").progress.latest.note
    assert note.vi and note.en is None


def test_a_new_status_file_or_none_at_all_means_no_update_yet(data_copy: DataCopy):
    # The file a new task starts from (comments, then "updates:" with nothing under it) ...
    data_copy.path("status/VII.2.yml").write_text(new_file("VII.2"), encoding="utf-8")
    assert data_copy.path("status/VII.2.yml").read_text(encoding="utf-8").endswith("\nupdates:\n")
    data_copy.path("status/VII.1.yml").unlink()  # ... and a missing file mean the same
    data_copy.drop_forms_of("ban-kinh-te-nong-nghiep", "hop-tac-xa-song-may")  # VII.2's leads report on it in forms
    plan = load_plan(data_copy.root, TODAY)
    assert plan.task("VII.2").progress.status == plan.task("VII.1").progress.status == "no-update"
    assert plan.task("VII.2").progress.updates == ()


def test_a_new_status_file_points_editors_at_the_exported_status_schema():
    # Status files live in <data>/status/, the schemas in <data>/schema/ (written by `make schema`).
    first = new_file("VIII.3").splitlines()[0]
    name = schema_file_name("status/*.yml")
    assert first == f"# yaml-language-server: $schema=../schema/{name}"
    assert name in json_schemas()


@pytest.mark.parametrize("guide", ["docs/vi/guide.md", "docs/en/guide.md"])
def test_the_guides_block_pasted_at_the_end_of_a_file_without_updates_is_valid(data_copy: DataCopy, plan, guide: str):
    """Step 3 of the staff guide: paste the block at the end of <data>/status/<ID>.yml as a new task has it."""
    lines = (PROJECT_DIR / guide).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("- date: "))
    block = []
    for line in lines[start:]:
        if not line.strip():
            break
        block.append(line)
    margin = len(block[0]) - len(block[0].lstrip()) - 2  # the guide says: two spaces before "- date:"
    pasted = "\n".join(line[margin:] for line in block) + "\n"
    # Step 4: the unit is one of this plan's units, and the placeholder address a real one.
    task = next(
        t for t in plan.tasks if t.progress.status == "no-update" and data_copy.path(f"status/{t.id}.yml").is_file()
    )
    pasted = re.sub(r"(?m)^(\s+unit:) \S+", rf"\1 {task.lead[0].id}", pasted).replace(
        "https://...", "https://example.gov.vn/tin/1"
    )
    status = data_copy.path(f"status/{task.id}.yml")
    assert status.read_text(encoding="utf-8").endswith("\nupdates:\n")
    status.write_text(status.read_text(encoding="utf-8") + pasted, encoding="utf-8")
    [update] = load_plan(data_copy.root, TODAY).task(task.id).progress.updates
    assert update.status == "in-progress" and update.percent == 20 and update.unit == task.lead[0].id
