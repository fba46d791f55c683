"""The staff journey: what the staff guide (docs/*/guide.md) and data/news/README.md tell staff to
do, done to a copy of the real data the way staff do it: progress through scripts/add_update.py,
a news file written from the guide's template, text edits of the YAML files as GitHub's web
editor makes them, and a unit's Excel report form, downloaded as the site publishes it, filled in
by its headings and uploaded into its round's folder (a round added to reporting.yml first when the
data has none, as its comment says). `plan_journey` chooses what to change from the plan (never a literal id);
`carry_out` does it; tests/test_invariants.py checks the result like any plan and looks for each
change on its pages.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import yaml
from helpers import environment, load_script

from pii_site import Plan, load_plan
from pii_site.source.schema.status import Status
from pii_site.source.status_rules import plan_start


@dataclass(frozen=True)
class Update:
    task_id: str
    status: str
    date: dt.date
    note_vi: str
    note_en: str | None
    percent: int | None
    evidence: tuple[str, ...]  # as given to --evidence: links and "NUMBER, DATE, ISSUER"

    def argv(self, data_dir: Path) -> list[str]:
        argv = [
            self.task_id,
            "--status",
            self.status,
            "--note",
            self.note_vi,
            "--date",
            self.date.isoformat(),
            "--data",
            str(data_dir),
        ]
        if self.note_en:
            argv += ["--note-en", self.note_en]
        if self.percent is not None:
            argv += ["--percent", str(self.percent)]
        for item in self.evidence:
            argv += ["--evidence", item]
        return argv


@dataclass(frozen=True)
class NewsPost:
    slug: str
    title_vi: str
    title_en: str
    heading_vi: str
    heading_en: str
    text: str  # the whole file


@dataclass(frozen=True)
class FormReport:
    """One row of a unit's report form, for a task no other step of the journey touches."""

    round_id: str
    round_name: dict[str, str]
    new_round: bool  # added to reporting.yml by the journey (the data has no round)
    unit_id: str
    task_id: str
    note_vi: str
    note_en: str


@dataclass(frozen=True)
class Journey:
    today: dt.date
    updates: tuple[Update, ...]
    news: NewsPost
    corrected_task: str
    corrected_text_vi: str
    new_unit_id: str
    new_unit_name_vi: str
    coordinated_task: str  # the task that names the new unit as a coordinating unit
    removed_task: str | None  # None when no group has two tasks
    form: FormReport | None  # None when every task led by a unit is touched by another step

    def latest_status(self) -> dict[str, str]:
        """Each updated task's status after the journey (its last update)."""
        return {update.task_id: update.status for update in sorted(self.updates, key=lambda u: u.date)}


def plan_journey(plan: Plan) -> Journey:
    """What the journey changes in `plan`: derived from the plan, the same on every call."""
    # A task whose group keeps another task, so that removing it leaves a valid appendix (a plan
    # whose every group has one task has none: nothing is removed then).
    removable = [t for t in plan.tasks if sum(1 for other in plan.tasks if other.group is t.group) > 1]
    removed = removable[-1] if removable else None
    kept = [t for t in plan.tasks if t is not removed]
    last_reported = max((u.date for t in plan.tasks for u in t.progress.updates), default=None)
    first_day = max(
        plan_start(plan.document)[0], last_reported + dt.timedelta(days=1) if last_reported else dt.date.min
    )
    statuses = get_args(Status)
    updates = tuple(
        _update(kept[i % len(kept)].id, status, first_day + dt.timedelta(days=i), i)
        for i, status in enumerate(statuses)
    )
    today = max(dt.date.today(), updates[-1].date)
    unit_ids = {u.id for u in plan.units}
    new_unit_id = next(
        f"to-cong-nghe-so-cong-dong{suffix}"
        for suffix in ("", *range(2, 100))
        if f"to-cong-nghe-so-cong-dong{suffix}" not in unit_ids
    )
    corrected = kept[0]
    return Journey(
        today=today,
        updates=updates,
        news=_news_post(updates[-1].date),
        corrected_task=corrected.id,
        corrected_text_vi=f"{' '.join(corrected.text.vi.split())} (Đính chính: thời hạn hoàn thành trong quý IV.)",
        new_unit_id=new_unit_id,
        new_unit_name_vi="Tổ công nghệ số cộng đồng",
        coordinated_task=kept[1 % len(kept)].id,
        removed_task=removed.id if removed else None,
        form=_form_report(plan, {u.task_id for u in updates} | {corrected.id, removed.id if removed else ""}),
    )


