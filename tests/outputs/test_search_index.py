"""The search index tuning on its own (pii_site.outputs.search_index); the browser tests check real queries."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from helpers import Page

from pii_site.i18n import Labels, urls
from pii_site.i18n.fold import fold
from pii_site.outputs.search_index import folded_words, improve_search_index


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đổi mới sáng tạo", "Doi moi sang tao"),
        ("đường phố", "duong pho"),
        ("Ban Kinh tế – Nông nghiệp", "Ban Kinh te – Nong nghiep"),
        ("Dịch vụ số mới", "Dich vu so moi"),
        ("Ủy ban nhân dân xã Sông Mây", "Uy ban nhan dan xa Song May"),
        ("ĐỘI NGŨ HƯỚNG DẪN VIÊN", "DOI NGU HUONG DAN VIEN"),
        ("OCAP 3 sao", "OCAP 3 sao"),
    ],
)
def test_fold_removes_every_vietnamese_mark_including_d_with_stroke(text, folded):
    assert fold(text) == folded


def test_folded_words_keep_only_words_that_change_and_ignore_markup():
    assert folded_words("<p>Xem <a href='x'>Lớp học</a> số cho người lớn &amp; OCAP</p>") == "Lop hoc so nguoi lon"


def test_folded_words_hold_each_word_once_whatever_its_case():
    # A page that says "số" forty times needs "so" once to be found by it.
    assert folded_words("<p>Số hóa số liệu; SỐ hóa</p> <li>số</li>") == "So hoa lieu"


def test_index_gets_folded_fields_with_the_boost_of_their_source():
    index = {
        "config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "a/", "title": "Đổi mới", "text": "<p>sáng tạo</p>"},
            {"location": "b/", "title": "Innovation", "text": "plain"},
        ],
    }
    improved = improve_search_index(index)
    assert improved["config"]["fields"]["title_folded"] == {"boost": 1000.0}
    assert improved["config"]["fields"]["text_folded"] == {"boost": 1.0}
    first, second = improved["docs"]
    assert (first["title_folded"], first["text_folded"]) == ("Doi moi", "sang tao")
    assert "title_folded" not in second and "text_folded" not in second


def test_code_blocks_are_left_out_of_the_index_and_inline_code_is_kept():
    text = "<p>Ghi <code>logo</code> vào tệp:</p><pre><code>logo: assets/biểu-trưng.svg\n</code></pre><p>Xong.</p>"
    index = improve_search_index({"docs": [{"location": "guide/", "title": "Hướng dẫn", "text": text}]})
    [document] = index["docs"]
    assert document["text"] == "<p>Ghi <code>logo</code> vào tệp:</p> <p>Xong.</p>"
    assert "bieu" not in document["text_folded"]  # the block's words are not searchable either


def test_a_summarised_page_keeps_each_sections_title_and_opening_paragraph_only():
    index = {
        "docs": [
            {"location": "guide/", "title": "Hướng dẫn", "text": "<p>Dành cho cán bộ.</p> <p>Chi tiết.</p>"},
            {"location": "guide/#a", "title": "Báo cáo bằng Excel", "text": "<p>Mỗi đơn vị.</p><ol><li>Bước</li></ol>"},
            {"location": "guide/#b", "title": "Cách 1", "text": "<ol><li>Mở kho mã nguồn</li></ol>"},
            {"location": "plan/#c", "title": "Kế hoạch", "text": "<p>Một.</p> <p>Hai đoạn.</p>"},
        ]
    }
    intro, section, steps, other = improve_search_index(index, summarised={"guide/"})["docs"]
    assert (intro["text"], section["text"], steps["text"]) == ("<p>Dành cho cán bộ.</p>", "<p>Mỗi đơn vị.</p>", "")
    assert section["title_folded"] == "Bao cao bang" and "buoc" not in section["text_folded"].lower()
    assert "text_folded" not in steps
    assert other["text"] == "<p>Một.</p> <p>Hai đoạn.</p>"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_built_guide_is_found_by_its_headings_and_opening_paragraphs(site: Path, lang):
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    guide = [document for document in index["docs"] if document["location"].startswith("guide/")]
    headings = Page(site / lang / "guide" / "index.html").xpath("//article//*[self::h2 or self::h3]")
    titles = {html.unescape(re.sub(r"<[^>]+>", "", document["title"])) for document in guide}
    assert {" ".join(h.text_content().rstrip("¶").split()) for h in headings} <= titles
    # At most one paragraph each: no code examples, no steps, no generated lists (task codes, unit
    # ids, the units' forms), which the page shows.
    assert [d["location"] for d in guide if d["text"] and not re.fullmatch(r"<p>((?!</p>).)*</p>", d["text"])] == []
    assert any(d["text"] for d in guide)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_reference_lists_are_read_on_their_pages_not_found_by_search(site: Path, plan, lang):
    # The sources' titles and addresses, the open data's columns and the list of the units' form files
    # (a unit's own page keeps its form): each page holding them is still found by its title and lead.
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    shown = (site / lang / "pii" / "sources" / "index.html").read_text(encoding="utf-8")
    for source in plan.reference.sources:
        assert source.url in shown and source.url not in indexed
    assert "pillar_name_vi" in (site / lang / "progress" / "data" / "index.html").read_text(encoding="utf-8")
    assert "pillar_name_vi" not in indexed
    lists = " ".join(d["text"] for d in index["docs"] if not d["location"].startswith("units/"))
    forms = [f"{unit.id}.xlsx" for unit in plan.reporting.reporting_units]
    assert forms and not [form for form in forms if form in lists]
    locations = {d["location"] for d in index["docs"]}
    assert {"pii/sources/", "progress/data/"} <= locations


def _tokens(text: str, separator: str) -> set[str]:
    """The words lunr indexes from `text` (HTML), lowercased, split on the index's own separator."""
    return {word for word in re.split(separator, html.unescape(re.sub(r"<[^>]+>", " ", text)).lower()) if word}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_task_unit_and_pillar_is_found_by_its_name_typed_without_marks(site: Path, plan, lang):
    # What must stay findable whatever is left out of the index: a resident typing a name without
    # diacritics ("phong kinh te") reaches its page, whose title holds every folded word of the name.
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = index["config"]["separator"]
    by_location = {d["location"]: d for d in index["docs"]}
    named = [(urls.task_page(t.id), t.indicator) for t in plan.tasks]
    named += [(urls.unit_page(u.id), u.name) for u in plan.units]
    named += [(urls.pillar_page(p.id), p.name) for p in plan.pillars]
    missing = []
    for page, name in named:
        document = by_location[urls.address(page)]
        found = _tokens(document["title"] + " " + document.get("title_folded", ""), separator)
        if not _tokens(fold(getattr(name, lang)), separator) <= found:
            missing.append((page, getattr(name, lang)))
    assert missing == []


