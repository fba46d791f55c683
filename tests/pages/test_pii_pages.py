"""The PII pages, both languages, built from the fixture plan: every pillar has its section and its
tasks, every glossary term has an entry and is linked where the plan names it, every source is listed,
well formed and cited, and the worked example shows the numbers an independent calculation gives."""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import lxml.html
import pytest
import yaml
from helpers import FIXTURE_DIR, FIXTURE_TODAY, DataCopy, Page, iter_html

from pii_site import load_plan
from pii_site.i18n import all_labels, urls
from pii_site.pages import framework as pii_pages
from pii_site.pages.glossary_links import english_spelling_variants, plan_english_texts

LANGS = ("vi", "en")


def pii_data() -> dict:
    return yaml.safe_load((FIXTURE_DIR / "pii.yml").read_text(encoding="utf-8"))


def anchors_linked(html, page_suffix: str) -> set[str]:
    """Anchors of the links on a page that point at `page_suffix` (e.g. 'pii/sources/')."""
    return {href.split("#", 1)[1] for href in html.links() if "#" in href and href.split("#")[0].endswith(page_suffix)}


@pytest.mark.parametrize("lang", LANGS)
def test_every_pillar_has_a_section_with_its_tasks_or_a_plain_statement(page, plan, lang):
    html = page(lang, "pii/framework/")
    for pillar in plan.pillars:
        [section] = html.xpath(f'//article//h3[@id="{pillar.id}"]')
        # The section runs to the next h3/h2: collect its links and text.
        body = section.xpath(
            f'following-sibling::*[preceding-sibling::h3[1][@id="{pillar.id}"]][not(self::h3)][not(self::h2)]'
        )
        text = " ".join(" ".join(e.text_content().split()) for e in body)
        links = [a.get("href") for e in body for a in e.xpath(".//a[@href]")]
        tasks = plan.tasks_in(pillar)
        for task in tasks:
            assert f"../../tasks/{urls.task_slug(task.id)}/" in links, (pillar.id, task.id)
        if not tasks:
            expected = {
                "vi": f"Kế hoạch này không có nhiệm vụ nào thuộc trụ cột {pillar.name.vi}.",
                "en": f"This plan has no task under the {pillar.name.en} pillar.",
            }[lang]
            assert expected in text
        for paragraph in pillar.measures:
            assert getattr(paragraph.text, lang) in text
            for source_id in paragraph.sources:
                assert f"../sources/#src-{source_id}" in links


@pytest.mark.parametrize("lang", LANGS)
def test_a_pillar_without_published_indicators_shows_the_plans_own(page, plan, lang):
    # The page must not leave "no indicator known" standing alone when this plan's appendix places
    # indicators under the pillar: it shows them, attributed to the plan.
    html = page(lang, "pii/framework/")
    points_below = {
        "vi": "Phụ lục của kế hoạch này xếp vào trụ cột này các chỉ số nêu ngay dưới đây.",
        "en": "this plan's appendix places the indicators listed just below under it.",
    }[lang]
    checked = {True: 0, False: 0}
    for pillar in plan.pillars:
        if pillar.known_indicators:
            continue
        [section] = html.xpath(f'//article//h3[@id="{pillar.id}"]')
        body = section.xpath(
            f'following-sibling::*[preceding-sibling::h3[1][@id="{pillar.id}"]][not(self::h3)][not(self::h2)]'
        )
        text = " ".join(" ".join(e.text_content().split()) for e in body)
        tasks = plan.tasks_in(pillar)
        assert (points_below in text) == bool(tasks), pillar.id
        for task in tasks:
            assert " ".join(getattr(task.indicator, lang).split()) in text, (pillar.id, task.id)
        checked[bool(tasks)] += 1
    assert checked[True], "no fixture pillar has tasks but no published indicator: the check would hold vacuously"


@pytest.mark.parametrize("lang", LANGS)
def test_the_method_page_claims_no_more_than_the_sources_read(page, lang):
    text = page(lang, "pii/method/").text()
    heading, never = {
        "vi": ("Chưa tìm thấy trong các nguồn trang này đọc được", "Chưa được công bố"),
        "en": ("Not found in the sources this site read", "Not published"),
    }[lang]
    assert heading in text and never not in text
    # Equal weights within a group are said, at step 2, to be the example's assumption.
    assert {"vi": "Giả định của ví dụ", "en": "An assumption of this example"}[lang] in text


