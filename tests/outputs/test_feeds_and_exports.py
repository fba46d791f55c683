"""The Atom feed (parsed with a real XML parser) and the JSON/CSV downloads of the fixture plan's
session build: every update and every task comes back out exactly, the CSV opens in Excel (UTF-8
with BOM), entry ids stay the same when the site moves, and every page advertises the feed; who has
reported in each round, in the downloads and, once a round's due day is over, in the feed."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

import pytest
from helpers import FIXTURE_TODAY, SITE_PATH, iter_html
from lxml import etree

from pii_site import load_plan
from pii_site.i18n import urls
from pii_site.model.contract import COLUMNS
from pii_site.model.progress import all_updates
from pii_site.outputs import feeds
from pii_site.outputs.exports import LIST_SEPARATOR, datasets
from pii_site.outputs.feeds import feed_xml

ATOM = "{http://www.w3.org/2005/Atom}"
LANGS = ("vi", "en")


def entries(site, lang):
    root = etree.parse(str(site / lang / "feed.xml")).getroot()  # raises on malformed XML
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


@pytest.mark.parametrize("lang", LANGS)
def test_feed_has_every_update_and_news_post_newest_first(site, site_port, plan, lang):
    address = f"http://127.0.0.1:{site_port}{SITE_PATH}{lang}/"
    root, items = entries(site, lang)
    assert root.findtext(f"{ATOM}title")
    news = [e for e in items if e.find(f"{ATOM}category").get("term") == "news"]
    rounds = [e for e in items if e.find(f"{ATOM}category").get("term") == "reporting-round"]
    # 9 updates in the status files and 5 filled rows of the units' report forms (tests/fixtures/report_forms.py).
    assert len(items) - len(news) - len(rounds) == sum(len(t.progress.updates) for t in plan.tasks) == 14
    assert len(rounds) == 2  # 2026-q2 and 2026-q3, whose due days have passed (test_round_feed: what they say)
    assert len(news) == len(plan.news) > 0
    # Real data (demo: false) carries no demonstration marker (test_progress_site checks the marked feed).
    for entry, post in zip(news, plan.news, strict=True):
        assert entry.findtext(f"{ATOM}title") == getattr(post.title, lang)
        assert entry.find(f"{ATOM}link").get("href") == f"{address}news/{post.slug}/"
    updated = [e.findtext(f"{ATOM}updated") for e in items]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{ATOM}updated") == "2026-11-02T00:00:00+07:00"  # VIII.2's update, after every post
    first = items[0]
    assert first.find(f"{ATOM}link").get("href") == f"{address}{urls.address(urls.task_page('VIII.2'))}#history"
    assert (
        first.findtext(f"{ATOM}title")
        == {"vi": "Nhiệm vụ VIII.2: Chưa triển khai", "en": "Task VIII.2: Not started"}[lang]
    )
    ids = [e.findtext(f"{ATOM}id") for e in items]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)

    # IX.1's newest note (30 Sep) is Vietnamese only; VII.1's (25 Sep) has its English.
    def newest(title: dict[str, str]):
        return next(e for e in items if e.findtext(f"{ATOM}title") == title[lang])

    vi_only = newest({"vi": "Nhiệm vụ IX.1: Thực hiện thường xuyên", "en": "Task IX.1: Ongoing (continuous)"})
    translated = newest({"vi": "Nhiệm vụ VII.1: Hoàn thành, 100%", "en": "Task VII.1: Completed, 100%"})
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    if lang == "en":
        assert vi_only.findtext(f"{ATOM}summary").endswith("(Vietnamese only)")
        assert vi_only.find(f"{ATOM}summary").get(xml_lang) == "vi"
    assert not translated.findtext(f"{ATOM}summary").endswith("(Vietnamese only)")
    assert translated.find(f"{ATOM}summary").get(xml_lang) is None


def test_feed_ids_do_not_change_when_the_site_moves(site, plan):
    # The same plan's feed for another address (feeds.feed_xml is what the build writes) keeps every id.
    for lang in LANGS:
        built = entries(site, lang)[1]
        moved = etree.fromstring(feed_xml(plan, lang, f"https://another.example/x/{lang}/").encode("utf-8")).findall(
            f"{ATOM}entry"
        )
        assert [e.findtext(f"{ATOM}id") for e in built] == [e.findtext(f"{ATOM}id") for e in moved]
        assert all(e.find(f"{ATOM}link").get("href").startswith("https://another.example/x/") for e in moved)
        assert not any(e.find(f"{ATOM}link").get("href").startswith("https://another.example/") for e in built)


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_advertises_its_language_feed(site, site_port, lang):
    for path in iter_html(site / lang):
        tree = etree.parse(str(path), etree.HTMLParser())
        [link] = tree.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]')
        assert link.get("href") == f"http://127.0.0.1:{site_port}{SITE_PATH}{lang}/feed.xml", path


def read_csv(path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def cell(value) -> str:
    """What a CSV cell holds for a JSON value (text that looks like a formula gets an apostrophe)."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@pytest.mark.parametrize("lang", LANGS)
