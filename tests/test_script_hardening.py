"""Scripts against hostile input (issue 11): data text cannot act as a GitHub workflow command in
validate.py --format github or in the CI steps; add_update.py explains a broken status file with its
line, refuses an argument that is not text by naming it, and stores its text arguments as NFC;
export_schema.py writes each schema file atomically. Runs on a copy of the fixture plan."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURE_TODAY, PROJECT_DIR, DataCopy, load_script

from pii_site.outputs.json_schema import json_schemas, open_data_schema
from pii_site.source.errors import message

add_update = load_script("add_update")
export_schema = load_script("maintainer/export_schema")

WRAPPER = PROJECT_DIR / ".ci" / "without-workflow-commands"
WORKFLOWS = sorted((PROJECT_DIR / ".github" / "workflows").glob("*.yml"))
# A value that, printed raw, would start two workflow commands (a forged annotation, and a stop
# that silences every later annotation) and a third in GitHub's older "##[" form, valid anywhere.
INJECTED = "x\n::error::injected ##[error]v1 ::stop-commands::x"


def script(name: str, *args: str | bytes, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(PROJECT_DIR / "scripts" / f"{name}.py"), *args]
    environment = {**os.environ, "PII_TODAY": FIXTURE_TODAY, **env}
    return subprocess.run(command, capture_output=True, env=environment, timeout=120)


# --- validate.py --format github -------------------------------------------------------------------


def test_github_format_lets_no_data_text_act_as_a_workflow_command(data_copy: DataCopy):
    quoted = INJECTED.replace("\n", "\\n")
    data_copy.replace("units.yml", "- id: ban-kinh-te-nong-nghiep\n", f'- id: "{quoted}"\n')
    result = script("validate", "--data", str(data_copy.root), "--format", "github")
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in out + err
    assert "injected" not in err  # the data text is on one stream only, in order with the annotations
    lines = out.splitlines()
    stop = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[stop].removeprefix("::stop-commands::")
    assert re.fullmatch(r"[0-9a-f]{32}", token)
    assert lines[-1] == f"::{token}::"
    annotations = lines[:stop]
    assert annotations and all(line.startswith("::error file=") for line in annotations)
    # The value is there, on the annotation's line: its line break written "\\n" by the message
    # (which shows invisible characters) or, were it raw, "%0A" by the annotation's escaping.
    assert re.search(r"x(\\n|%0A)::error::injected", annotations[0])
    # Between the stop and the resume GitHub runs nothing (a "##[" there is printed as it is), and
    # no line there starts with "::" either: each problem is escaped onto one line.
    report = lines[stop + 1 : -1]
    assert any(re.search(r"x(\\n|%0A)::error::injected ##\[error\]v1", line) for line in report)
    assert not any(line.lstrip().startswith("::") for line in report)


def test_github_format_stop_token_differs_each_run(data_copy: DataCopy):
    data_copy.replace("units.yml", "- id: ban-kinh-te-nong-nghiep\n", "- id: Ban\n")
    tokens = {
        next(
            line
            for line in script("validate", "--data", str(data_copy.root), "--format", "github")
            .stdout.decode()
            .splitlines()
            if line.startswith("::stop-commands::")
        )
        for _ in range(2)
    }
    assert len(tokens) == 2


# --- CI steps ---------------------------------------------------------------------------------------


def test_ci_wrapper_stops_workflow_commands_around_a_commands_output_and_keeps_its_status():
    hostile = "print('::error::injected'); import sys; print('##[error]v1', file=sys.stderr); sys.exit(3)"
    result = subprocess.run([str(WRAPPER), sys.executable, "-c", hostile], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert result.stderr == ""  # joined to stdout, so nothing overtakes the stop
    lines = result.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert re.fullmatch(r"[0-9a-f]{32}", token) and lines[-1] == f"::{token}::"
    assert sorted(lines[1:-1]) == ["##[error]v1", "::error::injected"]


# The scripts whose output quotes data text (page titles, a round's name) in a workflow's log.
PRINTS_DATA = ("scripts/build.py", "scripts/report.py")


def test_every_ci_step_that_builds_or_makes_the_report_runs_with_workflow_commands_stopped():
    steps = [
        (path.name, script, step["run"])
        for path in WORKFLOWS
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values()
        for step in job.get("steps", [])
        for script in PRINTS_DATA
        if script in step.get("run", "")
    ]
    # Each workflow that runs the project's Python has one (daily.yml only starts publish.yml).
    runs_python = {path.name for path in WORKFLOWS if "python" in path.read_text(encoding="utf-8")}
    assert {name for name, _, _ in steps} == runs_python and "publish.yml" in runs_python
    assert all(f".ci/without-workflow-commands python {script}" in run for _, script, run in steps)


def test_ci_tests_on_github_run_with_workflow_commands_stopped(tmp_path: Path):
    # .ci/run with a stand-in `make` that prints data-like text: on GitHub it goes through the wrapper.
    (tmp_path / "make").write_text("#!/bin/sh\necho '::error::from a test'\n", encoding="utf-8")
    (tmp_path / "make").chmod(0o755)
    # Everything .ci/run checks for is "there", so it installs nothing.
    for name in ("chromium", "java", "python3", "soffice", "pdftoppm"):
        (tmp_path / name).write_text("#!/bin/sh\n", encoding="utf-8")
        (tmp_path / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    github = subprocess.run(
        ["bash", str(PROJECT_DIR / ".ci" / "run")],
        capture_output=True,
        text=True,
        env={**env, "GITHUB_ACTIONS": "true"},
    )
    assert github.returncode == 0, github.stderr
    lines = github.stdout.splitlines()
    assert lines[0].startswith("::stop-commands::") and lines[1] == "::error::from a test"
    assert lines[2] == f"::{lines[0].removeprefix('::stop-commands::')}::"
    elsewhere = subprocess.run(["bash", str(PROJECT_DIR / ".ci" / "run")], capture_output=True, text=True, env=env)
    assert elsewhere.stdout.splitlines() == ["::error::from a test"]  # GitLab and local runs: unchanged


# --- add_update.py ----------------------------------------------------------------------------------


@pytest.fixture
def data(data_copy: DataCopy, fixture_today: str) -> Path:
    return data_copy.root


def test_add_update_reports_a_yaml_error_in_the_status_file_with_its_line(data: Path, capsys):
    path = data / "status" / "VII.2.yml"
    text = path.read_text(encoding="utf-8")
    broken = text + "  - date: [2026-11-20\n"
    path.write_text(broken, encoding="utf-8")
    line = broken.count("\n") + 1  # PyYAML notices the missing "]" at the end of the file
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line}: lỗi cú pháp YAML" in err and "YAML syntax error" in err
    assert "last entry" not in err and "Nothing was written" in err
    assert path.read_text(encoding="utf-8") == broken


def test_add_update_names_a_note_that_is_not_text_instead_of_blaming_the_file(data: Path):
    # On Linux, bytes that are not UTF-8 (a Windows-1258 terminal) reach sys.argv as lone surrogates.
    files = {p: p.read_bytes() for p in (data / "status").iterdir()}
    result = script("add_update", "VII.2", "--status", "in-progress", "--note", b"\xd0\xe3 h\xf2p", "--data", str(data))
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    assert "Nội dung --note không phải văn bản hợp lệ" in err and "--note is not valid text" in err
    assert "VII.2.yml" not in err
    assert {p: p.read_bytes() for p in (data / "status").iterdir()} == files


def test_add_update_stores_a_decomposed_note_as_nfc(data: Path):
    note, unit = "Đã họp dân ấp Sông Mây", "ban-kinh-te-nong-nghiep"
    decomposed = unicodedata.normalize("NFD", note)
    assert decomposed != note
    args = ["VII.2", "--status", "in-progress", "--note", decomposed, "--note-en", unicodedata.normalize("NFD", "Met")]
    assert add_update.main([*args, "--unit", unit, "--date", "2026-11-25", "--data", str(data)]) == 0
    text = (data / "status" / "VII.2.yml").read_text(encoding="utf-8")
    assert note in text and decomposed not in text
    assert yaml.safe_load(text)["updates"][-1]["note"]["vi"] == note


def test_add_update_without_tasks_yml_says_it_is_missing(data: Path, capsys):
    # The default unit comes from tasks.yml alone; without it, the full check explains.
    (data / "tasks.yml").unlink()
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    vi, en = message("file_missing")
    assert "tasks.yml" in err and vi in err and en in err and "Nothing was written" in err


def test_add_update_reads_the_plan_once(data: Path, monkeypatch):
    loads = []
    real = add_update.load_plan

    def counted(*args, **kwargs):
        loads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(add_update, "load_plan", counted)
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data)]) == 0
    assert len(loads) == 1


# --- export_schema.py -------------------------------------------------------------------------------


def test_export_schema_writes_every_schema(tmp_path: Path, capsys):
    (tmp_path / "data").mkdir()
    assert export_schema.main(["--out", str(tmp_path / "data"), "--contract-out", str(tmp_path / "contract")]) == 0
    assert {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "data").iterdir()} == json_schemas()
    [contract] = (tmp_path / "contract").iterdir()
    assert contract.name == "open-data-1.schema.json" and contract.read_text(encoding="utf-8") == open_data_schema()


def test_export_schema_failed_write_leaves_the_old_file_and_says_so(tmp_path: Path, capsys, monkeypatch):
    old = tmp_path / "site.schema.json"
    old.write_text("{}", encoding="utf-8")

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    assert export_schema.main(["--out", str(tmp_path), "--contract-out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Không ghi được" in err and "Could not write" in err and "Traceback" not in err
    assert sorted(tmp_path.iterdir()) == [old] and old.read_text(encoding="utf-8") == "{}"
