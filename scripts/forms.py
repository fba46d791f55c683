"""Write every reporting unit's blank report form into a folder: `python scripts/forms.py [--round ID] [--out DIR]`.

The same forms the site publishes for download (forms/<unit id>.xlsx), made for round ID of
data/reporting.yml (default: the current round; none when the data has no rounds), for the
coordinator to send to the units by e-mail or Zalo. `make forms ROUND=2026-q3 OUT=forms-2026-q3`.
Exit status 0 when every form was written, 1 on bad data, an unknown round or a folder that
cannot be written. Each form is written atomically (temporary file, then renamed).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from pii_site import DataError, load_plan
from pii_site.outputs.form_writer import form_workbook
from pii_site.settings import Settings, SettingsError
from pii_site.source.entries import unreadable_reason
from pii_site.source.errors import message
from pii_site.source.status_file import write_atomically

PROJECT_DIR = Path(__file__).resolve().parent.parent


def say(key: str, **values: Any) -> str:
    vi, en = message(key, **values)
    return f"{vi}\n    (en) {en}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write each reporting unit's blank report form (.xlsx) into a folder.")
    parser.add_argument("--round", help="id of a round in data/reporting.yml (default: the current round)")
    parser.add_argument("--out", type=Path, default=Path("forms"), help="folder to write into (default: forms/)")
    parser.add_argument("--data", type=Path, help="data folder (default: PII_DATA_DIR or data/)")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_environ(os.environ, PROJECT_DIR, data_dir=args.data)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        plan = load_plan(settings.data_dir, settings.today, cache_dir=settings.cache_dir)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    reporting = plan.reporting
    round_ = reporting.current_round
    if args.round:
        round_ = next((r for r in reporting.rounds if r.id == args.round), None)
        if round_ is None:
            known = ", ".join(r.id for r in reporting.rounds) or "—"
            print(say("forms_script.unknown_round", found=args.round, known=known), file=sys.stderr)
            return 1
    for unit in reporting.reporting_units:
        path = args.out / f"{unit.id}.xlsx"
        try:
            write_atomically(path, form_workbook(plan, unit, round_))
        except OSError as error:
            reason_vi, reason_en = unreadable_reason(error)
            print(
                say("forms_script.write_failed", file=path, reason_vi=reason_vi, reason_en=reason_en), file=sys.stderr
            )
            return 1
    name_vi, name_en = (round_.name.vi, round_.name.en) if round_ else message("forms_script.no_round")
    count = len(reporting.reporting_units)
    print(say("forms_script.written", count=count, folder=args.out, round_vi=name_vi, round_en=name_en))
    return 0


if __name__ == "__main__":
    sys.exit(main())
