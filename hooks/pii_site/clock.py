"""What "today" is for date checks and for stale/overdue tasks: PII_TODAY (YYYY-MM-DD) or the real date.

Read by loader.load_plan when the caller gives no date. Tests and the demo set PII_TODAY so that
"in the future", "overdue" and "no update for 90 days" do not change with the calendar.
"""

from __future__ import annotations

import datetime as dt
import os


class ClockError(ValueError):
    """PII_TODAY is set but is not a date (a mistake of whoever runs the build, not of the data)."""


def today(environ: dict[str, str] | None = None) -> dt.date:
    env = os.environ if environ is None else environ
    value = env.get("PII_TODAY")
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ClockError(f"PII_TODAY must be a date written YYYY-MM-DD, not {value!r}.") from None
