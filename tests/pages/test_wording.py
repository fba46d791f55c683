"""Every sentence true: English words agree with the numbers before them, a task with two lead
units says "lead units", no page speaks of deadlines the plan does not set, quotation marks follow each
language's convention (never « »), and a glossary term the plan writes out in full is linked and
listed as named in the plan. On the fictional plan (the session build, or its pages rendered from a
copy when the data must differ)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from helpers import FIXTURE_TODAY, DataCopy, iter_html

from pii_site import Plan, load_plan
from pii_site.i18n import Labels, all_labels, urls
from pii_site.pages import render_site
from pii_site.pages.glossary_links import GlossaryLinker

# The placeholders that are numbers in the labels (the others are names, dates, addresses).
NUMBERS = {
    "count",
    "total",
    "done",
    "reported",
    "tasks",
    "pillars",
    "subindices",
    "covered",
    "task_units",
    "days",
    "shown",
}
NOUNS = ["task", "unit", "update", "pillar", "sub-index", "indicator", "day", "star", "source", "problem", "warning"]
PLURALS = {noun: "sub-indices" if noun == "sub-index" else f"{noun}s" for noun in NOUNS}
# A number, then perhaps one word ("specific"), then a noun: "1 tasks" and "2 task" are wrong.
ONE_WITH_PLURAL = re.compile(rf"\b(?<![.,\d])1 (?:[a-z]+ )?({'|'.join(map(re.escape, PLURALS.values()))})\b")
MANY_WITH_SINGULAR = re.compile(
    rf"\b(?<![.,\d])(?:0|[2-9]|\d{{2,}}) (?:[a-z]+ )?({'|'.join(map(re.escape, NOUNS))})\b(?!-)"
)


@pytest.mark.parametrize("number", [0, 1, 2, 15])
def test_every_english_label_agrees_with_each_number_in_it(number: int):
    """Every label, with each of its placeholders given the same number: "0 of 1 tasks" or "1 tasks"
    would show here whatever numbers a plan has."""
    t = Labels("en")
    for key, texts in all_labels().items():
        forms = [texts["en"]] if isinstance(texts["en"], str) else list(texts["en"].values())
        names = {name for form in forms for name in re.findall(r"{(\w+)(?::[^}]*)?}", form)}
        values = {name: number if name in NUMBERS else "X" for name in names}
        text = t(key, **values)
        if number == 1:
            assert not ONE_WITH_PLURAL.search(text), (key, text)
        else:
            assert not MANY_WITH_SINGULAR.search(text), (key, text)


def test_english_pages_of_the_fixture_agree_in_number(site: Path):
    checked = 0
    for path in iter_html(site / "en"):
        # The page's words: code (the guide's YAML examples, "percent: 100 unit: ...") is not prose.
        text = re.sub(r"<(pre|code|script)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        text = " ".join(re.sub(r"<[^>]+>", " ", text).split())
        for pattern in (ONE_WITH_PLURAL, MANY_WITH_SINGULAR):
            assert not pattern.search(text), (path, pattern.search(text))
        checked += 1
    assert checked > 30


def test_a_task_with_two_lead_units_says_lead_units(page, plan: Plan):
    two = [task for task in plan.tasks if len(task.lead) == 2]
    one = [task for task in plan.tasks if len(task.lead) == 1]
    assert two and one  # the fixture has both (VII.2 has two lead units)
    for task in plan.tasks:
        text = page("en", f"tasks/{urls.task_slug(task.id)}/").text()
        if len(task.lead) == 2:
            assert "Lead units" in text and not re.search(r"\b[Tt]he lead unit\b", text), task.id
        else:
            assert "Lead unit" in text and "Lead units" not in text, task.id


def test_no_lead_unit_has_reported_reads_right_for_one_lead_unit_and_for_two():
    assert Labels("en")("task.no_update_text") == "No lead unit has reported on this task yet."


def test_the_site_speaks_of_deadlines_only_when_the_plan_sets_some(data_copy: DataCopy, plan: Plan):
    assert any(task.progress.due for task in plan.tasks)  # the fixture sets due dates on some tasks
    with_due = {page.path: page.markdown for page in render_site(plan, "en")}
    assert "Overdue tasks" in with_due[urls.PROGRESS] and "Overdue and stale" in with_due[urls.PROGRESS]
    # The same plan with no due date anywhere and no reporting round, as the real plan (which sets no
    # deadlines: neither a task's nor a report's).
    for status in (data_copy.root / "status").glob("*.yml"):
        status.write_text(re.sub(r"(?m)^due: .*\n", "", status.read_text(encoding="utf-8")), encoding="utf-8")
    with_rounds = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    data_copy.without_reporting()
    undated = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    assert not any(task.progress.due for task in undated.tasks) and not undated.reporting.rounds
    words = {
        "en": r"overdue|due date|due on|deadline|on time|\blate\b",
        "vi": r"quá hạn|hạn hoàn thành|hạn gửi|đúng hạn|trễ hạn",
    }
    for lang, pattern in words.items():
        for page in render_site(undated, lang):
            if page.path == urls.OPEN_DATA:
                continue  # the data dictionary describes the download's columns (due, overdue), there for any plan
            assert not re.search(pattern, page.markdown, re.IGNORECASE), (lang, page.path)
        # Rounds alone (no task has a due date): the reports' deadlines are spoken of, no task is overdue.
        pages = {page.path: page.markdown for page in render_site(with_rounds, lang)}
        assert re.search(pattern, pages[urls.PROGRESS], re.IGNORECASE), lang
        assert "Overdue tasks" not in pages[urls.PROGRESS] and "Nhiệm vụ quá hạn" not in pages[urls.PROGRESS]


def test_no_built_page_quotes_with_guillemets(site: Path):
    """Vietnamese and English both quote with “ ”: « » is neither language's convention."""
    pages = list(iter_html(site))
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "«" not in text and "»" not in text, path


