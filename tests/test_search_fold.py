"""The search index tuning on its own (pii_site.outputs.search_index); the browser tests check real queries."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from pii_site.i18n import Labels
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


def test_the_built_guide_is_searchable_by_its_prose_but_not_its_examples(site: Path):
    index = json.loads((site / "vi" / "search" / "search_index.json").read_text(encoding="utf-8"))
    guide = [document for document in index["docs"] if document["location"].startswith("guide/")]
    assert guide and not [document["location"] for document in guide if "<pre>" in document["text"]]
    assert any("<code>" in document["text"] for document in guide)


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
