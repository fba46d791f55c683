"""Render Markdown from the files in templates/ with one cached Jinja environment (and HTML with
another, autoescaped).

Called by the page-family modules in pages/, by outputs/ (feed, site frame, printed QR codes) and
province/pages.py. Templates get `t` (interface labels), `tr` (a data
text in the page's language, already escaped), `link` (addresses relative to the page) and the plan.
Data text is text: `tr` and the `md` filter escape HTML and Markdown syntax, so a "<script>" or a
"[link](...)" typed into the data is shown literally and never becomes markup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

import jinja2
import jinja2.bccache

from pii_site.i18n import Labels
from pii_site.i18n.formatting import format_date, format_number, format_partial_date
from pii_site.i18n.urls import Linker
from pii_site.model.progress import PROGRESS_ORDER, STATUSES, status_values
from pii_site.source.schema.base import OptionalEnglishText, PartialDate, Text

# Characters Python-Markdown (with the tables extension) gives a meaning to; a backslash
# makes each one literal. "<", ">" and "&" become entities instead, so raw HTML stays text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_WHITESPACE = re.compile(r"\s+")
# What schema patterns refuse in an address, and "|" (a table cell's end), percent-encoded so no
# data can end the "<...>" destination, a table cell or open a code span.
_ADDRESS_UNSAFE = re.compile(r"[\s<>\"'`|]")


@functools.lru_cache(maxsize=1 << 14)
def escape_markdown(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text, on one line. Cached: the same
    names (units, pillars, labels) are escaped on every page that lists them."""
    text = _WHITESPACE.sub(" ", text).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def link_destination(address: str) -> str:
    """An address from the data -> a Markdown link destination, "<...>", that becomes exactly that
    href and nothing else. Raw HTML (<a href="...">) is not safe: Python-Markdown still reads
    "![x](y)" or backticks inside the attribute and writes elements into it."""
    address = _ADDRESS_UNSAFE.sub(lambda match: urllib.parse.quote(match.group()), address)
    # A backslash would be read as an escape and "&lt;" as an entity: quote both.
    return "<" + address.replace("\\", "\\\\").replace("&", "&amp;") + ">"


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # source path under the language's docs folder, e.g. "tasks/iii-2.md"
    markdown: str
    data_file: str | None = None  # the data file behind the page, for "edit this page"
    # Plain text from the page's own data for its link preview (outputs/link_preview.py); None: the site's.
    description: str | None = None


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between processes, in a private folder of the system's temporary
    folder: every build and every preview rebuild is a fresh process, and compiling the templates
    costs more CPU than rendering the real plan's pages. Entries are keyed by template path and
    source checksum, so an edited template is compiled again; one cache per environment, since
    the compiled code depends on its options. A cache that cannot be written is skipped."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache(kind: str) -> jinja2.BytecodeCache | None:
    try:
        return _BytecodeCache(pattern=f"__pii_site_{kind}_%s.cache")
    except (OSError, RuntimeError):  # no private temporary folder: compile every time
        return None


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pii_site.render", "templates"),
        bytecode_cache=_bytecode_cache("markdown"),
        auto_reload=False,  # templates are package files: a preview worker restarts when they change
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; data text is escaped by `tr` and `md`
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda value: escape_markdown(str(value))
    env.filters["destination"] = link_destination
    env.globals["statuses"] = STATUSES
    env.globals["statuses_by_progress"] = PROGRESS_ORDER
    env.globals["status_values"] = status_values
    return env


class Translator:
    """`tr(text)`: the page's language of a data text, escaped for Markdown."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, text: Text | OptionalEnglishText) -> str:
        return escape_markdown(self.plain(text))

    def plain(self, text: Text | OptionalEnglishText) -> str:
        value = getattr(text, self.lang, None)
        return value if value is not None else text.vi

    def number(self, value: float, digits: int = 1) -> str:
        """3 -> '3'; 50.625 -> '50,6' in Vietnamese, '50.6' in English."""
        return format_number(value, self.lang, digits)

    def date(self, value: dt.date | PartialDate) -> str:
        if isinstance(value, PartialDate):
            return format_partial_date(value.year, value.month, value.day, self.lang)
        return format_date(value, self.lang)


@functools.cache
def _html_environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("pii_site.render", "templates"),
        bytecode_cache=_bytecode_cache("html"),
        auto_reload=False,  # templates are package files: a preview worker restarts when they change
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
    )


def render_html(template: str, **values: Any) -> str:
    """Render an HTML template (autoescaped: every value is text)."""
    return _html_environment().get_template(template).render(values)


def render(template: str, page: str, lang: str, **values: Any) -> str:
    context = {
        "lang": lang,
        "t": Labels(lang),
        "tr": Translator(lang),
        "link": Linker(page),
        **values,
    }
    return _environment().get_template(template).render(context)
