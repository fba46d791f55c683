"""Write the compiled report of one reporting round: `python scripts/report.py --round 2026-q2 --out bao-cao.docx`.

For the coordinator (`make report ROUND=… OUT=…`): the periodic report of the commune People's
Committee to the Department of Science and Technology, as a Word document in the format of Decree
30/2020/NĐ-CP, from data/ and the template in hooks/pii_site/outputs/templates/ (see its README).
The number, the date, the proposals and the signature are left for the clerk. Without --round: the
current round (the last one started). The file is written atomically: a failed run leaves an older
file of the same name as it was. Every refusal is one message in both languages and exit status 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import _project  # noqa: F401  (first: finds the package in hooks/, or says how to install it)

from pii_site import DataError, load_plan
from pii_site.outputs.compiled_report import ReportTemplateError, render_report
from pii_site.settings import Settings, SettingsError
from pii_site.source.errors import message, shorten
from pii_site.source.status_file import write_atomically

PROJECT_DIR = Path(__file__).resolve().parent.parent
REPORTING_FILE = "reporting.yml"


def say(key: str, **values: Any) -> str:
    vi, en = message(key, **values)
    return f"{vi}\n    (en) {en}"


class Parser(argparse.ArgumentParser):
    """argparse, but a wrong command line exits with status 1 like every other refusal."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(say("report.wrong_command", detail=message), file=sys.stderr)
        raise SystemExit(1)


def shown_path(path: Path) -> Path:
    """`path` as messages name files: relative to the working folder when inside it (data/reporting.yml)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def main(argv: list[str] | None = None) -> int:
    parser = Parser(description="Write the compiled report of a reporting round (Word, Decree 30/2020 format).")
    parser.add_argument(
        "--round", dest="round_id", help="id of the round in data/reporting.yml (default: the current one)"
    )
    parser.add_argument("--out", type=Path, help="the .docx file to write (default: bao-cao-<round>.docx)")
    parser.add_argument("--data", type=Path, help="data folder (default: PII_DATA_DIR or data/)")
    parser.add_argument("--template", type=Path, help="a restyled copy of the Word template (default: the package's)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        settings = Settings.from_environ(os.environ, PROJECT_DIR, data_dir=args.data)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1
    data_dir: Path = settings.data_dir
    if not data_dir.is_dir():
        print(say("add_update.no_data_folder", folder=data_dir), file=sys.stderr)
        return 1
    if args.out is not None and args.out.suffix.lower() != ".docx":
        print(say("report.not_docx", found=str(args.out)), file=sys.stderr)
        return 1
    try:
        plan = load_plan(data_dir, settings.today, cache_dir=settings.cache_dir)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    reporting_file = shown_path(data_dir / REPORTING_FILE)
    rounds = plan.reporting.rounds
    if not rounds:
        missing = "report.no_rounds" if plan.reporting.coordinator else "report.no_reporting_file"
        print(say(missing, file=reporting_file), file=sys.stderr)
        return 1
    current = plan.reporting.current_round  # rounds exist, so there is one
    round_id = args.round_id or (current.id if current else rounds[0].id)
    if round_id not in {r.id for r in rounds}:
        known = ", ".join(r.id for r in rounds)
        print(say("report.unknown_round", found=round_id, file=reporting_file, known=known), file=sys.stderr)
        return 1
    round_ = plan.reporting.round(round_id)
    out: Path = args.out or Path(f"bao-cao-{round_id}.docx")
    try:
        document = render_report(plan, round_, args.template)
    except (ReportTemplateError, OSError) as error:
        template = args.template or "hooks/pii_site/outputs/templates/bao-cao.docx"
        detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        print(say("report.template_failed", file=template, detail=shorten(detail, 300)), file=sys.stderr)
        return 1
    try:
        write_atomically(out, document)
    except OSError as error:
        print(say("report.write_failed", file=out, reason=error.strerror or error), file=sys.stderr)
        return 1
    print(say("report.written", round_vi=round_.name.vi, round_en=round_.name.en, file=out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
