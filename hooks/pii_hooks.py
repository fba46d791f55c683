"""MkDocs adapter: loads the plan once per build (or takes the one hooks/pii_build.py hands to `use`) and
hands the generated pages and files to MkDocs, event by event. The one rule: no text is built here; every
page and file comes from the pii_site package. What each event does: hooks/README.md, "The MkDocs events".
MkDocs loads a hook once per process, so `make serve` starts a fresh build worker when hooks/ change.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import is_error_template
from mkdocs.utils.templates import TemplateContext

from pii_site import DataError, load_plan
from pii_site.i18n import Labels, urls
from pii_site.model.plan import Plan
from pii_site.outputs import (
    catalogue,
    feeds,
    identity_files,
    link_preview,
    print_qr,
    search_index,
    site_frame,
)
from pii_site.outputs.shared_files import SharedFiles, shared_files
from pii_site.pages import blocks, render_site
from pii_site.render.templating import GeneratedPage
from pii_site.settings import Settings, SettingsError


@dataclass(frozen=True)
class BuildInput:
    """One language's build: its settings, the plan, and the files the same in every language (open
    data, the units' report forms), made once per build by whoever loads the plan."""

    settings: Settings
    plan: Plan
    shared: SharedFiles


# The link preview of each page of the build under way, by source path (made in on_files).
_previews: dict[str, link_preview.Preview] = {}
_handed: list[BuildInput] = []  # what `use` gave for the next build, taken by on_config
_current: list[BuildInput] = []  # the build under way, for the later events
_footers: list[Callable[[str], str]] = []  # the build's footer, by the address of a page's language root
_summarised: set[str] = set()  # addresses of the build's pages that search finds by their summary only


def use(settings: Settings, plan: Plan, shared: SharedFiles) -> None:
    """Build the next build with these settings, this plan and the files the same in every language
    (made once for every language by the caller) instead of reading the environment."""
    _handed[:] = [BuildInput(settings, plan, shared)]


def _from_environment(project_dir: Path) -> BuildInput:
    """`mkdocs build` / `mkdocs serve` run directly: the PII_* variables, data/ loaded here."""
    try:
        settings = Settings.from_environ(os.environ, project_dir)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    try:
        plan = load_plan(settings.data_dir, settings.today, cache_dir=settings.cache_dir)
    except DataError as error:
        raise PluginError(f"\n{error}") from None
    return BuildInput(settings, plan, shared_files(plan, settings.base_url(plan.site.url)))


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_dir = Path(config.config_file_path).parent
    # Taken, not peeked: `mkdocs serve` rebuilds with the same module and must read data/ afresh.
    build = _handed.pop() if _handed else _from_environment(project_dir)
    _current[:] = [build]
    _summarised.clear()
    settings, plan = build.settings, build.plan
    site = site_frame.language_site(plan, settings)
    config.docs_dir = str(project_dir / "docs" / settings.lang)
    config.site_dir = str(Path(config.site_dir) / settings.lang)
    config.site_url = site.site_url
    config.site_name = site.site_name
    config.site_description = site.site_description
    config.theme["language"] = settings.lang
    config.extra["alternate"] = site.alternate
    config.extra["lang"] = settings.lang
    labels = Labels(settings.lang)
    # Read by hooks/theme/main.html: the feed in every page's <head>, the demo notice on every page,
    # the full name as the home page's title.
    # Absolute when the address is known (feed readers are handed it as is), else relative to the
    # language's root: the theme passes it through MkDocs' `url` filter, which makes it relative to each page.
    config.extra["pii_feed"] = {"href": site.site_url + urls.FEED, "title": labels("feed.title", site=site.full_name)}
    config.extra["pii_full_name"] = site.full_name
    config.extra["pii_demo_notice"] = labels("demo.notice") if plan.site.demo else None
    # Read by hooks/theme/partials/copyright.html: Material's credit in the page's language (Material's
    # own partial has it in English only). The footer's own block is each page's (on_page_context).
    _footers[:] = [site.footer]
    config.extra["pii_made_with"] = labels("footer.made_with")
    # Read by hooks/theme/404.html: the "page not found" page in the page's language.
    config.extra["pii_not_found"] = site.not_found
    # The header's colours (mkdocs.yml's palette is "custom"), logo and favicon from data/site.yml.
    images = identity_files.theme_images(plan)
    config.theme["logo"] = images.logo
    config.theme["favicon"] = images.favicon
    if identity_files.STYLESHEET not in config.extra_css:  # `mkdocs serve` may hand the same list again
        config.extra_css.append(identity_files.STYLESHEET)
    if site.repo_url:
        config.repo_url = site.repo_url
        config.edit_uri = site.edit_uri
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    [build] = _current
    plan, lang = build.plan, build.settings.lang
    for file in files.documentation_pages():
        file.edit_uri = f"docs/{lang}/{file.src_uri}"
    # The pages written in docs/ take the site's description.
    previewed = [GeneratedPage(file.src_uri, file.content_string) for file in files.documentation_pages()]
    for page in render_site(plan, lang):
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{lang}/{page.path} has the address of a generated page; rename or remove it.")
        generated = File.generated(config, page.path, content=page.markdown)
        generated.edit_uri = page.data_file
        files.append(generated)
        previewed.append(page)
    site_url = config.site_url or ""
    previews = link_preview.link_previews(plan, lang, previewed, site_url, build.settings.cache_dir)
    _previews.clear()
    _previews.update(previews.pages)
    # Read by hooks/theme/main.html on the 404 page, which is no Page and has no address of its own.
    config.extra["pii_error_preview"] = previews.error_page
    for image in previews.images:
        files.append(File.generated(config, image.path, content=image.content))
    for data in (*build.shared.all, feeds.feed_file(plan, lang, site_url), *identity_files.identity_files(plan)):
        files.append(File.generated(config, data.path, content=data.content))
    # Made (resized) once per build when the plan was loaded; beside the post's page, whose body
    # names them relative to it.
    for photo in {photo.site_path: photo for post in plan.news for photo in post.photos}.values():
        files.append(File.generated(config, photo.site_path, content=photo.content))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # A detail page is not in the menu, so Material would show it no breadcrumb and highlight no menu
    # item. Its parent becomes the overview in its folder (tasks/III-2.md -> tasks/index.md): the
    # breadcrumb then reads Home > Tasks, and MkDocs marks the parent active while the page is read,
    # which Material highlights in the menu. MkDocs types parent as a Section; it only walks
    # .parent and sets .active on it, which a Page has too.
    in_menu = {page.file.src_uri: page for page in nav.pages}
    for file in files.documentation_pages():
        page = file.page
        if page is None or file.src_uri in in_menu or page.parent is not None:
            continue
        folder = file.src_uri.rpartition("/")[0]
        overview = in_menu.get(f"{folder}/index.md") if folder else None
        if overview is not None:
            page.parent = overview  # type: ignore[assignment]
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("search_summary") is True:
        _summarised.add(page.url)
    if page.file.generated_by is not None:  # made by on_files from the plan: holds no markers
        return markdown
    [build] = _current
    # MkDocs hands the Markdown without the page's front matter: lines are counted from the file's.
    source = page.file.content_string
    first_line = source[: len(source) - len(markdown)].count("\n") + 1 if source.endswith(markdown) else 1
    try:
        return blocks.expand_blocks(markdown, build.plan, build.settings.lang, page.file.src_uri, first_line)
    except DataError as error:
        raise PluginError(f"\n{error}") from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The printout says where the page is online, once: a QR code of its public address at the foot
    # of the notice-board pages; else the address under the title (without a public address there is
    # nothing a QR code could lead to, and only the reader's browser knows the address).
    lang = _current[0].settings.lang
    if page.canonical_url and print_qr.carries_qr(page.file.src_uri):
        try:
            return html + print_qr.qr_block(page.canonical_url, lang)
        except DataError as error:
            raise PluginError(f"\n{error}") from None
    return print_qr.with_printed_address(html, page.canonical_url, lang)


