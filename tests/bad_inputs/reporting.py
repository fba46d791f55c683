"""data/reporting.yml gone wrong: a coordinator that is not a unit, a round id used twice, a period
that ends before it starts, a due day before the period, an empty list of the report's recipients; and
the compiled report's place in plan.yml left empty. (The reporting forms in data/reports/ have their own
module.)"""

from __future__ import annotations

from bad_inputs import BadInput, changed, where
from bad_inputs.references import unknown, used_again

CASES = [
    changed(
        "the-coordinator-is-not-a-unit",
        "reporting.yml",
        "coordinator: to-cong-tac-doi-moi",
        "coordinator: to-cong-tac",
        "unknown_ref",
        unknown("units", "to-cong-tac", "units.yml", "to-cong-tac-doi-moi"),
        where("", None, "coordinator"),
    ),
    used_again(
        "a-round-id-used-twice",
        "reporting.yml",
        "id: 2026-q2",
        "id: 2026-q3",
        "2026-q2",
        where("rounds", "2026-q2", "id"),
    ),
    changed(
        "a-period-that-ends-before-it-starts",
        "reporting.yml",
        "period: {start: 2026-07-01, end: 2026-09-30}",
        "period: {start: 2026-07-01, end: 2026-06-30}",
        "round_end_before_start",
        {"found": "2026-06-30", "start": "2026-07-01"},
        where("rounds", "2026-q3", "period.end"),
    ),
    changed(
        "a-round-due-before-its-period-starts",
        "reporting.yml",
        "due: 2026-10-05",
        "due: 2026-06-05",
        "round_due_before_start",
        {"found": "2026-06-05", "start": "2026-07-01"},
        where("rounds", "2026-q3", "due"),
    ),
    BadInput(
        "an-empty-list-of-the-reports-recipients",
        # The line after the coordinator's: the one the new key is on.
        lambda data: (
            data.replace(
                "reporting.yml",
                "coordinator: to-cong-tac-doi-moi\n",
                "coordinator: to-cong-tac-doi-moi\nrecipients: []\n",
            )
            + 1
        ),
        "reporting.yml",
        "empty_list",
        {"count": 1},
        where=where("", None, "recipients"),
        problems=1,
    ),
    changed(
        "an-empty-place-for-the-reports-date-line",
        "plan.yml",
        'place: "Sông Mây"',
        'place: ""',
        "empty_text",
        {},
        where("", None, "place"),
    ),
]