def test_a_citation_quotes_a_whole_title_never_one_cut_mid_word(page):
    """The fixture's undated source is cited with its whole title (a cut after five syllables can split
    a Vietnamese word: "cạnh…" for "cạnh tranh")."""
    for lang in ("vi", "en"):
        links = page(lang, "pii/glossary/").xpath('//article//a[contains(@href, "#src-fictional-review")]')
        assert links and {a.text_content() for a in links} == {
            "Fictional Review ({} example.com), “The Cloud Initiative Index explained”".format(
                "bản đăng trên" if lang == "vi" else "posted on"
            )
        }
        assert "…" not in " ".join(a.text_content() for a in links)


def test_english_pages_name_publishers_in_english(page, plan: Plan):
    named = [s for s in plan.reference.sources if s.publisher.vi != s.publisher.en]
    assert named  # the fixture names a newspaper and a department in each language
    english, vietnamese = page("en", "pii/sources/").text(), page("vi", "pii/sources/").text()
    for source in named:
        assert source.publisher.en in english and source.publisher.vi not in english
        assert source.publisher.vi in vietnamese


def test_a_term_written_out_in_full_in_a_duty_is_linked_and_named_in_the_plan(page, plan: Plan):
    """As the real plan's section IV.2 writes "Chỉ số cải cách hành chính" for the PAR Index: the fixture's
    library duty writes out "Chỉ số Sáng kiến Mây" ("Cloud Initiative Index")."""
    library = plan.unit("thu-vien-xa")
    for lang, spelled in (("vi", "Chỉ số Sáng kiến Mây"), ("en", "Cloud Initiative Index")):
        unit_page = page(lang, f"units/{library.id}/")
        links = unit_page.xpath('//article//a[contains(@href, "pii/glossary/#csm")]')
        assert [" ".join(a.text_content().split()) for a in links] == [spelled], lang
        glossary = page(lang, "pii/glossary/")
        [entry] = glossary.xpath('//article//h2[@id="csm"]/following-sibling::p[a[contains(@href, "units/")]][1]')
        assert f"units/{library.id}/" in " ".join(entry.xpath("a/@href")), lang


def test_a_term_broken_over_two_lines_is_linked_whole(plan: Plan):
    """A plan text kept as a YAML literal block may break a long name between two words."""
    gloss = GlossaryLinker(plan.reference.terms, lambda term: f"#{term}")
    linked = gloss("giải pháp nâng cao Chỉ số Sáng\nkiến Mây của xã")
    assert linked == "giải pháp nâng cao [Chỉ số Sáng\nkiến Mây](#csm) của xã"
