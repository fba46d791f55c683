"""The built site, both languages, from the fixture plan (tests/fixtures/plan, seen from
FIXTURE_TODAY): every page exists with the right text, links and language, and each language's
search index holds only its own pages. Expectations come from the `plan` fixture wherever they can."""

from __future__ import annotations

import calendar
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import FIXTURE_DIR, SITE_PATH, iter_html, task_fields

from pii_site.i18n import Labels, urls

LANGS = ("vi", "en")
# What a reader sees for each status (hooks/pii_site/i18n/labels/progress.yml), written out so that a
# wrong label or a status shown as its code fails.
STATUS_LABELS = {
    "vi": {
        "not-started": "Chưa triển khai",
        "in-progress": "Đang thực hiện",
        "delayed": "Chậm tiến độ",
        "completed": "Hoàn thành",
        "continuous": "Thực hiện thường xuyên",
        "no-update": "Chưa có cập nhật",
    },
    "en": {
        "not-started": "Not started",
        "in-progress": "In progress",
        "delayed": "Delayed",
        "completed": "Completed",
        "continuous": "Ongoing (continuous)",
        "no-update": "No update yet",
    },
}
OVERDUE = {"vi": "Quá hạn", "en": "Overdue"}


def address(source_path: str) -> str:
    """'tasks/i-1.md' -> 'tasks/i-1/' (use_directory_urls)."""
    return source_path.removesuffix(".md").removesuffix("index") + ("/" if not source_path.endswith("index.md") else "")


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_and_material_strings_follow_the_language(page, lang):
    home = page(lang, "")
    assert home.tree.get("lang") == lang
    placeholder = home.xpath('//input[@name="query"]/@placeholder')[0]
    assert placeholder == {"vi": "Tìm kiếm", "en": "Search"}[lang]


def test_root_opens_the_vietnamese_home(site: Path):
    root = (site / "index.html").read_text(encoding="utf-8")
    assert 'url=vi/"' in root and 'href="vi/"' in root


@pytest.mark.parametrize("lang", LANGS)
def test_every_task_page_has_its_text_pillar_and_units(page, plan, lang):
    for task in plan.tasks:
        html = page(lang, address(urls.task_page(task.id)))
        text = html.text()
        assert getattr(task.text, lang) in text
        assert getattr(task.indicator, lang) in text
        assert getattr(task.pillar.name, lang) in text
        links = html.links()
        assert f"../../pillars/{task.pillar.id}/" in links
        for unit in (*task.lead, *task.coordinating):
            assert getattr(unit.name, lang) in text
            assert f"../../units/{unit.id}/" in links


@pytest.mark.parametrize("lang", LANGS)
def test_every_task_page_lists_its_fields_as_one_flat_description_list(page, plan, lang):
    """Each label is followed by its own value: the lead units are never part of the task's text (a
    nested list made the text a label and the lead unit's label run on from it, on every task
    without a note)."""
    label = Labels(lang)
    for task in plan.tasks:
        built = page(lang, address(urls.task_page(task.id)))
        fields, problems = task_fields(built)
        assert problems == [], task.id
        assert [name for name, _ in fields] == [
            label("task.pillar"),
            label("task.indicator"),
            label("task.text"),
            label("table.lead", count=len(task.lead)),
            label("table.coordinating", count=len(task.coordinating)),
        ], task.id
        values = {name: value for name, value in fields}
        text = " ".join(values[label("task.text")].text_content().split())
        assert text.startswith(" ".join(getattr(task.text, lang).split())), task.id
        assert (task.note is not None) == (label("task.note", text="") in text), task.id
        for key, units in (("table.lead", task.lead), ("table.coordinating", task.coordinating)):
            dd = values[label(key, count=len(units))]
            assert dd.xpath(".//a/@href") == [f"../../units/{unit.id}/" for unit in units], task.id
            if not units:
                assert dd.text_content().strip() == label("common.none"), task.id


def test_english_task_pages_are_in_english(page, plan):
    for task in plan.tasks:
        text = page("en", address(urls.task_page(task.id))).text()
        assert task.text.vi not in text
        assert "Specific task" in text and "Lead unit" in text


