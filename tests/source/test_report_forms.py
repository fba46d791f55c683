"""The units' report forms read as data (pii_site.source.report_forms and form_rows): the fixture
plan's forms (tests/fixtures/report_forms.py: filled by their headings with openpyxl, one saved by
LibreOffice) come back as the people filling them meant, as updates of their tasks tagged with the
round, beside the status files' updates; who reported on time, late or not at all follows; a form is
read once and then taken from the build cache, whose entries are checked before use; and problems
name the file, sheet and cell in every format validate.py writes. Every refusal is in the bad-input
corpus (tests/bad_inputs/report_forms.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from form_filling import DATE, DONE, PERCENT, STATUS, fill
from helpers import FIXTURE_TODAY, DataCopy, load_script

from pii_site import DataError, load_plan
from pii_site.source import build_cache, report_forms, xlsx_reader
from pii_site.source.schema.status import FormUpdate

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)
validate = load_script("validate")


def rows_of(plan, round_id: str, unit_id: str) -> dict[str, FormUpdate]:
    submission = plan.reporting.submission(round_id, unit_id)
    assert submission is not None, f"no form of {unit_id} for {round_id}"
    return {update.task: update for update in submission.updates}


def test_the_fixture_forms_are_current_for_the_fixture_plan():
    # Remake them with tests/fixtures/report_forms.py after changing the fixture's plan identity or tasks.
    plan = load_plan(Path(__file__).parents[1] / "fixtures" / "plan", TODAY)
    assert [(s.round_id, s.unit.id) for s in plan.reporting.submissions] == [
        ("2026-q2", "to-cong-tac-doi-moi"),
        ("2026-q3", "ban-kinh-te-nong-nghiep"),
        ("2026-q3", "hop-tac-xa-song-may"),
    ]


def test_cells_are_read_as_the_person_filling_them_meant(plan):
    on_time = rows_of(plan, "2026-q3", "ban-kinh-te-nong-nghiep")
    assert list(on_time) == ["VII.2", "VIII.2"]  # IX.2's row was left empty: not reported on this time
    products, contest = on_time["VII.2"], on_time["VIII.2"]
    assert (products.status, products.percent, products.date) == ("in-progress", 50, dt.date(2026, 10, 3))
    assert products.note.en == "The prawn crackers' file is submitted to the marketplace; the honey is on trial sale."
    assert [e.url for e in products.evidence] == ["https://example.org/san-may/bao-cao-quy-3"]
    # "chua trien khai" typed without accents; "03/10/2026" kept as text; no percent given.
    assert (contest.status, contest.date, contest.percent, contest.note.en) == (
        "not-started",
        dt.date(2026, 10, 3),
        None,
        None,
    )
    late = rows_of(plan, "2026-q3", "hop-tac-xa-song-may")  # saved by LibreOffice: dates as serial numbers
    assert late["VII.2"].percent == 55  # 0.55 in a cell formatted as a percentage
    assert late["VII.2"].date == dt.date(2026, 10, 12)
    [document] = late["IX.1"].evidence
    assert document.issuer is not None
    assert (document.number, document.date, document.issuer.vi) == (
        "12/BC-HTX",
        dt.date(2026, 9, 27),
        "Hợp tác xã Dịch vụ Nông nghiệp Sông Mây",
    )


def test_two_lead_units_each_report_their_own_row_and_both_show(plan, page):
    reported = [(u.unit, u.round) for u in plan.task("VII.2").progress.updates if isinstance(u, FormUpdate)]
    assert reported == [("ban-kinh-te-nong-nghiep", "2026-q3"), ("hop-tac-xa-song-may", "2026-q3")]
    for lang, round_name in (("vi", "Quý III/2026"), ("en", "Third quarter of 2026")):
        items = page(lang, "tasks/vii-2/").xpath('//div[contains(@class,"pii-timeline")]//li')
        texts = [" ".join(item.text_content().split()) for item in items]
        for unit_id in ("ban-kinh-te-nong-nghiep", "hop-tac-xa-song-may"):
            name = getattr(plan.unit(unit_id).name, lang)
            assert any(name in text and round_name in text for text in texts), (lang, unit_id)
        assert sum(round_name in text for text in texts) == 2  # the status file's updates name no round


def test_form_updates_merge_with_the_status_file_by_date(plan):
    history = plan.task("VIII.1").progress.updates  # status file: 2 April, 20 July; the 2026-q2 form: 30 June
    assert [(u.date, isinstance(u, FormUpdate)) for u in history] == [
        (dt.date(2026, 4, 2), False),
        (dt.date(2026, 6, 30), True),
        (dt.date(2026, 7, 20), False),
    ]
    assert plan.task("VIII.1").progress.stale  # the form's row is older than the file's last update


def test_who_reported_on_time_late_or_not_at_all(plan):
    reporting = plan.reporting
    states = {u.unit.id: u.state for u in reporting.status(reporting.round("2026-q3")).units}
    assert states == {
        "to-cong-tac-doi-moi": "missing",
        "ban-kinh-te-nong-nghiep": "on-time",
        "hop-tac-xa-song-may": "late",
    }
    late = reporting.submission("2026-q3", "hop-tac-xa-song-may")
    assert late is not None and late.report_date == dt.date(2026, 10, 12)  # its latest row, after 5 October
    assert late.file.endswith("reports/2026-q3/hop-tac-xa-song-may.xlsx")


def test_a_form_made_before_the_data_had_rounds_fits_any_round(data_copy: DataCopy):
    from pii_site.outputs.form_writer import form_workbook

    data_copy.drop_forms_of("to-cong-tac-doi-moi")
    plan = load_plan(data_copy.root, TODAY)
    blank = form_workbook(plan, plan.unit("to-cong-tac-doi-moi"), None)
    row = {STATUS: "Đang thực hiện", PERCENT: 10, DATE: dt.date(2026, 11, 20), DONE: "Đã bắt đầu."}
    data_copy.path("reports/2026-q4").mkdir()
    data_copy.path("reports/2026-q4/to-cong-tac-doi-moi.xlsx").write_bytes(fill(blank, {"VIII.3": row}))
    latest = load_plan(data_copy.root, TODAY).task("VIII.3").progress.latest
    assert isinstance(latest, FormUpdate) and latest.round == "2026-q4"


def test_a_corrected_form_replaces_the_one_sent_before(data_copy: DataCopy):
    name = "reports/2026-q3/ban-kinh-te-nong-nghiep.xlsx"
    data_copy.path(name).write_bytes(fill(data_copy.path(name).read_bytes(), {"VII.2": {PERCENT: 52}}))
    plan = load_plan(data_copy.root, TODAY)
    assert rows_of(plan, "2026-q3", "ban-kinh-te-nong-nghiep")["VII.2"].percent == 52
    assert [u.percent for u in plan.task("VII.2").progress.updates if u.unit == "ban-kinh-te-nong-nghiep"] == [52, 65]


def test_a_form_is_read_once_then_taken_from_the_build_cache(data_copy: DataCopy, monkeypatch, tmp_path):
    first = load_plan(data_copy.root, TODAY, cache_dir=tmp_path / "cache")
    entries = sorted((tmp_path / "cache" / "forms").iterdir())
    assert len(entries) == 3  # one per form, named by the file's SHA-256

    def not_again(*_: object) -> None:
        raise AssertionError("an unchanged form was read again")

    monkeypatch.setattr(xlsx_reader, "read_workbook", not_again)
    again = load_plan(data_copy.root, TODAY, cache_dir=tmp_path / "cache")
    assert again.reporting.submissions == first.reporting.submissions


def test_a_cache_entry_is_data_checked_before_use(data_copy: DataCopy, monkeypatch, tmp_path):
    expected = load_plan(data_copy.root, TODAY, cache_dir=tmp_path / "cache").reporting.submissions
    # Entries whose checksum holds but whose content is not what a read workbook looks like (written by
    # another version, or on purpose): each is read from its form again, never trusted.
    for entry, content in zip(
        sorted((tmp_path / "cache" / "forms").iterdir()),
        [b'{"sheet_names": []}', json.dumps({"sheets": "x"}).encode(), b"\xff\xfe not json"],
        strict=True,
    ):
        build_cache.keep(report_forms.READ_FORMS, tmp_path / "cache", entry.name, content)
    assert load_plan(data_copy.root, TODAY, cache_dir=tmp_path / "cache").reporting.submissions == expected
    assert xlsx_reader.from_json(b'{"sheet_names": ["a"], "date1904": "yes", "sheets": []}') is None


def test_a_problem_names_the_sheet_and_cell_in_every_format_validate_writes(
    data_copy: DataCopy, fixture_today, capsys: pytest.CaptureFixture[str]
):
    name = "reports/2026-q3/ban-kinh-te-nong-nghiep.xlsx"
    data_copy.path(name).write_bytes(fill(data_copy.path(name).read_bytes(), {"VII.2": {PERCENT: "khoảng 50"}}))
    file = str(data_copy.path(name))
    assert validate.main(["--data", str(data_copy.root)]) == 1
    assert (
        f'{file} › Báo cáo › E8: nhiệm vụ VII.2, cột "Phần trăm hoàn thành": cần một số nguyên'
        in capsys.readouterr().err
    )
    assert validate.main(["--data", str(data_copy.root), "--format", "github"]) == 1
    [annotation] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::error ")]
    assert "line=" not in annotation  # a workbook has no lines: the place opens the message instead
    assert annotation.split("::")[2].startswith("Báo cáo › E8: nhiệm vụ VII.2")
    assert validate.main(["--data", str(data_copy.root), "--format", "codequality"]) == 1
    [issue] = json.loads(capsys.readouterr().out)
    assert issue["location"] == {"path": file, "lines": {"begin": 1}}
    assert issue["description"].startswith("Báo cáo › E8: ")


def test_every_problem_of_a_form_is_reported_at_once(data_copy: DataCopy):
    name = "reports/2026-q3/ban-kinh-te-nong-nghiep.xlsx"
    spoilt: dict[str, dict[str, object]] = {"VII.2": {PERCENT: 120, STATUS: "Xong"}, "VIII.2": {DATE: "mai"}}
    data_copy.path(name).write_bytes(fill(data_copy.path(name).read_bytes(), spoilt))
    with pytest.raises(DataError) as error:
        load_plan(data_copy.root, TODAY)
    assert [p.place for p in error.value.problems] == ["Báo cáo › D8", "Báo cáo › E8", "Báo cáo › F9"]


def test_a_folder_with_a_form_s_name_is_refused_with_words(data_copy: DataCopy):
    data_copy.path("reports/2026-q3/to-cong-tac-doi-moi.xlsx").mkdir()
    with pytest.raises(DataError) as error:
        load_plan(data_copy.root, TODAY)
    [problem] = error.value.problems
    assert (
        problem.file.endswith("reports/2026-q3/to-cong-tac-doi-moi.xlsx")
        and "to-cong-tac-doi-moi.xlsx" in problem.text_vi
    )


def test_forms_without_reports_folder_or_rounds_leave_the_plan_as_it_was(data_copy: DataCopy):
    import shutil

    shutil.rmtree(data_copy.path("reports"))
    plan = load_plan(data_copy.root, TODAY)
    assert plan.reporting.submissions == () and not any(
        isinstance(u, FormUpdate) for t in plan.tasks for u in t.progress.updates
    )
    assert report_forms.read_reports(data_copy.root, str, _no_rules())[0] == []


def _no_rules() -> report_forms.FormRules:
    return report_forms.FormRules((), "reporting.yml", "units.yml", (), {}, {}, "", {}, TODAY, True, TODAY)