def _form_report(plan: Plan, touched: set[str]) -> FormReport | None:
    """A row for the first unit owing a form that leads a task the other steps leave alone, in the
    current round, or in a round the journey adds when the data has none."""
    choices = [(u, t) for u in plan.reporting.reporting_units for t in plan.tasks_led_by(u) if t.id not in touched]
    if not choices:
        return None
    unit, task = choices[0]
    current = plan.reporting.current_round
    taken = {r.id for r in plan.reporting.rounds}
    round_id = current.id if current else next(f"thu-{n}" for n in range(1, 100) if f"thu-{n}" not in taken)
    name = {"vi": current.name.vi, "en": current.name.en} if current else {"vi": "Kỳ thử", "en": "Trial round"}
    return FormReport(
        round_id,
        name,
        current is None,
        unit.id,
        task.id,
        "Báo cáo bằng biểu mẫu: đã hoàn thành 45% khối lượng; chi tiết trong báo cáo của đơn vị.",
        "Reported with the form: 45% of the work is done; details in the unit's report.",
    )


def _update(task_id: str, status: str, date: dt.date, i: int) -> Update:
    """An update as staff write them: a colon, a hash, quotes of both kinds and line breaks in
    the note; English on most; evidence as a link, a document, or both."""
    note_vi = f"Kết quả đợt {i + 1}: đã làm \"{status}\" theo chỉ đạo # số {i + 1}\n# Ghi chú của đơn vị: 'đúng hạn'"
    note_en = None if i == 1 else f"Round {i + 1}: reported \"{status}\" # no. {i + 1}\nUnit's note: 'on time'"
    link = f"https://example.org/bao-cao/{i + 1}"
    document = f"{i + 1}/BC-UBND, {date.isoformat()}, UBND xã"
    evidence = (link, document) if status == "completed" else (link,) if i % 2 == 0 else (document,)
    percent = {"completed": 100, "not-started": 0, "continuous": None}.get(status, 10 * (i + 2))
    return Update(task_id, status, date, note_vi, note_en, percent, evidence)


def _news_post(date: dt.date) -> NewsPost:
    """A post in the guide's template using every construct data/news/README.md allows."""
    slug = f"{date.isoformat()}-tap-huan-chuyen-doi-so"
    heading_vi, heading_en = "Nội dung tập huấn", "What the training covered"
    text = f"""---
date: {date.isoformat()}
title:
  vi: "Tập huấn chuyển đổi số: kết quả đợt 1"
  en: "Digital transformation training: first round"
summary:
  vi: "Cán bộ và người dân được hướng dẫn dùng dịch vụ công trực tuyến."
  en: "Staff and residents learned to use online public services."
---
Ủy ban nhân dân xã tổ chức tập huấn cho **cán bộ, công chức** và người dân.

## {heading_vi}

- Dịch vụ công trực tuyến
- Chữ ký số

Các bước:

1. Đăng ký tham dự
2. Thực hành trên máy

---

Xem thêm tại [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn).

<!-- en -->

The Commune People's Committee held a training for **civil servants** and residents.

## {heading_en}

- Online public services
- Digital signatures

Steps:

1. Register
2. Practise on a computer

---

See the [National Public Service Portal](https://dichvucong.gov.vn).
"""
    return NewsPost(
        slug,
        "Tập huấn chuyển đổi số: kết quả đợt 1",
        "Digital transformation training: first round",
        heading_vi,
        heading_en,
        text,
    )