@pytest.mark.parametrize("lang", LANGS)
def test_every_pillar_page_lists_its_tasks_or_says_it_has_none(page, plan, lang):
    for pillar in plan.pillars:
        html = page(lang, address(urls.pillar_page(pillar.id)))
        tasks = plan.tasks_in(pillar)
        links = html.links()
        for task in tasks:
            assert f"../../tasks/{urls.task_slug(task.id)}/" in links


@pytest.mark.parametrize("lang", LANGS)
def test_every_pillar_page_opens_with_what_the_pillar_is_cited_and_links_to_the_framework(page, plan, lang):
    for pillar in plan.pillars:
        html = page(lang, address(urls.pillar_page(pillar.id)))
        first, second = html.xpath("//article/h1/following-sibling::p[not(@class='pii-print-address')]")[:2]
        opening = " ".join(first.text_content().split())
        subindex = getattr(plan.subindex(pillar.subindex).name, lang)
        assert opening.startswith(Labels(lang)("pillar.in_subindex", subindex=subindex)), pillar.id
        if pillar.measures:
            assert " ".join(getattr(pillar.measures[0].text, lang).split()) in opening, pillar.id
            cited = {href.split("#")[1] for href in first.xpath(".//a/@href") if "pii/sources/" in href}
            assert cited == {urls.source_anchor(source) for source in pillar.measures[0].sources}, pillar.id
        assert second.xpath(".//a/@href") == [f"../../pii/framework/#{pillar.id}"], pillar.id


@pytest.mark.parametrize("lang", LANGS)
def test_a_pillar_without_tasks_says_so(page, plan, lang):
    # The fixture sets no task under its pillar 3 (ket-noi-so); next() fails if that edge case goes.
    pillar = next(p for p in plan.pillars if not plan.tasks_in(p))
    expected = {
        "vi": f"Kế hoạch này không có nhiệm vụ nào thuộc trụ cột {pillar.name.vi}.",
        "en": f"This plan has no task under the {pillar.name.en} pillar.",
    }[lang]
    assert expected in page(lang, address(urls.pillar_page(pillar.id))).text()


@pytest.mark.parametrize("lang", LANGS)
def test_every_unit_page_has_duties_and_tasks(page, plan, lang):
    for unit in plan.units:
        html = page(lang, address(urls.unit_page(unit.id)))
        text = html.text()
        # The description is the site's paraphrase, so it says so.
        label = {"vi": "Tóm tắt của trang này: ", "en": "Summary by this site: "}[lang]
        assert label + " ".join(getattr(unit.description, lang).split()) in text
        for duty in plan.duties_of(unit):
            assert getattr(duty.text, lang) in text
        links = html.links()
        for task in plan.tasks_led_by(unit) + plan.tasks_coordinated_by(unit):
            assert f"../../tasks/{urls.task_slug(task.id)}/" in links


