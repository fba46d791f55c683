"""Glossary linking on the fixture plan keeps data text escaped and links whole words only. The PII
reference files' refusals (unknown source, published statement without a source, a worked example
that cannot be computed) are cases of the corpus: tests/bad_inputs/references.py."""

from __future__ import annotations

import pytest

from pii_site.pages.glossary_links import GlossaryLinker
from pii_site.render.templating import escape_markdown


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


@pytest.mark.usefixtures("fixture_today")
def test_glossary_term_links_only_on_word_boundaries_of_the_plain_text():
    from pii_site.pages.glossary_links import GlossaryLinker
    from pii_site.render.templating import escape_markdown

    class Term:
        id, match = "csm", ["CSM"]

    gloss = GlossaryLinker([Term()], lambda term_id: f"g.md#{term_id}")  # type: ignore[list-item]
    assert gloss(escape_markdown("CSM_2026 và x_CSM")) == r"CSM\_2026 và x\_CSM"  # one word each: no link
    assert gloss(escape_markdown("CSM*, CSM.")) == r"[CSM](g.md#csm)\*, [CSM](g.md#csm)\."
