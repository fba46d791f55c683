"""Input that used to stop a script with a traceback (or be accepted and break a page or the feed):
each case now gives file:line and a plain sentence in both languages, and exit status 1."""

from __future__ import annotations

from pathlib import Path

from conftest import DataCopy, load_script
from pii_site.errors import message

validate = load_script("validate")


def refused(data_dir: Path, capsys) -> str:
    """validate.py's complaint about `data_dir` (it must refuse it with status 1)."""
    assert validate.main(["--data", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def expect(err: str, location: str, key: str, **values) -> None:
    vi, en = message(key, **values)
    assert f"{location}: " in err and vi in err and en in err, err


def test_control_character_in_a_quoted_text_is_refused_with_its_line(data_copy: DataCopy, capsys):
    line = data_copy.replace("units.yml", '"Phòng Văn hóa – Xã hội"', '"Phòng Văn hóa\\v– Xã hội"')
    err = refused(data_copy.root, capsys)
    expect(err, f'{data_copy.path("units.yml")}:{line}', "control_character", code="U+000B")
    assert 'trường "name.vi"' in err


def test_tab_and_newline_in_a_text_are_fine(data_copy: DataCopy, capsys):
    data_copy.replace("units.yml", '"Phòng Văn hóa – Xã hội"', '"Phòng Văn hóa\\t–\\nXã hội"')
    assert validate.main(["--data", str(data_copy.root)]) == 0


def test_raw_control_character_in_a_file_is_a_plain_message(data_copy: DataCopy, capsys):
    line = data_copy.replace("units.yml", "Phòng Văn hóa – Xã hội", "Phòng Văn hóa\x0b– Xã hội")
    err = refused(data_copy.root, capsys)
    expect(err, f'{data_copy.path("units.yml")}:{line}', "yaml_control_character", code="U+000B")


def test_nul_byte_in_a_file_is_a_plain_message(data_copy: DataCopy, capsys):
    line = data_copy.replace("tasks.yml", "lead:", "lead:\x00")
    err = refused(data_copy.root, capsys)
    expect(err, f'{data_copy.path("tasks.yml")}:{line}', "yaml_control_character", code="U+0000")


def test_an_alias_inside_its_own_anchor_is_a_plain_message(data_copy: DataCopy, capsys):
    path = data_copy.path("status/III.2.yml")
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("updates:")]
    path.write_text(head + "updates: &x [*x]\n", encoding="utf-8")
    line = head.count("\n") + 1
    err = refused(data_copy.root, capsys)
    assert f"{path}:{line}: " in err


def test_thirtieth_of_february_in_the_plan_date_is_refused(data_copy: DataCopy, capsys):
    line = data_copy.replace("plan.yml", "date: {year: 2026, month: 2, day: null}", "date: {year: 2026, month: 2, day: 30}")
    err = refused(data_copy.root, capsys)
    expect(err, f'{data_copy.path("plan.yml")}:{line}', "date_not_a_day", day=30, month=2, year=2026)


def test_a_source_date_with_a_day_but_no_month_is_refused(data_copy: DataCopy, capsys):
    line = data_copy.replace("sources.yml", "date: {year: 2024, month: 8}", "date: {year: 2024, day: 8}")
    err = refused(data_copy.root, capsys)
    expect(err, f'{data_copy.path("sources.yml")}:{line}', "date_day_without_month")


def test_29_february_of_a_leap_year_is_a_real_day(data_copy: DataCopy, capsys):
    data_copy.replace("sources.yml", "date: {year: 2024, month: 8}", "date: {year: 2024, month: 2, day: 29}")
    assert validate.main(["--data", str(data_copy.root)]) == 0
