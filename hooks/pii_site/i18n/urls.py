"""Every page address in one place: source paths of generated pages and links between them.

A page's address is the same in both languages (only the /vi/ or /en/ folder differs), which is
what lets the language switch keep the reader on the same page. So are anchors made from ids
(source_anchor, task ids); an anchor made from a heading (i18n/slugs.py) is not, since the heading
is translated.
"""

from __future__ import annotations

HOME = "index.md"
PLAN = "plan.md"
PILLARS = "pillars/index.md"
UNITS = "units/index.md"
TASKS = "tasks/index.md"
NEWS = "news/index.md"
PII_INDEX = "pii/index.md"
PII_FRAMEWORK = "pii/framework.md"
PII_METHOD = "pii/method.md"
PII_GLOSSARY = "pii/glossary.md"
PII_SOURCES = "pii/sources.md"


def source_anchor(source_id: str) -> str:
    """Anchor of a source on the sources page: 'src-<id>'."""
    return f"src-{source_id}"


PROGRESS = "progress/index.md"
OPEN_DATA = "progress/data.md"
FEED = "feed.xml"  # a generated file (outputs/feeds.py), not a page: its address is its path


def task_slug(task_id: str) -> str:
    """'III.2' -> 'iii-2' (addresses and anchors without dots or capitals)."""
    return task_id.lower().replace(".", "-")


def task_page(task_id: str) -> str:
    return f"tasks/{task_slug(task_id)}.md"


def pillar_page(pillar_id: str) -> str:
    return f"pillars/{pillar_id}.md"


def unit_page(unit_id: str) -> str:
    return f"units/{unit_id}.md"


def form_file(unit_id: str) -> str:
    """A unit's blank report form, a generated file: 'forms/phong-kinh-te.xlsx'. Its name is the name
    it must have in data/reports/<round id>/, so it is uploaded as it was downloaded."""
    return f"forms/{unit_id}.xlsx"


def news_page(slug: str) -> str:
    """'2026-03-15-hop-mat' -> 'news/2026-03-15-hop-mat.md' (slug = the news file's name)."""
    return f"news/{slug}.md"


def fixed_pages() -> list[str]:
    """Source paths of the pages whose address is fixed in this module (the upper-case names
    ending in ".md"): the ones a page made from a data id (unit_page...) must not land on."""
    return [value for name, value in globals().items() if name.isupper() and str(value).endswith(".md")]


def clashing_page(source_path: str) -> str | None:
    """The fixed page that has the same address as `source_path` ('units/index.md' is the units
    overview's), or None."""
    return next((page for page in fixed_pages() if address(page) == address(source_path)), None)


def address(source_path: str) -> str:
    """A source path's address under the language folder: 'news/x.md' -> 'news/x/', 'news/index.md' -> 'news/'."""
    if source_path == "index.md" or source_path.endswith("/index.md"):
        return source_path.removesuffix("index.md")
    return source_path.removesuffix(".md") + "/"


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one source page to another (MkDocs checks and rewrites it).

    posixpath.relpath's answer for these clean relative paths, by splitting alone: a page makes
    dozens of links and posixpath normalises both paths each time (a tenth of the package's build time)."""
    folder = from_page.split("/")[:-1]
    target = to_page.split("/")
    shared = 0
    while shared < len(folder) and shared < len(target) - 1 and folder[shared] == target[shared]:
        shared += 1
    return "/".join([".."] * (len(folder) - shared) + target[shared:])


class Linker:
    """Links from one page, handed to its template as `link`."""

    def __init__(self, page: str) -> None:
        self.page = page

    def to(self, target: str, anchor: str = "") -> str:
        href = relative(self.page, target)
        return f"{href}#{anchor}" if anchor else href

    def task(self, task_id: str) -> str:
        return self.to(task_page(task_id))

    def pillar(self, pillar_id: str) -> str:
        return self.to(pillar_page(pillar_id))

    def unit(self, unit_id: str) -> str:
        return self.to(unit_page(unit_id))

    def news(self, slug: str) -> str:
        return self.to(news_page(slug))

    def glossary(self, term_id: str) -> str:
        return self.to(PII_GLOSSARY, term_id)

    def source(self, source_id: str) -> str:
        return self.to(PII_SOURCES, source_anchor(source_id))
