"""Add one progress update to a task: `.venv/bin/python scripts/add_update.py III.2 --status in-progress --note "…"`
(on Windows `.venv\\Scripts\\python scripts\\add_update.py …`), after `make install` has made .venv.

For the office: appends the update at the end of data/status/<TASK_ID>.yml (created from a short
commented template if missing), keeping the file's comments and order. The whole data folder is
checked with the new update first, in a temporary copy; on any problem the messages are printed
(file, line, field, Vietnamese and English), the file is left byte-for-byte as it was, and the
exit status is 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

import _project  # noqa: F401  (first: finds the package in hooks/, or says how to install it)
from pydantic import TypeAdapter, ValidationError

from pii_site import DataError, load_plan
from pii_site.settings import Settings, SettingsError
from pii_site.source.dates import date_mistake
from pii_site.source.entries import read_regular, unreadable_reason
from pii_site.source.errors import message
from pii_site.source.schema.base import TaskId
from pii_site.source.schema.plan import DATA_FILES, TasksFile
from pii_site.source.schema.status import STATUSES
from pii_site.source.status_file import AppendError, LockError, append_update, locked, new_file, write_atomically
from pii_site.source.validation import parse, suggestion
from pii_site.source.yaml_source import NUMBER_DIGITS, read_yaml, read_yaml_text

PROJECT_DIR = Path(__file__).resolve().parent.parent
TASKS_FILE = "tasks.yml"
KNOWN_IDS_SHOWN = 40  # a longer appendix is cut, with "…"
_DOCUMENT = re.compile(r"^(?P<number>[^,]+),\s*(?P<date>\d{4}-\d{2}-\d{2}),\s*(?P<issuer>.+)$")


def say(key: str, **values: Any) -> str:
    """A message from messages.yml, Vietnamese then English, as every data message is shown."""
    vi, en = message(key, **values)
    return f"{vi}\n    (en) {en}"


class UsageError(ValueError):
    """A wrong argument, worded for the office in both languages."""


class Parser(argparse.ArgumentParser):
    """argparse, but a wrong command line exits with status 1 like every other refusal."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(say("add_update.wrong_command", detail=message), file=sys.stderr)
        raise SystemExit(1)


def parse_evidence(value: str) -> dict[str, Any]:
    """A link (https://…) or a document written "NUMBER, YYYY-MM-DD, ISSUER", e.g. "12/BC-UBND, 2026-03-10, UBND xã"."""
    value = value.strip()
    if value.startswith(("http://", "https://")):
        return {"url": value}
    match = _DOCUMENT.match(value)
    if not match:
        raise UsageError(say("add_update.evidence_form", found=value))
    try:
        date = dt.date.fromisoformat(match["date"])
    except ValueError:
        key, values = date_mistake(match["date"])
        reason_vi, reason_en = message(key, **values)
        raise UsageError(
            say("add_update.evidence_date", found=value, reason_vi=reason_vi, reason_en=reason_en)
        ) from None
    return {"number": match["number"].strip(), "date": date, "issuer": {"vi": match["issuer"].strip()}}


def build_update(args: argparse.Namespace, today: dt.date) -> dict[str, Any]:
    try:
        date = dt.date.fromisoformat(args.date) if args.date else today
    except ValueError:
        # Which part is wrong: "2026-13-45" is written as asked, but has no month 13 and no day 45.
        key, values = date_mistake(args.date)
        raise UsageError(say(key, **values)) from None
    note: dict[str, str] = {"vi": args.note}
    if args.note_en:
        note["en"] = args.note_en
    update: dict[str, Any] = {"date": date, "status": args.status}
    if args.percent is not None:
        # A whole number stays a number; anything else goes to the data check, which explains it.
        # At most as many digits as the data may hold (NUMBER_DIGITS): int() of 5,000 digits raises.
        whole = re.fullmatch(rf"-?[0-9]{{1,{NUMBER_DIGITS}}}", args.percent)
        update["percent"] = int(args.percent) if whole else args.percent
    update["unit"] = args.unit
    update["note"] = note
    if args.evidence:
        update["evidence"] = [parse_evidence(item) for item in args.evidence]
    return update


