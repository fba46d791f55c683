"""The reader (issue 11, items 2, 4 and 5): text typed decomposed (NFD, as macOS keyboards give it)
builds the same site as the same text composed (NFC); a file that cannot be read is a plain
problem, whatever the system says; a message never prints more of a file than the value it
locates. Bad data of these kinds is in the corpus (tests/bad_inputs/reader.py); these are the rest.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import unicodedata
from pathlib import Path

import pytest
from helpers import FIXTURE_TODAY, DataCopy, load_script

from pii_site import load_plan
from pii_site.pages import render_site
from pii_site.source.errors import message
from pii_site.source.yaml_source import MAX_DEPTH, read_yaml_text

validate = load_script("validate")
pytestmark = pytest.mark.usefixtures("fixture_today")
TODAY = dt.date.fromisoformat(FIXTURE_TODAY)
NEWS_POST = "news/2026-08-03-lop-hoc-so-khai-giang.md"


def decompose(data: DataCopy, *names: str) -> None:
    for name in names:
        text = data.path(name).read_text(encoding="utf-8")
        assert unicodedata.normalize("NFD", text) != text, f"{name} has nothing to decompose"
        data.path(name).write_text(unicodedata.normalize("NFD", text), encoding="utf-8")


def refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert validate.main(["--data", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


# Decomposed text (NFD)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_plan_typed_decomposed_gives_the_same_pages_with_their_glossary_links(data_copy: DataCopy, plan, lang):
    # tasks.yml alone in NFD: its "Lớp học số" no longer matched glossary.yml's composed spelling,
    # and its names were indexed in a form the search box never sends.
    decompose(data_copy, "tasks.yml", "units.yml", "duties.yml", NEWS_POST)
    pages = {page.path: page.markdown for page in render_site(load_plan(data_copy.root, TODAY), lang)}
    expected = {page.path: page.markdown for page in render_site(plan, lang)}
    assert pages == expected
    # VIII.1's text names the term in both languages (tasks.yml says so).
    assert "(../pii/glossary.md#lop-hoc-so)" in pages["tasks/viii-1.md"]


def test_a_news_post_typed_decomposed_is_read_composed(data_copy: DataCopy, plan):
    decompose(data_copy, NEWS_POST)
    [post] = [p for p in load_plan(data_copy.root, TODAY).news if NEWS_POST.endswith(f"{p.slug}.md")]
    [expected] = [p for p in plan.news if p.slug == post.slug]
    assert (post.title, post.body_vi, post.lead_vi) == (expected.title, expected.body_vi, expected.lead_vi)


def test_a_field_name_typed_decomposed_is_the_same_field_and_a_repeat_of_it_is_found():
    decomposed = unicodedata.normalize("NFD", "tên")
    source, problems = read_yaml_text(f"{decomposed}: a\ntên: b\n", "x.yml")
    assert source is not None and source.data == {"tên": "b"} and source.line_of(("tên",)) == 2
    assert problems and problems[0].line == 2
    assert (problems[0].text_vi, problems[0].text_en) == message("yaml_duplicate_key", key="tên")


# Nesting


def test_nesting_up_to_the_bound_is_read_and_one_level_more_is_refused_with_its_line():
    at_bound = "a:\n  b: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2)  # mapping, mapping, lists
    source, problems = read_yaml_text(at_bound, "x.yml")
    assert source is not None and problems == []
    source, problems = read_yaml_text(at_bound.replace("[", "[[", 1).replace("]", "]]", 1), "x.yml", first_line=5)
    assert source is None
    assert [(p.line, p.text_en) for p in problems] == [(6, message("yaml_too_deep", limit=MAX_DEPTH)[1])]


# Entries that cannot be read


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


# No leaks


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


def test_a_long_wrong_value_is_quoted_short_and_on_one_line(data_copy: DataCopy, capsys):
    lines = [f"dòng {n} của một tệp hệ thống không phải dữ liệu" for n in range(200)]
    data_copy.path("units.yml").write_text("|\n" + "".join(f"  {line}\n" for line in lines), encoding="utf-8")
    err = refused(data_copy.root, capsys)
    [vi_line] = [line for line in err.splitlines() if "units.yml:1:" in line]
    assert f'"{lines[0]}\\n' in vi_line and "…" in vi_line
    assert not any(line in err for line in lines[1:])
    assert len(err) < 1000
