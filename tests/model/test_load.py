"""load_plan (pii_site.model.load) on copies of the fixture plan: the same plan typed in another Unicode
normalization gives the same pages, and files that are not data (hidden files) are left alone."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import FIXTURE_TODAY, DataCopy, decompose, load_script

from pii_site import load_plan
from pii_site.pages import render_site

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


NEWS_POST = "news/2026-08-03-lop-hoc-so-khai-giang.md"


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_plan_typed_decomposed_gives_the_same_pages_with_their_glossary_links(data_copy: DataCopy, plan, lang):
    # tasks.yml alone in NFD: its "Lớp học số" no longer matched glossary.yml's composed spelling,
    # and its names were indexed in a form the search box never sends.
    decompose(data_copy, "tasks.yml", "units.yml", "duties.yml", NEWS_POST)
    pages = {page.path: page.markdown for page in render_site(load_plan(data_copy.root, TODAY), lang)}
    expected = {page.path: page.markdown for page in render_site(plan, lang)}
    assert pages == expected
    # VIII.1's text names the term in both languages (tasks.yml says so).
    assert "(../pii/glossary.md#lop-hoc-so)" in pages["tasks/viii-1.md"]


validate = load_script("validate")


@pytest.mark.usefixtures("fixture_today")
def test_hidden_files_in_the_status_folder_are_fine(data_copy: DataCopy, capsys):
    data_copy.path("status/.gitkeep").write_text("", encoding="utf-8")
    assert validate.main(["--data", str(data_copy.root)]) == 0
