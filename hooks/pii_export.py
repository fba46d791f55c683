"""The site as a plain Markdown tree that any MkDocs-compatible engine builds without hooks.

Material for MkDocs reaches end of life on 2027-05-05, MkDocs 2.0 drops plugins, and Zensical reads
mkdocs.yml but does not run `hooks:`. `export_site` writes, for every language, what hooks/pii_hooks.py
hands MkDocs during a build, as files:

- docs/<lang>/: the pages written in docs/ with their markers expanded (on_page_markdown), every page
  the package generates (on_files), each with its printed address or notice-board QR code
  (on_page_content, as raw HTML in the Markdown), and in its front matter its link preview, meta
  description and footer (on_page_context); beside them the generated files the pages link to:
  open-data downloads, report forms, the feed, the colour stylesheet and logo, news photos, share images.
- mkdocs.yml (Vietnamese, the default language) and mkdocs.<lang>.yml for the others: the project's
  mkdocs.yml without `hooks:` and `watch:`, with what on_config sets per language written in.
- theme/: hooks/theme, whose footer partial also reads the footer from the page's front matter, with
  the changes Zensical needs (_THEME_CHANGES, _THEME_LEFT_OUT).
- root/: what the default language's on_post_build writes beside the language folders (the root page
  that sends readers to a language, the root 404 page, the open-data schema and data.json): copy it
  into the site folder after building.

What the hooks do to the built site and a plain engine cannot take as a file is left out and listed in
hooks/ENGINES.md: the accent-folded search index (on_post_build), the "edit this page" link to the data
file behind a generated page, the breadcrumb of detail pages (on_nav), relative addresses on a 404 page
built without a public address (on_template_context).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import sys
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from pii_site import DataError, load_plan
from pii_site.i18n import LANGUAGES, Labels, urls
from pii_site.model.plan import Plan
from pii_site.outputs import catalogue, feeds, identity_files, link_preview, print_qr, site_frame
from pii_site.outputs.exports import GeneratedFile
from pii_site.outputs.shared_files import SharedFiles, shared_files
from pii_site.pages import blocks, render_site
from pii_site.render.templating import GeneratedPage
from pii_site.settings import DEFAULT_LANG, Settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
THEME_DIR = Path(__file__).resolve().parent / "theme"
ROOT_FOLDER = "root"  # in the export: the files of the site's root, beside the language folders
# Folders every language's build has beside its pages (Material's assets and search index): the root
# 404 page needs every top folder of a language's site to find where the site's root ends.
_ENGINE_FOLDERS = ("assets", "search")


class _PythonName(str):
    """A `!!python/name:module.attr` value of mkdocs.yml, written back as it was read."""


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: _PythonName(suffix))
_ConfigDumper.add_representer(
    str,
    # Several lines (not_in_nav, the footer's HTML) as a block, as a person would write them.
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None),
)
_ConfigDumper.add_representer(
    _PythonName, lambda dumper, value: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value}", "")
)


def _plain(value: Any) -> Any:
    """Dataclasses, Markup and tuples as the plain mappings, strings and lists YAML writes."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, str) and not isinstance(value, _PythonName):
        return str(value)  # Markup is a str subclass SafeDumper refuses
    return value


def page_url(src_path: str) -> str:
    """The page's address under its language's root, as MkDocs makes it with use_directory_urls:
    "index.md" -> "", "plan.md" -> "plan/", "tasks/index.md" -> "tasks/", "tasks/iii-2.md" -> "tasks/iii-2/"."""
    path = PurePosixPath(src_path).with_suffix("")
    parts = path.parts[:-1] if path.name == "index" else path.parts
    return "".join(f"{part}/" for part in parts)


