"""The PII calculation as the published results imply it, for the illustrative worked example.

Called by pages/framework.py (the method page shows every step) and by the tests, which recompute the
numbers on their own. Each indicator is scaled to 0–100 by min–max over the localities, then plain
means go up through indicator groups, pillars and sub-indices; the PII is the mean of the two
sub-indices. Inferred from published results, not an official formula: the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pii_site.source.schema.base import Text
from pii_site.source.schema.pii import Example


def min_max_score(value: float, lowest: float, highest: float) -> float:
    """0 for the lowest locality, 100 for the highest, in proportion between."""
    return (value - lowest) / (highest - lowest) * 100


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def shown_parts_miss_the_result(parts: list[float], result: float) -> bool:
    """True when a reader averaging the parts as the page shows them (2 decimals) and rounding would not
    get the result as shown, e.g. (59.38 + 46.43) / 2 = 52.905 -> 52.91 against 52.90: the page then
    says the step is computed on unrounded values."""
    shown = [Decimal(f"{part:.2f}") for part in parts]
    by_hand = (sum(shown, Decimal(0)) / len(shown)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return by_hand != Decimal(f"{result:.2f}")


@dataclass(frozen=True)
class ScaledIndicator:
    name: Text
    values: dict[str, float]
    lowest: float
    highest: float
    scores: dict[str, float]


@dataclass(frozen=True)
class Level:
    """A group, pillar or sub-index: its parts and its score per locality (the mean of the parts)."""

    name: Text
    parts: tuple[ScaledIndicator, ...] | tuple[Level, ...]  # ScaledIndicator for a group, Level otherwise
    scores: dict[str, float]


@dataclass(frozen=True)
class ExampleResult:
    locality_ids: tuple[str, ...]
    subindices: tuple[Level, ...]
    overall: dict[str, float]


def scale_indicator(name: Text, values: dict[str, float]) -> ScaledIndicator:
    lowest, highest = min(values.values()), max(values.values())
    scores = {loc: min_max_score(value, lowest, highest) for loc, value in values.items()}
    return ScaledIndicator(name, dict(values), lowest, highest, scores)


def _level(name: Text, parts: tuple[ScaledIndicator, ...] | tuple[Level, ...], ids: tuple[str, ...]) -> Level:
    return Level(name, parts, {loc: mean([part.scores[loc] for part in parts]) for loc in ids})


def compute_example(example: Example) -> ExampleResult:
    ids = tuple(loc.id for loc in example.localities)
    subindices = tuple(
        _level(
            subindex.name,
            tuple(
                _level(
                    pillar.name,
                    tuple(
                        _level(
                            group.name, tuple(scale_indicator(ind.name, ind.values) for ind in group.indicators), ids
                        )
                        for group in pillar.groups
                    ),
                    ids,
                )
                for pillar in subindex.pillars
            ),
            ids,
        )
        for subindex in example.subindices
    )
    overall = {loc: mean([subindex.scores[loc] for subindex in subindices]) for loc in ids}
    return ExampleResult(ids, subindices, overall)
