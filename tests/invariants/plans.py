"""The plans the invariants are checked on, each a name and a function that writes its data folder
into an empty temporary folder and says from which day the plan is seen.

tests/test_invariants.py parametrizes every invariant over PLANS: a new plan is one more line.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpers import DEMO_OVERLAY, DEMO_TODAY, FIXTURE_DIR, FIXTURE_TODAY, REAL_DATA_DIR

from invariants import other_commune, staff_journey
from pii_site.overlay import lay_overlay


@dataclass(frozen=True)
class PreparedData:
    data_dir: Path
    today: dt.date  # for "in the future", overdue and stale


@dataclass(frozen=True)
class PlanSource:
    name: str
    prepare: Callable[[Path], PreparedData]  # given an empty folder of its own


def copy_of(source: Path, today: str | None = None) -> Callable[[Path], PreparedData]:
    """A preparer that copies the data folder `source` (links followed), seen from `today`
    (YYYY-MM-DD) or, without it, from the real clock."""

    def prepare(folder: Path) -> PreparedData:
        data_dir = folder / "data"
        shutil.copytree(source, data_dir)
        return PreparedData(data_dir, dt.date.fromisoformat(today) if today else dt.date.today())

    return prepare


def staff_journey_plan(folder: Path) -> PreparedData:
    data_dir = folder / "data"
    shutil.copytree(REAL_DATA_DIR, data_dir)
    return PreparedData(data_dir, staff_journey.carry_out(data_dir))


def other_commune_plan(folder: Path) -> PreparedData:
    data_dir = folder / "data"
    other_commune.generate(REAL_DATA_DIR, data_dir)
    return PreparedData(data_dir, dt.date.today())


def demo_plan(folder: Path) -> PreparedData:
    """The demonstration as `make demo` shows it: its overlay laid over the real data (a demo status
    file whose task staff removed is left out, so this stays valid whatever staff change)."""
    return PreparedData(
        lay_overlay(REAL_DATA_DIR, DEMO_OVERLAY, folder / "data").data_dir, dt.date.fromisoformat(DEMO_TODAY)
    )


REAL = PlanSource("real", copy_of(REAL_DATA_DIR))
STAFF_JOURNEY = PlanSource("staff-journey", staff_journey_plan)
OTHER_COMMUNE = PlanSource("other-commune", other_commune_plan)
DEMO = PlanSource("demo", demo_plan)
# The fictional plan as the session build (tests/conftest.py `site`) has it: the invariants reuse that build.
FIXTURE = PlanSource("fixture", copy_of(FIXTURE_DIR, FIXTURE_TODAY))

PLANS = [
    REAL,
    DEMO,
    FIXTURE,
    STAFF_JOURNEY,
    OTHER_COMMUNE,
]