def _site_root_links(body: str, url: str, base: str) -> str:
    """Raw HTML links from the page at `url` to the site's root, beside the language folders (the
    open-data schema), made absolute with the public address `base`. MkDocs leaves raw HTML as it is,
    relative to the page's address; Zensical takes it as relative to the Markdown file and adds a "../"
    (progress/data.md: "../../../schema/..." became "../../../../schema/...", above the site)."""
    depth = url.count("/")

    def absolute(match: re.Match[str]) -> str:
        ups, rest = match.group(2), match.group(3)
        return f"{match.group(1)}{base}{rest}" if ups.count("../") == depth + 1 else match.group(0)

    return _RELATIVE_UP.sub(absolute, body)


_RELATIVE_UP = re.compile(r'(<a href=")((?:\.\./)+)([^"]*)')


def _base_url(url: str) -> str:
    """MkDocs' base_url of a page at `url`: its language's root, relative to the page."""
    depth = url.count("/")
    return "/".join([".."] * depth) if depth else "."


def _front_matter(markdown: str) -> tuple[str, dict[str, Any]]:
    """The Markdown after its YAML front matter, and the front matter, split as MkDocs 1.6 splits them
    (mkdocs.utils.meta.get_data), without importing MkDocs: the export must run where it is gone."""
    match = _FRONT_MATTER.match(markdown)
    if match is None:
        return markdown, {}
    meta = yaml.safe_load(match.group(1))
    if not isinstance(meta, dict):
        return markdown, {}
    return markdown[match.end() :].lstrip("\n"), meta


_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def _with_front_matter(meta: dict[str, Any], body: str) -> str:
    head = yaml.dump(_plain(meta), Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n{body}"


def _with_printed_address(body: str, address: str | None, lang: str) -> str:
    """The Markdown with the page's address block under its first heading, where on_page_content
    puts it in the HTML (a raw HTML block between blank lines passes through Markdown as it is)."""
    block = print_qr.with_printed_address("", address, lang)
    lines = body.split("\n")
    in_code = False
    for number, line in enumerate(lines):
        if line.startswith(("```", "~~~")):
            in_code = not in_code
        elif not in_code and line.startswith("# "):
            return "\n".join([*lines[: number + 1], "", block, "", *lines[number + 1 :]])
    return f"{block}\n\n{body}"


def _page_markdown(
    page: GeneratedPage,
    plan: Plan,
    site: site_frame.LanguageSite,
    previews: dict[str, link_preview.Preview],
    lang: str,
    *,
    written: bool,
) -> str:
    """One page as the engine must read it: markers expanded (`written`: a page of docs/), the printed
    address or QR code, and the front matter the theme reads (link preview, description, footer)."""
    body, meta = _front_matter(page.markdown)
    site_url = site.site_url
    if written:
        first_line = (
            page.markdown[: len(page.markdown) - len(body)].count("\n") + 1 if page.markdown.endswith(body) else 1
        )
        body = blocks.expand_blocks(body, plan, lang, page.path, first_line)
    url = page_url(page.path)
    if site_url:
        body = _site_root_links(body, url, site_url.removesuffix(f"{lang}/"))
    canonical = site_url + url if site_url else None
    if canonical and print_qr.carries_qr(page.path):
        body = body.rstrip("\n") + "\n\n" + print_qr.qr_block(canonical, lang) + "\n"
    else:
        body = _with_printed_address(body, canonical, lang)
    preview = previews.get(page.path)
    if preview is not None:
        meta["pii_preview"] = preview
        meta["description"] = preview.meta_description
    meta["pii_footer"] = site.footer(_base_url(url))
    return _with_front_matter(meta, body)


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)


