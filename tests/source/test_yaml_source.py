"""The one guarded reader of data files (pii_site.source.yaml_source): field names in either Unicode
normalization, nesting bounded, files and folders the system will not read or that lead outside the
data are plain problems, a message quotes a long value short, and text no YAML reader lets through is
refused with its code. Bad data of these kinds is in the corpus (tests/bad_inputs/reader.py); these
are the rest."""

from __future__ import annotations

import errno
import os
import unicodedata
from pathlib import Path

import pytest
from helpers import DataCopy, load_script

from pii_site.source.errors import message
from pii_site.source.schema.base import Text
from pii_site.source.validation import parse
from pii_site.source.yaml_source import MAX_DEPTH, YamlSource, read_yaml_text

validate = load_script("validate")


NEWS_POST = "news/2026-08-03-lop-hoc-so-khai-giang.md"


def refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert validate.main(["--data", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.usefixtures("fixture_today")
def test_a_field_name_typed_decomposed_is_the_same_field_and_a_repeat_of_it_is_found():
    decomposed = unicodedata.normalize("NFD", "tên")
    source, problems = read_yaml_text(f"{decomposed}: a\ntên: b\n", "x.yml")
    assert source is not None and source.data == {"tên": "b"} and source.line_of(("tên",)) == 2
    assert problems and problems[0].line == 2
    assert (problems[0].text_vi, problems[0].text_en) == message("yaml_duplicate_key", key="tên")


@pytest.mark.usefixtures("fixture_today")
def test_nesting_up_to_the_bound_is_read_and_one_level_more_is_refused_with_its_line():
    at_bound = "a:\n  b: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2)  # mapping, mapping, lists
    source, problems = read_yaml_text(at_bound, "x.yml")
    assert source is not None and problems == []
    source, problems = read_yaml_text(at_bound.replace("[", "[[", 1).replace("]", "]]", 1), "x.yml", first_line=5)
    assert source is None
    assert [(p.line, p.text_en) for p in problems] == [(6, message("yaml_too_deep", limit=MAX_DEPTH)[1])]


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), message("unreadable.permission")),
        (OSError(errno.EIO, "Input/output error"), message("unreadable.other", detail="Input/output error")),
    ],
)
def test_a_file_the_system_will_not_read_is_a_plain_problem(
    data_copy: DataCopy, capsys, monkeypatch: pytest.MonkeyPatch, failure: OSError, reason: tuple[str, str]
):
    # Tests run as root here, which reads any file: the refusal is made by hand.
    unreadable = {data_copy.path("units.yml"), data_copy.path(NEWS_POST)}
    os_open = os.open

    def refusing_open(path, *args, **kwargs) -> int:
        if Path(path) in unreadable:
            raise failure
        return os_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    err = refused(data_copy.root, capsys)
    vi, en = message("data_unreadable", reason_vi=reason[0], reason_en=reason[1])
    for path in unreadable:
        assert f"{path}: {vi}\n    (en) {en}" in err, err


@pytest.mark.usefixtures("fixture_today")
def test_a_folder_the_system_will_not_list_is_a_plain_problem(data_copy: DataCopy, capsys, monkeypatch):
    unlistable = {data_copy.path("status"), data_copy.path("news")}
    iterdir = Path.iterdir

    def refusing_iterdir(path: Path):
        if path in unlistable:
            raise PermissionError(errno.EACCES, "Permission denied")
        return iterdir(path)

    monkeypatch.setattr(Path, "iterdir", refusing_iterdir)
    err = refused(data_copy.root, capsys)
    reason = message("unreadable.permission")
    vi, en = message("data_unreadable", reason_vi=reason[0], reason_en=reason[1])
    for path in unlistable:
        assert f"{path}: {vi}\n    (en) {en}" in err, err


@pytest.mark.usefixtures("fixture_today")
def test_a_link_to_a_file_outside_the_data_is_refused_without_a_word_of_that_file(data_copy: DataCopy, capsys):
    secret = data_copy.root.parent / "secret.txt"
    secret.write_text("password: hunter2-do-not-print\n", encoding="utf-8")
    for name in ("units.yml", "status/IX.1.yml"):
        data_copy.path(name).unlink()
        data_copy.path(name).symlink_to(secret)
    err = refused(data_copy.root, capsys)
    assert "hunter2" not in err and str(secret) not in err
    for name in ("units.yml", "status/IX.1.yml"):
        assert f"{data_copy.path(name)}: {message('data_symlink')[0]}" in err


@pytest.mark.usefixtures("fixture_today")
def test_a_long_wrong_value_is_quoted_short_and_on_one_line(data_copy: DataCopy, capsys):
    lines = [f"dòng {n} của một tệp hệ thống không phải dữ liệu" for n in range(200)]
    data_copy.path("units.yml").write_text("|\n" + "".join(f"  {line}\n" for line in lines), encoding="utf-8")
    err = refused(data_copy.root, capsys)
    [vi_line] = [line for line in err.splitlines() if "units.yml:1:" in line]
    assert f'"{lines[0]}\\n' in vi_line and "…" in vi_line
    assert not any(line in err for line in lines[1:])
    assert len(err) < 1000


@pytest.mark.usefixtures("fixture_today")
def test_a_lone_surrogate_is_refused_with_its_code(tmp_path):
    """libyaml refuses "\\ud800" as a bad escape; PyYAML's own reader lets it through to the schema."""
    source = YamlSource("data/units.yml", {"vi": "a\ud800b", "en": "b"}, {(): 1, ("vi",): 2})
    model, [problem] = parse(source, Text)
    assert model is None
    assert (problem.line, problem.text_en) == (2, message("control_character", code="U+D800")[1])
