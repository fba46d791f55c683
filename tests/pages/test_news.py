"""News: staff write one Markdown file per post in <data>/news/; the site lists them newest first
in both languages, shows the latest on the home page, renders their Markdown but never their
HTML, and bad files get a message with file and line. Posts are the fixture plan's
(tests/fixtures/plan/news: every allowed construct, a Vietnamese-only post, a post without
summary), plus one hostile post that the hostile copy holds (tests/hostile_plan.py, HOSTILE_NEWS)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import lxml.html
import pytest
from helpers import FIXTURE_TODAY, PROJECT_DIR, DataCopy, load_script
from hostile_plan import HOSTILE_NEWS
from mkdocs.utils.yaml import yaml_load

from pii_site import DataError, load_plan
from pii_site.pages import render_site
from pii_site.source.news import feed_entries
from pii_site.source.news_body import MARKDOWN_EXTENSIONS

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)
EVERY_CONSTRUCT = "2026-05-12-ngay-hoi-sang-kien"  # English body too
VIETNAMESE_ONLY = "2026-08-03-lop-hoc-so-khai-giang"  # its summary too
NO_SUMMARY = "2026-10-20-san-may"


def article(site: Path, lang: str, address: str):
    path = site / lang / address / "index.html" if address else site / lang / "index.html"
    return lxml.html.fromstring(path.read_bytes()).xpath("//article")[0]


def words(element) -> str:
    """Visible text without the ¶ permalinks MkDocs adds to headings."""
    return " ".join(element.text_content().replace("¶", "").split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_news_list_shows_every_post_newest_first_with_date_and_summary(site: Path, plan, lang):
    page = article(site, lang, "news")
    links = page.xpath(".//h2/a[not(@class='headerlink')]")
    assert [words(h) for h in links] == [getattr(post.title, lang) for post in plan.news]
    assert [a.get("href") for a in links] == [f"{NO_SUMMARY}/", f"{VIETNAMESE_ONLY}/", f"{EVERY_CONSTRUCT}/"]
    text = words(page)
    assert {"vi": "12/05/2026", "en": "12 May 2026"}[lang] in text
    assert {
        "vi": "Hơn 30 sáng kiến của người dân được trưng bày tại Nhà văn hóa xã.",
        "en": "More than 30 residents' initiatives were shown at the Cultural House.",
    }[lang] in text


def test_summary_defaults_to_the_first_paragraph_and_english_list_flags_vietnamese_only(site: Path):
    vi = words(article(site, "vi", "news"))
    assert "Sản phẩm đầu tiên của hợp tác xã đã có mặt trên sàn của tỉnh." in vi
    assert "The cooperative's first product" not in vi
    en = words(article(site, "en", "news"))
    assert "The cooperative's first product is now on the province's marketplace." in en
    assert "Second Digital Classroom course opens 3 August 2026 · in Vietnamese only" in en
    assert "Sông Mây Initiative Day 2026 12 May 2026 · in Vietnamese only" not in en


def test_post_renders_staff_markdown_in_its_language(site: Path):
    vi = article(site, "vi", f"news/{EVERY_CONSTRUCT}")
    assert words(vi.xpath(".//h1")[0]) == "Ngày hội sáng kiến Sông Mây 2026"
    assert [words(h) for h in vi.xpath(".//h2 | .//h3")] == ["Chương trình ngày hội", "Buổi sáng", "Buổi chiều"]
    assert [words(li) for li in vi.xpath(".//ul/li")] == ["Khai mạc", "Trưng bày sản phẩm OCAP"]
    assert [words(li) for li in vi.xpath(".//ol/li")] == ["Thi thuyết trình", "Trao giải"]
    assert vi.xpath(".//strong/text()") == ["sáng kiến"] and "vui vẻ" in vi.xpath(".//p/em/text()")
    assert vi.xpath(".//code/text()") == ["SM-2026"] and vi.xpath(".//hr")
    assert [words(td) for td in vi.xpath(".//table//td")] == ["Nông nghiệp", "14", "Dịch vụ số", "9"]
    assert words(vi.xpath(".//blockquote")[0]) == "Mỗi sáng kiến nhỏ đều đáng được lắng nghe."
    hrefs = vi.xpath(".//a/@href")
    assert {"https://example.org/thu-nghiem/ngay-hoi", "mailto:ngayhoi@example.org", "#chuong-trinh-ngay-hoi"} <= set(
        hrefs
    )
    en = article(site, "en", f"news/{EVERY_CONSTRUCT}")
    assert [words(li) for li in en.xpath(".//ul/li")] == ["Opening", "OCAP product show"]
    assert "https://example.org/thu-nghiem/initiative-day" in en.xpath(".//a/@href")
    assert "Ngày hội" not in words(en)


def test_html_in_a_post_is_shown_as_text_and_never_runs(hostile_site: Path):
    for lang, shown in (
        ("vi", 'Bản tin có chữ <script>alert("news")</script> <b>đậm</b>'),
        ("en", 'A bulletin with <script>alert("news")</script> <b>bold</b>.'),
    ):
        page = article(hostile_site, lang, f"news/{HOSTILE_NEWS}")
        assert shown in words(page)
        assert page.xpath(".//script | .//b | .//*[@onclick]") == []
    assert '{: onclick="alert(2)" }' in words(article(hostile_site, "vi", f"news/{HOSTILE_NEWS}"))


def test_vietnamese_only_post_says_so_on_the_english_site(site: Path):
    text = words(article(site, "en", f"news/{VIETNAMESE_ONLY}"))
    assert "This post is available in Vietnamese only" in text
    assert "Khóa hai của Lớp học số có 22 học viên" in text
    assert "Vietnamese only" not in words(article(site, "vi", f"news/{VIETNAMESE_ONLY}"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_lists_the_three_latest_posts_and_links_to_all(hostile_site: Path, lang):
    home = article(hostile_site, lang, "")
    heading = {"vi": "Tin mới", "en": "Latest news"}[lang]
    assert heading in [words(h) for h in home.xpath(".//h2")]
    links = home.xpath(".//li/a/@href")
    # Four posts: the oldest (the hostile one) is left out.
    assert [link for link in links if link.startswith("news/2")] == [
        f"news/{NO_SUMMARY}/",
        f"news/{VIETNAMESE_ONLY}/",
        f"news/{EVERY_CONSTRUCT}/",
    ]
    assert "news/" in home.xpath(".//p/a/@href")


@pytest.mark.parametrize(("lang", "none"), [("vi", "Chưa có tin nào."), ("en", "No news yet.")])
def test_a_plan_without_news_says_so_and_home_has_no_news_heading(data_copy: DataCopy, plan, page, lang, none):
    # The pages' Markdown as the build hands it to MkDocs; rendering the pages is enough, no build needed.
    heading = f"## {({'vi': 'Tin mới', 'en': 'Latest news'})[lang]}"
    with_news = {generated.path: generated.markdown for generated in render_site(plan, lang)}
    assert heading in with_news["index.md"] and none not in with_news["news/index.md"]
    shutil.rmtree(data_copy.path("news"))
    without = {generated.path: generated.markdown for generated in render_site(load_plan(data_copy.root, TODAY), lang)}
    assert none in without["news/index.md"]
    assert heading not in without["index.md"]
    # The news page stays in the navigation, news or not.
    assert "news" in " ".join(page(lang, "").xpath("//nav//a/@href"))


def test_feed_entries_are_absolute_plain_and_newest_first(plan):
    entries = feed_entries(plan.news, "en", "https://example.org/pii/en/")
    assert [entry.url for entry in entries[:2]] == [
        f"https://example.org/pii/en/news/{NO_SUMMARY}/",
        f"https://example.org/pii/en/news/{VIETNAMESE_ONLY}/",
    ]
    first = entries[0]
    assert (first.title, first.date) == ("Sông Mây melaleuca honey goes on sale online", dt.date(2026, 10, 20))
    assert first.summary == "The cooperative's first product is now on the province's marketplace."
    vi = feed_entries(plan.news, "vi")
    assert vi[1].summary == "Khóa hai có 22 học viên, học tối thứ Ba và thứ Năm."
    assert [entry.summary for entry in vi][2] == "Hơn 30 sáng kiến của người dân được trưng bày tại Nhà văn hóa xã."


def news_problems(data: DataCopy, name: str, text: str) -> list[str]:
    folder = data.path("news")
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_plan(data.root, TODAY)
    return [str(problem) for problem in caught.value.problems]


GOOD = '---\ndate: 2026-04-01\ntitle:\n  vi: "Tin"\n  en: "Post"\n---\nNội dung.\n'


def test_file_name_must_carry_the_date_and_a_short_name(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "Họp ngày 1-4.md", GOOD)
    assert problem.startswith(
        f'{data_copy.path("news/Họp ngày 1-4.md")}: tên tệp tin tức "Họp ngày 1-4.md" phải có dạng'
    )
    assert '(en) the news file name "Họp ngày 1-4.md" must look like YEAR-MONTH-DAY-short-name.md' in problem


def test_missing_english_title_points_at_the_title_line(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "2026-04-01-tin.md", GOOD.replace('  en: "Post"\n', ""))
    assert problem == (
        f'{data_copy.path("news/2026-04-01-tin.md")}:3: trường "title": thiếu bản tiếng Anh (en).\n'
        '    (en) field "title": the English text (en) is missing.'
    )


def test_date_must_match_the_file_name(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "2026-04-02-tin.md", GOOD)
    assert problem.startswith(f"{data_copy.path('news/2026-04-02-tin.md')}:2: ngày 2026-04-01 khác với ngày 2026-04-02")


def test_images_and_script_links_are_refused_with_their_line(data_copy: DataCopy):
    text = GOOD + "\n![ảnh](https://other.example/a.png)\n\n[bấm](javascript:alert(1))\n"
    problems = news_problems(data_copy, "2026-04-01-tin.md", text)
    label = data_copy.path("news/2026-04-01-tin.md")
    # Links are checked before images (news._read_photos).
    assert problems[0].startswith(f'{label}:11: liên kết "javascript:alert(1)" phải là địa chỉ đầy đủ')
    assert problems[1].startswith(f'{label}:9: hình ảnh "https://other.example/a.png" phải là một tệp trong thư mục')


ENGLISH = "\n<!-- en -->\n\n"  # after GOOD's line 7, the English body starts on line 11


@pytest.mark.parametrize(
    ("body", "line", "found"),
    [
        # A reference definition may put its address on the next line.
        ("Xem [tại đây][ref].\n\n[ref]:\n    javascript:alert(4)\n", 11, "javascript:alert(4)"),
        # ... and so may an inline link.
        ("Xem [tại đây](\njavascript:alert(5)).\n", 9, "javascript:alert(5)"),
        # A character reference hides the scheme from a text search; the browser decodes it.
        ("Xem [tại đây](jav&#x61;script:alert(6)).\n", 8, "javascript:alert(6)"),
        (ENGLISH + "See [here][].\n\n[here]:\njavascript:alert(7)\n", 14, "javascript:alert(7)"),
        ("[trang](../tasks/)\n", 8, "../tasks/"),
    ],
)
def test_every_link_markdown_makes_must_be_a_full_safe_address(data_copy: DataCopy, body, line, found):
    [problem] = news_problems(data_copy, "2026-04-01-tin.md", GOOD + body)
    label = data_copy.path("news/2026-04-01-tin.md")
    assert problem.startswith(f'{label}:{line}: liên kết "{found}" phải là địa chỉ đầy đủ')
    assert f'(en) the link "{found}" must be a full address' in problem


def test_same_page_anchors_and_mail_addresses_are_allowed(data_copy: DataCopy):
    folder = data_copy.path("news")
    folder.mkdir(exist_ok=True)
    body = "## Lịch\n\nXem [lịch](#lich), [thư](MAILTO:vp@example.org), [web][w].\n\n[w]:\n  https://example.org/\n"
    (folder / "2026-04-01-tin.md").write_text(GOOD + body, encoding="utf-8")
    post = next(post for post in load_plan(data_copy.root, TODAY).news if post.slug == "2026-04-01-tin")
    assert "[lịch](#lich)" in post.body("vi")


def test_an_image_by_reference_is_refused_on_its_own_line(data_copy: DataCopy):
    text = GOOD + "Ảnh: ![ảnh][h]\n\n[h]: https://other.example/a.png\n"
    [problem] = news_problems(data_copy, "2026-04-01-tin.md", text)
    label = data_copy.path("news/2026-04-01-tin.md")
    assert problem.startswith(f'{label}:8: hình ảnh "https://other.example/a.png" phải là một tệp trong thư mục')


def test_summary_strips_every_markdown_construct_from_the_first_paragraph(data_copy: DataCopy):
    folder = data_copy.path("news")
    folder.mkdir(exist_ok=True)
    body = (
        "## Thông báo\n\nXem [tại đây][ref] và *b*, `c` <d> {e}.\n\nĐoạn hai.\n\n[ref]: https://example.org/x\n"
        + ENGLISH
        + "See [here][ref] and **b**.\n\n[ref]: https://example.org/x\n"
    )
    (folder / "2026-04-01-tin.md").write_text(GOOD.replace("Nội dung.\n", body), encoding="utf-8")
    plan = load_plan(data_copy.root, TODAY)
    index = next(i for i, post in enumerate(plan.news) if post.slug == "2026-04-01-tin")
    assert feed_entries(plan.news, "vi")[index].summary == "Xem tại đây và b, c <d> {e}."
    assert feed_entries(plan.news, "en")[index].summary == "See here and b."


def test_news_markdown_uses_the_sites_markdown_extensions():
    """The link check renders posts as the site does; an extension added to mkdocs.yml only
    (one that makes links, say) would leave the check blind to it."""
    config = yaml_load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [item if isinstance(item, str) else next(iter(item)) for item in config["markdown_extensions"]]
    assert list(MARKDOWN_EXTENSIONS) == names


def test_front_matter_fences_are_required(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "2026-04-01-tin.md", GOOD.removeprefix("---\n"))
    assert problem.startswith(
        f'{data_copy.path("news/2026-04-01-tin.md")}:1: tệp tin tức phải bắt đầu bằng một dòng "---"'
    )


def test_impossible_date_is_a_data_error_not_a_crash(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "2026-04-01-tin.md", GOOD.replace("date: 2026-04-01", "date: 2026-13-01"))
    # Written YYYY-MM-DD as asked: the message names the month the calendar lacks.
    assert problem.startswith(
        f'{data_copy.path("news/2026-04-01-tin.md")}:2: trường "date": ngày "2026-13-01" không có thật: không có tháng 13'
    )


def test_a_bad_post_stops_the_build_and_keeps_the_published_site(
    site: Path, data_copy: DataCopy, tmp_path: Path, capsys, caplog, monkeypatch: pytest.MonkeyPatch
):
    # The published site is a copy of the session build: the failed build must leave it as it was.
    published = tmp_path / "site"
    shutil.copytree(site, published)
    before = (published / "vi" / "news" / "index.html").read_bytes()
    monkeypatch.setenv("PII_TODAY", FIXTURE_TODAY)
    news_problems(data_copy, "2026-04-01-tin.md", GOOD.replace('en: "Post"', 'en: ""'))
    status = load_script("build").main(["--site-dir", str(published), "--data", str(data_copy.root), "-q"])
    assert status == 1
    assert "2026-04-01-tin.md:5: " in capsys.readouterr().err + caplog.text
    assert (published / "vi" / "news" / "index.html").read_bytes() == before


def test_feed_of_real_data_carries_no_demonstration_marker(site: Path, plan):
    # Only demonstration data is marked (see test_progress_site); real news is not.
    feed = (site / "en" / "feed.xml").read_text(encoding="utf-8")
    assert f"<title>{plan.news[0].title.en}</title>" in feed
    assert "[Demonstration]" not in feed
