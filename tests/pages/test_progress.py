"""Progress as residents see it: on the progress page, the home, pillar, unit and task pages, in
both languages, from the fixture plan (tests/fixtures/plan, seen from FIXTURE_TODAY, no notice);
and from its hostile copy, which has the demonstration switch on (a notice on every page, a marker
in the feed) and a script typed into a note (tests/hostile_plan.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from helpers import Page, flat, iter_html, section_items
from hostile_plan import HOSTILE_NOTE, NOTE_TASK
from lxml import etree

from pii_site.i18n import Labels, urls
from pii_site.model.progress import PROGRESS_ORDER, Rollup
from pii_site.render.templating import _environment

LANGS = ("vi", "en")
NO_UPDATE = {"vi": "Chưa có cập nhật", "en": "No update yet"}
DEMO_NOTICE = {
    "vi": "Dữ liệu minh họa: tiến độ, tin tức, thông tin liên hệ, biểu trưng và đường dẫn văn bản gốc trên trang này"
    " là giả định để trình diễn, không phải thông tin thật.",
    "en": "Demonstration data: the progress, news, contacts, logo and original-document link on this site are made up"
    " for demonstration and are not real.",
}
DEMO_FEED_MARKER = {"vi": "[Minh họa] ", "en": "[Demonstration] "}
ATOM = "{http://www.w3.org/2005/Atom}"


def task_address(task_id: str) -> str:
    return f"tasks/{urls.task_slug(task_id)}/"


def stacks(element) -> list[tuple[list[tuple[str, int]], str]]:
    """Every bar stacked by status in `element`: its parts (status, width as a count) in order, and the
    counts in words written beside it."""
    found = []
    for stack in element.xpath(".//*[@class='pii-stack']"):
        parts = [
            (part.get("class").split("--")[1], int(part.get("style").removeprefix("flex-grow: ")))
            for part in stack.xpath("./*[@class='pii-stack__bar']/*")
        ]
        found.append((parts, flat(stack.xpath("./*[@class='pii-stack__words']")[0])))
    return found


# The fixture's seven tasks by status, in words (the order: from done to not begun).
ALL_WORDS = {
    "vi": "Trong 7 nhiệm vụ: 1 đã hoàn thành, 1 thực hiện thường xuyên, 1 đang thực hiện, 1 chậm tiến độ, "
    "1 chưa triển khai và 2 chưa có cập nhật.",
    "en": "Of the 7 tasks, 1 is completed, 1 is carried out continuously, 1 is in progress, 1 is delayed, "
    "1 has not started and 2 have no update yet.",
}
ALL_PARTS = [
    ("completed", 1),
    ("continuous", 1),
    ("in-progress", 1),
    ("delayed", 1),
    ("not-started", 1),
    ("no-update", 2),
]


@pytest.mark.parametrize("lang", LANGS)
def test_every_demo_page_says_it_is_demonstration_data(hostile_site, plan, lang):
    pages = [path for path in iter_html(hostile_site / lang) if path.name != "404.html"]
    assert len(pages) > len(plan.tasks) + len(plan.pillars) + len(plan.units) + len(plan.news)
    for path in pages:
        assert DEMO_NOTICE[lang] in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("lang", LANGS)
def test_demonstration_feed_marks_its_title_and_every_entry(hostile_site, lang):
    # In a feed reader the site's notice is not shown, so the feed says it itself.
    root = etree.parse(str(hostile_site / lang / "feed.xml")).getroot()
    entries = root.findall(f"{ATOM}entry")
    assert entries and root.findtext(f"{ATOM}title").startswith(DEMO_FEED_MARKER[lang])
    assert all(e.findtext(f"{ATOM}title").startswith(DEMO_FEED_MARKER[lang]) for e in entries)


def test_real_site_has_no_demo_notice_and_says_no_update_yet_for_unreported_tasks(site, page, plan):
    for lang, words in (("vi", "Dữ liệu minh họa"), ("en", "Demonstration data")):
        for path in iter_html(site / lang):
            assert words not in path.read_text(encoding="utf-8"), path
    unreported = [t for t in plan.tasks if t.progress.status == "no-update"]
    assert unreported
    for lang in LANGS:
        progress = page(lang, "progress/")
        assert progress.xpath("string(//article//p[@class='pii-status-words'])") == ALL_WORDS[lang]
        assert f"{len(unreported)} {Labels(lang)('words.status.no-update', count=2)}" in ALL_WORDS[lang]
        for task in unreported:
            assert NO_UPDATE[lang] in page(lang, task_address(task.id)).text()
        statuses = page(lang, "tasks/").xpath('//article//table//span[contains(@class,"pii-status__label")]/text()')
        assert statuses.count(NO_UPDATE[lang]) == len(unreported)


@pytest.mark.parametrize("lang", LANGS)
def test_progress_page_counts_means_stale_and_overdue(page, plan, lang):
    # Worked out from the fixture's status files (see test_progress_rollup for the arithmetic).
    progress = page(lang, "progress/")
    assert progress.xpath("string(//article//p[@class='pii-status-words'])") == ALL_WORDS[lang]
    text = progress.text()
    assert {"vi": "Trung bình 68,3% theo phần trăm", "en": "68.3% on average"}[lang] in text
    assert {"vi": "3/7 nhiệm vụ", "en": "3 of 7 tasks"}[lang] in text
    assert {"vi": "Dữ liệu cập nhật lần cuối: 02/11/2026.", "en": "Data last updated: 2 November 2026."}[lang] in text
    # A task is named by its code and short name together: "VIII.1: Kỹ năng số của người dân".
    assert [item.split(":")[0] for item in section_items(progress, "stale")] == ["VIII.1"]
    assert [item.split(":")[0] for item in section_items(progress, "overdue")] == ["VII.2"]
    # Recent: the date, then the task; newest first.
    assert [item.split(": ")[1] for item in section_items(progress, "recent")][:3] == ["VIII.2", "VII.2", "IX.1"]
    stale_task = plan.task("VIII.1")
    assert section_items(progress, "stale")[0].startswith(f"VIII.1: {getattr(stale_task.indicator, lang)}")
    # A card per pillar with tasks: its name, a bar stacked by status, the counts in words, the mean.
    cards = progress.xpath('//article//div[contains(@class, "pii-rollups")][preceding::h2[1][@id="by-pillar"]]/ul/li')
    assert len(cards) == len([p for p in plan.pillars if plan.tasks_in(p)])
    foundations = next(card for card in cards if "nen-tang" in card.xpath(".//a/@href")[0])
    assert stacks(foundations) == [
        (
            [("completed", 1), ("in-progress", 1)],
            {
                "vi": "Trong 2 nhiệm vụ: 1 đã hoàn thành và 1 đang thực hiện.",
                "en": "Of the 2 tasks, 1 is completed and 1 is in progress.",
            }[lang],
        )
    ]
    assert {"vi": "82,5%", "en": "82.5%"}[lang] in flat(foundations)
    # No table of nine columns (on a phone, nine-row cards mostly of zeros).
    assert not progress.xpath('//article//table[preceding::h2[1][@id="by-pillar" or @id="by-unit"]]')
    unit_cards = progress.xpath('//article//details//div[contains(@class, "pii-rollups")]/ul/li')
    assert len(unit_cards) == len([u for u in plan.units if plan.tasks_led_by(u)])
    links = progress.links()
    for name in ("tasks", "units", "updates", "submissions"):
        assert f"../downloads/{name}.csv" in links and f"../downloads/{name}.json" in links
    assert "../feed.xml" in links and "data/" in links


@pytest.mark.parametrize("lang", LANGS)
def test_status_is_never_shown_by_colour_alone(page, lang):
    badges = page(lang, "tasks/").xpath('//article//span[contains(@class,"pii-status ")]')
    assert badges
    for badge in badges:
        assert badge.xpath('./svg[@aria-hidden="true"]'), "an icon"
        assert badge.xpath('string(./span[@class="pii-status__label"])').strip(), "and words"


def test_task_page_shows_the_whole_history_newest_first_with_evidence(page):
    html = page("vi", task_address("VII.1"))
    items = html.xpath('//div[contains(@class,"pii-timeline")]//li')
    assert [i.xpath("string(.//strong[1])") for i in items] == ["25/09/2026", "10/04/2026"]
    assert "https://example.org/song-may/bang-diem-csm" in html.links()
    document = page("en", task_address("VII.1")).text()
    assert "Document No. 15/BC-SM of 24 September 2026, Sông Mây Commune People's Committee" in document


def test_english_site_labels_a_note_without_english(page):
    # IX.1: the newest note is Vietnamese only, the oldest one has its English (the row of the unit's form
    # between them cites a document whose issuing body is named in Vietnamese only, as forms give it).
    items = page("en", task_address("IX.1")).xpath('//div[contains(@class,"pii-timeline")]//li')
    newest, older = items[0], items[-1]
    assert newest.xpath('string(.//span[@lang="vi"])').startswith("Đã có 17 phiên chợ")
    assert newest.xpath('string(.//em[@class="pii-vi-only"])') == "(Vietnamese only)"
    assert not older.xpath('.//em[@class="pii-vi-only"]')
    vi = page("vi", task_address("IX.1")).text()
    assert "Vietnamese only" not in vi and "chỉ có tiếng Việt" not in vi


@pytest.mark.parametrize("lang", LANGS)
def test_task_page_shows_indicator_due_date_and_overdue(page, lang):
    products = page(lang, task_address("VII.2")).text()
    expected = {
        "vi": [
            "Giá trị xuất phát 0 sản phẩm 01/01/2026",
            "Chỉ tiêu 2 sản phẩm 31/10/2026",
            "Giá trị mới nhất 1 sản phẩm 15/10/2026",
        ],
        "en": [
            "Baseline 0 products 1 January 2026",
            "Target 2 products 31 October 2026",
            "Latest value 1 products 15 October 2026",
        ],
    }[lang]
    for row in expected:
        assert row in products
    late = {"vi": "Đã quá hạn 31/10/2026 mà chưa báo cáo hoàn thành.", "en": "Past its due date of 31 October 2026"}[
        lang
    ]
    assert late in products
    # IX.1's indicator has a target only; it is continuous, so its past due date is not "late".
    market = page(lang, task_address("IX.1")).text()
    assert {"vi": "Giá trị mới nhất chưa rõ", "en": "Latest value unknown"}[lang] in market
    assert {"vi": "Đã quá hạn", "en": "Past its due date"}[lang] not in market


@pytest.mark.parametrize("lang", LANGS)
def test_home_pillar_and_unit_pages_show_progress(page, lang):
    # The home page's tally is a sentence, beside a bar stacked by status.
    [home] = page(lang, "").xpath("//article//p[contains(@class, 'pii-home-progress')]")
    assert stacks(home) == [(ALL_PARTS, ALL_WORDS[lang])]
    skills = page(lang, "pillars/nhan-luc/")
    assert (
        stacks(skills.tree)[0][1]
        == {
            "vi": "Trong 3 nhiệm vụ: 1 chậm tiến độ, 1 chưa triển khai và 1 chưa có cập nhật.",
            "en": "Of the 3 tasks, 1 is delayed, 1 has not started and 1 has no update yet.",
        }[lang]
    )
    cooperative = page(lang, "units/hop-tac-xa-song-may/")
    assert stacks(cooperative.tree)[0] == (
        [("continuous", 1), ("in-progress", 1)],
        {
            "vi": "Trong 2 nhiệm vụ: 1 thực hiện thường xuyên và 1 đang thực hiện.",
            "en": "Of the 2 tasks, 1 is carried out continuously and 1 is in progress.",
        }[lang],
    )
    assert cooperative.xpath('//article//table//span[@class="pii-status__label"]/text()') == [
        {"vi": "Đang thực hiện", "en": "In progress"}[lang],
        {"vi": "Thực hiện thường xuyên", "en": "Ongoing (continuous)"}[lang],
    ]


def test_a_script_in_a_note_is_shown_not_run(hostile_site):
    html = Page(hostile_site / "vi" / "tasks" / urls.task_slug(NOTE_TASK) / "index.html")
    assert not html.xpath("//article//script") and not html.xpath('//article//a[starts-with(@href,"javascript")]')
    assert HOSTILE_NOTE in html.text()
    feed = (hostile_site / "vi" / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(8)&lt;/script&gt;" in feed and "<script>" not in feed


# The fixture's statuses, as its status files give them: VII.1 completed (last percent 100),
# VII.2 in progress at 65, VIII.1 delayed at 40, VIII.2 not started (no percent), IX.1 continuous
# (no percent); the other tasks have no update.
BAR_VALUE = {"VII.1": "100", "VII.2": "65", "VIII.1": "40"}


def bars(element) -> list[tuple[str, str, str]]:
    """(value, max, the number written beside) of every progress bar in `element`."""
    return [
        (bar.get("value"), bar.get("max"), " ".join(bar.getparent().text_content().split()))
        for bar in element.xpath(".//progress[@aria-label]")
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_a_task_shows_a_bar_only_for_a_share_that_was_reported(page, plan, lang):
    tasks = page(lang, "tasks/")
    rows = {
        row.xpath("./td[1]")[0].text_content().split(":")[0]: row for row in tasks.xpath("//article//table//tbody/tr")
    }
    for task in plan.tasks:
        expected = [(BAR_VALUE[task.id], "100", f"{BAR_VALUE[task.id]}%")] if task.id in BAR_VALUE else []
        assert bars(rows[task.id]) == expected, task.id
        [status] = page(lang, task_address(task.id)).xpath('//h2[@id="progress"]/following-sibling::dl[1]') or [None]
        assert (bars(status) if status is not None else []) == expected, task.id


def test_the_words_beside_a_bar_agree_in_number_in_english(page):
    # One task, two, all in one status, several: the English verb and noun follow the count.
    unit = page("en", urls.address(urls.unit_page("to-cong-tac-doi-moi")))
    assert stacks(unit.tree)[0][1] == "Of the 3 tasks, 1 is completed, 1 is delayed and 1 has no update yet."
    home_cards = {
        card.xpath(".//a/@href")[0].split("/")[-2]: stacks(card)
        for card in page("en", "").xpath("//article//div[contains(@class, 'cards')]/ul/li")
    }
    assert home_cards["nen-tang"][0][1] == "Of the 2 tasks, 1 is completed and 1 is in progress."
    assert home_cards["thanh-qua"][0] == (
        [("continuous", 1), ("no-update", 1)],
        "Of the 2 tasks, 1 is carried out continuously and 1 has no update yet.",
    )


@pytest.mark.parametrize(
    ("statuses", "vi", "en"),
    [
        (["in-progress"], "Nhiệm vụ duy nhất đang thực hiện.", "The only task is in progress."),
        (["no-update"] * 2, "Cả hai nhiệm vụ đều chưa có cập nhật.", "Both tasks have no update yet."),
        (["completed"] * 15, "Cả 15 nhiệm vụ đều đã hoàn thành.", "All 15 tasks are completed."),
        (
            ["not-started", "completed", "not-started"],
            "Trong 3 nhiệm vụ: 1 đã hoàn thành và 2 chưa triển khai.",
            "Of the 3 tasks, 1 is completed and 2 have not started.",
        ),
        ([], "", ""),
    ],
)
def test_the_counts_in_words_read_as_a_sentence_for_any_number_of_tasks(plan, statuses, vi, en):
    tasks = [SimpleNamespace(progress=SimpleNamespace(status=status)) for status in statuses]
    assert [status_words(Rollup(tasks), lang) for lang in LANGS] == [vi, en]


def status_words(rollup: Rollup, lang: str) -> str:
    """The macro every page's stacked bar writes its words with (templates/_progress.md.j2)."""
    template = '{% from "_progress.md.j2" import status_words with context %}{{ status_words(rollup) }}'
    return _environment().from_string(template).render(t=Labels(lang), lang=lang, rollup=rollup)


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_has_a_card_per_pillar_with_a_bar_stacked_by_status_or_no_tasks(page, plan, lang):
    cards = page(lang, "").xpath("//article//div[contains(@class, 'grid') and contains(@class, 'cards')]/ul/li")
    assert len(cards) == len(plan.pillars)
    for pillar, card in zip(plan.pillars, cards, strict=True):
        assert card.xpath(".//a/@href")[0].endswith(urls.address(urls.pillar_page(pillar.id)))
        tasks = plan.tasks_in(pillar)
        counts = plan.rollup(tasks).counts
        expected = [(status, counts[status]) for status in PROGRESS_ORDER if counts[status]]
        assert [parts for parts, _ in stacks(card)] == ([expected] if tasks else [])
        assert all(stack.get("aria-hidden") == "true" for stack in card.xpath(".//*[@class='pii-stack__bar']"))
        if not tasks:
            no_tasks = {
                "vi": "Kế hoạch không giao nhiệm vụ cho trụ cột này.",
                "en": "The plan sets no task under this pillar.",
            }
            assert no_tasks[lang] in card.text_content()