@pytest.mark.parametrize("lang", LANGS)
def test_framework_diagram_is_text_built_from_the_data(page, plan, lang):
    html = page(lang, "pii/framework/")
    [figure] = html.xpath('//article//figure[contains(@class, "pii-framework")]')
    assert figure.get("aria-label")
    assert (
        str(plan.reference.facts.framework.indicator_count)
        in figure.xpath('./p[@class="pii-framework__top"]')[0].text_content()
    )
    groups = figure.xpath('./ul/li[@class="pii-framework__group"]')
    assert [g.xpath("./p")[0].text_content() for g in groups] == [getattr(s.name, lang) for s in plan.subindices]
    for subindex, group in zip(plan.subindices, groups, strict=True):
        boxes = group.xpath("./ul/li")
        assert len(boxes) == len(plan.pillars_in(subindex))
        for pillar, box in zip(plan.pillars_in(subindex), boxes, strict=True):
            assert box.xpath("./strong")[0].text_content() == f"{pillar.number}. {getattr(pillar.name, lang)}"
            count = len(plan.tasks_in(pillar))
            status = box.xpath("./span")[0].text_content()
            assert (str(count) in status) if count else status in ("Kế hoạch không có nhiệm vụ", "No task in this plan")
            assert ("no-tasks" in box.get("class")) == (count == 0)


def spelling_pattern(spelling: str) -> str:
    """A glossary spelling as a whole-word pattern, any spaces or line breaks between its words."""
    words = r"\s+".join(re.escape(word) for word in spelling.split())
    return rf"(?<!\w){words}(?!\w)"


@pytest.mark.parametrize("lang", LANGS)
def test_every_glossary_term_has_an_entry_and_is_linked_where_the_plan_names_it(page, plan, lang):
    glossary = page(lang, "pii/glossary/")
    terms = plan.reference.terms
    # In the order of glossary.yml; "lop-hoc-so" spells its term differently in each language.
    assert [t.id for t in terms] == ["csm", "ocap", "lop-hoc-so"]
    headings = [h.get("id") for h in glossary.xpath("//article//h2[@id]")]
    assert headings == [t.id for t in terms]
    for term in terms:
        [heading] = glossary.xpath(f'//article//h2[@id="{term.id}"]')
        assert heading.text_content().startswith(f"{getattr(term.term, lang)}: {getattr(term.name, lang)}")
    english_heading = page("en", "pii/glossary/").xpath('//article//h2[@id="lop-hoc-so"]')[0].text_content()
    assert english_heading.startswith("Digital Classroom: ") and "Lớp học số" not in english_heading

    def linked_terms(html) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for a in html.xpath('//article//a[contains(@href, "pii/glossary/#")]'):
            found.setdefault(a.get("href").split("#")[1], set()).add(a.text_content())
        return found

    named_anywhere: set[str] = set()
    pages = [(urls.task_page(t.id), f"{getattr(t.indicator, lang)} {getattr(t.text, lang)}") for t in plan.tasks]
    pages += [
        (
            urls.unit_page(u.id),
            " ".join([getattr(u.description, lang), *(getattr(d.text, lang) for d in plan.duties_of(u))]),
        )
        for u in plan.units
    ]
    pages.append((urls.PLAN, " ".join(getattr(d.text, lang) for d in plan.duties)))
    for path, plan_text in pages:
        links = linked_terms(page(lang, path.removesuffix(".md").removesuffix("index")))
        for term in terms:
            # A spelling may be broken over two lines in the data (a YAML block): any spaces between its words.
            spelled = [m for m in term.match if re.search(spelling_pattern(m), plan_text, re.IGNORECASE)]
            if spelled:
                named_anywhere.add(term.id)
                assert term.id in links, (path, term.id)
                assert {" ".join(s.split()).casefold() for s in links[term.id]} <= {m.casefold() for m in term.match}
            else:
                assert term.id not in links, (path, term.id)
    # The fixture names every term of its glossary somewhere (CSM, OCAP, Lớp học số / Digital Classroom).
    assert named_anywhere == {t.id for t in terms}


