"""News posts: data/news/YYYY-MM-DD-slug.md, YAML front matter plus a Markdown body per language.

The loader calls `load_news` once per build (problems join the other data problems); the news
page family and the home page read `plan.news`; `feed_entries` turns posts into plain entries for
the Atom feeds. Bodies are staff-written Markdown, but raw HTML and attribute lists are escaped,
and the rendered body (news_body.py) may hold no link other than http(s), mailto or an #anchor
the post's page has, and no image but a photo in the post's own folder (news_photos.py): data text
stays text. A body is rendered only within the bounds
news_limits.py checks first, and no two files may get one page address.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pii_site.i18n import urls
from pii_site.i18n.formatting import shorten_at_word
from pii_site.source.entries import folder_entries, read_entry
from pii_site.source.errors import Problem, file_problem, message, shown
from pii_site.source.news_body import RenderedBody, read_body
from pii_site.source.news_limits import body_problem
from pii_site.source.news_photos import MARKDOWN_IMAGE, address_pattern, photo_markdown, read_photo
from pii_site.source.schema.base import character_code, unallowed_character
from pii_site.source.schema.plan import NewsFrontMatter
from pii_site.source.schema.published import NewsPost, Photo
from pii_site.source.validation import parse
from pii_site.source.yaml_source import nfc, read_yaml_text

NEWS_FOLDER = "news"
# Files staff may keep in the folder that are not posts.
IGNORED_FILES = {"README.md"}
FILE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
FENCE = re.compile(r"^---\s*$")
# The line that starts the English body: <!-- en --> alone on its line.
ENGLISH_SEPARATOR = re.compile(r"^\s*<!--\s*en\s*-->\s*$", re.IGNORECASE)
_SAFE_ADDRESSES = ("http://", "https://", "mailto:", "#")
# "<" would start raw HTML; "{" and "}" would start an attribute list ({: onclick=...}).
_MARKUP_ESCAPES = {"<": "&lt;", "{": r"\{", "}": r"\}"}


@dataclass(frozen=True)
class FeedEntry:
    """One news post as a feed entry, in one language; plain text (the feed template escapes it).
    Its Atom id is feeds.py's: derived from the plan and the slug, not the address."""

    title: str
    date: dt.date
    url: str
    summary: str


def load_news(
    data_dir: Path, label: Callable[[Path], str], cache_dir: Path | None = None
) -> tuple[list[NewsPost], list[Problem]]:
    """Every post in data_dir/news/, newest first (photos' copies kept in the build cache at `cache_dir`). A missing folder means no news, not an error.
    Symbolic links are skipped: the loader refuses them (entries.linked_entries)."""
    folder = data_dir / NEWS_FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return [], []
    posts: list[NewsPost] = []
    paths, problems = folder_entries(folder, label(folder))
    twins = _same_address(paths)
    for path in paths:
        if path.name in IGNORED_FILES or path.name.startswith(".") or path.is_symlink():
            continue
        if path.is_dir() and not path.name.endswith(".md"):
            continue  # a folder of pictures, say; one named like a post is reported as unreadable
        if path in twins:
            problems.append(_twin_problem(path, twins[path], label))
            continue
        # A file name may hold a newline: each message must stay on its lines.
        post, post_problems = _read_post(path, shown(label(path)), cache_dir)
        problems += post_problems
        if post is not None:
            posts.append(post)
    posts.sort(key=lambda post: (post.date, post.slug), reverse=True)
    return posts, problems


def _same_address(paths: list[Path]) -> dict[Path, Path]:
    """Each of `paths` (a folder's entries) whose name would give the page address of another's, with
    that one. A web address ignores what file systems keep apart: a trailing newline or space, letter
    case, NFC or NFD. The file with the regular name keeps the address (else the first in order)."""
    groups: dict[str, list[Path]] = {}
    for path in paths:
        key = unicodedata.normalize("NFC", path.name).strip().casefold()
        groups.setdefault(key, []).append(path)
    twins = {}
    for group in groups.values():
        keeper = next((path for path in group if FILE_NAME.fullmatch(path.name)), group[0])
        twins.update({path: keeper for path in group if path != keeper})
    return twins


