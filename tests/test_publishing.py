"""Publishing by git push: the CI files are valid and safe, their build commands produce a complete
site from a clean clone, data errors become annotations, and ProperDocs builds the same site.

The workflow checks run the same tools a reviewer would (check-jsonschema with GitHub's and
GitLab's bundled schemas, zizmor offline); each also runs once on a broken file to show it can fail.
Data is the fixture plan (tests/fixtures/plan, seen from FIXTURE_TODAY): the clean clone's commands
are pointed at the clone's copy of it with PII_DATA_DIR, which both scripts read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURE_DIR, FIXTURE_TODAY, PROJECT_DIR, DataCopy, load_script

from pii_site import load_plan
from pii_site.i18n import LANGUAGES, urls
from pii_site.pages import render_site
from pii_site.source.errors import message

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((PROJECT_DIR / ".github" / "workflows").glob("*.yml"))
GITLAB_CI = PROJECT_DIR / ".gitlab-ci.yml"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")

validate = load_script("validate")


def run(
    *command: str | Path, cwd: Path = PROJECT_DIR, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_there_is_a_publish_and_a_pull_request_workflow():
    triggers = {
        path.name: yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["on"] for path in WORKFLOWS
    }
    assert set(triggers["publish.yml"]) == {"push", "workflow_dispatch"}
    assert triggers["publish.yml"]["push"]["branches"] == ["main"]
    assert set(triggers["check.yml"]) == {"pull_request"}
    assert set(triggers["daily.yml"]) == {"schedule"}


def test_the_site_is_published_daily_just_after_midnight_in_vietnam_and_builds_on_vietnams_day():
    """So that a report past its due day shows as past due without a push: daily.yml starts
    publish.yml once a day, shortly after 00:00 in Vietnam (UTC+7), and does nothing else; the schedule
    is not in publish.yml, which GitHub would disable whole (push trigger too) after 60 idle days. Every
    workflow that validates or builds takes "today" in Vietnam, not the runner's UTC day."""
    daily = yaml.load((PROJECT_DIR / ".github/workflows/daily.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    [schedule] = daily["on"]["schedule"]
    minute, hour, *every_day = schedule["cron"].split()
    assert every_day == ["*", "*", "*"] and (int(hour) + 7) % 24 == 0 and int(minute) < 60
    assert daily["permissions"] == {}
    [job] = daily["jobs"].values()
    assert job["permissions"] == {"actions": "write"}
    assert [step["run"] for step in job["steps"]] == [
        'gh workflow run publish.yml --repo "$GITHUB_REPOSITORY" --ref "$GITHUB_REF_NAME"'
    ]
    for name in ("publish.yml", "check.yml", "report.yml"):
        workflow = yaml.load(
            (PROJECT_DIR / ".github/workflows" / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader
        )
        assert workflow["env"]["TZ"] == "Asia/Ho_Chi_Minh", name
    assert yaml.safe_load(GITLAB_CI.read_text(encoding="utf-8"))["variables"]["TZ"] == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize(
    ("schema", "files"), [("vendor.github-workflows", WORKFLOWS), ("vendor.gitlab-ci", [GITLAB_CI])]
)
def test_ci_files_match_the_official_schema(schema, files):
    # GitLab expands variables in an address ("url: $CI_PAGES_URL"), which its schema's "uri" format
    # cannot know; the format is checked only since rfc3986-validator is in the test set (for data.json).
    formats = ["--disable-formats", "uri"] if schema == "vendor.gitlab-ci" else []
    result = run(BIN / "check-jsonschema", "--builtin-schema", schema, *formats, *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_misspelt_workflow(tmp_path: Path):
    broken = tmp_path / "publish.yml"
    broken.write_text((PROJECT_DIR / ".github/workflows/publish.yml").read_text().replace("runs-on:", "run-on:"))
    result = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", broken)
    assert result.returncode == 1 and "run-on" in result.stdout


def zizmor_findings(*workflows: Path) -> list[dict]:
    result = run(BIN / "zizmor", "--offline", "--min-severity", "medium", "--format", "json", *workflows)
    assert result.returncode in (0, 11, 12, 13, 14), result.stderr  # 1x: findings of severity x
    return json.loads(result.stdout)


def test_workflows_have_no_medium_or_high_zizmor_findings():
    findings = zizmor_findings(*WORKFLOWS)
    assert findings == [], [(f["ident"], f["determinations"]["severity"]) for f in findings]


def test_zizmor_catches_an_unpinned_action_and_template_injection(tmp_path: Path):
    text = (PROJECT_DIR / ".github/workflows/check.yml").read_text(encoding="utf-8")
    text = re.sub(r"actions/checkout@[0-9a-f]{40} # \S+", "actions/checkout@v6", text)
    text = text.replace("run: bash .ci/run", 'run: echo "${{ github.event.pull_request.title }}"')
    (tmp_path / "check.yml").write_text(text, encoding="utf-8")
    found = {finding["ident"] for finding in zizmor_findings(tmp_path / "check.yml")}
    assert {"unpinned-uses", "template-injection"} <= found


def test_every_action_is_pinned_to_a_commit_with_its_release_named():
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(-\s+)?uses:", line):
                assert PINNED.match(line), f"{path.name}: {line.strip()}"


def test_only_the_deploy_job_may_write_to_pages():
    publish = yaml.safe_load((PROJECT_DIR / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert publish["permissions"] == {}
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    writers = {name for name, job in publish["jobs"].items() if "write" in job.get("permissions", {}).values()}
    assert writers == {"deploy"}
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert set(publish["jobs"]["deploy"]["needs"]) == {"test", "build"}


# --- data errors as annotations -------------------------------------------------------------------


# A unit id of the fixture plan written with capitals, which the id pattern refuses.
UNIT, BAD_UNIT = "ban-kinh-te-nong-nghiep", "Ban-Kinh-Te-Nong-Nghiep"


def test_github_format_puts_each_problem_on_its_file_and_line(data_copy: DataCopy, fixture_today, capsys, monkeypatch):
    monkeypatch.chdir(data_copy.root.parent)
    line = data_copy.replace("units.yml", f"- id: {UNIT}\n", f"- id: {BAD_UNIT}\n")
    assert validate.main(["--data", "data", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    vi, en = message("pattern_slug", found=BAD_UNIT)
    assert out[0] == (
        f"::error file=data/units.yml,line={line},title=Lỗi dữ liệu / Data error::"
        f'đơn vị {BAD_UNIT}, trường "id": {vi}%0A(en) unit {BAD_UNIT}, field "id": {en}'
    )


def test_codequality_format_is_a_gitlab_report_with_path_and_line(
    data_copy: DataCopy, fixture_today, capsys, monkeypatch
):
    monkeypatch.chdir(data_copy.root.parent)
    line = data_copy.replace("units.yml", f"- id: {UNIT}\n", f"- id: {BAD_UNIT}\n")
    assert validate.main(["--data", "data", "--format", "codequality"]) == 1
    [issue] = json.loads(capsys.readouterr().out)
    assert issue["location"] == {"path": "data/units.yml", "lines": {"begin": line}}
    assert issue["severity"] == "major" and BAD_UNIT in issue["description"]
    assert validate.main(["--data", str(FIXTURE_DIR), "--format", "codequality"]) == 0
    assert json.loads(capsys.readouterr().out) == []


# --- the publish job's commands, run in a clean clone ----------------------------------------------


def expected_files(site: Path, project: Path, data_dir: Path) -> list[Path]:
    """Every page the site must have: generated pages, hand-written docs/ pages, root redirect, search."""
    plan = load_plan(data_dir, dt.date.fromisoformat(FIXTURE_TODAY))
    files = [site / "index.html"]
    for lang in LANGUAGES:
        sources = [page.path for page in render_site(plan, lang)]
        sources += [p.relative_to(project / "docs" / lang).as_posix() for p in (project / "docs" / lang).rglob("*.md")]
        files += [site / lang / urls.address(source) / "index.html" for source in sources]
        files += [site / lang / "404.html", site / lang / "search" / "search_index.json", site / lang / "sitemap.xml"]
    return files


def ci_build_commands(ci_file: str) -> tuple[list[str], dict[str, str]]:
    """The commands (and their env) of the job that builds what gets published; installs are skipped
    because the test runs them with this environment's Python."""
    config = yaml.safe_load((PROJECT_DIR / ci_file).read_text(encoding="utf-8"))
    if ci_file == ".gitlab-ci.yml":
        return config["pages"]["script"], {}
    commands, env = [], {}
    for step in config["jobs"]["build"]["steps"]:
        if "run" in step and "pip install" not in step["run"]:
            commands.append(step["run"])
            env.update(step.get("env", {}))
    return commands, env


@pytest.mark.slow
@pytest.mark.parametrize(
    ("ci_file", "platform_env", "out_dir", "public_url"),
    [
        # configure-pages' base_url for a project page has no trailing slash.
        (
            ".github/workflows/publish.yml",
            {"PAGES_BASE_URL": "https://office.github.io/pii-plan"},
            "site",
            "https://office.github.io/pii-plan/",
        ),
        (".gitlab-ci.yml", {"CI_PAGES_URL": "https://ke-hoach.example.org"}, "public", "https://ke-hoach.example.org/"),
    ],
)
def test_publish_commands_build_the_whole_site_from_a_clean_clone(tmp_path, ci_file, platform_env, out_dir, public_url):
    clone = tmp_path / "clone"
    cloned = run("git", "-c", "safe.directory=*", "clone", "--quiet", PROJECT_DIR, clone)
    assert cloned.returncode == 0, cloned.stderr
    commands, step_env = ci_build_commands(ci_file)
    assert any("scripts/validate.py" in c for c in commands) or ci_file == ".gitlab-ci.yml"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PII_")},
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",  # `python` is this environment's Python
        "PYTHONPATH": str(clone / "hooks"),  # import the clone's package, not this worktree's
        # The clone's own copy of the fixture plan, seen from its day: the scripts read both.
        "PII_DATA_DIR": str(clone / FIXTURE_DIR.relative_to(PROJECT_DIR)),
        "PII_TODAY": FIXTURE_TODAY,
        **platform_env,
    }
    which = run("python", "-c", "import pii_site; print(pii_site.__file__)", cwd=clone, env=env)
    assert which.stdout.startswith(str(clone)), which.stdout + which.stderr
    for command in commands:
        result = run("bash", "-euo", "pipefail", "-c", command, cwd=clone, env=env)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    site = clone / out_dir
    missing = [
        str(path.relative_to(site))
        for path in expected_files(site, clone, Path(env["PII_DATA_DIR"]))
        if not path.is_file()
    ]
    assert missing == []
    for lang in LANGUAGES:
        canonical = re.search(
            r'<link rel="canonical" href="([^"]+)"', (site / lang / "plan" / "index.html").read_text()
        )
        assert canonical and canonical.group(1) == f"{public_url}{lang}/plan/"


# --- the escape hatch -----------------------------------------------------------------------------


@pytest.mark.slow
def test_properdocs_builds_the_same_pages_from_the_same_mkdocs_yml(site: Path, tmp_path: Path):
    """If MkDocs 1.6 stops working, `properdocs build` (the maintained fork) publishes the same site."""
    out = tmp_path / "site"
    site_url = (site / "vi" / "sitemap.xml").read_text().split("<loc>")[1].split("vi/")[0]
    for lang in LANGUAGES:
        env = {
            **os.environ,
            "PII_LANG": lang,
            "PII_SITE_URL": site_url,
            "PII_DATA_DIR": str(FIXTURE_DIR),
            "PII_TODAY": FIXTURE_TODAY,
        }  # the day the session build `site` was made for
        result = run(BIN / "properdocs", "build", "--strict", "-f", PROJECT_DIR / "mkdocs.yml", "-d", out, env=env)
        assert result.returncode == 0, result.stderr
    pages = lambda root: sorted(str(p.relative_to(root)) for p in root.rglob("*.html"))  # noqa: E731
    assert pages(out) == pages(site)
    home = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in home and (site / "en" / "index.html").read_text(encoding="utf-8").count("<h2") == home.count(
        "<h2"
    )


WRAPPER = PROJECT_DIR / ".ci" / "without-workflow-commands"


def script(name: str, *args: str | bytes, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(PROJECT_DIR / "scripts" / f"{name}.py"), *args]
    environment = {**os.environ, "PII_TODAY": FIXTURE_TODAY, **env}
    return subprocess.run(command, capture_output=True, env=environment, timeout=120)


def test_ci_wrapper_stops_workflow_commands_around_a_commands_output_and_keeps_its_status():
    hostile = "print('::error::injected'); import sys; print('##[error]v1', file=sys.stderr); sys.exit(3)"
    result = subprocess.run([str(WRAPPER), sys.executable, "-c", hostile], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert result.stderr == ""  # joined to stdout, so nothing overtakes the stop
    lines = result.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert re.fullmatch(r"[0-9a-f]{32}", token) and lines[-1] == f"::{token}::"
    assert sorted(lines[1:-1]) == ["##[error]v1", "::error::injected"]


# The scripts whose output quotes data text (page titles, a round's name) in a workflow's log.
PRINTS_DATA = ("scripts/build.py", "scripts/report.py")


def test_every_ci_step_that_builds_or_makes_the_report_runs_with_workflow_commands_stopped():
    steps = [
        (path.name, script, step["run"])
        for path in WORKFLOWS
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values()
        for step in job.get("steps", [])
        for script in PRINTS_DATA
        if script in step.get("run", "")
    ]
    # Each workflow that runs the project's Python has one (daily.yml only starts publish.yml).
    runs_python = {path.name for path in WORKFLOWS if "python" in path.read_text(encoding="utf-8")}
    assert {name for name, _, _ in steps} == runs_python and "publish.yml" in runs_python
    assert all(f".ci/without-workflow-commands python {script}" in run for _, script, run in steps)


def test_ci_tests_on_github_run_with_workflow_commands_stopped(tmp_path: Path):
    # .ci/run with a stand-in `make` that prints data-like text: on GitHub it goes through the wrapper.
    (tmp_path / "make").write_text("#!/bin/sh\necho '::error::from a test'\n", encoding="utf-8")
    (tmp_path / "make").chmod(0o755)
    # Everything .ci/run checks for is "there", so it installs nothing.
    for name in ("chromium-headless-shell", "java", "python3", "soffice", "pdftoppm"):
        (tmp_path / name).write_text("#!/bin/sh\n", encoding="utf-8")
        (tmp_path / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    github = subprocess.run(
        ["bash", str(PROJECT_DIR / ".ci" / "run")],
        capture_output=True,
        text=True,
        env={**env, "GITHUB_ACTIONS": "true"},
    )
    assert github.returncode == 0, github.stderr
    lines = github.stdout.splitlines()
    assert lines[0].startswith("::stop-commands::") and lines[1] == "::error::from a test"
    assert lines[2] == f"::{lines[0].removeprefix('::stop-commands::')}::"
    elsewhere = subprocess.run(["bash", str(PROJECT_DIR / ".ci" / "run")], capture_output=True, text=True, env=env)
    assert elsewhere.stdout.splitlines() == ["::error::from a test"]  # GitLab and local runs: unchanged