def test_shorter_titles_get_the_higher_boost_and_front_matter_boosts_are_kept():
    index = {
        "config": {},
        "docs": [
            {"location": "a/", "title": "Institutions", "text": ""},
            {"location": "b/", "title": "Legal institutions and security and order", "text": ""},
            {"location": "c/", "title": "Institutions", "text": "", "boost": 2.0},
        ],
    }
    short, long, boosted = improve_search_index(index)["docs"]
    assert short["boost"] > 1.0 > long["boost"]
    assert boosted["boost"] == pytest.approx(2 * short["boost"], rel=1e-3)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_built_index_holds_each_task_name_without_marks(site: Path, plan, lang):
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location = {d["location"]: d for d in index["docs"]}
    assert index["config"]["fields"]["title_folded"] == index["config"]["fields"]["title"]
    with_marks = 0
    for task in plan.tasks:
        document = by_location[f"tasks/{task.id.lower().replace('.', '-')}/"]
        name = getattr(task.indicator, lang)
        if fold(name) != name:
            assert set(folded_words(name).split()) <= set(document["title_folded"].split())
            with_marks += 1
        else:
            # Nothing to fold: the name is searched as written, so every word of it is in the title.
            assert set(name.lower().split()) <= set(document["title"].lower().split()), (name, document["title"])
    assert with_marks > 0 if lang == "vi" else with_marks < len(plan.tasks)


def _page_texts(site: Path, lang: str) -> dict[str, str]:
    """Each page's indexed words (all its sections), as plain text with single spaces, by page address."""
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for document in index["docs"]:
        page = document["location"].split("#")[0]
        pages[page] = (
            pages.get(page, "") + " " + " ".join(html.unescape(re.sub(r"<[^>]+>", " ", document["text"])).split())
        )
    return pages


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_tasks_text_is_indexed_on_its_own_page_and_nowhere_else(site: Path, plan, lang):
    # The plan's appendix, the task tables and the progress lists show it too: a phone would
    # download it once for each of them.
    pages = _page_texts(site, lang)
    for task in plan.tasks:
        words = " ".join((getattr(task.text, lang) or task.text.vi).split())
        same_text = {f"tasks/{t.id.lower().replace('.', '-')}/" for t in plan.tasks if t.text == task.text}
        assert {page for page, text in pages.items() if words in text} == same_text, task.id


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("label_key", ["task.text", "task.reported_by"])
def test_labels_that_every_task_page_repeats_are_shown_but_not_indexed(site: Path, plan, lang, label_key):
    # Searching "lead unit" must not list every task; readers still see the label on the page.
    pages = _page_texts(site, lang)
    label = Labels(lang)(label_key)
    shown = 0
    for task in plan.tasks:
        address = f"tasks/{task.id.lower().replace('.', '-')}/"
        if label in (site / lang / address / "index.html").read_text(encoding="utf-8"):
            shown += 1
            assert label not in pages[address], address
    assert shown > 0


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_update_reports_are_shown_on_their_task_page_but_not_indexed(site: Path, plan, lang):
    # Search finds a task by its own text; every report of every task would be most of what a
    # phone downloads at province scale.
    pages = _page_texts(site, lang)
    checked = 0
    for task in plan.tasks:
        address = f"tasks/{task.id.lower().replace('.', '-')}/"
        page = (site / lang / address / "index.html").read_text(encoding="utf-8")
        shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
        for update in task.progress.history:
            note = " ".join((getattr(update.note, lang) or update.note.vi).split())
            assert note in shown, (task.id, update.date)
            assert note not in pages.get(address, ""), (task.id, update.date)
            checked += 1
    assert checked > 0, "the fixture plan has no update"
