"""The PII reference files: a fact citing an unknown source, a published statement without a source
and an example that cannot be computed are each reported with file, line and field; glossary
linking keeps data text escaped and links whole words only."""

from __future__ import annotations

import pytest

from conftest import DataCopy
from pii_site import DataError, load_plan
from pii_site.glossary_links import GlossaryLinker
from pii_site.render import escape_markdown


def problems_of(data_copy: DataCopy) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_plan(data_copy.root)
    return [str(problem) for problem in caught.value.problems]


def test_unknown_source_id_names_file_line_and_closest_id(data_copy: DataCopy):
    line = data_copy.replace("pii.yml", "sources: [vnexpress-hoi-dap, ueh-hau-giang]", "sources: [vnexpress-hoi-dap, ueh-hau-gian]")
    [problem] = problems_of(data_copy)
    assert problem.startswith(f'{data_copy.path("pii.yml")}:{line}: ')
    assert f'không có nguồn "ueh-hau-gian" trong {data_copy.path("sources.yml")}. Có phải là "ueh-hau-giang"?' in problem
    assert '(en) ' in problem and f'there is no source "ueh-hau-gian" in {data_copy.path("sources.yml")}.' in problem


def test_unknown_source_in_pillars_file_is_reported_too(data_copy: DataCopy):
    line = data_copy.replace("pillars.yml", "sources: [vjs-gii, sitelocationadviser-2023]", "sources: [vjs-gi, sitelocationadviser-2023]")
    [problem] = problems_of(data_copy)
    assert problem.startswith(f'{data_copy.path("pillars.yml")}:{line}: ')
    assert 'there is no source "vjs-gi"' in problem and 'Did you mean "vjs-gii"?' in problem


def test_duplicate_source_id(data_copy: DataCopy):
    first = data_copy.line_of("sources.yml", "- id: vir-2025")
    second = data_copy.replace("sources.yml", "- id: visti-2024", "- id: vir-2025")
    problems = problems_of(data_copy)
    assert any(p.startswith(f'{data_copy.path("sources.yml")}:{second}: nguồn vir-2025') and f"dòng {first}" in p for p in problems)


def test_published_method_statement_needs_a_source(data_copy: DataCopy):
    line = data_copy.replace("pii.yml", "    sources: [vnexpress-thai-nguyen]\n", "    sources: []\n")
    [problem] = problems_of(data_copy)
    assert problem.startswith(f'{data_copy.path("pii.yml")}:{line}: ')
    assert "nội dung này cần ít nhất một nguồn" in problem and "this statement needs at least one source" in problem


def test_example_value_missing_for_a_locality(data_copy: DataCopy):
    line = data_copy.replace("pii.yml", "values: {a: 25, b: 10, c: 40}", "values: {a: 25, b: 10}")
    [problem] = problems_of(data_copy)
    assert problem.startswith(f'{data_copy.path("pii.yml")}:{line}: ')
    assert "cần đúng một giá trị cho mỗi địa phương của ví dụ (a, b, c), nhưng đang có: a, b." in problem


def test_example_with_equal_values_cannot_be_scaled(data_copy: DataCopy):
    data_copy.replace("pii.yml", "values: {a: 5, b: 9, c: 2}", "values: {a: 5, b: 5, c: 5}")
    [problem] = problems_of(data_copy)
    assert "không đưa về thang 0–100 được" in problem and "cannot be scaled to 0–100" in problem


class Term:
    def __init__(self, term_id: str, match: list[str]) -> None:
        self.id, self.match = term_id, match


def linker() -> GlossaryLinker:
    terms = [Term("pci", ["PCI"]), Term("par-index", ["PAR Index"]), Term("hdi", ["Chỉ số phát triển con người"])]
    return GlossaryLinker(terms, lambda term_id: f"g.md#{term_id}")  # type: ignore[arg-type]


def test_glossary_links_whole_terms_inside_escaped_text():
    text = escape_markdown("nâng cao (Chỉ số PCI), PAR Index và chỉ số phát triển con người; PCIX không phải.")
    assert linker()(text) == (
        r"nâng cao \(Chỉ số [PCI](g.md#pci)\), [PAR Index](g.md#par-index) và "
        r"[chỉ số phát triển con người](g.md#hdi); PCIX không phải\."
    )


def test_glossary_linking_keeps_markup_in_data_as_text():
    text = escape_markdown("<script>alert(1)</script> [PCI](http://x)")
    linked = linker()(text)
    assert linked.startswith(r"&lt;script\>alert\(1\)&lt;/script\>")  # still text, not a tag
    assert r"\[[PCI](g.md#pci)\]\(http://x\)" in linked
