"""Search as a resident types it: Vietnamese without diacritics finds what the accented query finds,
each language's site finds only its own pages, and a task or pillar ranks first for its own name."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from browser.site_pages import FIXTURE_PLAN, LANGS
from pii_site.i18n import urls
from pii_site.i18n.fold import fold

QUERY = "input[data-md-component=search-query]"
META = ".md-search-result__meta"
RESULT_ITEMS = ".md-search-result__list > .md-search-result__item"


class SearchBox:
    """Material's search box, typed into like a person (it listens to keyup, not input)."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.last_count = 0
        # What the box says, once the search worker is ready, before anything is typed
        # ("Type to start searching" in the page's language; before that "Initializing search").
        self.idle_text = page.evaluate(
            "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
        )

    def _type(self, text: str) -> None:
        self.page.fill(QUERY, text)
        self.page.press(QUERY, "End")

    def results(self, query: str) -> list[str]:
        """The first page of results (Material shows 10 more per scroll), best first, as addresses
        relative to the site ('vi/tasks/vii-1/'). self.last_count is the total Material reports."""
        self._type("")
        self.page.wait_for_function(
            "([meta, idle]) => document.querySelector(meta).innerText === idle", arg=[META, self.idle_text]
        )
        self._type(query)
        self.page.wait_for_function(
            "([meta, idle]) => document.querySelector(meta).innerText !== idle", arg=[META, self.idle_text]
        )
        numbers = re.findall(r"\d+", self.page.inner_text(META))
        self.last_count = int(numbers[0]) if numbers else 0
        # Each item is one page: its first link is the page, the others its matching sections.
        hrefs = self.page.eval_on_selector_all(RESULT_ITEMS, "items => items.map(i => i.querySelector('a').href)")
        return [href.removeprefix(self.base_url).split("?")[0].split("#")[0] for href in hrefs]


@pytest.fixture(scope="module")
def search(browser, base_url) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    boxes: dict[str, SearchBox] = {}

    def in_language(lang: str) -> SearchBox:
        if lang not in boxes:
            boxes.clear()
            page.goto(f"{base_url}{lang}/")
            page.click(QUERY)
            boxes[lang] = SearchBox(page, base_url)
        return boxes[lang]

    yield in_language
    context.close()


def typed_plainly(text: str) -> str:
    """What a resident types without a Vietnamese keyboard: no marks (đ as d), in small letters."""
    return fold(text).lower()


# (typed without diacritics, as the plan writes it, a page it must find), from the fixture plan: the
# name of every unit, task and news post (some hold đ, which folds to d). Whole sentences are not what
# residents type (lunr ranks them by their commonest words), nor a glossary name, whose page is shared.
NAMED_PAGES = [(unit.name.vi, urls.unit_page(unit.id)) for unit in FIXTURE_PLAN.units]
NAMED_PAGES += [(task.indicator.vi, urls.task_page(task.id)) for task in FIXTURE_PLAN.tasks]
NAMED_PAGES += [(post.title.vi, urls.news_page(post.slug)) for post in FIXTURE_PLAN.news]
VIETNAMESE_QUERIES = [(typed_plainly(name), name, f"vi/{urls.address(page)}") for name, page in NAMED_PAGES]


def test_the_queries_cover_marks_and_d_with_stroke():
    # Without this the next test could pass on queries that fold to themselves.
    assert all(plain != accented.lower() for plain, accented, _ in VIETNAMESE_QUERIES)
    assert any("đ" in accented.lower() for _, accented, _ in VIETNAMESE_QUERIES)


@pytest.mark.parametrize(("plain", "accented", "expected"), VIETNAMESE_QUERIES, ids=[q[0] for q in VIETNAMESE_QUERIES])
def test_vietnamese_without_diacritics_finds_what_the_accented_query_finds(search, plain, accented, expected):
    box = search("vi")
    with_marks = box.results(accented)
    found_with_marks = box.last_count
    without_marks = box.results(plain)
    assert expected in with_marks[:3], "the accented query must keep working"
    assert expected in without_marks[:3]
    # Folding can only widen a query ("doi" is also "đội"), never lose a page.
    assert box.last_count >= found_with_marks > 0


def test_capital_d_with_stroke_is_folded_too(search):
    names = [t.indicator.vi for t in FIXTURE_PLAN.tasks] + [u.name.vi for u in FIXTURE_PLAN.units]
    capitals = next(name for name in names if name.startswith("Đ")).upper()  # "ĐỘI NGŨ ..." in the fixture
    box = search("vi")
    with_marks = box.results(capitals)
    found_with_marks = box.last_count
    without_marks = box.results(fold(capitals))
    assert with_marks[:1] == without_marks[:1] != []
    assert box.last_count >= found_with_marks


# English words of the plan, and the commune's name as typed on an English keyboard: the English site
# must answer with its own pages only, though the Vietnamese ones hold the same words.
ENGLISH_QUERIES = [
    FIXTURE_PLAN.pillars[0].name.en,
    FIXTURE_PLAN.tasks[0].indicator.en,
    fold(FIXTURE_PLAN.document.commune.vi),
]


@pytest.mark.parametrize("query", ENGLISH_QUERIES)
def test_english_site_returns_only_english_pages(search, query):
    results = search("en").results(query)
    assert results, f"{query!r} found nothing on the English site"
    assert all(address.startswith("en/") for address in results), results


@pytest.mark.parametrize("lang", LANGS)
def test_a_task_or_pillar_ranks_first_for_its_own_name(search, plan, lang):
    box = search(lang)
    wrong = []
    named = [(urls.task_page(t.id), getattr(t.indicator, lang)) for t in plan.tasks]
    named += [(urls.pillar_page(p.id), getattr(p.name, lang)) for p in plan.pillars]
    for source, name in named:
        expected = f"{lang}/{source.removesuffix('.md')}/"
        for query in dict.fromkeys([name, fold(name)]):
            first = box.results(query)[:1]
            if first != [expected]:
                wrong.append((query, expected, first))
    assert wrong == []