def _give_footer(context: TemplateContext) -> None:
    """The footer block for the page being rendered, as `pii_footer` (MkDocs' TemplateContext is a
    TypedDict of its own keys; templates read any key a hook adds)."""
    cast(dict[str, Any], context)["pii_footer"] = _footers[0](context["base_url"])


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # Read by hooks/theme/partials/copyright.html: who publishes the site and whom to ask, with its
    # link relative to this page (MkDocs' base_url: the language root seen from the page).
    _give_footer(context)
    preview = _previews.get(page.file.src_uri)
    if preview is not None:
        page.meta["pii_preview"] = preview
        page.meta["description"] = preview.meta_description
    return context


def relative_error_page(context: TemplateContext, template_name: str, config: MkDocsConfig) -> None:
    """MkDocs gives the 404 page addresses from the server's root ("/assets/...") when there is no
    site_url, which fail under any other path. Relative to the page instead: right where a
    language's 404.html is served from its own folder, which is where the site's root 404.html
    sends readers (with a public address, MkDocs' absolute ones stay). The province site's hook too."""
    if is_error_template(template_name) and not config.site_url:
        context.update(get_context(context["nav"], context["pages"], config, base_url="."))


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    relative_error_page(context, template_name, config)
    if is_error_template(template_name):
        _give_footer(context)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    # Both languages: English pages name Vietnamese places and units too ("Vinh Thuan").
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.is_file():  # absent only if someone removes the search plugin
        index = search_index.improve_search_index(
            json.loads(index_file.read_text(encoding="utf-8")), summarised=_summarised
        )
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    [build] = _current
    redirect = site_frame.root_redirect(build.plan, build.settings)
    if redirect is not None:
        root = Path(config.site_dir).parent
        root.joinpath(site_frame.ROOT_PAGE).write_text(redirect, encoding="utf-8")
        # The open-data contract's schema and, with a public address, the catalogue data.json.
        base_url = build.settings.base_url(build.plan.site.url)
        for file in catalogue.root_files(build.plan, base_url, build.shared.open_data):
            root.joinpath(file.path).parent.mkdir(parents=True, exist_ok=True)
            root.joinpath(file.path).write_bytes(file.content)
    # The top folders of this language's site (tasks, units, ...): where a missing address that has no
    # language folder starts, the root 404 page knows the site's root ends.
    sections = sorted(entry.name for entry in Path(config.site_dir).iterdir() if entry.is_dir())
    not_found = site_frame.root_not_found(build.plan, build.settings, sections)
    if not_found is not None:
        Path(config.site_dir).parent.joinpath(site_frame.ROOT_NOT_FOUND).write_text(not_found, encoding="utf-8")
