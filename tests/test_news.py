"""News: staff write one Markdown file per post in data/news/; the site lists them newest first
in both languages, shows the latest on the home page, renders their Markdown but never their
HTML, and bad files get a message with file and line. Fixture posts live in tests/fixtures/news/."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import PROJECT_DIR, DataCopy, build_into, load_script
from pii_site import DataError, load_plan
from mkdocs.utils.yaml import yaml_load

from pii_site.news import feed_entries
from pii_site.news_body import MARKDOWN_EXTENSIONS

FIXTURE_NEWS = PROJECT_DIR / "tests" / "fixtures" / "news"
CONTEST = "2026-03-15-cuoc-thi-y-tuong"
MEETING = "2026-02-20-hop-trien-khai"


@pytest.fixture(scope="module")
def news_data(tmp_path_factory: pytest.TempPathFactory) -> DataCopy:
    data = DataCopy(tmp_path_factory.mktemp("news") / "data")
    shutil.rmtree(data.path("news"), ignore_errors=True)
    shutil.copytree(FIXTURE_NEWS, data.path("news"))
    return data


@pytest.fixture(scope="module")
def news_site(tmp_path_factory: pytest.TempPathFactory, news_data: DataCopy) -> Path:
    return build_into(tmp_path_factory.mktemp("news-site") / "site", news_data.root)


def article(site: Path, lang: str, address: str):
    path = site / lang / address / "index.html" if address else site / lang / "index.html"
    return lxml.html.fromstring(path.read_bytes()).xpath("//article")[0]


def words(element) -> str:
    """Visible text without the ¶ permalinks MkDocs adds to headings."""
    return " ".join(element.text_content().replace("¶", "").split())


@pytest.mark.parametrize(
    ("lang", "titles"),
    [
        ("vi", ["Phát động cuộc thi ý tưởng đổi mới sáng tạo cho học sinh (Minh họa)", "Hội nghị triển khai kế hoạch (Minh họa)",
                "Tuyên truyền về Chỉ số PII (Minh họa)", "Thông báo cũ nhất (Minh họa)"]),
        ("en", ["Innovation idea contest for students launched (Illustration)", "Meeting to launch the plan (Illustration)",
                "Awareness campaign about the PII (Illustration)", "Oldest announcement (Illustration)"]),
    ],
)
def test_news_list_shows_every_post_newest_first_with_date_and_summary(news_site: Path, lang, titles):
    page = article(news_site, lang, "news")
    assert [words(h) for h in page.xpath(".//h2/a[not(@class='headerlink')]")] == titles
    assert page.xpath(".//h2/a[not(@class='headerlink')]/@href")[0] == f"{CONTEST}/"
    text = words(page)
    assert {"vi": "15/03/2026", "en": "15 March 2026"}[lang] in text
    assert {"vi": "Học sinh các trường trên địa bàn gửi ý tưởng trước ngày 30/4.",
            "en": "Pupils of local schools send their ideas before 30 April."}[lang] in text


def test_summary_defaults_to_the_first_paragraph_and_english_list_flags_vietnamese_only(news_site: Path):
    vi = words(article(news_site, "vi", "news"))
    assert "Sáng nay, các phòng, ban họp triển khai kế hoạch. Mời xem văn bản để biết thêm." in vi
    assert "Đoạn thứ hai" not in vi
    en = words(article(news_site, "en", "news"))
    assert "Meeting to launch the plan (Illustration) 20 February 2026 · in Vietnamese only" in en


def test_post_renders_staff_markdown_in_its_language(news_site: Path):
    vi = article(news_site, "vi", f"news/{CONTEST}")
    assert words(vi.xpath(".//h1")[0]).startswith("Phát động cuộc thi ý tưởng")
    assert [words(li) for li in vi.xpath(".//li")] == ["Vòng 1: gửi ý tưởng", "Vòng 2: trình bày"]
    assert vi.xpath(".//strong/text()") == ["học sinh"]
    assert "https://example.org/the-le" in vi.xpath(".//a/@href")
    en = article(news_site, "en", f"news/{CONTEST}")
    assert [words(li) for li in en.xpath(".//li")] == ["Round 1: send an idea", "Round 2: present it"]
    assert "Cuộc thi" not in words(en)


def test_html_in_a_post_is_shown_as_text_and_never_runs(news_site: Path):
    page = article(news_site, "vi", f"news/{CONTEST}")
    assert '<script>alert("news")</script> <b>đậm</b>' in words(page)
    assert page.xpath(".//script | .//b | .//*[@onclick]") == []
    assert '{: onclick="alert(2)" }' in words(page)


def test_vietnamese_only_post_says_so_on_the_english_site(news_site: Path):
    page = article(news_site, "en", f"news/{MEETING}")
    text = words(page)
    assert "This post is available in Vietnamese only" in text
    assert "Sáng nay, các phòng, ban họp triển khai kế hoạch." in text
    assert "Vietnamese only" not in words(article(news_site, "vi", f"news/{MEETING}"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_lists_the_three_latest_posts_and_links_to_all(news_site: Path, lang):
    home = article(news_site, lang, "")
    heading = {"vi": "Tin mới", "en": "Latest news"}[lang]
    assert heading in [words(h) for h in home.xpath(".//h2")]
    links = home.xpath(".//li/a/@href")
    assert [link for link in links if link.startswith("news/2")] == [
        f"news/{CONTEST}/", f"news/{MEETING}/", "news/2026-01-10-tuyen-truyen/"
    ]
    assert "news/" in home.xpath(".//p/a/@href")


@pytest.mark.parametrize(("lang", "none"), [("vi", "Chưa có tin nào."), ("en", "No news yet.")])
def test_real_site_without_news_says_so_and_home_has_no_news_heading(page, lang, none):
    assert none in page(lang, "news").text()
    assert "news" in " ".join(page(lang, "").xpath("//nav//a/@href"))
    assert page(lang, "").xpath('//article//h2[contains(., "Tin mới") or contains(., "Latest news")]') == []


def test_feed_entries_are_absolute_plain_and_newest_first(news_data: DataCopy):
    plan = load_plan(news_data.root)
    entries = feed_entries(plan.news, "en", "https://example.org/pii/en/")
    assert [entry.url for entry in entries[:2]] == [
        f"https://example.org/pii/en/news/{CONTEST}/", f"https://example.org/pii/en/news/{MEETING}/"
    ]
    first = entries[0]
    assert (first.title, first.date) == ("Innovation idea contest for students launched (Illustration)", dt.date(2026, 3, 15))
    assert first.summary == "Pupils of local schools send their ideas before 30 April."
    vi = feed_entries(plan.news, "vi")
    assert vi[1].summary == "Sáng nay, các phòng, ban họp triển khai kế hoạch. Mời xem văn bản để biết thêm."


def news_problems(data: DataCopy, name: str, text: str) -> list[str]:
    folder = data.path("news")
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_plan(data.root)
    return [str(problem) for problem in caught.value.problems]


GOOD = '---\ndate: 2026-04-01\ntitle:\n  vi: "Tin"\n  en: "Post"\n---\nNội dung.\n'


def test_file_name_must_carry_the_date_and_a_short_name(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "Họp ngày 1-4.md", GOOD)
    assert problem.startswith(f"{data_copy.path('news/Họp ngày 1-4.md')}: tên tệp tin tức \"Họp ngày 1-4.md\" phải có dạng")
    assert "(en) the news file name \"Họp ngày 1-4.md\" must look like YEAR-MONTH-DAY-short-name.md" in problem


def test_missing_english_title_points_at_the_title_line(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "2026-04-01-tin.md", GOOD.replace('  en: "Post"\n', ""))
    assert problem == (
        f'{data_copy.path("news/2026-04-01-tin.md")}:3: trường "title": thiếu bản tiếng Anh (en).\n'
        '    (en) field "title": the English text (en) is missing.'
    )


def test_date_must_match_the_file_name(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "2026-04-02-tin.md", GOOD)
    assert problem.startswith(f'{data_copy.path("news/2026-04-02-tin.md")}:2: ngày 2026-04-01 khác với ngày 2026-04-02')


def test_images_and_script_links_are_refused_with_their_line(data_copy: DataCopy):
    text = GOOD + "\n![ảnh](https://other.example/a.png)\n\n[bấm](javascript:alert(1))\n"
    problems = news_problems(data_copy, "2026-04-01-tin.md", text)
    label = data_copy.path("news/2026-04-01-tin.md")
    assert problems[0].startswith(f"{label}:9: tin tức không được chèn hình ảnh")
    assert problems[1].startswith(f'{label}:11: liên kết "javascript:alert(1)" phải là địa chỉ đầy đủ')


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
    [post] = load_plan(data_copy.root).news
    assert "[lịch](#lich)" in post.body("vi")


def test_an_image_by_reference_is_refused_on_its_own_line(data_copy: DataCopy):
    text = GOOD + "Ảnh: ![ảnh][h]\n\n[h]: https://other.example/a.png\n"
    [problem] = news_problems(data_copy, "2026-04-01-tin.md", text)
    assert problem.startswith(f'{data_copy.path("news/2026-04-01-tin.md")}:8: tin tức không được chèn hình ảnh')


def test_summary_strips_every_markdown_construct_from_the_first_paragraph(data_copy: DataCopy):
    folder = data_copy.path("news")
    folder.mkdir(exist_ok=True)
    body = (
        "## Thông báo\n\nXem [tại đây][ref] và *b*, `c` <d> {e}.\n\nĐoạn hai.\n\n[ref]: https://example.org/x\n"
        + ENGLISH + "See [here][ref] and **b**.\n\n[ref]: https://example.org/x\n"
    )
    (folder / "2026-04-01-tin.md").write_text(GOOD.replace("Nội dung.\n", body), encoding="utf-8")
    plan = load_plan(data_copy.root)
    assert [entry.summary for entry in feed_entries(plan.news, "vi")] == ["Xem tại đây và b, c <d> {e}."]
    assert [entry.summary for entry in feed_entries(plan.news, "en")] == ["See here and b."]


def test_news_markdown_uses_the_sites_markdown_extensions():
    """The link check renders posts as the site does; an extension added to mkdocs.yml only
    (one that makes links, say) would leave the check blind to it."""
    config = yaml_load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [item if isinstance(item, str) else next(iter(item)) for item in config["markdown_extensions"]]
    assert list(MARKDOWN_EXTENSIONS) == names


def test_front_matter_fences_are_required(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "2026-04-01-tin.md", GOOD.removeprefix("---\n"))
    assert problem.startswith(f'{data_copy.path("news/2026-04-01-tin.md")}:1: tệp tin tức phải bắt đầu bằng một dòng "---"')


def test_impossible_date_is_a_data_error_not_a_crash(data_copy: DataCopy):
    [problem] = news_problems(data_copy, "2026-04-01-tin.md", GOOD.replace("date: 2026-04-01", "date: 2026-13-01"))
    assert problem.startswith(f'{data_copy.path("news/2026-04-01-tin.md")}:2: trường "date": cần một ngày dạng YYYY-MM-DD')


def test_a_bad_post_stops_the_build_and_keeps_the_published_site(data_copy: DataCopy, tmp_path: Path, capsys, caplog):
    site = build_into(tmp_path / "site", data_copy.root)
    news_problems(data_copy, "2026-04-01-tin.md", GOOD.replace("en: \"Post\"", "en: \"\""))
    status = load_script("build").main(["--site-dir", str(site), "--data", str(data_copy.root), "-q"])
    assert status == 1
    assert "2026-04-01-tin.md:5: " in capsys.readouterr().err + caplog.text
    assert (site / "vi" / "news" / "index.html").is_file()


def test_feed_of_real_data_carries_no_demonstration_marker(news_site: Path):
    # Only demonstration data is marked (see test_progress_feed_and_data); real news is not.
    feed = (news_site / "en" / "feed.xml").read_text(encoding="utf-8")
    assert "Innovation idea contest for students launched (Illustration)</title>" in feed
    assert "[Demonstration]" not in feed