def _language_config(
    base: dict[str, Any], plan: Plan, settings: Settings, error_preview: link_preview.Preview
) -> dict[str, Any]:
    """The project's mkdocs.yml with what pii_hooks.on_config sets for settings.lang written in."""
    lang = settings.lang
    site = site_frame.language_site(plan, settings)
    labels_extra = _hook_extra(plan, settings, site)
    config = {key: value for key, value in base.items() if key not in ("hooks", "watch")}
    config.update(
        site_name=site.site_name,
        site_url=site.site_url,
        site_description=site.site_description,
        docs_dir=f"docs/{lang}",
        site_dir=f"site/{lang}",
    )
    images = identity_files.theme_images(plan)
    theme = dict(config["theme"])
    # variant: Zensical's look closest to Material's (its default, "modern", changes fonts, icons and
    # header); MkDocs and ProperDocs hand the option to Material, which reads no such option.
    theme.update(language=lang, custom_dir="theme", variant="classic", logo=images.logo, favicon=images.favicon)
    theme = {key: value for key, value in theme.items() if value is not None}
    config["theme"] = theme
    config["extra_css"] = [*config.get("extra_css", []), identity_files.STYLESHEET]
    config["extra"] = {
        **config.get("extra", {}),
        "alternate": site.alternate,
        "lang": lang,
        **labels_extra,
        "pii_not_found": site.not_found,
        "pii_error_preview": error_preview,
        # The 404 page is no Page: its footer, for a page at the language's root.
        "pii_error_footer": site.footer(site.site_url or "."),
    }
    if site.repo_url:
        config["repo_url"] = site.repo_url
        # "Edit this page" of a generated page leads to its data file, which only the hook can say
        # per page; none rather than a link to a file that does not exist.
        config["edit_uri"] = ""
    return config


def _hook_extra(plan: Plan, settings: Settings, site: site_frame.LanguageSite) -> dict[str, Any]:
    labels = Labels(settings.lang)
    return {
        "pii_feed": {"href": site.site_url + urls.FEED, "title": labels("feed.title", site=site.full_name)},
        "pii_full_name": site.full_name,
        "pii_demo_notice": labels("demo.notice") if plan.site.demo else None,
        "pii_made_with": labels("footer.made_with"),
    }


def _export_language(
    out: Path, project_dir: Path, base: dict[str, Any], plan: Plan, settings: Settings, shared: SharedFiles
) -> tuple[dict[str, Any], set[str]]:
    """Writes docs/<lang>/ and returns the language's config and the top folders of its site."""
    lang = settings.lang
    docs_in = project_dir / "docs" / lang
    docs_out = out / "docs" / lang
    site = site_frame.language_site(plan, settings)
    written: list[GeneratedPage] = []
    for source in sorted(docs_in.rglob("*")):
        if not source.is_file():
            continue
        relative = source.relative_to(docs_in).as_posix()
        if source.suffix == ".md":
            written.append(GeneratedPage(relative, source.read_text(encoding="utf-8-sig")))
        else:
            _write(docs_out / relative, source.read_bytes())
    generated = render_site(plan, lang)
    previews = link_preview.link_previews(plan, lang, [*written, *generated], site.site_url)
    for page in written:
        _write(docs_out / page.path, _page_markdown(page, plan, site, previews.pages, lang, written=True))
    for page in generated:
        _write(docs_out / page.path, _page_markdown(page, plan, site, previews.pages, lang, written=False))
    files: list[GeneratedFile] = [
        *previews.images,
        *shared.all,
        feeds.feed_file(plan, lang, site.site_url),
        *identity_files.identity_files(plan),
    ]
    files += [
        GeneratedFile(p.site_path, p.content)
        for p in {p.site_path: p for post in plan.news for p in post.photos}.values()
    ]
    for file in files:
        _write(docs_out / file.path, file.content)
    pages = [*written, *generated]
    folders = {page_url(page.path).split("/")[0] for page in pages} | {
        f.path.split("/")[0] for f in files if "/" in f.path
    }
    folders |= {path.relative_to(docs_out).parts[0] for path in docs_out.iterdir() if path.is_dir()}
    folders |= set(_ENGINE_FOLDERS)
    return _language_config(base, plan, settings, previews.error_page), folders - {""}


def export_command(out: Path, settings: Settings) -> int:
    """scripts/build.py --export DIR: the tree, or a message and exit status 1 (bad data is told as a
    build tells it; `out` is then left as it was)."""
    try:
        export_site(out, settings)
    except DataError as error:
        print(f"Export failed; {out} was left as it was.\n{error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Export failed; {out} was left as it was: {error}", file=sys.stderr)
        return 1
    print(f"Exported {', '.join(LANGUAGES)} into {out}; its README.md says how to build it.")
    return 0


