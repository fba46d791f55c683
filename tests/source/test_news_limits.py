"""What the news checks let through and how fast they refuse: a hostile 1 MB body is
refused without being rendered; a body just inside every bound of news_limits.py is accepted (the
bounds are not tighter than they say); anchors are checked against the ids the built page really
has (MkDocs, in strict mode, agrees on a post that uses the awkward ones). The refusals themselves,
with file, line and wording, are cases of the corpus (tests/bad_inputs/news.py)."""

from __future__ import annotations

import datetime as dt
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import markdown
import pytest
from helpers import FIXTURE_TODAY, DataCopy, build_into

from pii_site import DataError, load_plan
from pii_site.i18n import urls
from pii_site.i18n.slugs import slugify
from pii_site.render.templating import escape_markdown
from pii_site.source.news import _title_line
from pii_site.source.news_limits import BRACKET_DEPTH_LIMIT, MARKUP_CHARACTERS, MARKUP_LIMIT, PARAGRAPH_LIMIT

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)
HEAD = '---\ndate: 2026-04-01\ntitle:\n  vi: "Tin"\n  en: "Post"\n---\n'
POST = "2026-04-01-tin.md"


@contextmanager
def no_longer_than(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: the refusals measured in the report take well under 2 s; this
    guard is generous because the test machine is shared."""

    def stop(*_: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def load_with_post(data: DataCopy, body: str) -> list[str]:
    """Problems of the fixture plan with one more post holding `body` (none: the post loads)."""
    (data.path("news") / POST).write_text(HEAD + body, encoding="utf-8")
    try:
        load_plan(data.root, TODAY)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.mark.parametrize("pattern", ["[", "![", "[a](", "<", "*a", "`", "1. ", "> ", "a<\n", "[a]\n\n"])
def test_a_one_megabyte_hostile_body_is_refused_without_being_rendered(data_copy: DataCopy, pattern: str):
    body = pattern * (1_000_000 // len(pattern))
    with no_longer_than(20):
        [problem] = load_with_post(data_copy, body)
    assert "(en) the post's text is too long" in problem


@pytest.mark.parametrize(
    "body",
    [
        # Every kind of formatting sign, just under the limit, in paragraphs just under theirs.
        "\n\n".join(["".join(f"a{sign}" for sign in MARKUP_CHARACTERS if sign != "[") * 30] * 7)
        + "\n\n"
        + "[a] " * (MARKUP_LIMIT - 7 * 30 * (len(MARKUP_CHARACTERS) - 1) - 10),
        ("Người dân góp ý về sản phẩm của hợp tác xã. " * 110)[:PARAGRAPH_LIMIT],
        "[" * BRACKET_DEPTH_LIMIT + "a" + "]" * BRACKET_DEPTH_LIMIT + "(https://example.org/(a))",
        # Brackets that are text: escaped, or in code.
        "Chỉ số \\[a và `x[0` hoặc ``a ` [b`` đều là chữ.",
        # A thematic break looks like a list nested twelve deep.
        "Trước.\n\n* * * * * * * * * * * *\n\nSau.",
        "> - 1. Trích dẫn, danh sách, danh sách số: ba tầng.",
        # Finding code spans must stay linear: a back-referencing expression took minutes on this.
        "`" * (MARKUP_LIMIT - 1) + "a",
    ],
    ids=[
        "formatting-signs",
        "long-paragraph",
        "nested-brackets",
        "brackets-as-text",
        "thematic-break",
        "nesting",
        "one-long-backtick-run",
    ],
)
def test_a_body_inside_every_bound_is_accepted_and_loads_quickly(data_copy: DataCopy, body: str):
    assert sum(body.count(sign) for sign in MARKUP_CHARACTERS) <= MARKUP_LIMIT
    with no_longer_than(30):
        assert load_with_post(data_copy, body) == []


@pytest.mark.parametrize(
    "title",
    ["Sông Mây *mật ong* [x](y) `c` <b> & A&amp;B  {#id}", "Đ!!!", "***", "a\\b", "Ngày hội 2026: 30 sáng kiến"],
)
def test_the_title_line_gets_the_id_the_page_heading_gets(title: str):
    def heading_id(line: str) -> str:
        html = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"slugify": slugify}}).convert(line)
        return re.findall(r'id="([^"]*)"', html)[0]

    # news_post.md.j2 writes "# {{ tr(post.title) }}": tr escapes with escape_markdown.
    assert heading_id(_title_line(title)) == heading_id(f"# {escape_markdown(title)}")


def test_an_anchor_on_the_vietnamese_page_only_is_refused_for_a_post_without_english(data_copy: DataCopy):
    # The Vietnamese title takes the id "tin", so the heading "Tin" gets "tin_1" on the Vietnamese
    # page; the English page (title "Post", same body) gives that heading "tin".
    [problem] = load_with_post(data_copy, "## Tin\n\nXem [mục](#tin_1).\n")
    assert problem.startswith(f'{data_copy.path("news/" + POST)}:9: liên kết "#tin_1" trỏ tới một mục không có')


@pytest.mark.site  # builds by itself
def test_the_anchors_the_check_accepts_are_on_the_built_pages(data_copy: DataCopy, tmp_path: Path):
    body = (
        "## Tin\n\n## Lịch\n\n## Lịch\n\nXem [đầu trang](#tin), [lịch](#lich), [lịch hai](#lich_1), [trên](#).\n"
        "\n<!-- en -->\n\n# Post\n\n## Post\n\nSee [the second](#post_2) and [the first](#post_1).\n"
    )
    assert load_with_post(data_copy, body) == []
    # The build fails on a link to an anchor its page lacks (MkDocs' strict validation).
    site = build_into(tmp_path / "site", data_copy.root, today=FIXTURE_TODAY)
    address = urls.address(urls.news_page(Path(POST).stem))
    for lang, anchors in {"vi": ["tin", "lich", "lich_1"], "en": ["post", "post_1", "post_2"]}.items():
        html = (site / lang / address / "index.html").read_text(encoding="utf-8")
        for anchor in anchors:
            assert f'id="{anchor}"' in html, (lang, anchor)
