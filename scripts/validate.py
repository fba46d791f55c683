"""Check the data folder and explain every problem: `python scripts/validate.py [--data DIR]`.

Exit status 0 when the data is valid, 1 otherwise (each problem as file:line: message).
Uses the same loader as the build, so it reports exactly what would stop a build.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pii_site import DataError, clock, load_plan

PROJECT_DIR = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the plan data (data/*.yml) for problems.")
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("PII_DATA_DIR") or PROJECT_DIR / "data"),
        help="data folder to check (default: PII_DATA_DIR or data/)",
    )
    args = parser.parse_args(argv)
    try:
        plan = load_plan(args.data)
    except clock.ClockError as error:
        print(error, file=sys.stderr)
        return 1
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"OK: {len(plan.tasks)} nhiệm vụ / tasks, {len(plan.units)} đơn vị / units, "
        f"{len(plan.pillars)} trụ cột / pillars, {len(plan.duties)} mục IV / duties, "
        f"{sum(len(t.progress.updates) for t in plan.tasks)} cập nhật tiến độ / progress updates."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