class TaskUnits(NamedTuple):
    lead: list[str]
    coordinating: list[str]


def units_of(data_dir: Path, task_id: str) -> TaskUnits | None:
    """The task's lead and coordinating units (the first lead unit is the default reporter);
    UsageError if the plan has no such task.

    Only tasks.yml is read: the whole plan is loaded once, by the check that follows, which also
    explains why when tasks.yml cannot be read (None here)."""
    try:
        source, problems = read_yaml(data_dir / TASKS_FILE, TASKS_FILE)
    except OSError:  # missing or unreadable: the check names it
        return None
    if source is None or problems:
        return None
    tasks, problems = parse(source, DATA_FILES[TASKS_FILE])
    if not isinstance(tasks, TasksFile):
        return None
    units = {
        task.id: TaskUnits(list(task.lead), list(task.coordinating)) for group in tasks.groups for task in group.tasks
    }
    if task_id not in units:
        # The office typed this id: name it as an unknown task, and list the ones there are.
        known = list(units)
        listed = ", ".join(known[:KNOWN_IDS_SHOWN]) + (", …" if len(known) > KNOWN_IDS_SHOWN else "")
        file = data_dir / TASKS_FILE
        raise UsageError(
            say("add_update.unknown_task", found=task_id, file=file, known=listed, **suggestion(task_id, known))
        )
    return units[task_id]


def responsibility_warning(units: TaskUnits, task_id: str, unit: str, data_dir: Path) -> str | None:
    """The warning (not a refusal) for a report by a unit the appendix names neither as a lead nor as a
    coordinating unit of the task: worded as the data check words it (validate.py)."""
    if unit in units.lead or unit in units.coordinating:
        return None
    vi, en = message(
        "status_unit_not_responsible",
        found=unit,
        task=task_id,
        file=data_dir / TASKS_FILE,
        lead=", ".join(units.lead) or "—",
        coordinating=", ".join(units.coordinating) or "—",
    )
    label_vi, label_en = message("warning_label")
    return f"{label_vi}: {vi}\n    (en) {label_en}: {en}"


def as_text(args: argparse.Namespace) -> None:
    """Normalise every text argument to NFC in place, as the loader reads the data: a note typed on a
    keyboard that decomposes accents (macOS) is stored like any other, and a task id matches. Raises
    UsageError for an argument that is not text: on Linux, bytes that are not UTF-8 reach sys.argv as
    lone surrogates, which no UTF-8 file can hold. The data folder is a path, not text: left as given."""
    for option, value in vars(args).items():
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) for item in items):
            continue
        for item in items:
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                name = option.upper() if option == "task_id" else "--" + option.replace("_", "-")
                raise UsageError(say("add_update.argument_not_text", option=name)) from None
        normalised = [unicodedata.normalize("NFC", item) for item in items]
        setattr(args, option, normalised if isinstance(value, list) else normalised[0])


def check_with(data_dir: Path, relative: str, text: str, today: dt.date, cache_dir: Path | None = None) -> list[str]:
    """Problems the data would have with `text` as data_dir/relative: the loader reads data_dir as a
    build would (no link followed, every message at the real file) with `text` in that file's place.
    Nothing is copied, so nothing outside the data folder can be read through a link."""
    try:
        load_plan(data_dir, today, replacing={relative: text}, cache_dir=cache_dir)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