def test_named_in_the_plan_comes_from_the_plans_text_only(data_copy: DataCopy):
    # A term that only a unit's description (this site's summary) mentions: the glossary must not
    # claim the plan names it, though the unit page may still link it.
    data_copy.replace(
        "glossary.yml",
        "terms:\n",
        'terms:\n  - id: zqx\n    term: ZQX\n    name: {vi: "Chỉ số ZQX", en: "ZQX Index"}\n'
        '    definition:\n      - text: {vi: "Chỉ số hư cấu.", en: "A fictional index."}\n'
        '        sources: [bao-may-2025]\n    match: ["ZQX"]\n',
    )
    data_copy.replace("units.yml", "theo dõi Chỉ số CSM.", "theo dõi Chỉ số CSM và ZQX.")
    data_copy.replace("units.yml", "follows the CSM.", "follows the CSM and the ZQX.")
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    for lang, nowhere in (
        ("vi", "Kế hoạch không nhắc tới thuật ngữ này."),
        ("en", "The plan does not name this term."),
    ):
        [glossary] = [p.markdown for p in pii_pages.pages(plan, lang) if p.path == urls.PII_GLOSSARY]
        entry = glossary.split("{: #zqx }", 1)[1].split("\n## ", 1)[0]
        assert nowhere in entry, (lang, entry)
        # CSM, named in the plan's own texts, still lists where.
        csm = glossary.split("{: #csm }", 1)[1].split("\n## ", 1)[0]
        assert nowhere not in csm


def test_glossary_links_keep_the_plans_wording(page, plan):
    linked = 0
    for task in plan.tasks:
        for lang in LANGS:
            html = page(lang, f"tasks/{urls.task_slug(task.id)}/")
            assert getattr(task.text, lang) in html.text()
            linked += bool(html.xpath('//article//a[contains(@href, "pii/glossary/#")]'))
    assert linked > 0, "no task page links a glossary term: the check would hold without links"


@pytest.mark.parametrize("lang", LANGS)
def test_every_glossary_entry_shows_its_definition_and_star_bands_with_sources(page, plan, lang):
    html = page(lang, "pii/glossary/")
    star = {"vi": "{} sao", "en": "{} stars"}[lang]
    with_bands = [term for term in plan.reference.terms if term.bands]
    assert with_bands, "the fixture has a term with star bands (ocap)"
    for term in plan.reference.terms:
        for paragraph in term.definition:
            [element] = [p for p in html.xpath("//article//p") if getattr(paragraph.text, lang) in p.text_content()]
            hrefs = [a.get("href") for a in element.xpath(".//a")]
            assert all(any(h.endswith(f"sources/#src-{s}") for h in hrefs) for s in paragraph.sources), term.id
    for term in with_bands:
        [table] = html.xpath(f'//article//h2[@id="{term.id}"]/following-sibling::table[1]')
        rows = [[" ".join(td.text_content().split()) for td in row.xpath("td")] for row in table.xpath("tbody/tr")]
        assert rows == [
            [star.format(band.stars), getattr(band.score, lang), getattr(band.note, lang) if band.note else ""]
            for band in term.bands
        ]
        [citation] = table.xpath("following-sibling::p[1]")
        assert {a.get("href").rsplit("#src-", 1)[1] for a in citation.xpath(".//a")} == set(term.bands_sources)


def test_one_star_is_singular_in_english(data_copy: DataCopy):
    # The fixture's bands start at 3 stars: add a 1-star band to a copy and render its glossary page.
    data_copy.replace(
        "glossary.yml",
        "    bands:\n",
        '    bands:\n      - stars: 1\n        score: {vi: "dưới 30 điểm", en: "under 30 points"}\n',
    )
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    [english] = [p.markdown for p in pii_pages.pages(plan, "en") if p.path == urls.PII_GLOSSARY]
    [vietnamese] = [p.markdown for p in pii_pages.pages(plan, "vi") if p.path == urls.PII_GLOSSARY]
    assert "| 1 star | under 30 points |" in english and "| 3 stars |" in english and "1 stars" not in english
    assert "| 1 sao | dưới 30 điểm |" in vietnamese


