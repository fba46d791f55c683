"""MkDocs adapter of the province site, whose configuration scripts/province.py generates (no
second mkdocs.yml at the repository's top level). Its pages are Markdown files the package rendered
(pii_site.province.pages); nothing here builds text.

Events:
- on_template_context: without a public address, the 404 page gets relative addresses, as the
  commune site's does (the same function, from pii_hooks; the commune's footer is not the province's).
- on_post_build: the search index gets the same accent folding and boosts as the commune site's
  (pii_site.outputs.search_index), so "vinh thuan" finds "Vĩnh Thuận".
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.templates import TemplateContext
from pii_hooks import relative_error_page

from pii_site.outputs import search_index


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    relative_error_page(context, template_name, config)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.is_file():
        index = search_index.improve_search_index(json.loads(index_file.read_text(encoding="utf-8")))
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