def carry_out(data_dir: Path) -> dt.date:
    """Do the journey on `data_dir` (a copy of the real data); return the day it is seen from."""
    journey = plan_journey(load_plan(data_dir, dt.date.max))
    add_update = load_script("add_update")
    with environment(PII_TODAY=journey.today.isoformat()):
        for update in journey.updates:
            out, err = io.StringIO(), io.StringIO()
            with redirect_stdout(out), redirect_stderr(err):
                status = add_update.main(update.argv(data_dir))
            assert status == 0, f"add_update.py {update.argv(data_dir)} failed:\n{err.getvalue()}"
    (data_dir / "news" / f"{journey.news.slug}.md").write_text(journey.news.text, encoding="utf-8")
    task_id, text = journey.corrected_task, journey.corrected_text_vi
    _edit(
        data_dir / "tasks.yml",
        lambda lines: _correct_text(lines, task_id, text),
        lambda data: _task(data, task_id)["text"].update(vi=text),
    )
    unit = _new_unit(journey.new_unit_id, journey.new_unit_name_vi)
    _edit(data_dir / "units.yml", lambda lines: _append_unit(lines, unit), lambda data: data["units"].append(unit))
    task_id, unit_id = journey.coordinated_task, journey.new_unit_id
    _edit(
        data_dir / "tasks.yml",
        lambda lines: _add_coordinating(lines, task_id, unit_id),
        lambda data: _task(data, task_id).setdefault("coordinating", []).append(unit_id),
    )
    if journey.removed_task:
        # As the guide says: the task's item in tasks.yml and its progress file.
        task_id = journey.removed_task
        _edit(
            data_dir / "tasks.yml",
            lambda lines: _remove_task(lines, task_id),
            lambda data: _group_of(data, task_id)["tasks"].remove(_task(data, task_id)),
        )
        (data_dir / "status" / f"{task_id}.yml").unlink(missing_ok=True)
    if journey.form:
        _report_with_a_form(data_dir, journey.form, journey.today)
    return journey.today


def _report_with_a_form(data_dir: Path, form: FormReport, today: dt.date) -> None:
    """The guide's "Reporting with Excel": a round in reporting.yml if there is none, the unit's form
    as the site publishes it, filled in by its headings, saved in data/reports/<round>/<unit>.xlsx."""
    from form_filling import DATE, DONE, DONE_EN, EVIDENCE, PERCENT, STATUS, fill

    from pii_site.outputs.form_writer import form_workbook

    if form.new_round:
        plan = load_plan(data_dir, today)
        start = plan_start(plan.document)[0]
        round_ = {
            "id": form.round_id,
            "name": form.round_name,
            "period": {"start": start, "end": today},
            "due": today,
        }
        reporting = data_dir / "reporting.yml"
        if not reporting.exists():
            coordinator = plan.reporting.reporting_units[0].id
            reporting.write_text(f"coordinator: {coordinator}\nrounds: []\n", encoding="utf-8")
        block = yaml.safe_dump({"rounds": [round_]}, allow_unicode=True, sort_keys=False).rstrip("\n").split("\n")
        _edit(
            reporting,
            lambda lines: [new for line in lines for new in (block if line.strip() == "rounds: []" else [line])],
            lambda data: data.update(rounds=[round_]),
        )
    plan = load_plan(data_dir, today)
    blank = form_workbook(plan, plan.unit(form.unit_id), plan.reporting.round(form.round_id))
    row = {
        STATUS: "Đang thực hiện",
        PERCENT: 45,
        DATE: today,
        DONE: form.note_vi,
        DONE_EN: form.note_en,
        EVIDENCE: "https://example.org/bao-cao/bieu-mau",
    }
    upload = data_dir / "reports" / form.round_id / f"{form.unit_id}.xlsx"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_bytes(fill(blank, {form.task_id: row}))


# --- Text edits, line by line, as in an editor -------------------------------------------------