@pytest.mark.parametrize("lang", LANGS)
def test_every_source_is_listed_well_formed(page, plan, lang):
    html = page(lang, "pii/sources/")
    items = html.xpath("//article//ol/li")
    assert len(items) == len(plan.reference.sources)
    for item, source in zip(items, plan.reference.sources, strict=True):
        [title] = item.xpath(f'strong[@id="src-{source.id}"]')
        # English pages add the translation of a title not in English, as bibliographies do.
        translated = lang == "en" and source.language != "en"
        assert title.text_content() == (f"{source.title} [{source.title_en}]" if translated else source.title)
        assert getattr(source.publisher, lang) in item.text_content()
        assert item.xpath("a/@href") == [source.url]
        date_text = {"vi": "không đề ngày", "en": "undated"}[lang]
        assert (date_text in item.text_content()) == (source.date is None)
    # The fixture has both: a dated Vietnamese title and an undated English one.
    assert any(s.date is None for s in plan.reference.sources) and any(s.title_en for s in plan.reference.sources)


def test_no_english_page_shows_a_vietnamese_only_source_title(site: Path, plan):
    foreign = [s for s in plan.reference.sources if s.language != "en"]
    assert foreign, "the fixture has no source titled in Vietnamese: the check would hold vacuously"
    shown = 0
    for path in iter_html(site / "en"):
        text = " ".join(lxml.html.fromstring(path.read_bytes()).text_content().split())
        for source in foreign:
            for start in [m.start() for m in re.finditer(re.escape(source.title), text)]:
                shown += 1
                after = text[start + len(source.title) :]
                assert after.startswith(f" [{source.title_en}]"), (path, source.id, after[:80])
    assert shown >= len(foreign)  # every one is on the sources page at least


def test_undated_sources_that_open_alike_are_told_apart_in_citations(data_copy: DataCopy):
    # Two undated sources whose titles share their first five words (in both languages).
    data_copy.replace("sources.yml", "    date: {year: 2025, month: 4, day: 2}\n", "    date: undated\n")
    data_copy.replace("sources.yml", '"Chỉ số Sáng kiến Mây là gì?"', '"Chỉ số Sáng kiến Mây tỉnh Thử Nghiệm là gì?"')
    data_copy.replace(
        "sources.yml", '"Phương pháp tính Chỉ số Sáng kiến Mây"', '"Chỉ số Sáng kiến Mây tỉnh Thử Nghiệm tính ra sao?"'
    )
    data_copy.replace("sources.yml", "    date: {year: 2024}\n", "    date: undated\n")
    data_copy.replace(
        "sources.yml",
        '"What is the Cloud Initiative Index?"',
        '"The Cloud Initiative Index of Thử Nghiệm: what is it?"',
    )
    data_copy.replace(
        "sources.yml",
        '"How the Cloud Initiative Index is calculated"',
        '"The Cloud Initiative Index of Thử Nghiệm: how is it computed?"',
    )
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    for lang in LANGS:
        pages = {p.path: p.markdown for p in pii_pages.pages(plan, lang)}
        labels = {}
        for source_id in ("bao-may-2025", "vien-gia-dinh"):
            found = set(re.findall(rf"\[([^\]]*)\]\([^)]*#src-{source_id}\)", "".join(pages.values())))
            assert found, (lang, source_id)
            labels[source_id] = found
        assert not labels["bao-may-2025"] & labels["vien-gia-dinh"], (lang, labels)
        if lang == "en":  # English citations quote the translation, not the Vietnamese title
            assert all("Cloud" in label for found in labels.values() for label in found), labels


def test_every_source_is_cited_and_every_citation_resolves(site: Path, plan):
    for lang in LANGS:
        cited: set[str] = set()
        for path in iter_html(site / lang):
            html = path.read_text(encoding="utf-8")
            cited |= set(re.findall(r'href="[^"]*sources/#src-([a-z0-9-]+)"', html))
        known = {s.id for s in plan.reference.sources}
        assert cited == known, (lang, known - cited, cited - known)


