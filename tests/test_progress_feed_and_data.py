"""The Atom feed (parsed with a real XML parser) and the JSON/CSV downloads: every update and
every task comes back out exactly, the CSV opens in Excel (UTF-8 with BOM), entry ids stay the same
when the site moves, and every page advertises the feed."""

from __future__ import annotations

import csv
import io
import json

import pytest
from lxml import etree

from conftest import DEMO_DIR, DEMO_TODAY, build_into, iter_html
from pii_site.exports import COLUMNS, LIST_SEPARATOR

ATOM = "{http://www.w3.org/2005/Atom}"
LANGS = ("vi", "en")


def entries(site, lang):
    root = etree.parse(str(site / lang / "feed.xml")).getroot()  # raises on malformed XML
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


@pytest.mark.parametrize("lang", LANGS)
def test_feed_has_every_update_newest_first(demo_site, demo_plan, lang):
    root, items = entries(demo_site, lang)
    news = [e for e in items if e.find(f"{ATOM}category").get("term") == "news"]
    assert len(items) - len(news) == sum(len(t.progress.updates) for t in demo_plan.tasks) == 19
    assert len(news) == len(demo_plan.news) > 0
    # Demonstration data says so in the feed too, where the site's notice is not shown.
    marker = {"vi": "[Minh họa] ", "en": "[Demonstration] "}[lang]
    assert root.findtext(f"{ATOM}title").startswith(marker)
    assert all(e.findtext(f"{ATOM}title").startswith(marker) for e in items)
    for entry, post in zip(news, demo_plan.news):
        assert entry.findtext(f"{ATOM}title") == marker + getattr(post.title, lang)
        assert entry.find(f"{ATOM}link").get("href") == f"https://example.org/pii/{lang}/news/{post.slug}/"
    updated = [e.findtext(f"{ATOM}updated") for e in items]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{ATOM}updated") == "2026-10-30T00:00:00+07:00"
    first = items[0]
    assert first.find(f"{ATOM}link").get("href") == f"https://example.org/pii/{lang}/tasks/i-3/#history"
    assert first.findtext(f"{ATOM}title") == marker + {"vi": "Nhiệm vụ I.3: Đang thực hiện, 70%", "en": "Task I.3: In progress, 70%"}[lang]
    ids = [e.findtext(f"{ATOM}id") for e in items]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    if lang == "en":
        assert first.findtext(f"{ATOM}summary").endswith("(Vietnamese only)")
        assert first.find(f"{ATOM}summary").get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"


def test_feed_ids_do_not_change_when_the_site_moves(demo_site, tmp_path):
    moved = build_into(tmp_path / "site", DEMO_DIR, "https://another.example/x/", today=DEMO_TODAY)
    for lang in LANGS:
        before = [e.findtext(f"{ATOM}id") for e in entries(demo_site, lang)[1]]
        after = [e.findtext(f"{ATOM}id") for e in entries(moved, lang)[1]]
        assert before == after


def test_real_feed_is_valid_with_one_entry_per_update(site, plan):
    for lang in LANGS:
        root, items = entries(site, lang)
        assert len(items) == sum(len(t.progress.updates) for t in plan.tasks) + len(plan.news)
        assert root.findtext(f"{ATOM}title") and root.findtext(f"{ATOM}updated")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_advertises_its_language_feed(demo_site, lang):
    for path in iter_html(demo_site / lang):
        tree = etree.parse(str(path), etree.HTMLParser())
        [link] = tree.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]')
        assert link.get("href") == f"https://example.org/pii/{lang}/feed.xml", path


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
def test_updates_round_trip_through_json_and_csv(demo_site, demo_plan, lang):
    folder = demo_site / lang / "downloads"
    from_json = json.loads((folder / "updates.json").read_text(encoding="utf-8"))
    from_csv = read_csv(folder / "updates.csv")
    assert list(from_csv[0]) == list(COLUMNS["updates"])
    expected = {
        (t.id, i): u for t in demo_plan.tasks for i, u in enumerate(t.progress.updates)
    }
    assert len(from_json) == len(from_csv) == len(expected) == 19
    for record, row in zip(from_json, from_csv):
        update = expected[(record["task_id"], record["index"])]
        assert record["date"] == update.date.isoformat() and record["status"] == update.status
        assert record["percent"] == update.percent and record["unit"] == update.unit
        assert record["note_vi"] == update.note.vi and record["note_en"] == update.note.en
        assert record["evidence_urls"] == [e.url for e in update.evidence if e.url]
        assert [d.split(" | ")[0] for d in record["evidence_documents"]] == [e.number for e in update.evidence if e.number]
        for column in COLUMNS["updates"]:
            value = record[column]
            assert row[column] == (LIST_SEPARATOR.join(value) if isinstance(value, list) else cell(value)), column


@pytest.mark.parametrize("lang", LANGS)
def test_tasks_and_units_round_trip(demo_site, demo_plan, lang):
    folder = demo_site / lang / "downloads"
    tasks = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))
    rows = read_csv(folder / "tasks.csv")
    assert [r["id"] for r in tasks] == [r["id"] for r in rows] == [t.id for t in demo_plan.tasks]
    for record, row, task in zip(tasks, rows, demo_plan.tasks):
        assert record["text_vi"] == row["text_vi"] == task.text.vi
        assert record["text_en"] == row["text_en"] == task.text.en
        assert record["lead"] == [u.id for u in task.lead] and row["lead"] == LIST_SEPARATOR.join(record["lead"])
        assert record["status"] == row["status"] == task.progress.status
        assert record["percent"] == task.progress.percent and row["percent"] == cell(task.progress.percent)
        assert record["overdue"] == task.progress.overdue and row["overdue"] == cell(task.progress.overdue)
    ocop = next(r for r in rows if r["id"] == "VI.1")
    assert (ocop["baseline"], ocop["target"], ocop["latest"], ocop["measure_unit_vi"]) == ("3", "5", "4", "sản phẩm")
    units = read_csv(folder / "units.csv")
    assert [u["id"] for u in units] == [u.id for u in demo_plan.units]
    assert {u["name_vi"] for u in units} == {u.name.vi for u in demo_plan.units}


@pytest.mark.parametrize("lang", LANGS)
def test_data_dictionary_describes_every_column(demo_page, lang):
    page = demo_page(lang, "progress/data/")
    described = page.xpath("//article//table//td[1]/code/text()")
    assert described == [c for columns in COLUMNS.values() for c in columns]
    assert all(cell.text_content().strip() for cell in page.xpath("//article//table//td[2]"))


def test_csv_cells_that_look_like_formulas_are_kept_as_text(tmp_path):
    from pii_site.exports import to_csv

    hostile = ['=HYPERLINK("http://evil.example/","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "plain"]
    rows = [{"note": text, "percent": -5} for text in hostile]
    path = tmp_path / "x.csv"
    path.write_bytes(to_csv(rows, ("note", "percent")))
    cells = [row["note"] for row in read_csv(path)]
    assert cells == ["'" + text for text in hostile[:4]] + ["plain"]
    assert {row["percent"] for row in read_csv(path)} == {"-5"}  # numbers stay numbers
