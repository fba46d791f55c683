"""The province roll-up of every commune's plan, in two steps:

    python scripts/province.py harvest REGISTRY.yml --out DIR   # read every commune's open data into DIR
    python scripts/province.py build DIR --out SITE              # the province's bilingual site from DIR

`harvest` keeps the last good copy of each commune in DIR (the harvester's state between runs) and
prints the quality report's summary; a commune that fails is reported, never a reason to stop (exit
status 0), while a bad registry (file, line, field) or an unwritable DIR is (exit status 1).
`build` writes SITE/mkdocs.yml and SITE/docs/ (the generated MkDocs project: the province site's
configuration lives there, not at the repository's top level) and builds both languages, strictly,
into SITE/site/, which replaces the previous one only when both succeeded.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import logging
import os
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from pii_site import DataError
from pii_site.i18n import LANGUAGES, Labels
from pii_site.outputs import identity_files, site_frame
from pii_site.outputs.exports import GeneratedFile
from pii_site.province import exports, pages
from pii_site.province.fetch import Limits
from pii_site.province.harvest import PROBLEMS, harvest
from pii_site.province.registry import load_registry
from pii_site.province.rollup import ProvinceRollup, load_rollup
from pii_site.render.templating import render_html
from pii_site.settings import Settings, SettingsError, parse_today
from pii_site.source.identity import DEFAULT_COLORS

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "scripts"))  # scripts/build.py's swap_in, when loaded by the tests
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The province roll-up: harvest communes' open data, build the site.")
    steps = parser.add_subparsers(dest="step", required=True)
    gather = steps.add_parser("harvest", help="read every commune of the registry into DIR")
    gather.add_argument("registry", type=Path)
    gather.add_argument("--out", type=Path, required=True, help="the state folder (kept between runs)")
    gather.add_argument("--jobs", type=int, default=8, help="communes read at once (default 8)")
    gather.add_argument("--timeout", type=float, default=20.0, help="seconds for one file (default 20)")
    gather.add_argument("--max-mb", type=float, default=20.0, help="largest file read, in MB (default 20)")
    gather.add_argument("--today", help="the day the data is seen from, YYYY-MM-DD (default: PII_TODAY or today)")
    make = steps.add_parser("build", help="build the province site from DIR into SITE")
    make.add_argument("state", type=Path)
    make.add_argument("--out", type=Path, required=True, help="folder of the generated MkDocs project and site")
    make.add_argument("--site-url", help="the province site's public address ending in / (default: the registry's url)")
    make.add_argument("-q", "--quiet", action="store_true", help="show warnings and errors only")
    args = parser.parse_args(argv)
    try:
        if args.step == "harvest":
            today = parse_today(args.today or os.environ.get("PII_TODAY"))
            return run_harvest(
                args.registry, args.out, Limits(args.timeout, int(args.max_mb * 1_000_000)), today, args.jobs
            )
        logging.basicConfig(
            format="%(levelname)-7s -  %(message)s", level=logging.WARNING if args.quiet else logging.INFO
        )
        return run_build(args.state, args.out, args.site_url)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1
    except DataError as error:
        print(error, file=sys.stderr)
        return 1


def run_harvest(registry_file: Path, state_dir: Path, limits: Limits, today: dt.date, jobs: int) -> int:
    start = time.monotonic()
    registry = load_registry(registry_file)
    try:
        outcomes = harvest(registry, state_dir, limits, today, jobs)
    except OSError as error:
        print(f"Could not write the state folder {state_dir}: {error}", file=sys.stderr)
        return 1
    counts = Counter(problem.kind for outcome in outcomes for problem in outcome.problems)
    changed = sum(outcome.changed for outcome in outcomes)
    requests = sum(outcome.requests for outcome in outcomes)
    print(
        f"Harvested {len(outcomes)} communes into {state_dir} in {time.monotonic() - start:.1f} s:"
        f" {changed} changed, {requests} requests."
    )
    for kind in PROBLEMS:
        if counts[kind]:
            print(f"  {kind}: {counts[kind]}")
    return 0


def run_build(state_dir: Path, out: Path, site_url: str | None) -> int:
    from mkdocs.exceptions import MkDocsException

    start = time.monotonic()
    try:
        build_province(state_dir, out, site_url)
    except (OSError, ValueError, KeyError) as error:
        print(f"No harvest to build from in {state_dir}, or {out} cannot be written: {error}", file=sys.stderr)
        return 1
    except MkDocsException as error:
        print(f"Build failed; {out / 'site'} was left as it was.\n{error}", file=sys.stderr)
        return 1
    print(f"Built the province site into {out / 'site'} in {time.monotonic() - start:.1f} s.")
    return 0


def build_province(state_dir: Path, out: Path, site_url: str | None) -> None:
    """Generate the MkDocs project (OUT/mkdocs.<lang>.yml, OUT/docs/<lang>/) from DIR and build both
    languages into OUT/site.new, which then replaces OUT/site. Raises OSError, ValueError (DIR holds no
    harvest) or MkDocsException, leaving OUT/site as it was."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from pii_build import swap_in  # the same swap as the commune site's (MkDocs imported here only)

    rollup = load_rollup(state_dir)
    base = Settings(state_dir, rollup.harvested_on or dt.date.today(), site_url or rollup.url).base_url(None)
    out.mkdir(parents=True, exist_ok=True)
    staging = (out / "site.new").resolve()
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(out / "docs", ignore_errors=True)
    open_data = exports.open_data_files(rollup)
    try:
        for lang in LANGUAGES:
            config_file = write_project(rollup, lang, base, out, staging, open_data)
            config = load_config(str(config_file), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        root = render_html("root_index.html.j2", lang=LANGUAGES[0], site_name=pages.full_name(rollup, LANGUAGES[0]))
        (staging / "index.html").write_text(root, encoding="utf-8")
        if base:
            catalogue = exports.catalogue_file(rollup, base, open_data)
            (staging / catalogue.path).write_bytes(catalogue.content)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, out / "site")