@pytest.mark.parametrize("lang", LANGS)
def test_every_pii_fact_is_shown_with_its_sources(page, lang):
    data = pii_data()
    # "framework.paragraphs" is a nested key: the framework page's paragraphs (the fixture cites two sources).
    for address, sections in (
        ("pii/", ("what", "who", "why")),
        ("pii/framework/", ("framework.paragraphs",)),
        ("pii/method/", ("method",)),
    ):
        html = page(lang, address)
        paragraphs = [(p, " ".join(p.text_content().split())) for p in html.xpath("//article//p")]
        for key in sections:
            for fact in functools.reduce(lambda part, name: part[name], key.split("."), data):
                text = " ".join(fact["text"][lang].split())
                [(element, _)] = [(p, t) for p, t in paragraphs if text in t]
                hrefs = [a.get("href") for a in element.xpath(".//a")]
                for source_id in fact.get("sources", []):
                    assert any(h.endswith(f"sources/#src-{source_id}") for h in hrefs), (key, source_id)
                if "reading" in fact:
                    # The site's own conclusion comes after the citation and says whose it is.
                    label = {
                        "vi": "Từ đó có thể thấy (nhận định của trang này): ",
                        "en": "It follows (this site's reading) that ",
                    }[lang]
                    reading = label + " ".join(fact["reading"][lang].split())
                    paragraph = " ".join(element.text_content().split())
                    citation_end = paragraph.index(")", paragraph.index(text) + len(text))
                    assert paragraph.endswith(reading) and paragraph.index(reading) > citation_end, (key, paragraph)


@pytest.mark.parametrize("lang", LANGS)
def test_no_citation_names_two_sources_alike(page, lang):
    for address in ("", "pii/", "pii/framework/", "pii/method/", "pii/glossary/"):
        for paragraph in page(lang, address).xpath("//article//p | //article//td | //article//li"):
            names = [a.text_content() for a in paragraph.xpath('.//a[contains(@href, "sources/#src-")]')]
            assert len(names) == len(set(names)), (address, names)


@pytest.mark.parametrize("lang", LANGS)
def test_a_fact_with_one_source_says_so_where_it_cites_it(page, lang):
    # The sources page promises it; the fixture's "what" paragraphs cite one source, framework ones two.
    data = pii_data()
    single, several = {"vi": ("(Nguồn duy nhất: ", "(Nguồn: "), "en": ("(Single source: ", "(Sources: ")}[lang]
    paragraphs = [*data["what"], *data["who"], *data["why"], *data["framework"]["paragraphs"]]
    html = page(lang, "pii/")
    html_framework = page(lang, "pii/framework/")
    counts = {1: 0, 2: 0}
    for paragraph in paragraphs:
        text = " ".join(paragraph["text"][lang].split())
        [element] = [p for h in (html, html_framework) for p in h.xpath("//article//p") if text in p.text_content()]
        citation = " ".join(element.text_content().split()).split(text, 1)[1]
        expected = single if len(paragraph["sources"]) == 1 else several
        assert citation.lstrip().startswith(expected), (paragraph["sources"], citation)
        counts[min(len(paragraph["sources"]), 2)] += 1
    assert counts[1] and counts[2], counts


@pytest.mark.parametrize("lang", LANGS)
def test_a_note_on_the_sources_wording_shows_beside_the_unchanged_text(page, plan, lang):
    # The source's odd wording stays; the note says so, marked as not in the original, in both languages.
    [task] = [t for t in plan.tasks if t.note]
    label = {"vi": "Ghi chú của trang, không thuộc văn bản gốc:", "en": "Translator's note, not in the original:"}[lang]
    note = f"{label} {getattr(task.note, lang)}"
    for address in (urls.address(urls.task_page(task.id)), urls.address(urls.PLAN)):
        text = page(lang, address).text()
        assert getattr(task.text, lang) in text and note in text, address
    assert label not in page(lang, urls.address(urls.task_page(plan.tasks[0].id))).text()


def english_variants(data_dir: Path) -> set[tuple[str, str]]:
    plan = load_plan(data_dir, dt.date.fromisoformat(FIXTURE_TODAY))
    labels = [text for wording in all_labels().values() for text in english_wordings(wording["en"])]
    return english_spelling_variants(plan.reference.terms, [*plan_english_texts(plan), *labels])


def english_wordings(wording) -> list[str]:
    return list(wording.values()) if isinstance(wording, dict) else [wording]


