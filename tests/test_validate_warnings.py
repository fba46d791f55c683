"""A progress update reported by a unit the appendix names neither as a lead nor as a coordinating unit
of its task is a warning, not a refusal (issue 21): validate.py prints it (text), annotates it as a
`::warning` (--format github) and lists it as a minor issue (--format codequality), always with exit
status 0; the strict build still publishes, and MkDocs' log never carries it. On a copy of the
fixture plan, seen from FIXTURE_TODAY."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from helpers import FIXTURE_DIR, FIXTURE_TODAY, DataCopy, load_script

from pii_site import load_plan
from pii_site.source.errors import message

validate = load_script("validate")
build = load_script("build")
pytestmark = pytest.mark.usefixtures("fixture_today")

# VII.1 is led by to-cong-tac-doi-moi and coordinated by cac-ap-ven-song; its updates are reported by
# its lead unit. The cooperative, hop-tac-xa-song-may, is neither.
TASK, STRANGER = "VII.1", "hop-tac-xa-song-may"


@pytest.fixture
def reported_by_a_stranger(data_copy: DataCopy) -> tuple[Path, int]:
    """The copy, with VII.1's first update reported by a unit not named for the task; and that line."""
    line = data_copy.replace(f"status/{TASK}.yml", "unit: to-cong-tac-doi-moi", f"unit: {STRANGER}")
    return data_copy.root, line


def wording() -> tuple[str, str]:
    """The warning's words, with the tasks file named relative to the data folder."""
    return message(
        "status_unit_not_responsible",
        found=STRANGER,
        task=TASK,
        file="tasks.yml",
        lead="to-cong-tac-doi-moi",
        coordinating="cac-ap-ven-song",
    )


def test_the_fixture_plan_warns_of_nothing():
    assert load_plan(FIXTURE_DIR, dt.date.fromisoformat(FIXTURE_TODAY)).warnings == []


def test_text_format_prints_the_warning_after_ok_and_exits_0(reported_by_a_stranger, capsys):
    data, line = reported_by_a_stranger
    assert validate.main(["--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ")
    vi, en = (text.replace("tasks.yml", f"{data}/tasks.yml") for text in wording())
    label_vi, label_en = message("warning_label")
    assert f"{label_vi} / {label_en}: {data}/status/{TASK}.yml:{line}: " in out
    assert vi in out and en in out
    summary_vi, summary_en = message("warnings_summary", count=1)
    assert summary_vi in out and summary_en in out


def test_github_format_annotates_a_warning_not_an_error_and_exits_0(reported_by_a_stranger, capsys):
    data, line = reported_by_a_stranger
    assert validate.main(["--data", str(data), "--format", "github"]) == 0
    lines = capsys.readouterr().out.splitlines()
    [annotation] = [entry for entry in lines if entry.startswith("::warning ")]
    assert annotation.startswith(f"::warning file={data}/status/{TASK}.yml,line={line},title=")
    assert not any(entry.startswith("::error") for entry in lines)
    # The readable report is printed with workflow commands stopped, as for errors.
    stop = next(i for i, entry in enumerate(lines) if entry.startswith("::stop-commands::"))
    assert re.fullmatch(r"::stop-commands::[0-9a-f]{32}", lines[stop])
    assert lines[-1] == f"::{lines[stop].removeprefix('::stop-commands::')}::"
    assert lines[stop + 1].startswith("OK: ")


def test_codequality_format_lists_a_minor_issue_and_exits_0(reported_by_a_stranger, capsys):
    data, line = reported_by_a_stranger
    assert validate.main(["--data", str(data), "--format", "codequality"]) == 0
    [issue] = json.loads(capsys.readouterr().out)
    assert issue["severity"] == "minor"
    assert issue["location"] == {"path": f"{data}/status/{TASK}.yml", "lines": {"begin": line}}


@pytest.mark.site  # builds by itself
def test_the_strict_build_publishes_and_its_log_never_carries_the_warning(
    reported_by_a_stranger, tmp_path: Path, capsys, caplog
):
    data, _ = reported_by_a_stranger
    status = build.main(["--site-dir", str(tmp_path / "site"), "--data", str(data), "-q"])
    output = capsys.readouterr()
    assert status == 0, output.err
    assert (tmp_path / "site" / "vi" / "index.html").is_file()
    said = output.out + output.err + caplog.text
    assert "không có tên trong các đơn vị chủ trì" not in said and "is not among the lead units" not in said