@pytest.mark.parametrize("lang", LANGS)
def test_tasks_table_lists_every_task_with_its_status(page, plan, lang):
    html = page(lang, "tasks/")
    rows = html.xpath("//article//table/tbody/tr")
    # Each task by its code and short name together.
    named = [f"{t.id}: {getattr(t.indicator, lang)}" for t in plan.tasks]
    assert [" ".join(row.xpath("string(td[1])").split()) for row in rows] == named
    shown = [" ".join(row.xpath("string(td[last()])").split()) for row in rows]
    expected = [
        " ".join(
            [STATUS_LABELS[lang][t.progress.status]]
            + ([f"{t.progress.completion}%"] if t.progress.completion is not None else [])
            + ([OVERDUE[lang]] if t.progress.overdue else [])
        )
        for t in plan.tasks
    ]
    assert shown == expected
    # The fixture holds every status, so every label is checked.
    assert {t.progress.status for t in plan.tasks} == set(STATUS_LABELS[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_plan_page_has_every_section_duty_task_and_the_signatory(page, plan, lang):
    text = page(lang, "plan/").text()
    doc = plan.document
    for item in (doc.purpose, *doc.requirements, *doc.objectives, doc.closing, *doc.recipients, *doc.preamble):
        assert getattr(item, lang) in text
    for duty in plan.duties:
        assert getattr(duty.text, lang) in text
    for task in plan.tasks:
        assert getattr(task.text, lang) in text
    assert doc.signatory.name in text


def test_unknown_plan_number_and_day_are_said_to_be_unknown(page, plan):
    doc = plan.document
    assert doc.number is None and doc.date.day is None
    vi, en = page("vi", "plan/").text(), page("en", "plan/").text()
    assert f"Số: …/{doc.symbol} (bản gốc để trống số văn bản)" in vi
    assert f"No. …/{doc.symbol} (the number is blank in the source)" in en
    assert f"Ngày ban hành: tháng {doc.date.month:02d} năm {doc.date.year} (không ghi ngày)" in vi
    assert f"Date of issue: {calendar.month_name[doc.date.month]} {doc.date.year} (day not given)" in en


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_points_to_the_same_page_in_the_other_language(page, plan, site_port, lang):
    other = "en" if lang == "vi" else "vi"
    task_address = address(urls.task_page(plan.tasks[-1].id))
    html = page(lang, task_address)
    alternates = {a.get("hreflang"): a.get("href") for a in html.xpath('//link[@rel="alternate"][@hreflang]')}
    assert alternates[other] == f"http://127.0.0.1:{site_port}{SITE_PATH}{other}/"
    # Material's "stay on page" switch finds the same address in the other language's sitemap.
    sitemap = (page(other, "").path.parent / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITE_PATH}{other}/{task_address}</loc>" in sitemap


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_holds_only_its_own_language(site: Path, plan, lang):
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    other = "en" if lang == "vi" else "vi"
    for task in plan.tasks:
        assert getattr(task.indicator, lang) in text
        assert getattr(task.text, other) not in text


def test_no_request_goes_to_another_host(site: Path, site_port: int):
    own = f"127.0.0.1:{site_port}"
    outside = []
    for path in iter_html(site):
        html = path.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"', html):
            host = urlsplit(url).netloc
            if host and host != own and 'rel="alternate"' not in url:
                outside.append((path.name, url))
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert outside == []


@pytest.mark.parametrize("lang", LANGS)
def test_units_page_does_not_claim_every_unit_has_both_kinds_of_work(page, plan, lang):
    # Some units have no section IV duty, others no appendix task: the lead must allow either.
    assert any(not plan.duties_of(u) for u in plan.units)
    assert any(not (plan.tasks_led_by(u) or plan.tasks_coordinated_by(u)) for u in plan.units)
    expected = {
        "vi": f"Kế hoạch giao việc cho {len(plan.units)} đơn vị: nhiệm vụ ở mục IV, chủ trì hoặc phối hợp nhiệm vụ trong phụ lục, hoặc cả hai.",
        "en": f"The plan gives work to {len(plan.units)} units: duties in section IV, tasks in the appendix (as lead or coordinating unit), or both.",
    }[lang]
    assert expected in page(lang, "units/").text()


@pytest.mark.parametrize("lang", LANGS)
def test_units_page_counts_only_units_that_have_tasks_as_doing_them(page, plan, lang):
    text = page(lang, "units/").text()
    with_tasks = [u for u in plan.units if plan.tasks_led_by(u) or plan.tasks_coordinated_by(u)]
    assert len(with_tasks) < len(plan.units)  # the library (thu-vien-xa) has duties but no appendix task
    expected = {
        "vi": f"{len(with_tasks)} đơn vị chủ trì hoặc phối hợp nhiệm vụ trong phụ lục",
        "en": f"{len(with_tasks)} of these units lead or coordinate appendix tasks",
    }[lang]
    assert expected in text


@pytest.mark.parametrize("lang", LANGS)
def test_task_without_update_says_so_once(page, plan, lang):
    # Both ways of having no update: no status file (VIII.3) and "updates:" with nothing under it (IX.2).
    tasks = [t for t in plan.tasks if t.progress.latest is None]
    assert {(FIXTURE_DIR / "status" / f"{t.id}.yml").is_file() for t in tasks} == {True, False}
    for task in tasks:
        text = page(lang, address(urls.task_page(task.id))).text()
        assert text.count(STATUS_LABELS[lang]["no-update"]) == 1
