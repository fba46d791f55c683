"""The Atom feed (parsed with a real XML parser) and the JSON/CSV downloads of the fixture plan's
session build: every update and every task comes back out exactly, the CSV opens in Excel (UTF-8
with BOM), entry ids stay the same when the site moves, and every page advertises the feed."""

from __future__ import annotations

import csv
import io
import json

import pytest
from helpers import SITE_PATH, iter_html
from lxml import etree

from pii_site.i18n import urls
from pii_site.model.progress import all_updates
from pii_site.outputs.exports import COLUMNS, LIST_SEPARATOR
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
    # 9 updates in the status files and 5 filled rows of the units' report forms (tests/fixtures/report_forms.py).
    assert len(items) - len(news) == sum(len(t.progress.updates) for t in plan.tasks) == 14
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
