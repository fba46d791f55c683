"""The PII reference facts' cross-file rules (sources, glossary, pii.yml; the object they make is
model/reference.py's PiiReference).

Called by the loader: `check_reference` in its second pass (unknown or duplicate source ids, method
statements without sources, an example that cannot be computed). Nothing here renders text.
"""

from __future__ import annotations

from typing import Any

from pii_site.source.errors import Problem
from pii_site.source.schema.pii import GlossaryFile, PiiFile, SourcesFile
from pii_site.source.validation import duplicate_ids, problem_at, unknown_reference
from pii_site.source.yaml_source import KeyPath, YamlSource

# The files whose "sources" lists must name sources in sources.yml.
_CITING_FILES = ("pii.yml", "glossary.yml", "pillars.yml")


def check_reference(sources: dict[str, YamlSource], parsed: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    source_file: SourcesFile = parsed["sources.yml"]
    glossary: GlossaryFile = parsed["glossary.yml"]
    facts: PiiFile = parsed["pii.yml"]
    problems += duplicate_ids(
        sources["sources.yml"], [(("sources", i, "id"), s.id) for i, s in enumerate(source_file.sources)]
    )
    problems += duplicate_ids(
        sources["glossary.yml"], [(("terms", i, "id"), t.id) for i, t in enumerate(glossary.terms)]
    )
    problems += _shared_spellings(sources["glossary.yml"], glossary)
    known_ids = [s.id for s in source_file.sources]
    for name in _CITING_FILES:
        for path, found in _cited_ids(sources[name].data):
            if problem := unknown_reference(
                sources[name], path, found, "sources", sources["sources.yml"].label, known_ids
            ):
                problems.append(problem)
    for i, paragraph in enumerate(facts.method):
        if paragraph.basis != "unpublished" and not paragraph.sources:
            problems.append(problem_at(sources["pii.yml"], ("method", i, "sources"), "pii_needs_source"))
    problems += _check_example(sources["pii.yml"], facts)
    return problems


def _shared_spellings(source: YamlSource, glossary: GlossaryFile) -> list[Problem]:
    """A spelling (matched regardless of case) may link to one term only; otherwise one would
    silently win over the other on every page."""
    owner: dict[str, tuple[str, KeyPath]] = {}
    problems = []
    for i, term in enumerate(glossary.terms):
        for j, spelling in enumerate(term.match):
            path: KeyPath = ("terms", i, "match", j)
            first = owner.setdefault(spelling.casefold(), (term.id, path))
            if first[0] != term.id:
                problems.append(
                    problem_at(
                        source,
                        path,
                        "glossary_duplicate_spelling",
                        found=spelling,
                        other=first[0],
                        other_line=source.line_of(first[1]),
                    )
                )
    return problems


def _cited_ids(node: Any, path: KeyPath = ()) -> list[tuple[KeyPath, Any]]:
    """Every (path, id) in a list under a key named "sources" or ending in "_sources"."""
    found: list[tuple[KeyPath, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if (key == "sources" or str(key).endswith("_sources")) and isinstance(value, list):
                found += [((*path, key, i), item) for i, item in enumerate(value) if not isinstance(item, dict)]
            else:
                found += _cited_ids(value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found += _cited_ids(item, (*path, i))
    return found


def _check_example(source: YamlSource, facts: PiiFile) -> list[Problem]:
    example = facts.example
    ids = [loc.id for loc in example.localities]
    problems = duplicate_ids(
        source, [(("example", "localities", i, "id"), loc.id) for i, loc in enumerate(example.localities)]
    )
    if problem := unknown_reference(source, ("example", "shown"), example.shown, "localities", source.label, ids):
        problems.append(problem)
    for s, subindex in enumerate(example.subindices):
        for p, pillar in enumerate(subindex.pillars):
            for g, group in enumerate(pillar.groups):
                for n, indicator in enumerate(group.indicators):
                    path: KeyPath = ("example", "subindices", s, "pillars", p, "groups", g, "indicators", n, "values")
                    if sorted(indicator.values) != sorted(ids):
                        problems.append(
                            problem_at(
                                source,
                                path,
                                "pii_example_values",
                                expected=", ".join(ids),
                                found=", ".join(indicator.values),
                            )
                        )
                    elif len(set(indicator.values.values())) < 2:
                        problems.append(problem_at(source, path, "pii_example_flat"))
    return problems
