"""Input that used to stop a script with a traceback (or be accepted and break a page or the feed):
the scripts' own refusals, the near misses that must stay valid (a tab, 29 February, a hidden file,
a byte order mark), the build's swap and the preview. Bad DATA, refused with file:line, is in the
corpus (tests/bad_inputs/). Each case uses a copy of the fixture plan, seen from FIXTURE_TODAY."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pytest
from helpers import FIXTURE_TODAY, DataCopy, load_script

import pii_build
from pii_site import load_plan
from pii_site.source import news_photos
from pii_site.source.errors import message

validate = load_script("validate")
# The scripts read "today" from PII_TODAY: the fixture plan's day.
pytestmark = pytest.mark.usefixtures("fixture_today")
# A unit name of the fixture plan (units.yml), quoted as it is there.
UNIT_NAME = "Ban Kinh tế – Nông nghiệp"


def test_tab_and_newline_in_a_text_are_fine(data_copy: DataCopy, capsys):
    data_copy.replace("units.yml", f'"{UNIT_NAME}"', '"Ban Kinh tế\\t–\\nNông nghiệp"')
    assert validate.main(["--data", str(data_copy.root)]) == 0


def test_29_february_of_a_leap_year_is_a_real_day(data_copy: DataCopy, capsys):
    data_copy.replace("sources.yml", "date: {year: 2026, month: 1}", "date: {year: 2024, month: 2, day: 29}")
    assert validate.main(["--data", str(data_copy.root)]) == 0


# scripts/add_update.py

add_update = load_script("add_update")


def test_add_update_to_a_file_not_in_utf8_says_so_and_writes_nothing(data_copy: DataCopy, capsys):
    path = data_copy.path("status/VII.2.yml")
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    before = path.read_bytes()
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    vi, en = message("add_update.not_utf8", file=path)
    assert vi in err and en in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_add_update_with_a_data_folder_that_does_not_exist_says_so(tmp_path, capsys):
    missing = tmp_path / "no-such-folder"
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(missing)]) == 1
    vi, en = message("add_update.no_data_folder", folder=missing)
    err = capsys.readouterr().err
    assert vi in err and en in err
    assert not missing.exists()


# A vertical tab (a control character) and U+FFFE (not a character at all), neither allowed in XML.
@pytest.mark.parametrize(("character", "code"), [("\v", "U+000B"), ("\ufffe", "U+FFFE")])
def test_add_update_note_with_a_character_no_page_may_hold_is_refused(data_copy: DataCopy, capsys, character, code):
    path = data_copy.path("status/VII.2.yml")
    before = path.read_bytes()
    arguments = ["VII.2", "--status", "in-progress", "--note", f"a{character}b", "--data", str(data_copy.root)]
    assert add_update.main(arguments) == 1
    vi, en = message("control_character", code=code)
    err = capsys.readouterr().err
    assert f"{path}:" in err and vi in err and en in err
    assert path.read_bytes() == before


def test_add_update_keeps_windows_line_endings_byte_for_byte(data_copy: DataCopy, capsys):
    path = data_copy.path("status/VII.2.yml")
    before = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(before)
    assert (
        add_update.main(
            [
                "VII.2",
                "--status",
                "in-progress",
                "--note",
                "Tiếp tục",
                "--date",
                "2026-11-25",
                "--data",
                str(data_copy.root),
            ]
        )
        == 0
    ), capsys.readouterr().err
    after = path.read_bytes()
    assert after[: len(before)] == before  # cmp: the old bytes are untouched
    added = after[len(before) :]
    assert added and added.count(b"\n") == added.count(b"\r\n")  # the new lines end like the old ones
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    latest = plan.task("VII.2").progress.latest
    assert latest is not None and latest.note.vi == "Tiếp tục"


def test_add_update_to_an_empty_crlf_list_keeps_crlf(data_copy: DataCopy):
    path = data_copy.path("status/IX.2.yml")  # the fixture's task with "updates:" and nothing under it
    path.write_bytes(b"# comment\r\nupdates: []\r\n")
    assert add_update.main(["IX.2", "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 0
    after = path.read_bytes()
    assert after.startswith(b"# comment\r\nupdates:\r\n  - date: ") and after.count(b"\n") == after.count(b"\r\n")


def test_hidden_files_in_the_status_folder_are_fine(data_copy: DataCopy, capsys):
    data_copy.path("status/.gitkeep").write_text("", encoding="utf-8")
    assert validate.main(["--data", str(data_copy.root)]) == 0


# Dates in progress files that describe what has happened cannot be ahead of today.


# hooks/pii_build.py and scripts/build.py

build = load_script("build")


def test_a_failed_swap_puts_the_previous_site_back(tmp_path, monkeypatch):
    site, staging = tmp_path / "site", tmp_path / "site.new"
    site.mkdir()
    (site / "index.html").write_text("old site", encoding="utf-8")
    staging.mkdir()
    (staging / "index.html").write_text("new site", encoding="utf-8")
    real_rename = Path.rename

    def rename(self, target):
        if self == staging:
            raise OSError("disk full")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        pii_build.swap_in(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "old site"


@pytest.mark.site  # builds by itself
def test_build_main_leaves_the_environment_as_it_found_it(data_copy: DataCopy, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("PII_DATA_DIR", raising=False)
    monkeypatch.setenv("PII_SITE_URL", "https://example.org/before/")
    data_copy.replace("tasks.yml", "lead:", "leader:")  # fails fast, before anything is written
    assert (
        build.main(
            [
                "--data",
                str(data_copy.root),
                "--site-url",
                "https://example.org/x/",
                "--site-dir",
                str(tmp_path / "site"),
                "-q",
            ]
        )
        == 1
    )
    assert "PII_DATA_DIR" not in os.environ
    assert os.environ["PII_SITE_URL"] == "https://example.org/before/"
    assert not (tmp_path / "site").exists()


@pytest.mark.site  # builds by itself
def test_build_options_win_over_the_environment_and_name_themselves(data_copy: DataCopy, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PII_TODAY", "not a day")
    monkeypatch.setenv("PII_SITE_CACHE", str(tmp_path / "elsewhere"))
    monkeypatch.setattr(news_photos, "_made", {})  # a process that has resized no photo yet
    common = ["--data", str(data_copy.root), "--site-dir", str(tmp_path / "site"), "-q"]
    assert build.main([*common, "--today", "26/11/2026"]) == 1
    assert "--today must be a date written YYYY-MM-DD, not '26/11/2026'." in capsys.readouterr().err
    assert build.main([*common, "--today", FIXTURE_TODAY, "--cache-dir", str(tmp_path / "cache")]) == 0
    assert (tmp_path / "cache" / "photos").is_dir() and not (tmp_path / "elsewhere").exists()


# scripts/serve.py

serve = load_script("serve")


def test_preview_rebuilds_for_an_edit_made_during_the_first_build(data_copy: DataCopy, tmp_path, monkeypatch):
    builds = []

    def rebuild(self, code_changed=False, newer_change=None):
        builds.append(self.data_dir)
        if len(builds) == 1:  # the office saves a file while the first build runs
            path = data_copy.path("units.yml")
            os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 10))
        return True

    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        if len(builds) > 1 or len(sleeps) > 50:
            raise KeyboardInterrupt

    monkeypatch.setattr(serve.Builder, "rebuild", rebuild)
    monkeypatch.setattr(serve.time, "sleep", sleep)
    assert serve.main(["--port", "0", "--site-dir", str(tmp_path / "site"), "--data", str(data_copy.root)]) == 0
    assert builds == [data_copy.root.resolve()] * 2


def test_preview_watches_the_data_folder_named_by_pii_data_dir(data_copy: DataCopy, monkeypatch):
    monkeypatch.setenv("PII_DATA_DIR", str(data_copy.root))
    assert serve.data_folder(None) == data_copy.root.resolve()
    assert data_copy.path("units.yml").resolve() in serve.snapshot((serve.data_folder(None),))


def test_preview_ignores_a_file_that_vanishes_while_it_looks(data_copy: DataCopy, monkeypatch):
    vanishing = data_copy.path("units.yml.swp")
    vanishing.write_text("", encoding="utf-8")
    real_stat = Path.stat
    looks = []

    def stat(self, *args, **kwargs):
        if self == vanishing:
            looks.append(self)
            if len(looks) > 1:  # listed as a file, then deleted before its time is read
                raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    times = serve.snapshot((data_copy.root,))
    assert vanishing not in times and data_copy.path("units.yml") in times


# Glossary links


def test_glossary_term_links_only_on_word_boundaries_of_the_plain_text():
    from pii_site.pages.glossary_links import GlossaryLinker
    from pii_site.render.templating import escape_markdown

    class Term:
        id, match = "csm", ["CSM"]

    gloss = GlossaryLinker([Term()], lambda term_id: f"g.md#{term_id}")  # type: ignore[list-item]
    assert gloss(escape_markdown("CSM_2026 và x_CSM")) == r"CSM\_2026 và x\_CSM"  # one word each: no link
    assert gloss(escape_markdown("CSM*, CSM.")) == r"[CSM](g.md#csm)\*, [CSM](g.md#csm)\."


def test_a_news_file_saved_with_a_byte_order_mark_is_read(data_copy: DataCopy, plan, capsys):
    for post in data_copy.path("news").glob("*.md"):
        post.write_bytes(b"\xef\xbb\xbf" + post.read_bytes())  # Notepad's "UTF-8 with BOM"
    assert validate.main(["--data", str(data_copy.root)]) == 0, capsys.readouterr().err
    read = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY)).news
    assert [(p.slug, p.date, p.title, p.body_vi) for p in read] == [
        (p.slug, p.date, p.title, p.body_vi) for p in plan.news
    ]