def export_site(out: Path, settings: Settings, config_file: Path = PROJECT_DIR / "mkdocs.yml") -> None:
    """Write the plain tree of every language into `out`, replacing what was there. Raises DataError
    on bad data, OSError if `out` cannot be written; `out` is then left as it was."""
    plan = load_plan(settings.data_dir, settings.today)
    shared = shared_files(plan, settings.base_url(plan.site.url))
    base = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    # Written beside `out` and put in its place once whole: a failure leaves no half tree.
    staging = out.with_name(out.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        _export_into(staging, config_file.parent, base, plan, settings, shared)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)


def _export_into(
    out: Path, project_dir: Path, base: dict[str, Any], plan: Plan, settings: Settings, shared: SharedFiles
) -> None:
    sections: set[str] = set()
    for lang in LANGUAGES:
        language = settings.for_language(lang)
        config, folders = _export_language(out, project_dir, base, plan, language, shared)
        name = "mkdocs.yml" if lang == DEFAULT_LANG else f"mkdocs.{lang}.yml"
        text = yaml.dump(_plain(config), Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False, width=1000)
        _write(out / name, f"# Exported by scripts/build.py --export: {lang}, built without hooks.\n{text}")
        if lang == DEFAULT_LANG:
            sections = folders
    _export_theme(out / "theme")
    default = settings.for_language(DEFAULT_LANG)
    root = out / ROOT_FOLDER
    redirect = site_frame.root_redirect(plan, default)
    not_found = site_frame.root_not_found(plan, default, sorted(sections))
    if redirect is not None:
        _write(root / site_frame.ROOT_PAGE, redirect)
    if not_found is not None:
        _write(root / site_frame.ROOT_NOT_FOUND, not_found)
    for file in catalogue.root_files(plan, default.base_url(plan.site.url), shared.open_data):
        _write(root / file.path, file.content)
    _write(out / "README.md", _README)


_README = """# The site as plain Markdown, exported by `scripts/build.py --export`

Built without hooks by any MkDocs-compatible engine (hooks/ENGINES.md of the project says what works on which):

    properdocs build --strict -f mkdocs.yml && properdocs build --strict -f mkdocs.en.yml
    zensical build --clean -f mkdocs.yml && zensical build --clean -f mkdocs.en.yml

then copy root/ into site/ (the page that sends readers to a language, the root 404 page, the open-data
schema and catalogue): `cp -r root/. site/`. The Markdown extensions named in the configs come from the
project's package (hooks/pii_site): build where it is importable (the project's .venv).
"""


def _export_theme(theme: Path) -> None:
    """hooks/theme, changed where a plain engine needs it (each change checked, so that an edit of the
    theme that moves what it changes fails the export instead of shipping a theme that half works)."""
    shutil.copytree(THEME_DIR, theme)
    for relative, changes in _THEME_CHANGES.items():
        path = theme / relative
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            if old not in text:
                raise RuntimeError(
                    f"hooks/theme/{relative} has no {old!r} to change for the export; update pii_export.py"
                )
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    for relative in _THEME_LEFT_OUT:
        (theme / relative).unlink()


# What the export changes in its copy of hooks/theme.
_THEME_CHANGES = {
    # The hook hands each page its footer as `pii_footer`; the export puts it in the page's front
    # matter (and the 404 page's in config.extra).
    "partials/copyright.html": [
        (
            "{{ pii_footer }}",
            "{{ pii_footer or (page.meta.pii_footer if page and page.meta and page.meta.pii_footer"
            " else config.extra.pii_error_footer) }}",
        )
    ],
    # Zensical renders templates with MiniJinja, whose strings have no endswith(); a slice reads the
    # same in both.
    "404.html": [('base_url.endswith("/")', 'base_url[-1:] == "/"')],
}
# Material 9.7's search dialog with an accessible name: on Zensical it replaces Zensical's own search
# dialog, whose script then never shows a result. Left out, each engine draws its own.
_THEME_LEFT_OUT = ("partials/search.html",)
