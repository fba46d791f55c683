"""News and build refusals: what the build used to refuse (or crash on, or take minutes over)
without a file and line, which validation now refuses first: ids whose page takes a fixed page's
address, news links to anchors or pages the site does not have, news files that map to one
address, and news bodies or texts past the bounds that keep rendering fast (news_limits.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import DataCopy

from bad_inputs import BadInput
from pii_site.source.news_limits import (
    BLOCK_DEPTH_LIMIT,
    BODY_LIMIT,
    BRACKET_DEPTH_LIMIT,
    LINE_LIMIT,
    MARKUP_CHARACTERS,
    MARKUP_LIMIT,
    PARAGRAPH_LIMIT,
)
from pii_site.source.schema.base import TEXT_LIMIT

INITIATIVE_DAY = "news/2026-05-12-ngay-hoi-sang-kien.md"  # English body; headings in both languages
HONEY = "news/2026-10-20-san-may.md"  # two one-line bodies, no headings
# The anchors of the initiative day's Vietnamese page: its title's, then its headings'.
INITIATIVE_DAY_ANCHORS_VI = "#buoi-chieu, #buoi-sang, #chuong-trinh-ngay-hoi, #ngay-hoi-sang-kien-song-may-2026"
INITIATIVE_DAY_ANCHORS_EN = "#afternoon, #morning, #programme, #song-may-initiative-day-2026"
PROSE = "Người dân góp ý về sản phẩm của hợp tác xã. "  # 44 characters, no formatting sign


def rename_everywhere(data: DataCopy, old: str, new: str, file: str) -> int:
    """Rename id `old` to `new` in every data file (so that every reference still resolves);
    return the line of "id: new" in `file`."""
    for path in data.root.rglob("*"):
        # Text files only: a news post's folder holds photos.
        if path.suffix in {".yml", ".md"} and old in (text := path.read_text(encoding="utf-8")):
            path.write_text(text.replace(old, new), encoding="utf-8")
    return data.line_of(file, f"id: {new}")


def add_to_honey_post(data: DataCopy, vietnamese: str) -> int:
    """Add a paragraph (or anything) to the Vietnamese body of the honey post; return its first line."""
    return data.replace(HONEY, "<!-- en -->", f"\n{vietnamese}\n\n<!-- en -->") + 1


def spoil_honey_body(vietnamese: str, past_first_line: int = 0) -> Callable[[DataCopy], int]:
    """A spoiler adding `vietnamese` to the honey post, for a problem about its whole Vietnamese
    body: the line named is the body's first, or `past_first_line` lines after it."""

    def spoil(data: DataCopy) -> int:
        add_to_honey_post(data, vietnamese)
        return data.line_of(HONEY, "Sản phẩm đầu tiên") + past_first_line

    return spoil


def twin_of_honey_post(data: DataCopy, name: str) -> None:
    """A second file whose name differs from the honey post's only in a way a web address ignores."""
    (data.root / "news" / name).write_bytes(data.path(HONEY).read_bytes())