def _edit(path: Path, by_lines: Callable[[list[str]], list[str]], by_data: Callable[[Any], None]) -> None:
    """Change a data file line by line, as staff do in an editor. Where its layout is not the one
    the line edit reads (flow style, other indentation: any valid layout of another commune's
    data), the same change is made through YAML instead, so the journey works on any valid data."""
    text = path.read_text(encoding="utf-8")
    expected = yaml.safe_load(text)
    by_data(expected)
    try:
        edited = "\n".join(by_lines(text.splitlines())) + "\n"
        if yaml.safe_load(edited) == expected:
            path.write_text(edited, encoding="utf-8")
            return
    except (StopIteration, TypeError, ValueError, IndexError, yaml.YAMLError):
        pass
    path.write_text(yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _group_of(data: Any, task_id: str) -> dict:
    return next(group for group in data["groups"] if any(task["id"] == task_id for task in group["tasks"]))


def _task(data: Any, task_id: str) -> dict:
    return next(task for task in _group_of(data, task_id)["tasks"] if task["id"] == task_id)


def _new_unit(unit_id: str, name_vi: str) -> dict:
    return {
        "id": unit_id,
        "name": {"vi": name_vi, "en": "Community digital technology team"},
        "description": {
            "vi": "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến và chữ ký số.",
            "en": "Helps residents use online public services and digital signatures.",
        },
    }


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block(lines: list[str], start: int) -> int:
    """End (exclusive) of the YAML block that starts on line `start`: the lines indented deeper."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > _indent(lines[start])):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():  # trailing blank lines belong to no one
        end -= 1
    return end


def _task_block(lines: list[str], task_id: str) -> tuple[int, int]:
    pattern = re.compile(rf"^\s*- id:\s*[\"']?{re.escape(task_id)}[\"']?\s*$")
    start = next(i for i, line in enumerate(lines) if pattern.match(line))
    return start, _block(lines, start)


def _key_line(lines: list[str], start: int, end: int, key: str) -> int | None:
    """The line of `key:` in the mapping of the task block lines[start:end] ("- id:" opens it)."""
    indent = _indent(lines[start]) + 2
    return next(
        (i for i in range(start + 1, end) if _indent(lines[i]) == indent and lines[i].lstrip().startswith(f"{key}:")),
        None,
    )


def _correct_text(lines: list[str], task_id: str, new_text_vi: str) -> list[str]:
    """Retype the Vietnamese text of a task (its `vi:` under `text:`) as one quoted line."""
    start, end = _task_block(lines, task_id)
    text = _key_line(lines, start, end, "text")
    if text is None:  # laid out otherwise (say, flow style): _edit makes the change through YAML
        raise ValueError(f"no line 'text:' in the block of {task_id}")
    vi = next(i for i in range(text + 1, _block(lines, text)) if lines[i].strip().startswith("vi:"))
    indent = " " * _indent(lines[vi])
    # A JSON string is a valid YAML double-quoted string.
    return [*lines[:vi], f"{indent}vi: {json.dumps(new_text_vi, ensure_ascii=False)}", *lines[_block(lines, vi) :]]


def _append_unit(lines: list[str], unit: dict) -> list[str]:
    """Paste a new unit at the end of units.yml, indented like the units above it."""
    item = " " * next(_indent(line) for line in lines if line.strip().startswith("- id:"))
    quoted = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731 (a JSON string is valid YAML)
    return [
        *lines,
        "",
        f"{item}- id: {unit['id']}",
        f"{item}  name:",
        f"{item}    vi: {quoted(unit['name']['vi'])}",
        f"{item}    en: {quoted(unit['name']['en'])}",
        f"{item}  description:",
        f"{item}    vi: {quoted(unit['description']['vi'])}",
        f"{item}    en: {quoted(unit['description']['en'])}",
    ]


def _add_coordinating(lines: list[str], task_id: str, unit_id: str) -> list[str]:
    """Name `unit_id` among the coordinating units of a task, whatever way the list is written."""
    start, end = _task_block(lines, task_id)
    key = _key_line(lines, start, end, "coordinating")
    if key is None:
        indent = " " * (_indent(lines[start]) + 2)
        return [*lines[:end], f"{indent}coordinating: [{unit_id}]", *lines[end:]]
    flow = re.match(r"^(?P<head>.*coordinating:\s*)\[(?P<items>.*)\]\s*$", lines[key])
    if flow:
        items = [*filter(None, (item.strip() for item in flow["items"].split(","))), unit_id]
        return [*lines[:key], f"{flow['head']}[{', '.join(items)}]", *lines[key + 1 :]]
    item_end = _block(lines, key)
    indent = " " * (_indent(lines[key]) + 2)
    return [*lines[:item_end], f"{indent}- {unit_id}", *lines[item_end:]]


def _remove_task(lines: list[str], task_id: str) -> list[str]:
    start, end = _task_block(lines, task_id)
    return [*lines[:start], *lines[end:]]