def test_updates_round_trip_through_json_and_csv(site, plan, lang):
    folder = site / lang / "downloads"
    from_json = json.loads((folder / "updates.json").read_text(encoding="utf-8"))["records"]
    from_csv = read_csv(folder / "updates.csv")
    assert list(from_csv[0]) == list(COLUMNS["updates"])
    # An update is named by its task and its position in the task's status file, or, for a row of a unit's
    # report form, by its task, round and unit: 9 of the first kind, 5 of the second.
    expected = {(e.task.id, e.file_index, e.round, e.update.unit): e.update for e in all_updates(plan.tasks)}
    assert len(from_json) == len(from_csv) == len(expected) == 14
    assert sum(record["round"] is not None for record in from_json) == 5
    for record, row in zip(from_json, from_csv, strict=True):
        update = expected[(record["task_id"], record["index"], record["round"], record["unit"])]
        assert record["date"] == update.date.isoformat() and record["status"] == update.status
        assert record["percent"] == update.percent and record["unit"] == update.unit
        assert record["note_vi"] == update.note.vi and record["note_en"] == update.note.en
        assert record["evidence_urls"] == [e.url for e in update.evidence if e.url]
        assert [d.split(" | ")[0] for d in record["evidence_documents"]] == [
            e.number for e in update.evidence if e.number
        ]
        for column in COLUMNS["updates"]:
            value = record[column]
            assert row[column] == (LIST_SEPARATOR.join(value) if isinstance(value, list) else cell(value)), column


@pytest.mark.parametrize("lang", LANGS)
def test_tasks_and_units_round_trip(site, plan, lang):
    folder = site / lang / "downloads"
    tasks = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))["records"]
    rows = read_csv(folder / "tasks.csv")
    assert [r["id"] for r in tasks] == [r["id"] for r in rows] == [t.id for t in plan.tasks]
    for record, row, task in zip(tasks, rows, plan.tasks, strict=True):
        assert record["text_vi"] == row["text_vi"] == task.text.vi
        assert record["text_en"] == row["text_en"] == task.text.en
        assert record["lead"] == [u.id for u in task.lead] and row["lead"] == LIST_SEPARATOR.join(record["lead"])
        assert record["status"] == row["status"] == task.progress.status
        assert record["percent"] == task.progress.percent and row["percent"] == cell(task.progress.percent)
        assert record["overdue"] == task.progress.overdue and row["overdue"] == cell(task.progress.overdue)
    products = next(r for r in rows if r["id"] == "VII.2")
    assert (products["baseline"], products["target"], products["latest"], products["measure_unit_vi"]) == (
        "0",
        "2",
        "1",
        "sản phẩm",
    )
    target_only = next(r for r in rows if r["id"] == "IX.1")
    assert (target_only["baseline"], target_only["target"], target_only["latest"]) == ("", "40", "")
    units = read_csv(folder / "units.csv")
    assert [u["id"] for u in units] == [u.id for u in plan.units]
    assert {u["name_vi"] for u in units} == {u.name.vi for u in plan.units}