CASES = [
    BadInput(
        "unit-id-index-takes-the-units-overview-address",
        lambda data: rename_everywhere(data, "to-cong-tac-doi-moi", "index", "units.yml"),
        "units.yml",
        "reserved_id",
        {"found": "index", "page": "units/"},
    ),
    BadInput(
        "pillar-id-index-takes-the-pillars-overview-address",
        lambda data: rename_everywhere(data, "ket-noi-so", "index", "pillars.yml"),
        "pillars.yml",
        "reserved_id",
        {"found": "index", "page": "pillars/"},
    ),
    BadInput(
        "news-link-to-a-missing-anchor",
        lambda data: data.replace(INITIATIVE_DAY, "(#chuong-trinh-ngay-hoi)", "(#chuong-trinh)"),
        INITIATIVE_DAY,
        "news_anchor",
        {"found": "#chuong-trinh", "anchors": INITIATIVE_DAY_ANCHORS_VI},
    ),
    BadInput(
        # Copied from the Vietnamese body: the English page's heading is "Programme".
        "english-news-link-to-the-vietnamese-pages-anchor",
        lambda data: data.replace(INITIATIVE_DAY, "(#programme)", "(#chuong-trinh-ngay-hoi)"),
        INITIATIVE_DAY,
        "news_anchor",
        {"found": "#chuong-trinh-ngay-hoi", "anchors": INITIATIVE_DAY_ANCHORS_EN},
    ),
    BadInput(
        "news-link-to-a-page-the-site-does-not-have",
        lambda data: add_to_honey_post(data, "Xem [nhiệm vụ](../tasks/khong-co/)."),
        HONEY,
        "news_link",
        {"found": "../tasks/khong-co/"},
    ),
    BadInput(
        "news-file-name-with-a-trailing-newline",
        lambda data: twin_of_honey_post(data, Path(HONEY).name + "\n"),
        HONEY + "\\n",
        "news_duplicate_address",
        {"found": Path(HONEY).name + "\\n", "other": Path(HONEY).name},
    ),
    BadInput(
        "news-file-name-with-a-trailing-space",
        lambda data: twin_of_honey_post(data, Path(HONEY).name + " "),
        HONEY + " ",
        "news_duplicate_address",
        {"found": Path(HONEY).name + " ", "other": Path(HONEY).name},
    ),
    BadInput(
        "news-file-name-in-capitals",
        lambda data: twin_of_honey_post(data, Path(HONEY).name.upper()),
        HONEY.replace(Path(HONEY).name, Path(HONEY).name.upper()),
        "news_duplicate_address",
        {"found": Path(HONEY).name.upper(), "other": Path(HONEY).name},
    ),
    BadInput(
        "one-megabyte-of-brackets-in-a-news-body",
        spoil_honey_body("[" * 1_000_000),
        HONEY,
        says=("nội dung tin quá dài", f"tối đa {BODY_LIMIT}", "the post's text is too long", f"at most {BODY_LIMIT}"),
    ),
    BadInput(
        "news-body-over-the-line-limit",
        spoil_honey_body("- mục\n" * (LINE_LIMIT + 10), past_first_line=LINE_LIMIT),
        HONEY,
        says=("tin quá dài", f"dòng, tối đa {LINE_LIMIT}", "the post is too long", f"lines, at most {LINE_LIMIT}"),
    ),
    BadInput(
        "news-body-with-too-many-formatting-signs",
        lambda data: add_to_honey_post(data, "**đậm** và *nghiêng*\n" * 400) + MARKUP_LIMIT // 6,
        HONEY,
        "news_too_much_markup",
        {"signs": " ".join(MARKUP_CHARACTERS), "limit": MARKUP_LIMIT},
    ),
    BadInput(
        "news-paragraph-over-the-limit",
        lambda data: add_to_honey_post(data, PROSE * (PARAGRAPH_LIMIT // len(PROSE) + 1)),
        HONEY,
        "news_paragraph_too_long",
        {"length": len(PROSE * (PARAGRAPH_LIMIT // len(PROSE) + 1)), "limit": PARAGRAPH_LIMIT},
    ),
    BadInput(
        "unclosed-bracket-in-a-news-paragraph",
        lambda data: add_to_honey_post(data, "Giá bán [chưa có thuế,\nxem bảng giá của hợp tác xã."),
        HONEY,
        "news_unclosed_bracket",
        {"found": "[", "closing": "]"},
    ),
    BadInput(
        "unclosed-link-address-in-a-news-paragraph",
        lambda data: add_to_honey_post(data, "Xem [bảng giá](https://example.org/gia và gọi cho hợp tác xã."),
        HONEY,
        "news_unclosed_bracket",
        {"found": "(", "closing": ")"},
    ),
    BadInput(
        "brackets-nested-too-deep-in-a-news-body",
        lambda data: add_to_honey_post(data, "[" * (BRACKET_DEPTH_LIMIT + 1) + "a" + "]" * (BRACKET_DEPTH_LIMIT + 1)),
        HONEY,
        "news_brackets_too_deep",
        {"depth": BRACKET_DEPTH_LIMIT + 1, "limit": BRACKET_DEPTH_LIMIT},
    ),
    BadInput(
        # Was a RecursionError traceback in validate and build alike.
        "numbered-list-nested-seven-hundred-deep",
        lambda data: add_to_honey_post(data, "1. " * 700 + "mục"),
        HONEY,
        "news_blocks_too_deep",
        {"depth": 700, "limit": BLOCK_DEPTH_LIMIT},
    ),
    BadInput(
        "quotes-nested-fifty-deep",
        lambda data: add_to_honey_post(data, "> " * 50 + "trích dẫn"),
        HONEY,
        "news_blocks_too_deep",
        {"depth": 50, "limit": BLOCK_DEPTH_LIMIT},
    ),
    BadInput(
        "task-text-over-the-text-limit",
        lambda data: data.replace(
            "tasks.yml",
            '"Công bố bảng điểm CSM của xã trên bảng tin điện tử mỗi quý."',
            '"' + "[" * (TEXT_LIMIT + 1) + '"',
        ),
        "tasks.yml",
        "text_too_long",
        {"length": TEXT_LIMIT + 1, "limit": TEXT_LIMIT},
    ),
    BadInput(
        "news-title-over-the-text-limit",
        lambda data: data.replace(HONEY, '"Sông Mây melaleuca honey goes on sale online"', "x" * (TEXT_LIMIT + 5)),
        HONEY,
        "text_too_long",
        {"length": TEXT_LIMIT + 5, "limit": TEXT_LIMIT},
    ),
]