def _twin_problem(path: Path, keeper: Path, label: Callable[[Path], str]) -> Problem:
    found, other = shown(path.name), shown(keeper.name)
    return file_problem(shown(label(path)), None, "news_duplicate_address", found=found, other=other)


def _read_post(path: Path, label: str, cache_dir: Path | None) -> tuple[NewsPost | None, list[Problem]]:
    # macOS file systems may hand the name back decomposed (NFD): the address is the NFC name.
    file_name = nfc(path.name)
    # fullmatch: with match, "$" would also accept a name ending in a newline after ".md".
    name = FILE_NAME.fullmatch(file_name)
    if name is None:
        return None, [file_problem(label, None, "news_file_name", found=shown(file_name))]
    text, problems = read_entry(path, label, encoding="utf-8-sig")
    if text is None:
        return None, problems
    # Before splitting: splitlines() would silently break lines at some of these characters.
    if found := unallowed_character(text):
        line = text.count("\n", 0, found.start()) + 1
        return None, [file_problem(label, line, "yaml_control_character", code=character_code(found.group()))]
    lines = text.splitlines()
    closing = next((i for i, line in enumerate(lines[1:], start=1) if FENCE.match(line)), None)
    if not lines or not FENCE.match(lines[0]) or closing is None:
        return None, [file_problem(label, 1, "news_front_matter")]
    source, problems = read_yaml_text("\n".join(lines[1:closing]), label, first_line=2)
    if source is None or problems:
        return None, problems
    front, problems = parse(source, NewsFrontMatter)
    if front is None:
        return None, problems
    assert isinstance(front, NewsFrontMatter)
    if name["date"] != front.date.isoformat():
        problems.append(
            file_problem(
                label, source.line_of(("date",)), "news_date_mismatch", file_date=name["date"], date=front.date
            )
        )
    body_start = closing + 1  # 0-based index of the body's first line
    # The body in NFC, as the YAML reader gives the front matter: what readers search for must not
    # depend on the keyboard the post was typed on. Line by line, so line numbers stay.
    body = [nfc(line) for line in lines[body_start:]]
    split = next((i for i, line in enumerate(body) if ENGLISH_SEPARATOR.match(line)), len(body))
    # Each language's lines and the number of the first; the English ones may be none.
    spans = {"vi": (body[:split], body_start + 1), "en": (body[split + 1 :], body_start + split + 2)}
    texts = {lang: "\n".join(lines).strip() for lang, (lines, _) in spans.items()}
    if not texts["vi"]:
        problems.append(file_problem(label, body_start + 1, "news_empty_body"))
    bounds = [body_problem(lines, first_line, label) for lines, first_line in spans.values()]
    problems += [problem for problem in bounds if problem is not None]
    if problems:
        return None, problems
    # Each language's body is rendered on its own page, so each is read on its own, under its
    # page's title (news_post.md.j2's first line), whose id the body's headings must not take.
    parts = [
        _BodyPart(
            lang, lines, first_line, read_body(safe_markdown(texts[lang]), _title_line(getattr(front.title, lang)))
        )
        for lang, (lines, first_line) in spans.items()
        if texts[lang]
    ]
    for part in parts:
        anchors = part.rendered.anchors
        if len(parts) == 1:
            # The English page shows the Vietnamese body under the English title: links must work on both.
            anchors = anchors & read_body(safe_markdown(texts["vi"]), _title_line(front.title.en)).anchors
        problems += _unsafe_addresses(part.rendered, anchors, part.lines, part.first_line, label)
    slug = file_name.removesuffix(".md")
    photos, photo_problems = _read_photos(parts, label, path.parent, slug, cache_dir)
    problems += photo_problems
    if problems:
        return None, problems
    post = NewsPost(
        slug=slug,
        date=front.date,
        title=front.title,
        summary=front.summary,
        body_vi=photo_markdown(safe_markdown(texts["vi"]), photos),
        body_en=photo_markdown(safe_markdown(texts["en"]), photos) or None,
        data_file=f"data/{NEWS_FOLDER}/{file_name}",
        lead_vi=parts[0].rendered.first_paragraph,
        lead_en=parts[1].rendered.first_paragraph if len(parts) > 1 else None,
        photos=tuple(photos.values()),
    )
    return post, []


