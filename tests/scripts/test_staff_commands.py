"""The commands staff are shown work as written: every command line in the staff guide (both
languages), the README, the maintainer's guide, data/news/README.md, a new status file's header and add_update.py's --help is
taken from the text and run, from the project folder as a fresh clone has it after `make install`, on a
copy of the fixture plan. None says `python` (Debian has none) or a bare `python3` (which lacks the
project's packages), and a Python without the packages is told what to type instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURE_TODAY, PROJECT_DIR, DataCopy

from pii_site import DataError, Plan, load_plan
from pii_site.source.status_file import new_file

VENV_PYTHON = ".venv/bin/python"
# Every text that shows staff or maintainers a command, and how it is read.
SHOWN_IN = ["docs/vi/guide.md", "docs/en/guide.md", "README.md", "hooks/README.md", "data/news/README.md"]
# A command line as the texts write it: the project's Python (or a Python that will not do), a script,
# and its arguments up to the end of the line, continued by a trailing backslash.
# A "(" ends it: prose around a command in running text ("... (on Windows: ...)").
COMMAND = re.compile(
    r"(?P<python>(?:\.venv/bin/)?python3?) (?P<script>scripts/\w+\.py)(?P<rest>(?:[^\n`(]*\\\n)*[^\n`(]*)"
)
WINDOWS_COMMAND = re.compile(r"\.venv\\Scripts\\python (?:scripts\\(?P<script>\w+)\.py|-m pip)")


def shown_texts(fixture_task: str) -> dict[str, str]:
    """Each place that shows a command, by name: the files above, a new status file's header (the
    template staff see at the top of every data/status/*.yml) and the script's own help."""
    texts = {name: (PROJECT_DIR / name).read_text(encoding="utf-8") for name in SHOWN_IN}
    # The header lines are YAML comments: "#   .venv/bin/python ..." -> the command.
    texts["status file header"] = re.sub(r"(?m)^#\s*", "", new_file(fixture_task))
    help_text = subprocess.run(
        [sys.executable, "scripts/add_update.py", "--help"], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    ).stdout
    texts["add_update.py --help"] = " ".join(help_text.split())  # argparse wraps the epilog
    return texts


def commands_in(text: str) -> list[list[str]]:
    """The argument lists of the command lines in `text`, continuation lines joined (comments dropped)."""
    commands = []
    for match in COMMAND.finditer(text):
        line = (match["python"] + " " + match["script"] + match["rest"]).replace("\\\n", " ")
        line = line.split(" # ")[0]  # a shell comment after the command
        commands.append(shlex.split(line))
    return commands


@pytest.fixture
def fixture_task(plan: Plan) -> str:
    """A fixture task with no update yet, so any example date after the plan's start is in order."""
    return next(t.id for t in plan.tasks if not t.progress.updates)


def test_every_place_that_shows_a_command_shows_the_projects_python(fixture_task: str):
    texts = shown_texts(fixture_task)
    found = 0
    for name, text in texts.items():
        for match in COMMAND.finditer(text):
            found += 1
            assert match["python"] == VENV_PYTHON, f"{name} shows {match.group(0)[:60]!r}"
            assert (PROJECT_DIR / match["script"]).is_file(), f"{name}: no {match['script']}"
        for match in WINDOWS_COMMAND.finditer(text):
            assert match["script"] is None or (PROJECT_DIR / "scripts" / f"{match['script']}.py").is_file(), name
    # The guide (add_update.py and report.py, twice each, in each language), the header (twice) and the help.
    assert found >= 11
    for name in ("docs/vi/guide.md", "docs/en/guide.md", "status file header", "add_update.py --help"):
        assert WINDOWS_COMMAND.search(texts[name]), f"{name} tells Windows staff nothing"


@pytest.mark.slow  # a process per command shown
def test_every_add_update_command_shown_runs_as_written_on_a_copy_of_the_fixture(
    tmp_path: Path, plan: Plan, fixture_task: str
):
    """Run from the project folder with the project's Python, as a fresh clone has it after `make install`.
    The examples name the real plan's task and unit (III.2, its lead unit); the fixture is another
    commune, so those two values become a fixture task and its lead unit. Everything else is as written."""
    task = plan.task(fixture_task)
    ran = 0
    for name, text in shown_texts(fixture_task).items():
        for argv in commands_in(text):
            if argv[1] != "scripts/add_update.py" or len(argv) == 2:
                continue  # another script, or the program named in a sentence, not a command
            data = DataCopy(tmp_path / f"data-{ran}").root
            argv = [fixture_task if i == 2 else value for i, value in enumerate(argv)]
            argv = [task.lead[0].id if argv[i - 1] == "--unit" else value for i, value in enumerate(argv)]
            result = subprocess.run(
                argv,
                cwd=PROJECT_DIR,
                env={"PATH": "/usr/bin:/bin", "PII_DATA_DIR": str(data), "PII_TODAY": FIXTURE_TODAY},
                capture_output=True,
                text=True,
            )
            assert result.returncode == 0, f"{name}: {shlex.join(argv)}\n{result.stderr}"
            assert "Traceback" not in result.stderr and "Cảnh báo" not in result.stdout, name
            written = yaml.safe_load((data / "status" / f"{fixture_task}.yml").read_text(encoding="utf-8"))
            [update] = written["updates"]
            assert update["status"] == argv[argv.index("--status") + 1]
            assert update["note"]["vi"] == argv[argv.index("--note") + 1]
            ran += 1
    # The guide in each language, the status file header (twice) and the help; the READMEs show staff none.
    assert ran >= 5


def test_a_python_without_the_projects_packages_says_what_to_type(data_copy: DataCopy):
    """Debian's python3 outside .venv: `-S` leaves out site-packages, as a Python without them has."""
    before = {p: p.read_bytes() for p in (data_copy.root / "status").iterdir()}
    result = subprocess.run(
        [sys.executable, "-S", "scripts/add_update.py", "VII.2", "--status", "in-progress", "--note", "x"],
        cwd=PROJECT_DIR,
        env={"PATH": "/usr/bin:/bin", "PII_DATA_DIR": str(data_copy.root), "PII_TODAY": FIXTURE_TODAY},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "make install" in result.stderr and ".venv/bin/python scripts/add_update.py" in result.stderr
    assert r".venv\Scripts\python scripts\add_update.py" in result.stderr  # for Windows staff
    assert {p: p.read_bytes() for p in (data_copy.root / "status").iterdir()} == before


@pytest.mark.parametrize("script", ["add_update.py", "validate.py"])
def test_the_scripts_find_the_package_without_the_path_file_make_install_writes(data_copy: DataCopy, script: str):
    """A .venv made by hand (Windows: `py -m venv`, then pip install -r requirements.lock) has the
    packages but not the pii_site.pth that `make install` writes. `-S` with PYTHONPATH set to
    site-packages gives the packages without any .pth file being read."""
    site_packages = sysconfig.get_path("purelib")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": site_packages, "PII_DATA_DIR": str(data_copy.root)}
    env["PII_TODAY"] = FIXTURE_TODAY
    without = subprocess.run(
        [sys.executable, "-S", "-c", "import pii_site"], cwd=PROJECT_DIR, env=env, capture_output=True
    )
    assert without.returncode == 1  # so the script below finds the package by itself, not through the .pth
    argv = [sys.executable, "-S", f"scripts/{script}"]
    if script == "add_update.py":
        argv += ["VII.2", "--status", "in-progress", "--note", "Đã làm"]
    result = subprocess.run(argv, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_text_tells_staff_to_type_a_python_debian_does_not_have(fixture_task: str):
    bare = re.compile(r"(?<![/\\\w.])python3? scripts[/\\]")
    for name, text in shown_texts(fixture_task).items():
        assert not bare.search(text), f"{name}: {bare.search(text)}"


@pytest.mark.parametrize("guide", ["docs/vi/guide.md", "docs/en/guide.md"])
def test_the_guides_reporting_round_example_validates_when_pasted_as_it_says(data_copy: DataCopy, guide: str):
    """The guide's "Setting the reporting rounds": the example block, put in place of the line
    `rounds: []` (which a data folder without rounds has), gives a valid round. Pasting the example's lines after `rounds: []` instead is a YAML error: the guide
    must say to change that line, which it once did not."""
    text = (PROJECT_DIR / guide).read_text(encoding="utf-8")
    example = re.search(r"(?m)^    rounds:\n(?:^    .*\n)+", text)
    assert example, f"{guide}: no rounds example"
    block = "\n".join(line[4:] for line in example.group(0).splitlines())
    reporting = data_copy.path("reporting.yml")
    coordinator = yaml.safe_load(reporting.read_text(encoding="utf-8"))["coordinator"]
    reporting.write_text(f"coordinator: {coordinator}\nrounds: []\n", encoding="utf-8")
    shutil.rmtree(data_copy.path("reports"))  # the fixture's forms are of its own rounds
    items = block.split("\n", 1)[1]  # the example without its first line, "rounds:"
    reporting.write_text(f"coordinator: {coordinator}\nrounds: []\n{items}\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    reporting.write_text(f"coordinator: {coordinator}\n{block}\n", encoding="utf-8")
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    [round_] = plan.reporting.rounds
    assert round_.id in block and round_.due.isoformat() in block