@pytest.mark.parametrize("lang", LANGS)
def test_submissions_say_where_each_lead_unit_stands_in_each_round_so_far(site, lang):
    """downloads/submissions.json and .csv (contract 1.1.0): every unit that owes a form, in every round
    up to the current one, with the round's dates, its standing, the form's date, file and tasks."""
    folder = site / lang / "downloads"
    records = json.loads((folder / "submissions.json").read_text(encoding="utf-8"))["records"]
    rows = read_csv(folder / "submissions.csv")
    assert list(rows[0]) == list(COLUMNS["submissions"])
    standing = {(r["round"], r["unit"]): r["state"] for r in records}
    assert standing == {
        ("2026-q2", "to-cong-tac-doi-moi"): "on-time",
        ("2026-q2", "ban-kinh-te-nong-nghiep"): "missing",
        ("2026-q2", "hop-tac-xa-song-may"): "missing",
        ("2026-q3", "to-cong-tac-doi-moi"): "missing",
        ("2026-q3", "ban-kinh-te-nong-nghiep"): "on-time",
        ("2026-q3", "hop-tac-xa-song-may"): "late",
        # The current round: not due yet, nobody has sent it. 2027's rounds, had there been any, are not listed.
        ("2026-q4", "to-cong-tac-doi-moi"): "not-yet",
        ("2026-q4", "ban-kinh-te-nong-nghiep"): "not-yet",
        ("2026-q4", "hop-tac-xa-song-may"): "not-yet",
    }
    late = next(r for r in records if r["state"] == "late")
    assert late == {
        "round": "2026-q3",
        "round_name_vi": "Quý III/2026",
        "round_name_en": "Third quarter of 2026",
        "period_start": "2026-07-01",
        "period_end": "2026-09-30",
        "due": "2026-10-05",
        "unit": "hop-tac-xa-song-may",
        "state": "late",
        "report_date": "2026-10-12",
        "file": "data/reports/2026-q3/hop-tac-xa-song-may.xlsx",
        "tasks": ["VII.2", "IX.1"],
    }
    missing = next(r for r in records if r["state"] == "missing")
    assert (missing["report_date"], missing["file"], missing["tasks"]) == (None, None, [])
    for record, row in zip(records, rows, strict=True):
        for column in COLUMNS["submissions"]:
            value = record[column]
            assert row[column] == (LIST_SEPARATOR.join(value) if isinstance(value, list) else cell(value)), column


def test_without_rounds_the_submissions_are_an_empty_dataset(data_copy):
    data_copy.without_reporting()
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    assert datasets(plan)["submissions"] == []