def refuse(problems: list[str], path: Path) -> int:
    """Print the data problems, then that nothing was written to `path`; the exit status 1."""
    print("\n".join(problems), file=sys.stderr)
    print(say("add_update.nothing_written", file=path), file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = Parser(
        description="Append one validated progress update to data/status/<TASK_ID>.yml.",
        epilog=(
            "Run it with the project's Python, after `make install` once: "
            '.venv/bin/python scripts/add_update.py III.2 --status in-progress --note "..." '
            "(on Windows: .venv\\Scripts\\python scripts\\add_update.py ...)."
        ),
    )
    parser.add_argument("task_id", metavar="TASK_ID", help="task id as in the appendix, e.g. III.2")
    # Status and percent are checked by the data rules, which word the problem for the office.
    parser.add_argument("--status", required=True, help=" | ".join(STATUSES))
    parser.add_argument("--percent", help="percent complete, 0-100 (completed needs 100)")
    parser.add_argument("--note", required=True, help="what was done, in Vietnamese")
    parser.add_argument("--note-en", help="the same in English (optional)")
    parser.add_argument(
        "--evidence",
        action="append",
        default=[],
        metavar="URL-or-REFERENCE",
        help='a link, or "NUMBER, YYYY-MM-DD, ISSUER"; repeat for several',
    )
    parser.add_argument("--date", help="date of the update, YYYY-MM-DD (default: today)")
    parser.add_argument("--unit", help="id of the reporting unit (default: the task's first lead unit)")
    parser.add_argument(
        "--data",
        type=Path,
        help="data folder (default: PII_DATA_DIR or data/)",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        settings = Settings.from_environ(os.environ, PROJECT_DIR, data_dir=args.data)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1
    today = settings.today
    data_dir: Path = settings.data_dir
    try:
        as_text(args)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 1
    if (problem := task_id_problem(args.task_id)) is not None:
        print(problem, file=sys.stderr)
        return 1
    if not data_dir.is_dir():
        print(say("add_update.no_data_folder", folder=data_dir), file=sys.stderr)
        return 1
    relative = f"status/{args.task_id}.yml"
    path = data_dir / relative
    try:
        units = units_of(data_dir, args.task_id)
        args.unit = args.unit or (units.lead[0] if units else "")
        update = build_update(args, today)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 1
    # Read, check and write under one lock: another run on the same file waits, and its update is
    # appended after this one instead of overwriting it.
    try:
        with locked(path):
            status = append_checked(path, data_dir, relative, update, args.task_id, today, settings.cache_dir)
    except LockError as error:
        print(say("add_update.lock_failed", file=error.lock_path, reason=error.reason), file=sys.stderr)
        return 1
    if status == 0 and units and (warning := responsibility_warning(units, args.task_id, args.unit, data_dir)):
        print(warning)
    return status


def task_id_problem(task_id: str) -> str | None:
    """Why `task_id` is no task id, by the schema's own rule (pattern, length, one spelling), or None."""
    try:
        TypeAdapter(TaskId).validate_python(task_id)
    except ValidationError as error:
        [item] = error.errors()
        if item["type"] in ("id_not_canonical", "id_too_long"):
            return say(item["type"], found=task_id, **item.get("ctx", {}))
        return say("pattern_task_id", found=task_id)
    return None


def append_checked(
    path: Path,
    data_dir: Path,
    relative: str,
    update: dict[str, Any],
    task_id: str,
    today: dt.date,
    cache_dir: Path | None = None,
) -> int:
    """Under the lock: read the status file, append, check the whole plan with it, write atomically."""
    try:
        # Bytes, not text: the file's own line endings (CRLF from Windows) must survive unchanged.
        # Read as the loader reads data: a link or a named pipe is refused, not followed or waited on.
        exists = path.is_symlink() or path.exists()
        before = read_regular(path).decode("utf-8") if exists else new_file(task_id)
        # A file YAML cannot read is explained as the check would: file, line, column, cause.
        source, syntax_problems = read_yaml_text(before, str(path))
        if source is None:
            return refuse([str(problem) for problem in syntax_problems], path)
        after = append_update(before, update)
    except UnicodeDecodeError:
        print(say("add_update.not_utf8", file=path), file=sys.stderr)
        return 1
    except OSError as error:
        reason_vi, reason_en = unreadable_reason(error)
        print(f"{path}: {say('data_unreadable', reason_vi=reason_vi, reason_en=reason_en)}", file=sys.stderr)
        return 1
    except AppendError:
        print(say("add_update.cannot_append", file=path), file=sys.stderr)
        return 1
    problems = check_with(data_dir, relative, after, today, cache_dir)
    if problems:
        return refuse(problems, path)
    try:
        write_atomically(path, after.encode("utf-8"))
    except OSError as error:
        print(say("add_update.write_failed", file=path, reason=error.strerror or error), file=sys.stderr)
        return 1
    print(say("add_update.added", date=update["date"].isoformat(), file=path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
