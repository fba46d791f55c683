"""Build the whole site, every language, into site/: `.venv/bin/python scripts/build.py`.

The build itself is hooks/pii_build.py's `build_site`: the plan loaded and validated once, each
language one strict MkDocs build into a fresh folder that replaces site/ only when every build
succeeded, so bad data never leaves a half-published or emptied site.
Exit status 0 on success, 1 on bad data or a strict-mode warning (messages name file and line).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

import pii_export
from mkdocs.exceptions import MkDocsException

from pii_build import PROJECT_DIR, build_site
from pii_site.i18n import LANGUAGES
from pii_site.settings import RELATIVE, Settings, SettingsError, site_address_setting


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the site in every language into one folder.")
    parser.add_argument("--site-dir", type=Path, default=PROJECT_DIR / "site", help="output folder (default: site/)")
    parser.add_argument("--data", type=Path, help="data folder (default: PII_DATA_DIR or data/)")
    parser.add_argument("--site-url", help="public address ending in / (default: PII_SITE_URL or data/site.yml)")
    parser.add_argument("--today", help="the day dates are checked against, YYYY-MM-DD (default: PII_TODAY or today)")
    parser.add_argument(
        "--cache-dir", type=Path, help="the build cache's folder (default: PII_SITE_CACHE or .cache/pii-site/)"
    )
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
    try:
        # Options win over the environment, which is only read. The address is parsed here too, so
        # that a refusal names the option, not the variable.
        site_url = args.site_url
        if site_url and site_url != RELATIVE:
            site_url = site_address_setting(site_url, "--site-url")
        data_dir = args.data.resolve() if args.data else None
        settings = Settings.from_environ(
            os.environ, PROJECT_DIR, data_dir=data_dir, site_url=site_url, today=args.today, cache_dir=args.cache_dir
        )
        if args.export:
            return pii_export.export_command(args.export, settings)
        build_site(args.site_dir, settings)
    except (SettingsError, MkDocsException) as error:
        # Staff read this line first in the publishing log: both languages, as every message below it.
        print(
            f"Chưa xây dựng được trang web; {args.site_dir} vẫn giữ nguyên như trước.\n"
            f"(en) Build failed; {args.site_dir} was left as it was.\n{error}",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        print(
            f"Trang web mới không thay được {args.site_dir}, thư mục này vẫn giữ nguyên: {error}\n"
            f"(en) The new site could not replace {args.site_dir}, which was left as it was: {error}",
            file=sys.stderr,
        )
        return 1
    print(f"Built {', '.join(LANGUAGES)} into {args.site_dir} in {time.monotonic() - start:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
