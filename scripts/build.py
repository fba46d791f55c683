"""Build the whole site, every language, into site/: `.venv/bin/python scripts/build.py`.

The plan is loaded and validated once; each language is then one plain MkDocs build, whose hook
(hooks/pii_hooks.py) is handed that language's Settings, the plan and the open data files. Both are
built into a fresh folder beside the target, which replaces the target only when every build
succeeded: bad data never leaves a half-published or emptied site.
Exit status 0 on success, 1 on bad data or a strict-mode warning (messages name file and line).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import time
from pathlib import Path

import pii_export
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from pii_site import DataError, Plan, load_plan
from pii_site.i18n import LANGUAGES
from pii_site.outputs.shared_files import SharedFiles, shared_files
from pii_site.settings import RELATIVE, Settings, SettingsError, site_address_setting

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
        plan = load_plan(settings.data_dir, settings.today)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the site in every language into one folder.")
    parser.add_argument("--site-dir", type=Path, default=PROJECT_DIR / "site", help="output folder (default: site/)")
    parser.add_argument("--data", type=Path, help="data folder (default: PII_DATA_DIR or data/)")
    parser.add_argument("--site-url", help="public address ending in / (default: PII_SITE_URL or data/site.yml)")
    parser.add_argument("-q", "--quiet", action="store_true", help="show warnings and errors only")
    parser.add_argument(
        "--export",
        type=Path,
        metavar="DIR",
        help="instead of building, write the pages as a plain Markdown tree with an mkdocs.yml per language"
        " that any MkDocs-compatible engine builds without hooks (see hooks/ENGINES.md)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING if args.quiet else logging.INFO)
    start = time.monotonic()
    # Options win over the environment; the environment is only read, never changed.
    environ = dict(os.environ)
    if args.data:
        environ["PII_DATA_DIR"] = str(args.data.resolve())
    try:
        if args.site_url:
            # Parsed here too, so that a refusal names the option, not the variable it is passed in.
            environ["PII_SITE_URL"] = (
                args.site_url if args.site_url == RELATIVE else site_address_setting(args.site_url, "--site-url")
            )
        settings = Settings.from_environ(environ, PROJECT_DIR)
        if args.export:
            return pii_export.export_command(args.export, settings)
        build_site(args.site_dir, settings)
    except (SettingsError, MkDocsException) as error:
        print(f"Build failed; {args.site_dir} was left as it was.\n{error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"The new site could not replace {args.site_dir}, which was left as it was: {error}", file=sys.stderr)
        return 1
    print(f"Built {', '.join(LANGUAGES)} into {args.site_dir} in {time.monotonic() - start:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
