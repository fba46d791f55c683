"""A progress update reported by a unit the appendix names neither as a lead nor as a coordinating unit
of its task is a warning, not a refusal: validate.py prints it (text), annotates it as a
`::warning` (--format github) and lists it as a minor issue (--format codequality), always with exit
status 0; the strict build still publishes, and MkDocs' log never carries it. On a copy of the
fixture plan, seen from FIXTURE_TODAY."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import (
    AWKWARD,
    DATA_FILES,
    FEW,
    FIXTURE_DIR,
    FIXTURE_TODAY,
    PROJECT_DIR,
    DataCopy,
    fixture_documents,
    load_script,
)
from hypothesis import event, given
from hypothesis import strategies as st

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
    assert load_plan(FIXTURE_DIR, dt.date.fromisoformat(FIXTURE_TODAY)).warnings == ()


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


# A value that, printed raw, would start two workflow commands (a forged annotation, and a stop
# that silences every later annotation) and a third in GitHub's older "##[" form, valid anywhere.
INJECTED = "x\n::error::injected ##[error]v1 ::stop-commands::x"


def script(name: str, *args: str | bytes, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(PROJECT_DIR / "scripts" / f"{name}.py"), *args]
    environment = {**os.environ, "PII_TODAY": FIXTURE_TODAY, **env}
    return subprocess.run(command, capture_output=True, env=environment, timeout=120)


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


def keys_of(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from keys_of(value)
    elif isinstance(node, list):
        for item in node:
            yield from keys_of(item)


FIXTURE = fixture_documents()


FIELD_NAMES = sorted({key for document in FIXTURE.values() for key in keys_of(document)})


texts = st.one_of(st.sampled_from(AWKWARD), st.text(max_size=20))


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),  # NaN and the infinities included
    texts,
    st.dates(),
    st.datetimes(),
)


keys = st.one_of(st.sampled_from(FIELD_NAMES), texts, st.integers(), st.booleans(), st.dates(), st.none())


documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)


def paths_of(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a document, the whole document first."""
    yield path
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from paths_of(child, (*path, key))


def swapped(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    """`document` with the value at `path` replaced by `value` (a copy)."""
    if not path:
        return value
    changed = copy.deepcopy(document)
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return changed


def dump(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@st.composite
def contents(draw: st.DrawFn, name: str) -> str | bytes:
    """What an editor, a bad copy-paste or a broken tool could leave in data file `name`."""
    kind = draw(
        st.sampled_from(["document", "swapped", "text", "bytes"] if name in FIXTURE else ["news", "text", "bytes"])
    )
    if kind == "document":
        return dump(draw(documents))
    if kind == "swapped":
        path = draw(st.sampled_from(list(paths_of(FIXTURE[name]))))
        return dump(swapped(FIXTURE[name], path, draw(documents)))
    if kind == "news":  # front matter of random fields, then a random body
        return f"---\n{dump(draw(documents))}---\n{draw(texts)}\n"
    if kind == "text":
        return draw(st.text(max_size=300))
    return draw(st.binary(max_size=300))


def run(script: Any, argv: list[str]) -> tuple[int, str]:
    """A script's exit status and everything it printed (any exception goes up to the test)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        return script.main(argv), out.getvalue()


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.slow  # random inputs by the hundred: a fuzzing run, in `make test`, not in the edit loop
@pytest.mark.parametrize("name", DATA_FILES)
@FEW
@given(data=st.data())
def test_random_content_in_a_data_file_is_accepted_or_explained(name: str, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy_ = DataCopy(Path(folder) / "data")
        content = data.draw(contents(name), label="content")
        path = copy_.path(name)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        status, output = run(validate, ["--data", str(copy_.root)])
        event(f"exit status {status}")  # --hypothesis-show-statistics: how many examples were valid
        assert status in (0, 1), output
        assert "Traceback" not in output
        if status == 1:  # every problem names its file
            assert f"{copy_.root}/" in output, output


# A command line may also hold bytes that are not UTF-8, which Python passes on as lone surrogates.
arguments = st.one_of(texts, st.just("caf\udce9"))


dates = st.one_of(st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)).map(dt.date.isoformat), arguments)