def _on_page(address: str, anchors: set[str]) -> bool:
    """Whether "#..." leads somewhere on a page with these ids ("#" alone is the top of the page);
    a browser also finds an id written with %-escapes."""
    anchor = address.removeprefix("#")
    return not anchor or anchor in anchors or urllib.parse.unquote(anchor) in anchors


def _title_line(title: str) -> str:
    """The page's first line, "# <title>", whose heading reads as the title: news_post.md.j2
    escapes it with render/templating.escape_markdown; numeric character references give the same text
    and id (tests/source/test_news_limits.py checks it) without the source layer importing the pages."""
    text = " ".join(title.split())
    return "# " + "".join(char if char.isalnum() or char == " " else f"&#{ord(char)};" for char in text)


class _LineFinder:
    """The line of a body that holds what the rendered HTML shows. Markdown lets an address sit on
    the line after its label or hide behind a character reference, so checks read the HTML; the
    raw lines only serve to name the line (the body's first line when nothing matches). A repeated
    needle is found at its next occurrence."""

    def __init__(self, lines: list[str], first_line: int) -> None:
        self.lines, self.first_line = lines, first_line
        self._searched_from: dict[str, int] = {}

    def __call__(self, *needles: str) -> int:
        for needle in needles:
            if not needle:
                continue
            start = self._searched_from.get(needle, 0)
            for index in range(start, len(self.lines)):
                if needle in self.lines[index]:
                    self._searched_from[needle] = index + 1
                    return self.first_line + index
        return self.first_line


def _unsafe_addresses(
    rendered: RenderedBody, anchors: set[str], lines: list[str], first_line: int, label: str
) -> list[Problem]:
    """Unsafe links and links to an #anchor not in `anchors` (the ids of the page) in one
    language's rendered body (images are _read_photos' part). Anchors are known before the build:
    a post's page content is its title and body, whose heading ids news_body makes as the site does."""
    problems = []
    line_of = _LineFinder(lines, first_line)
    for found in rendered.addresses:
        if found.tag == "img":
            continue
        if not found.address.lower().startswith(_SAFE_ADDRESSES):
            line = line_of(found.address, found.words)
            problems.append(file_problem(label, line, "news_link", found=" ".join(found.address.split())))
        elif found.address.startswith("#") and not _on_page(found.address, anchors):
            listed = ", ".join(f"#{anchor}" for anchor in sorted(anchors))
            problems.append(
                file_problem(label, line_of(found.address), "news_anchor", found=found.address, anchors=listed)
            )
    return problems


@dataclass(frozen=True)
class _BodyPart:
    """One language's body: its lines as written (to name a line), the first one's number, and
    the body as rendered (what the checks read)."""

    lang: str
    lines: list[str]
    first_line: int
    rendered: RenderedBody