def write_project(
    rollup: ProvinceRollup, lang: str, base: str, out: Path, site_dir: Path, open_data: list[GeneratedFile]
) -> Path:
    """One language's generated MkDocs project: its pages and files under OUT/docs/<lang>/, and its
    configuration OUT/mkdocs.<lang>.yml, which takes the commune site's (theme, Markdown extensions,
    search) from the project's mkdocs.yml and sets what differs: pages, menu, addresses, hook."""
    docs = out / "docs" / lang
    for page in pages.pages(rollup, lang):
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.path).write_text(page.markdown, encoding="utf-8")
    for file in [
        *open_data,
        GeneratedFile(identity_files.STYLESHEET, identity_files.colors_stylesheet(DEFAULT_COLORS).encode()),
    ]:
        (docs / file.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / file.path).write_bytes(file.content)
    t = Labels(lang)
    config = {
        "INHERIT": str(PROJECT_DIR / "mkdocs.yml"),
        "site_name": t("province.site_name"),
        "site_url": f"{base}{lang}/" if base else None,
        "site_description": t("province.description"),
        "docs_dir": str(docs.resolve()),
        "site_dir": str(site_dir / lang),
        "theme": {"language": lang, "custom_dir": str(PROJECT_DIR / "hooks" / "theme")},
        "hooks": [str(PROJECT_DIR / "hooks" / "province_hooks.py")],
        "extra_css": ["assets/stylesheets/pii.css", identity_files.STYLESHEET],
        "extra_javascript": [
            {"path": "assets/javascripts/vendor/tablesort-5.7.1.min.js", "defer": True},
            {"path": "assets/javascripts/commune-filter.js", "defer": True},
        ],
        "nav": list(pages.NAV),
        "not_in_nav": "/communes/*.md\n",
        "watch": [],
        "extra": {
            "lang": lang,
            "alternate": [
                {"name": Labels(other)("language.name"), "link": f"{base or '../'}{other}/", "lang": other}
                for other in LANGUAGES
            ],
            "pii_full_name": pages.full_name(rollup, lang),
            "pii_footer": str(pages.footer_html(rollup, lang)),
            "pii_made_with": t("footer.made_with"),
            # hooks/theme/404.html's words, with the province site's main pages as its links.
            "pii_not_found": dataclasses.asdict(
                site_frame.not_found_page(lang, [(f"province.nav.{name}", page) for name, page in pages.NAV_PAGES])
            ),
        },
    }
    config_file = out / f"mkdocs.{lang}.yml"
    header = "# Generated by scripts/province.py build: edit the package or the registry, not this file.\n"
    config_file.write_text(header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


if __name__ == "__main__":
    sys.exit(main())
