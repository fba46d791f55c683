"""The build, as MkDocs runs it for the site: an adapter beside the hook (hooks/pii_hooks.py), outside
the package, importable by scripts/build.py (the staff command), scripts/preview_worker.py (the
preview's warm builder), scripts/province.py (its swap) and the tests.

The plan is loaded and validated once; each language is then one plain MkDocs build, whose hook is
handed that language's Settings, the plan and the open data files. Both are built into a fresh
folder beside the target, which replaces the target only when every build succeeded: bad data never
leaves a half-published or emptied site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from pii_site import DataError, Plan, load_plan
from pii_site.i18n import LANGUAGES
from pii_site.outputs.shared_files import SharedFiles, shared_files
from pii_site.settings import Settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
HOOK = "hooks/pii_hooks.py"  # as mkdocs.yml names it

# Material prints an end-of-life banner when run as `mkdocs`; it is known and planned for.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_language(settings: Settings, plan: Plan, shared: SharedFiles, site_root: Path, config_file: Path) -> None:
    """One strict MkDocs build of settings.lang into site_root/<lang>. Raises MkDocsException on failure."""
    config = load_config(str(config_file), site_dir=str(site_root), strict=True)
    # MkDocs 1.6 keeps each hook module it loaded under config["hooks"], by the name mkdocs.yml gives it.
    config["hooks"][HOOK].use(settings, plan, shared)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def load_for_build(settings: Settings) -> tuple[Plan, SharedFiles]:
    """The plan and the files the same in every language (open data, the units' report forms) that
    every language's build is handed. Raises Abort (a MkDocsException) with every problem on bad data."""
    try:
        plan = load_plan(settings.data_dir, settings.today, cache_dir=settings.cache_dir)
    except DataError as error:
        raise Abort(f"\n{error}") from None
    return plan, shared_files(plan, settings.base_url(plan.site.url))


def build_site(site_dir: Path, settings: Settings, config_file: Path = PROJECT_DIR / "mkdocs.yml") -> None:
    """Load the plan once, build every language into a staging folder, then swap it in place of
    site_dir. Raises MkDocsException (bad data included) or OSError, leaving site_dir as it was."""
    plan, shared = load_for_build(settings)
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for lang in LANGUAGES:
            build_language(settings.for_language(lang), plan, shared, staging, config_file)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, site_dir)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Put the staging folder in place of site_dir. If that fails (the disk, a locked file on
    Windows), the previous site is put back, so the site is never left missing. Raises OSError."""
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
