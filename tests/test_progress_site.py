"""Progress as residents see it: on the progress page, the home, pillar, unit and task pages, in
both languages; from the illustrative data (with its demonstration notice) and from the real plan
(no update yet everywhere, no notice)."""

from __future__ import annotations

import pytest

from conftest import iter_html
from pii_site import urls

LANGS = ("vi", "en")
NO_UPDATE = {"vi": "Chưa có cập nhật", "en": "No update yet"}
DEMO_NOTICE = {
    "vi": "Dữ liệu minh họa: tiến độ trên trang này là giả định để trình diễn, không phải báo cáo thật.",
    "en": "Demonstration data: the progress on this site is made up for demonstration and is not a real report.",
}


def task_address(task_id: str) -> str:
    return f"tasks/{urls.task_slug(task_id)}/"


def section_rows(page, anchor: str) -> list[list[str]]:
    """The rows (cell texts) of the first table after the heading with id `anchor`."""
    table = page.xpath(f'//h2[@id="{anchor}"]/following::table[1]')[0]
    return [[" ".join(c.text_content().split()) for c in row.xpath("./td")] for row in table.xpath(".//tbody/tr")]


@pytest.mark.parametrize("lang", LANGS)
def test_every_demo_page_says_it_is_demonstration_data(demo_site, lang):
    pages = list(iter_html(demo_site / lang))
    assert len(pages) > 30
    for path in pages:
        if path.name == "404.html":
            continue
        assert DEMO_NOTICE[lang] in path.read_text(encoding="utf-8"), path


def test_real_site_has_no_demo_notice_and_says_no_update_yet_for_unreported_tasks(site, page, plan):
    for path in iter_html(site / "vi"):
        assert "Dữ liệu minh họa" not in path.read_text(encoding="utf-8"), path
    unreported = [t for t in plan.tasks if t.progress.status == "no-update"]
    for lang in LANGS:
        progress = page(lang, "progress/")
        assert section_rows(progress, "by-status")[-2] == [NO_UPDATE[lang], str(len(unreported))]
        for task in unreported:
            text = page(lang, task_address(task.id)).text()
            assert NO_UPDATE[lang] in text
        statuses = page(lang, "tasks/").xpath('//article//table//span[contains(@class,"pii-status__label")]/text()')
        assert statuses.count(NO_UPDATE[lang]) == len(unreported)


@pytest.mark.parametrize("lang", LANGS)
def test_progress_page_counts_means_stale_and_overdue(demo_page, lang):
    progress = demo_page(lang, "progress/")
    counts = section_rows(progress, "by-status")
    assert [row[1] for row in counts] == ["2", "5", "1", "1", "3", "3", "15"]
    text = progress.text()
    assert {"vi": "Trung bình 50,6% theo phần trăm", "en": "50.6% on average"}[lang] in text
    assert {"vi": "8/15 nhiệm vụ", "en": "8 of 15 tasks"}[lang] in text
    assert {"vi": "Dữ liệu cập nhật lần cuối: 30/10/2026.", "en": "Data last updated: 30 October 2026."}[lang] in text
    assert [row[0] for row in section_rows(progress, "stale")] == ["I.2", "II.2", "IV.1", "VI.3", "VI.2", "III.1"]
    assert [row[0] for row in section_rows(progress, "overdue")] == ["III.1", "VI.5"]
    assert [row[0] for row in section_rows(progress, "recent")][:3] == ["I.3", "III.2", "VI.1"]
    pillar_rows = {row[0]: row for row in section_rows(progress, "by-pillar")}
    infrastructure = pillar_rows[{"vi": "Cơ sở hạ tầng", "en": "Infrastructure"}[lang]]
    assert infrastructure[1:] == ["3", "0", "1", "1", "0", "0", "1", {"vi": "42,5%", "en": "42.5%"}[lang]]
    links = progress.links()
    for name in ("tasks", "units", "updates"):
        assert f"../downloads/{name}.csv" in links and f"../downloads/{name}.json" in links
    assert "../feed.xml" in links and "data/" in links


@pytest.mark.parametrize("lang", LANGS)
def test_status_is_never_shown_by_colour_alone(demo_page, lang):
    for badge in demo_page(lang, "tasks/").xpath('//article//span[contains(@class,"pii-status ")]'):
        assert badge.xpath('./svg[@aria-hidden="true"]'), "an icon"
        assert badge.xpath('string(./span[@class="pii-status__label"])').strip(), "and words"


