"""The plain Markdown tree of `scripts/build.py --export` (hooks/pii_export.py): what is left to build
the site with when the hooks cannot run (Material's end of life on 2027-05-05, MkDocs 2.0, Zensical).
The fixture plan is exported once and built, without hooks, by ProperDocs (the maintained MkDocs fork,
with Material) and by Zensical (pinned in pyproject's test extra); a reader must find every task page of
both languages with its text, the same pages as the hooked build, and links that lead somewhere.
hooks/ENGINES.md says what else works on each engine."""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
import yaml
from helpers import FIXTURE_DIR, FIXTURE_TODAY, PROJECT_DIR, DataCopy, load_script

from pii_site import Plan
from pii_site.i18n import LANGUAGES, urls

BIN = Path(sys.executable).parent
# The public address the tree is exported for: nothing is served there, links under it are looked up
# in the built folder.
PUBLIC_URL = "https://plan.song-may.example.org/pii/"
ENGINES = {
    # Strict, as the project's own build: a broken link or anchor in the exported pages fails it.
    "properdocs": lambda config: [BIN / "properdocs", "build", "--strict", "-f", config],
    "zensical": lambda config: [BIN / "zensical", "build", "--clean", "--strict", "-f", config],
}
CONFIGS = {lang: "mkdocs.yml" if lang == "vi" else f"mkdocs.{lang}.yml" for lang in LANGUAGES}

build_script = load_script("build")


def run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def export_into(out: Path, data: Path = FIXTURE_DIR) -> int:
    os.environ["PII_TODAY"] = FIXTURE_TODAY
    try:
        return build_script.main(["--data", str(data), "--site-url", PUBLIC_URL, "--export", str(out)])
    finally:
        del os.environ["PII_TODAY"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "tree"
    assert export_into(out) == 0
    return out


@pytest.fixture(scope="module", params=sorted(ENGINES))
def engine_site(request: pytest.FixtureRequest, exported: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exported tree built by one engine, each language with its own config, the root files
    copied beside the language folders as the export's README says."""
    tree = tmp_path_factory.mktemp(request.param) / "tree"
    shutil.copytree(exported, tree)
    for config in CONFIGS.values():
        result = run(ENGINES[request.param](config), cwd=tree)
        assert result.returncode == 0, f"{request.param} {config}\n{result.stdout}\n{result.stderr}"
    shutil.copytree(tree / "root", tree / "site", dirs_exist_ok=True)
    return tree / "site"


def html_pages(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*.html")}


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow  # the export of the whole fixture plan: seconds of its own
def test_the_exported_configs_run_no_hook_and_name_each_language(exported: Path):
    for lang, name in CONFIGS.items():
        config = yaml.load((exported / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        assert "hooks" not in config and "watch" not in config
        assert config["docs_dir"] == f"docs/{lang}" and config["theme"]["language"] == lang
        assert config["site_url"] == f"{PUBLIC_URL}{lang}/"
        assert (exported / "docs" / lang / urls.task_page("VII.1")).is_file()


@pytest.mark.slow  # the export of the whole fixture plan: seconds of its own
def test_the_pages_written_in_docs_have_their_blocks_filled_in(exported: Path, plan: Plan):
    """The markers the hook replaces (`<!-- pii:unit-ids -->`) are replaced in the exported Markdown,
    which no hook will read again."""
    for lang in LANGUAGES:
        for source in (PROJECT_DIR / "docs" / lang).rglob("*.md"):
            text = (exported / "docs" / lang / source.relative_to(PROJECT_DIR / "docs" / lang)).read_text(
                encoding="utf-8"
            )
            assert "<!-- pii:" not in text, source
        guide = (exported / "docs" / lang / "guide.md").read_text(encoding="utf-8")
        assert all(unit.id in guide for unit in plan.units)


def test_bad_data_exports_nothing_and_names_the_file(tmp_path: Path, data_copy: DataCopy, capsys):
    data_copy.replace("tasks.yml", "pillar: nen-tang", "pillar: khong-co")
    assert export_into(tmp_path / "tree", data_copy.root) == 1
    assert "tasks.yml" in capsys.readouterr().err
    assert not (tmp_path / "tree").exists()


@pytest.mark.slow
def test_every_task_page_of_both_languages_is_built_with_its_text(engine_site: Path, plan: Plan):
    for lang in LANGUAGES:
        for task in plan.tasks:
            path = engine_site / lang / urls.address(urls.task_page(task.id)) / "index.html"
            assert path.is_file(), path
            text = words(lxml.html.fromstring(path.read_bytes()).text_content())
            assert words(getattr(task.text, lang)) in text, (lang, task.id)
            assert words(getattr(task.indicator, lang)) in text, (lang, task.id)


@pytest.mark.slow
def test_the_engines_build_the_pages_the_hooked_build_has(engine_site: Path, site: Path):
    assert html_pages(engine_site) == html_pages(site)


@pytest.mark.slow
def test_links_between_pages_resolve(engine_site: Path):
    """Every link, stylesheet, script and image of every page leads to a file of the built site
    (links to the public address are looked up in the folder; other hosts, mail and phone are left)."""
    public = urlsplit(PUBLIC_URL)
    broken = []
    for page in sorted(engine_site.rglob("*.html")):
        document = lxml.html.fromstring(page.read_bytes())
        folder = page.parent.relative_to(engine_site).as_posix()
        for element, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for value in document.xpath(f"//{element}/@{attribute}"):
                address = urlsplit(value)
                if address.scheme in ("mailto", "tel", "data") or (address.netloc and address.netloc != public.netloc):
                    continue
                if not address.path:
                    continue  # an anchor on the page itself
                if address.path.startswith("/"):  # the public address, or its path (the 404 pages)
                    target = address.path.removeprefix(public.path) if address.path.startswith(public.path) else "-"
                else:
                    target = posixpath.normpath(posixpath.join(folder, unquote(address.path)))
                file = engine_site / unquote(target)
                if file.is_dir() or value.endswith("/"):
                    file = file / "index.html"
                if not file.is_file():
                    broken.append(f"{page.relative_to(engine_site)}: {value}")
    assert broken == []