def _read_photos(
    parts: list[_BodyPart], label: str, news_dir: Path, post: str, cache_dir: Path | None
) -> tuple[dict[str, Photo], list[Problem]]:
    """The photos the bodies show, by address, or the problems with them: each must be a file in
    the post's own folder (nothing is fetched from another host), have alternative text, be written
    as ![text](folder/file) on one line (so the build can add its size), be shown in both bodies
    when there are two, and be a photo news_photos accepts, read once however often it is shown."""
    problems = []
    shown: list[dict[str, list[int]]] = []  # per body: each photo's address, with the lines showing it
    for part in parts:
        lines_of, part_problems = _photo_lines(part, label, post)
        shown.append(lines_of)
        problems += part_problems
    photos: dict[str, Photo] = {}
    # Two names that differ only in case are one file on Windows and macOS (and to a host that
    # ignores case): a checkout there keeps one of them, and the page shows it twice.
    by_case: dict[str, str] = {}
    for address in dict.fromkeys(address for lines_of in shown for address in lines_of):
        lines = sorted({line for lines_of in shown for line in lines_of.get(address, [])})
        if (other := by_case.setdefault(address.casefold(), address)) != address:
            problems.append(file_problem(label, lines[0], "news_photo_case_twin", found=address, other=other))
            continue
        photo, problem = read_photo(news_dir, address, label, lines[0], cache_dir)
        if photo is not None:
            photos[address] = photo
            continue
        assert problem is not None
        if len(lines) > 1:
            # One message for the file, however many images show it: fixing it mends them all.
            also_vi, also_en = message("news_photo_also_at", lines=", ".join(map(str, lines[1:])))
            problem = replace(problem, text_vi=f"{problem.text_vi} {also_vi}", text_en=f"{problem.text_en} {also_en}")
        problems.append(problem)
    if len(shown) == 2 and not problems:
        # The issue wants every photo described in both languages: one shown in one body only
        # would go unseen by the other language's readers. (An image refused above, or a file not
        # found, may well be this photo misspelt: that message says enough.)
        for here, there, only_in in ((shown[0], shown[1], "vi"), (shown[1], shown[0], "en")):
            for address in sorted(here.keys() - there.keys()):
                problems.append(file_problem(label, here[address][0], f"news_photo_only_{only_in}", found=address))
    return photos, problems


def _photo_lines(part: _BodyPart, label: str, post: str) -> tuple[dict[str, list[int]], list[Problem]]:
    """The photos one body shows, by address, with the lines showing them, and the problems of
    images not shown as photos may be."""
    lines_of: dict[str, list[int]] = {}
    problems = []
    line_of = _LineFinder(part.lines, part.first_line)
    allowed = address_pattern(post)
    # Each image shown must be one written in the simple form, whose size photo_markdown adds.
    written = Counter(image["address"] for image in MARKDOWN_IMAGE.finditer("\n".join(part.lines)))
    for found in (found for found in part.rendered.addresses if found.tag == "img"):
        line = line_of("![" + found.words, found.address)
        if not allowed.fullmatch(found.address):
            found_address = " ".join(found.address.split())
            problems.append(file_problem(label, line, "news_image", found=found_address, post=post))
            continue
        # Shown, even if its text or form is wrong: it is no photo missing from this body.
        lines_of.setdefault(found.address, []).append(line)
        if not found.words.strip():
            problems.append(file_problem(label, line, "news_photo_alt", found=found.address))
        elif written[found.address] < 1:
            problems.append(file_problem(label, line, "news_photo_form", found=found.address))
        else:
            written[found.address] -= 1
    return lines_of, problems


def safe_markdown(text: str) -> str:
    """Staff Markdown with raw HTML and attribute lists turned into plain text."""
    return "".join(_MARKUP_ESCAPES.get(char, char) for char in text)


def plain_summary(post: NewsPost, lang: str, limit: int = 300) -> str:
    """The post's summary, else the text of its body's first paragraph as readers see it."""
    if post.summary is not None:
        return getattr(post.summary, lang, None) or post.summary.vi
    paragraph = post.lead_en if lang == "en" and post.lead_en is not None else post.lead_vi
    return shorten_at_word(paragraph, limit)


def feed_entries(news: Sequence[NewsPost], lang: str, base_url: str = "") -> list[FeedEntry]:
    """News posts as feed entries for `lang`, newest first. `base_url` is the language site's
    address ending in "/" (e.g. https://example.org/pii/vi/); urls are absolute with it."""
    entries = []
    for post in news:
        url = base_url + urls.address(urls.news_page(post.slug))
        entries.append(
            FeedEntry(
                title=getattr(post.title, lang),
                date=post.date,
                url=url,
                summary=plain_summary(post, lang),
            )
        )
    return entries