def test_task_page_shows_the_whole_history_newest_first_with_evidence(demo_page):
    page = demo_page("vi", task_address("I.3"))
    items = page.xpath('//div[contains(@class,"pii-timeline")]//li')
    assert [i.xpath("string(./strong)") for i in items] == ["30/10/2026", "30/06/2026", "05/03/2026"]
    assert "https://example.org/minh-hoa/khao-sat-hai-long" in page.links()
    document = demo_page("en", task_address("II.1")).text()
    assert "Document No. 98/QĐ-MH of 10 July 2026, Provincial department (illustration)" in document


def test_english_site_labels_a_note_without_english(demo_page):
    items = demo_page("en", task_address("I.3")).xpath('//div[contains(@class,"pii-timeline")]//li')
    newest, older = items[0], items[1]
    assert newest.xpath('string(.//span[@lang="vi"])').startswith("(Minh họa) Rút ngắn thời gian")
    assert newest.xpath('string(.//em[@class="pii-vi-only"])') == "(Vietnamese only)"
    assert not older.xpath('.//em[@class="pii-vi-only"]')
    assert "Vietnamese only" not in demo_page("vi", task_address("I.3")).text()
    assert "chỉ có tiếng Việt" not in demo_page("vi", task_address("I.3")).text()


@pytest.mark.parametrize("lang", LANGS)
def test_task_page_shows_indicator_due_date_and_overdue(demo_page, lang):
    ocop = demo_page(lang, task_address("VI.1")).text()
    expected = {
        "vi": ["Giá trị xuất phát 3 sản phẩm 31/12/2025", "Chỉ tiêu 5 sản phẩm 31/12/2026", "Giá trị mới nhất 4 sản phẩm 30/09/2026"],
        "en": ["Baseline 3 products 31 December 2025", "Target 5 products 31 December 2026", "Latest value 4 products 30 September 2026"],
    }[lang]
    for row in expected:
        assert row in ocop
    poverty = demo_page(lang, task_address("VI.2")).text()
    assert {"vi": "Giá trị mới nhất chưa rõ", "en": "Latest value unknown"}[lang] in poverty
    late = demo_page(lang, task_address("III.1")).text()
    assert {"vi": "Đã quá hạn 30/09/2026 mà chưa báo cáo hoàn thành.", "en": "Past its due date of 30 September 2026"}[lang] in late


@pytest.mark.parametrize("lang", LANGS)
def test_home_pillar_and_unit_pages_show_progress(demo_page, lang):
    summary = {"vi": "12/15 nhiệm vụ đã có báo cáo tiến độ.", "en": "12 of 15 tasks have a progress report."}[lang]
    assert summary in demo_page(lang, "").text()
    pillar = demo_page(lang, "pillars/co-so-ha-tang/").text()
    assert {"vi": "2/3 nhiệm vụ đã có báo cáo", "en": "2 of 3 tasks have a progress report"}[lang] in pillar
    bank = demo_page(lang, "units/ngan-hang-chinh-sach-xa-hoi/")
    assert {"vi": "1/1 nhiệm vụ", "en": "1 of 1 tasks"}[lang] in bank.text()
    assert bank.xpath('//article//table//span[@class="pii-status__label"]/text()') == [
        {"vi": "Đang thực hiện", "en": "In progress"}[lang]
    ]


def test_a_script_in_a_note_is_shown_not_run(tmp_path):
    import shutil

    from conftest import DEMO_DIR, DEMO_TODAY, Page, build_into

    data = tmp_path / "data"
    shutil.copytree(DEMO_DIR, data)
    path = data / "status" / "IV.1.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Giải ngân vốn vay", "<script>alert(1)</script> [x](javascript:alert(1)) Giải ngân vốn vay"), encoding="utf-8")
    site = build_into(tmp_path / "site", data, today=DEMO_TODAY)
    page = Page(site / "vi" / "tasks" / "iv-1" / "index.html")
    assert not page.xpath("//article//script") and not page.xpath('//article//a[starts-with(@href,"javascript")]')
    assert "<script>alert(1)</script> [x](javascript:alert(1))" in page.text()
    feed = (site / "vi" / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in feed and "<script>" not in feed
