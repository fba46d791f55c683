"""The PII reference facts (sources.yml, glossary.yml, pii.yml) as one object of the Plan; their
cross-file rules are source/pii_reference.py's. Built by the loader; page families read
`plan.reference`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pii_site.source.schema.pii import GlossaryFile, GlossaryTerm, PiiFile, Source, SourcesFile


@dataclass(frozen=True)
class PiiReference:
    sources: list[Source]
    terms: list[GlossaryTerm]
    facts: PiiFile

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def term(self, term_id: str) -> GlossaryTerm:
        return next(t for t in self.terms if t.id == term_id)


def build_reference(parsed: dict[str, Any]) -> PiiReference:
    sources: SourcesFile = parsed["sources.yml"]
    glossary: GlossaryFile = parsed["glossary.yml"]
    return PiiReference(sources=list(sources.sources), terms=list(glossary.terms), facts=parsed["pii.yml"])
