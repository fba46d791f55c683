"""The reporting chain: who collects the units' reports, the rounds, and who has reported in each.

Built by model/load.py from data/reporting.yml (optional) and the forms in data/reports/<round>/;
used by the progress and unit pages, the exports, the feed, the blank forms and the compiled report.
Which units owe a form: every unit that leads a task, except collective ones ("all divisions"),
which report through their members. Nothing here is invented: without rounds there is no deadline,
so nothing about deadlines is said.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pii_site.source.schema.plan import Unit
from pii_site.source.schema.reporting import Round
from pii_site.source.schema.status import FormUpdate

# Where a unit stands in a round: its form is in the round's folder, dated on or before the due day
# (on-time) or after it (late); or there is no form yet, before the due day (not-yet) or after it
# (missing).
SubmissionState = Literal["on-time", "late", "not-yet", "missing"]
SUBMISSION_STATES: tuple[SubmissionState, ...] = ("on-time", "late", "not-yet", "missing")


@dataclass(frozen=True)
class Submission:
    """One unit's form for one round, read from data/reports/<round id>/<unit id>.xlsx."""

    round_id: str
    unit: Unit
    file: str  # as messages and the guide name it, e.g. data/reports/2026-q2/phong-kinh-te.xlsx
    updates: tuple[FormUpdate, ...]  # one per filled row, in the form's order; a form with none is refused

    @property
    def report_date(self) -> dt.date:
        """The day the unit reported: the latest date of its filled rows."""
        return max(u.date for u in self.updates)


@dataclass(frozen=True)
class UnitInRound:
    """A unit that owes a form in a round, and where it stands."""

    unit: Unit
    state: SubmissionState
    submission: Submission | None


@dataclass(frozen=True)
class RoundStatus:
    """Every unit that owes a form in one round, seen from the build's today."""

    round: Round
    units: tuple[UnitInRound, ...]
    today: dt.date

    @property
    def due_passed(self) -> bool:
        return self.round.due < self.today

    def in_state(self, *states: SubmissionState) -> list[UnitInRound]:
        return [u for u in self.units if u.state in states]

    @property
    def reported(self) -> list[UnitInRound]:
        return self.in_state("on-time", "late")

    @property
    def not_reported(self) -> list[UnitInRound]:
        return self.in_state("not-yet", "missing")

    def of(self, unit_id: str) -> UnitInRound | None:
        """Where the unit `unit_id` stands; None for a unit that owes no form."""
        return next((u for u in self.units if u.unit.id == unit_id), None)

    def days_late(self, entry: UnitInRound) -> int | None:
        """How many days after the due day a late form is dated; None for any other standing."""
        if entry.state != "late" or entry.submission is None:
            return None
        return (entry.submission.report_date - self.round.due).days


@dataclass(frozen=True)
class Reporting:
    coordinator: Unit | None  # None when data/reporting.yml is absent
    rounds: tuple[Round, ...]  # by period start
    submissions: tuple[Submission, ...]
    reporting_units: tuple[Unit, ...]  # the units that owe a form each round, in units.yml order
    today: dt.date
    # The compiled report's recipients (Nơi nhận) when data/reporting.yml gives them; else the plan's.
    recipients: tuple[str, ...] | None = None

    def round(self, round_id: str) -> Round:
        return next(r for r in self.rounds if r.id == round_id)

    @property
    def current_round(self) -> Round | None:
        """The round being reported on now: the last one whose period has started by today, or the first
        one while none has started (its forms can be handed out ahead); None without rounds."""
        started = [r for r in self.rounds if r.period.start <= self.today]
        if started:
            return started[-1]
        return self.rounds[0] if self.rounds else None

    @property
    def rounds_so_far(self) -> tuple[Round, ...]:
        """The rounds up to the current one, oldest first: those a unit can stand in; later rounds
        have not begun, so nobody owes them anything yet."""
        current = self.current_round
        return self.rounds[: self.rounds.index(current) + 1] if current else ()

    @property
    def earlier_rounds(self) -> tuple[Round, ...]:
        """The rounds before the current one, newest first."""
        return tuple(reversed(self.rounds_so_far[:-1]))

    @functools.cached_property
    def _by_round_and_unit(self) -> dict[tuple[str, str], Submission]:
        # Every page of every unit asks for every round: a lookup, not a scan of every form.
        return {(s.round_id, s.unit.id): s for s in self.submissions}

    def submission(self, round_id: str, unit_id: str) -> Submission | None:
        return self._by_round_and_unit.get((round_id, unit_id))

    def status(self, round_: Round) -> RoundStatus:
        units = []
        for unit in self.reporting_units:
            submission = self.submission(round_.id, unit.id)
            units.append(UnitInRound(unit, _state(round_, submission, self.today), submission))
        return RoundStatus(round_, tuple(units), self.today)

    def standing_of(self, unit: Unit) -> list[tuple[RoundStatus, UnitInRound]]:
        """Where `unit` stands in each round so far, the current round first; empty for a unit that
        owes no form, or without rounds."""
        if all(u.id != unit.id for u in self.reporting_units):
            return []
        result = []
        for round_ in reversed(self.rounds_so_far):
            status = self.status(round_)
            entry = status.of(unit.id)
            assert entry is not None  # every reporting unit stands in every round
            result.append((status, entry))
        return result


def _state(round_: Round, submission: Submission | None, today: dt.date) -> SubmissionState:
    if submission is None:
        return "missing" if round_.due < today else "not-yet"
    return "late" if submission.report_date > round_.due else "on-time"


def reporting_units(units: Sequence[Unit], leads: set[str]) -> tuple[Unit, ...]:
    """The units that owe a form: those leading at least one task (`leads`: their ids), not collective."""
    return tuple(u for u in units if u.id in leads and not u.collective)