def test_each_term_has_one_english_spelling_across_data_and_labels():
    assert english_variants(FIXTURE_DIR) == set()


def test_a_second_english_spelling_of_a_term_is_found(data_copy: DataCopy):
    # The check must see a term in other capitals and a full name that is not the glossary's.
    data_copy.replace("tasks.yml", "the commune's CSM scorecard", "the commune's Csm scorecard")
    data_copy.replace("pii.yml", "The Cloud Initiative Index (CSM)", "The Cloud Innovation Index (CSM)")
    assert english_variants(data_copy.root) == {("csm", "Csm"), ("csm", "The Cloud Innovation Index")}


def test_home_page_points_to_the_pii_explanation_and_cites_nothing_itself(page):
    # Facts and their citations live on the PII pages; the home page links there.
    for lang in LANGS:
        html = page(lang, "")
        assert "pii/" in html.links()
        assert not any("sources/#src-" in href for href in html.links())


def test_method_page_keeps_published_inferred_and_unpublished_apart(page):
    method = page("en", "pii/method/")
    assert [h.text_content().rstrip("¶") for h in method.xpath("//article/h2")][:3] == [
        "Published",
        "Inferred from published results",
        "Not found in the sources this site read",
    ]


# --- The worked example, recomputed here without the project's code ---------------------------------

# The fixture's example is the smallest (2 localities, one indicator per group). This one replaces it
# in a copy to reach what the small one cannot: 3 localities, means over several indicators, groups and
# pillars, and a PII that the rounded sub-index scores shown would not give by hand (30.56 and 13.89
# average to 22.23 rounded half-up, the unrounded PII is 22.22).
NESTED_EXAMPLE = """example:
  localities:
    - {id: mot, name: {vi: "Xã Một", en: "Commune One"}}
    - {id: hai, name: {vi: "Xã Hai", en: "Commune Two"}}
    - {id: ba, name: {vi: "Xã Ba", en: "Commune Three"}}
  shown: hai
  subindices:
    - name: {vi: "Đầu vào", en: "Input"}
      pillars:
        - name: {vi: "Trụ cột P1", en: "Pillar P1"}
          groups:
            - name: {vi: "Nhóm G1", en: "Group G1"}
              indicators:
                - {name: {vi: "Chỉ số 1", en: "Indicator 1"}, values: {mot: 3, hai: 9, ba: 12}}
                - {name: {vi: "Chỉ số 2", en: "Indicator 2"}, values: {mot: 1, hai: 6, ba: 10}}
            - name: {vi: "Nhóm G2", en: "Group G2"}
              indicators:
                - {name: {vi: "Chỉ số 3", en: "Indicator 3"}, values: {mot: 11, hai: 9, ba: 12}}
    - name: {vi: "Đầu ra", en: "Output"}
      pillars:
        - name: {vi: "Trụ cột P2", en: "Pillar P2"}
          groups:
            - name: {vi: "Nhóm G3", en: "Group G3"}
              indicators:
                - {name: {vi: "Chỉ số 4", en: "Indicator 4"}, values: {mot: 12, hai: 4, ba: 3}}
        - name: {vi: "Trụ cột P3", en: "Pillar P3"}
          groups:
            - name: {vi: "Nhóm G4", en: "Group G4"}
              indicators:
                - {name: {vi: "Chỉ số 5", en: "Indicator 5"}, values: {mot: 5, hai: 7, ba: 9}}
                - {name: {vi: "Chỉ số 6", en: "Indicator 6"}, values: {mot: 3, hai: 1, ba: 12}}
                - {name: {vi: "Chỉ số 7", en: "Indicator 7"}, values: {mot: 11, hai: 4, ba: 5.5}}
"""


