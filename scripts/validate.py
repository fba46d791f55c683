"""Check the data folder and explain every problem: `.venv/bin/python scripts/validate.py [--data DIR] [--format F]`
(or `make validate`).

The units' report forms in data/reports/ are checked too (a problem in one names its sheet and cell).
Exit status 0 when the data is valid, 1 otherwise. Uses the same loader as the build, so it reports
exactly what would stop a build. Formats: `text` (file:line: message, for people), `github`
(workflow commands that GitHub shows as annotations on the file and line of a pull request),
`codequality` (GitLab's Code Quality report, JSON, shown on merge requests).
Valid data may still carry warnings (Plan.warnings: a report by a unit the appendix does not name for
its task): printed after the OK line, as `::warning` annotations in `github` format and as minor
issues in `codequality`, never changing the exit status. The build never shows them: MkDocs' strict
mode would turn them into a failed publish.
In `github` format no data text can act as a workflow command: see github_report.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path

import _project  # noqa: F401  (first: finds the package in hooks/, or says how to install it)

from pii_site import DataError, Problem, load_plan
from pii_site.settings import Settings, SettingsError
from pii_site.source.errors import message

PROJECT_DIR = Path(__file__).resolve().parent.parent
TITLE = "Lỗi dữ liệu / Data error"
WARNING_TITLE = "Cảnh báo dữ liệu / Data warning"


def _escape_data(text: str) -> str:
    # GitHub workflow command escaping: message part.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(problem: Problem) -> str:
    """The problem's sentence in both languages, opening with its sheet and cell when it is in a
    workbook (annotations and Code Quality locate a file by line only, and a form has none)."""
    place = f"{problem.place}: " if problem.place else ""
    where_vi = f"{problem.where_vi}: " if problem.where_vi else ""
    where_en = f"{problem.where_en}: " if problem.where_en else ""
    return f"{place}{where_vi}{problem.text_vi}\n(en) {place}{where_en}{problem.text_en}"


def github_annotation(problem: Problem, command: str = "error") -> str:
    """One `::error file=…,line=…,title=…::message` line (`::warning` for a warning)."""
    properties = [f"file={_escape_property(problem.file)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    properties.append(f"title={_escape_property(TITLE if command == 'error' else WARNING_TITLE)}")
    return f"::{command} {','.join(properties)}::{_escape_data(_message(problem))}"


def warning_lines(warnings: Sequence[Problem]) -> list[str]:
    """The readable report of warnings: each labelled as one, then a line saying publishing goes on."""
    if not warnings:
        return []
    label_vi, label_en = message("warning_label")
    summary_vi, summary_en = message("warnings_summary", count=len(warnings))
    lines = [f"{label_vi} / {label_en}: {warning}" for warning in warnings]
    return [*lines, summary_vi, f"(en) {summary_en}"]


def github_warnings(warnings: Sequence[Problem], ok_line: str) -> list[str]:
    """--format github on valid data: a `::warning` annotation per warning, then the readable
    report (each line escaped, commands stopped by a random token, as in github_report)."""
    if not warnings:
        return [ok_line]
    token = secrets.token_hex(16)
    return [
        *(github_annotation(warning, "warning") for warning in warnings),
        f"::stop-commands::{token}",
        _escape_data(ok_line),
        *(_escape_data(line) for line in warning_lines(warnings)),
        f"::{token}::",
    ]


def github_report(problems: list[Problem]) -> list[str]:
    """The lines --format github prints on stdout: one annotation per problem, then the readable report.

    GitHub runs a line as a command when it starts with "::" (after spaces) or holds "##[" anywhere,
    on stdout and stderr alike, so data text could add annotations, masks or stop the log. The
    annotations carry data only escaped; the report has each problem escaped onto one line (so no
    line starts with data) and is printed with commands stopped by a random token (GitHub's
    "::stop-commands::"), which data cannot guess to resume them. All on one stream, in order:
    a stop on stderr could overtake the annotations on stdout and silence them."""
    token = secrets.token_hex(16)
    head_vi, head_en = message("summary", count=len(problems))
    return [
        *(github_annotation(problem) for problem in problems),
        f"::stop-commands::{token}",
        *(_escape_data(str(problem)) for problem in problems),
        f"{head_vi} / {head_en}",
        f"::{token}::",
    ]


def codequality_report(problems: Sequence[Problem], warnings: Sequence[Problem] = ()) -> str:
    """GitLab Code Quality: errors as "major" issues, warnings as "minor" ones."""
    issues = []
    for severity, check, items in (("major", "pii-data", problems), ("minor", "pii-data-warning", warnings)):
        for problem in items:
            text = _message(problem)
            fingerprint = hashlib.sha256(f"{problem.file}:{problem.line}:{text}".encode()).hexdigest()
            issues.append(
                {
                    "description": text.replace("\n", " "),
                    "check_name": check,
                    "fingerprint": fingerprint,
                    "severity": severity,
                    "location": {"path": problem.file, "lines": {"begin": problem.line or 1}},
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the plan data (data/*.yml, data/news/) for problems.")
    parser.add_argument(
        "--data",
        type=Path,
        help="data folder to check (default: PII_DATA_DIR or data/)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "github", "codequality"],
        default="text",
        help="text (default); github: annotations for GitHub Actions; codequality: GitLab report on stdout",
    )
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_environ(os.environ, PROJECT_DIR, data_dir=args.data)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        plan = load_plan(settings.data_dir, settings.today, cache_dir=settings.cache_dir)
    except DataError as error:
        if args.format == "github":
            print("\n".join(github_report(error.problems)))
            return 1
        if args.format == "codequality":
            print(codequality_report(error.problems))
        print(error, file=sys.stderr)
        return 1
    if args.format == "codequality":
        print(codequality_report([], plan.warnings))
        return 0
    ok_line = (
        f"OK: {len(plan.tasks)} nhiệm vụ / tasks, {len(plan.units)} đơn vị / units, "
        f"{len(plan.pillars)} trụ cột / pillars, {len(plan.duties)} mục IV / duties, "
        f"{sum(len(t.progress.updates) for t in plan.tasks)} cập nhật tiến độ / progress updates "
        f"({len(plan.reporting.submissions)} biểu mẫu báo cáo / report forms), {len(plan.news)} tin / news."
    )
    if args.format == "github":
        print("\n".join(github_warnings(plan.warnings, ok_line)))
        return 0
    print("\n".join([ok_line, *warning_lines(plan.warnings)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
