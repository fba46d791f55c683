"""Reading news posts (pii_site.source.news): a post typed decomposed (NFD) or saved with a byte order
mark is read as the same post. How posts are shown: tests/pages/test_news.py."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import FIXTURE_TODAY, DataCopy, decompose, load_script

from pii_site import load_plan

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


NEWS_POST = "news/2026-08-03-lop-hoc-so-khai-giang.md"


@pytest.mark.usefixtures("fixture_today")
def test_a_news_post_typed_decomposed_is_read_composed(data_copy: DataCopy, plan):
    decompose(data_copy, NEWS_POST)
    [post] = [p for p in load_plan(data_copy.root, TODAY).news if NEWS_POST.endswith(f"{p.slug}.md")]
    [expected] = [p for p in plan.news if p.slug == post.slug]
    assert (post.title, post.body_vi, post.lead_vi) == (expected.title, expected.body_vi, expected.lead_vi)


validate = load_script("validate")


@pytest.mark.usefixtures("fixture_today")
def test_a_news_file_saved_with_a_byte_order_mark_is_read(data_copy: DataCopy, plan, capsys):
    for post in data_copy.path("news").glob("*.md"):
        post.write_bytes(b"\xef\xbb\xbf" + post.read_bytes())  # Notepad's "UTF-8 with BOM"
    assert validate.main(["--data", str(data_copy.root)]) == 0, capsys.readouterr().err
    read = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY)).news
    assert [(p.slug, p.date, p.title, p.body_vi) for p in read] == [
        (p.slug, p.date, p.title, p.body_vi) for p in plan.news
    ]