def independent_example(example: dict) -> tuple[list[str], dict[str, list[float]], dict[str, float], list[list[float]]]:
    ids = [loc["id"] for loc in example["localities"]]
    avg = lambda xs: sum(xs) / len(xs)  # noqa: E731
    scaled_rows: list[list[float]] = []
    subindex_scores: dict[str, list[float]] = {loc: [] for loc in ids}
    for subindex in example["subindices"]:
        pillar_scores: dict[str, list[float]] = {loc: [] for loc in ids}
        for pillar in subindex["pillars"]:
            group_scores: dict[str, list[float]] = {loc: [] for loc in ids}
            for group in pillar["groups"]:
                indicator_scores: dict[str, list[float]] = {loc: [] for loc in ids}
                for indicator in group["indicators"]:
                    values = indicator["values"]
                    low, high = min(values.values()), max(values.values())
                    row = [(values[loc] - low) / (high - low) * 100 for loc in ids]
                    scaled_rows.append(row)
                    for loc, score in zip(ids, row, strict=True):
                        indicator_scores[loc].append(score)
                for loc in ids:
                    group_scores[loc].append(avg(indicator_scores[loc]))
            for loc in ids:
                pillar_scores[loc].append(avg(group_scores[loc]))
        for loc in ids:
            subindex_scores[loc].append(avg(pillar_scores[loc]))
    overall = {loc: avg(subindex_scores[loc]) for loc in ids}
    return ids, subindex_scores, overall, scaled_rows


def method_page_of_nested_example(data_copy: DataCopy, lang: str, tmp_path: Path) -> tuple[dict, Page]:
    """The method page of a copy whose example is NESTED_EXAMPLE, rendered from its Markdown with the
    site's Markdown extensions (a full build for one page would triple this test's time)."""
    import markdown

    pii_file = data_copy.path("pii.yml")
    text = pii_file.read_text(encoding="utf-8")
    pii_file.write_text(text[: text.index("\nexample:\n") + 1] + NESTED_EXAMPLE, encoding="utf-8")
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    [source] = [p.markdown for p in pii_pages.pages(plan, lang) if p.path == urls.PII_METHOD]
    body = markdown.markdown(
        source.split("\n---\n", 1)[1], extensions=["tables", "attr_list", "md_in_html", "admonition"]
    )
    path = tmp_path / f"method-{lang}.html"
    path.write_text(
        f'<html><head><meta charset="utf-8"></head><body><article>{body}</article></body></html>', encoding="utf-8"
    )
    return yaml.safe_load(pii_file.read_text(encoding="utf-8"))["example"], Page(path)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", ["fixture", "nested"])
def test_worked_example_numbers_equal_an_independent_calculation(page, data_copy, tmp_path, which, lang):
    if which == "fixture":
        example, html = pii_data()["example"], page(lang, "pii/method/")
    else:
        example, html = method_page_of_nested_example(data_copy, lang, tmp_path)
    ids, subindex_scores, overall, scaled_rows = independent_example(example)
    shown = example["shown"]
    fmt = (lambda x: f"{x:.2f}".replace(".", ",")) if lang == "vi" else (lambda x: f"{x:.2f}")
    step1, results = html.xpath("//article//table")
    # Step 1: the last column ends with the shown locality's scaled score.
    last_cells = [" ".join(row.xpath("string(td[last()])").split()) for row in step1.xpath("tbody/tr")]
    assert [cell.rsplit("= ", 1)[1] for cell in last_cells] == [fmt(row[ids.index(shown)]) for row in scaled_rows]
    # Results: sub-indices and PII for every locality.
    rows = [[" ".join(td.text_content().split()) for td in row.xpath("td")] for row in results.xpath("tbody/tr")]
    assert [row[1:] for row in rows] == [[fmt(s) for s in subindex_scores[loc]] + [fmt(overall[loc])] for loc in ids]
    # Step 5 shows the PII of the shown locality; where the rounded sub-index scores shown would not give
    # it by hand (half-up rounding), the line says it is computed on unrounded values.
    note = {"vi": " (tính trên số chưa làm tròn)", "en": " (computed on unrounded values)"}[lang]
    [pii_line] = [
        p
        for p in html.xpath("//article//p")
        if p.text_content().startswith({"vi": "Điểm PII:", "en": "PII score:"}[lang])
    ]
    shown_parts = [Decimal(f"{s:.2f}") for s in subindex_scores[shown]]
    by_hand = (sum(shown_parts, Decimal(0)) / len(shown_parts)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    expected = f"= {fmt(overall[shown])}" + (note if by_hand != Decimal(f"{overall[shown]:.2f}") else "")
    assert " ".join(pii_line.text_content().split()).endswith(expected)
    assert {"vi": "Số liệu giả định", "en": "Illustrative numbers"}[lang] in html.text()
