"""The PII reference files on the fixture plan: a fact citing an unknown source, a published
statement without a source and an example that cannot be computed are each reported with file, line
and field; glossary linking keeps data text escaped and links whole words only."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import FIXTURE_TODAY, DataCopy

from pii_site import DataError, load_plan
from pii_site.pages.glossary_links import GlossaryLinker
from pii_site.pages.render import escape_markdown


def problems_of(data_copy: DataCopy) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    return [str(problem) for problem in caught.value.problems]


def test_unknown_source_id_names_file_line_and_closest_id(data_copy: DataCopy):
    line = data_copy.replace(
        "pii.yml", "sources: [vien-gia-dinh, fictional-review]", "sources: [vien-gia-dinh, fictional-revew]"
    )
    [problem] = problems_of(data_copy)
    assert problem.startswith(f"{data_copy.path('pii.yml')}:{line}: ")
    assert (
        f'không có nguồn "fictional-revew" trong {data_copy.path("sources.yml")}. Có phải là "fictional-review"?'
        in problem
    )
    assert "(en) " in problem and f'there is no source "fictional-revew" in {data_copy.path("sources.yml")}.' in problem


def test_unknown_source_in_pillars_file_is_reported_too(data_copy: DataCopy):
    line = data_copy.replace(
        "pillars.yml",
        "sources: [so-thu-nghiem-2026, fictional-review]",
        "sources: [so-thu-nghiem-206, fictional-review]",
    )
    [problem] = problems_of(data_copy)
    assert problem.startswith(f"{data_copy.path('pillars.yml')}:{line}: ")
    assert 'there is no source "so-thu-nghiem-206"' in problem and 'Did you mean "so-thu-nghiem-2026"?' in problem


def test_duplicate_source_id(data_copy: DataCopy):
    first = data_copy.line_of("sources.yml", "- id: bao-may-2025")
    second = data_copy.replace("sources.yml", "- id: vien-gia-dinh", "- id: bao-may-2025")
    problems = problems_of(data_copy)
    assert any(
        p.startswith(f"{data_copy.path('sources.yml')}:{second}: nguồn bao-may-2025") and f"dòng {first}" in p
        for p in problems
    )


def test_published_method_statement_needs_a_source(data_copy: DataCopy):
    # The fixture's published method statement (basis: published) loses its only source.
    statement = '      en: "Scores are on a 0–100 scale."\n'
    line = (
        data_copy.replace("pii.yml", statement + "    sources: [vien-gia-dinh]\n", statement + "    sources: []\n") + 1
    )
    [problem] = problems_of(data_copy)
    assert problem.startswith(f"{data_copy.path('pii.yml')}:{line}: ")
    assert "nội dung này cần ít nhất một nguồn" in problem and "this statement needs at least one source" in problem


def test_example_value_missing_for_a_locality(data_copy: DataCopy):
    line = data_copy.replace("pii.yml", "values: {may: 4, gio: 10}", "values: {may: 4}")
    [problem] = problems_of(data_copy)
    assert problem.startswith(f"{data_copy.path('pii.yml')}:{line}: ")
    assert "cần đúng một giá trị cho mỗi địa phương của ví dụ (may, gio), nhưng đang có: may." in problem


def test_example_with_equal_values_cannot_be_scaled(data_copy: DataCopy):
    data_copy.replace("pii.yml", "values: {may: 7.5, gio: 2}", "values: {may: 2, gio: 2}")
    [problem] = problems_of(data_copy)
    assert "không đưa về thang 0–100 được" in problem and "cannot be scaled to 0–100" in problem


def linker(plan) -> GlossaryLinker:
    """The fixture's terms: CSM and OCAP (one word), "Lớp học số" (several words with diacritics)."""
    return GlossaryLinker(plan.reference.terms, lambda term_id: f"g.md#{term_id}")


def test_glossary_links_whole_terms_inside_escaped_text(plan):
    text = escape_markdown("nâng cao (Chỉ số CSM), OCAP và lớp học số buổi tối; CSMX không phải.")
    assert linker(plan)(text) == (
        r"nâng cao \(Chỉ số [CSM](g.md#csm)\), [OCAP](g.md#ocap) và "
        r"[lớp học số](g.md#lop-hoc-so) buổi tối; CSMX không phải\."
    )


def test_glossary_linking_keeps_markup_in_data_as_text(plan):
    text = escape_markdown("<script>alert(1)</script> [CSM](http://x)")
    linked = linker(plan)(text)
    assert linked.startswith(r"&lt;script\>alert\(1\)&lt;/script\>")  # still text, not a tag
    assert r"\[[CSM](g.md#csm)\]\(http://x\)" in linked