def round_entries(site, lang) -> list:
    _, items = entries(site, lang)
    return [e for e in items if e.find(f"{ATOM}category").get("term") == "reporting-round"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_feed_says_when_a_rounds_due_day_has_passed_and_who_had_reported(site, site_port, lang):
    found = round_entries(site, lang)
    # 2026-q2 and 2026-q3 are past their due days; 2026-q4 is due on 5 January 2027, after FIXTURE_TODAY.
    assert [e.findtext(f"{ATOM}title") for e in found] == {
        "vi": [
            "Hạn báo cáo Quý III/2026 đã qua: 2 trong 3 đơn vị đã báo cáo",
            "Hạn báo cáo Quý II/2026 đã qua: 1 trong 3 đơn vị đã báo cáo",
        ],
        "en": [
            "Reporting deadline passed, Third quarter of 2026: 2 of 3 units reported",
            "Reporting deadline passed, Second quarter of 2026: 1 of 3 units reported",
        ],
    }[lang]
    third, second = found
    # Published when the due day ended in the commune; the third quarter's updated by its late form.
    assert third.findtext(f"{ATOM}published") == "2026-10-05T23:59:59+07:00"
    assert third.findtext(f"{ATOM}updated") == "2026-10-12T00:00:00+07:00"
    assert second.findtext(f"{ATOM}published") == second.findtext(f"{ATOM}updated") == "2026-07-05T23:59:59+07:00"
    assert (
        third.findtext(f"{ATOM}summary")
        == {
            "vi": "Đúng hạn: Ban Kinh tế – Nông nghiệp. Trễ hạn: Hợp tác xã Dịch vụ Nông nghiệp Sông Mây. "
            "Quá hạn, chưa gửi: Tổ công tác liên ngành về chuyển đổi số, đổi mới sáng tạo và hỗ trợ khởi nghiệp "
            "của Ủy ban nhân dân xã Sông Mây.",
            "en": "On time: Economy and Agriculture Board. Late: Sông Mây Agricultural Services Cooperative. "
            "Past due, not sent: Inter-sector Working Group on Digital Transformation, Innovation and Start-up "
            "Support of the Sông Mây Commune People's Committee.",
        }[lang]
    )
    address = f"http://127.0.0.1:{site_port}{SITE_PATH}{lang}/"
    assert third.find(f"{ATOM}link").get("href") == f"{address}{urls.address(urls.PROGRESS)}#forms"


def test_a_rounds_entry_comes_once_its_due_day_is_over_and_keeps_its_id(plan):
    """On the due day itself units still report on time, so the deadline has not passed; from the next
    day on the entry is there, and a late form changes its count, not its id."""
    q3 = plan.reporting.round("2026-q3")
    title = "Reporting deadline passed, Third quarter of 2026"

    def round_entry(today: str, submissions=plan.reporting.submissions):
        reporting = dataclasses.replace(plan.reporting, today=dt.date.fromisoformat(today), submissions=submissions)
        root = etree.fromstring(feeds.feed_xml(dataclasses.replace(plan, reporting=reporting), "en", "").encode())
        return next((e for e in root.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title").startswith(title)), None)

    on_time_only = tuple(
        s for s in plan.reporting.submissions if s.round_id != "2026-q3" or s.unit.id != "hop-tac-xa-song-may"
    )
    assert round_entry(q3.due.isoformat(), on_time_only) is None
    before_late_form = round_entry("2026-10-06", on_time_only)
    assert before_late_form.findtext(f"{ATOM}title") == f"{title}: 1 of 3 units reported"
    after = round_entry(FIXTURE_TODAY)
    assert after.findtext(f"{ATOM}title") == f"{title}: 2 of 3 units reported"
    assert after.findtext(f"{ATOM}id") == before_late_form.findtext(f"{ATOM}id")


def test_without_rounds_the_feed_has_no_deadline_entry(data_copy):
    data_copy.without_reporting()
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    for lang in LANGS:
        root = etree.fromstring(feeds.feed_xml(plan, lang, "").encode())
        terms = {e.get("term") for e in root.iter(f"{ATOM}category")}
        assert terms and "reporting-round" not in terms


@pytest.mark.parametrize("lang", LANGS)
def test_data_dictionary_describes_every_column(page, lang):
    page = page(lang, "progress/data/")
    described = page.xpath("//article//table//td[1]/code/text()")
    assert described == [c for columns in COLUMNS.values() for c in columns]
    assert all(cell.text_content().strip() for cell in page.xpath("//article//table//td[2]"))


def test_csv_cells_that_look_like_formulas_are_kept_as_text(tmp_path):
    from pii_site.outputs.exports import to_csv

    hostile = ['=HYPERLINK("http://evil.example/","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "plain"]
    rows = [{"note": text, "percent": -5} for text in hostile]
    path = tmp_path / "x.csv"
    path.write_bytes(to_csv(rows, ("note", "percent")))
    cells = [row["note"] for row in read_csv(path)]
    assert cells == ["'" + text for text in hostile[:4]] + ["plain"]
    assert {row["percent"] for row in read_csv(path)} == {"-5"}  # numbers stay numbers


def test_every_row_has_exactly_the_contract_columns_and_types(plan):
    # The columns are declared once, as the contract's record models; a row that adds, drops or
    # misspells a column, or holds a value of another type, would change the published files unseen.
    from pii_site.model.contract import RECORDS

    for dataset, rows in datasets(plan).items():
        assert rows, dataset
        assert [list(row) for row in rows if tuple(row) != COLUMNS[dataset]] == [], dataset
        for row in rows:
            RECORDS[dataset].model_validate_json(json.dumps(row), strict=True)  # as a reader of the JSON file
