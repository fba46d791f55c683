"""What the reader refuses before any field is checked: symbolic links, entries that cannot be read
(broken links, folders where a file should be), data nested too deep, and a glossary spelling that
is another term's spelling typed decomposed (NFD), which the reader now reads as the same text."""

from __future__ import annotations

import shutil
import unicodedata

from helpers import FIXTURE_DIR, DataCopy

from bad_inputs import BadInput
from pii_site.source.errors import message, shorten
from pii_site.source.yaml_source import MAX_DEPTH


def _fixture_line(name: str, needle: str) -> int:
    text = (FIXTURE_DIR / name).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def _outside(data: DataCopy, name: str, text: str) -> str:
    """A file beside the data folder (outside it), holding `text`; its path as a link target."""
    path = data.root.parent / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _link_out(name: str):
    """Move data file `name` out of the data folder and leave a link to it: valid YAML, not reviewed."""

    def spoil(data: DataCopy) -> None:
        target = _outside(data, "elsewhere-" + name.replace("/", "-"), data.path(name).read_text(encoding="utf-8"))
        data.path(name).unlink()
        data.path(name).symlink_to(target)

    return spoil


def _link_inside(data: DataCopy) -> None:
    # A second status file that is a link to a first one: it stays inside the folder, still refused.
    data.path("status/VII.1.yml").unlink()
    data.path("status/VII.1.yml").symlink_to("VII.2.yml")


def _link_status_folder(data: DataCopy) -> None:
    shutil.move(data.path("status"), data.root.parent / "status-elsewhere")
    data.path("status").symlink_to(data.root.parent / "status-elsewhere")


def _broken_link(name: str):
    def spoil(data: DataCopy) -> None:
        data.path(name).symlink_to(data.root.parent / "removed-since.yml")

    return spoil


def _broken_link_instead_of_tasks(data: DataCopy) -> None:
    data.path("tasks.yml").unlink()
    _broken_link("tasks.yml")(data)


def _folder_instead_of(name: str):
    def spoil(data: DataCopy) -> None:
        if data.path(name).exists():
            data.path(name).unlink()
        data.path(name).mkdir()
        (data.path(name) / "notes.txt").write_text("kept here by mistake", encoding="utf-8")

    return spoil


def _deep_flow(levels: int):
    """`levels` brackets on one line of site.yml: the line holds the first node too deep."""

    def spoil(data: DataCopy) -> int:
        return data.replace("site.yml", "branch: main", "branch: main\nextra: " + "[" * levels + "]" * levels) + 1

    return spoil


def _deep_block_in_status(data: DataCopy) -> int:
    """Block sequences nested on their own lines: the first node past the bound is named, not the top."""
    path = data.path("status/IX.1.yml")
    text = path.read_text(encoding="utf-8")
    first = text.count("\n") + 1  # the line "extra:" lands on
    # The file's mapping is level 1, extra's sequence level 2 (line first + 1), and so on.
    nested = "".join("  " * depth + "-\n" for depth in range(MAX_DEPTH + 20))
    path.write_text(text + "extra:\n" + nested, encoding="utf-8")
    return first + MAX_DEPTH


def _deep_front_matter(data: DataCopy) -> int:
    # Front matter starts on line 2 of the post: the line must count the opening ---.
    return (
        data.replace(
            "news/2026-05-12-ngay-hoi-sang-kien.md",
            "date: 2026-05-12",
            "date: 2026-05-12\nx: " + "{a: " * 80 + "1" + "}" * 80,
        )
        + 1
    )


def _nfd_spelling_of_another_term(data: DataCopy) -> int:
    # The term ocap (earlier in the file) gets lop-hoc-so's spelling, typed decomposed: the later
    # term's own spelling is the one reported, as with any other shared spelling.
    nfd = unicodedata.normalize("NFD", "Lớp học số")
    data.replace("glossary.yml", 'match: ["OCAP"]', f'match: ["OCAP", "{nfd}"]')
    return _fixture_line("glossary.yml", 'match: ["Lớp học số"')


# A system file's many lines, as one YAML text (a block literal keeps its line breaks).
_SYSTEM_TEXT = "root:x:0:0:root:/root:/bin/bash\n" * 40


def _system_file_as_units(data: DataCopy) -> int:
    data.path("units.yml").write_text(
        "|\n" + "".join(f"  {line}\n" for line in _SYSTEM_TEXT.splitlines()), encoding="utf-8"
    )
    return 1


_BROKEN = message("unreadable.broken_link")
_FOLDER = message("unreadable.folder")

CASES = [
    BadInput("units-file-linked-to-a-file-outside-the-repository", _link_out("units.yml"), "units.yml", "data_symlink"),
    BadInput("glossary-linked-outside-is-not-published", _link_out("glossary.yml"), "glossary.yml", "data_symlink"),
    BadInput(
        "news-post-linked-outside",
        _link_out("news/2026-08-03-lop-hoc-so-khai-giang.md"),
        "news/2026-08-03-lop-hoc-so-khai-giang.md",
        "data_symlink",
    ),
    BadInput("status-file-linked-to-another-inside-the-folder", _link_inside, "status/VII.1.yml", "data_symlink"),
    BadInput("status-folder-is-a-link", _link_status_folder, "status", "data_symlink"),
    BadInput(
        "broken-link-in-the-news-folder",
        _broken_link("news/2026-09-01-tin-da-xoa.md"),
        "news/2026-09-01-tin-da-xoa.md",
        "data_unreadable",
        {"reason_vi": _BROKEN[0], "reason_en": _BROKEN[1]},
    ),
    BadInput(
        "broken-link-in-the-status-folder",
        _broken_link("status/IX.3.yml"),
        "status/IX.3.yml",
        "data_unreadable",
        {"reason_vi": _BROKEN[0], "reason_en": _BROKEN[1]},
    ),
    BadInput(
        "broken-link-instead-of-the-tasks-file",
        _broken_link_instead_of_tasks,
        "tasks.yml",
        "data_unreadable",
        {"reason_vi": _BROKEN[0], "reason_en": _BROKEN[1]},
    ),
    BadInput(
        "folder-instead-of-the-tasks-file",
        _folder_instead_of("tasks.yml"),
        "tasks.yml",
        "data_unreadable",
        {"reason_vi": _FOLDER[0], "reason_en": _FOLDER[1]},
    ),
    BadInput(
        "folder-named-like-a-news-post",
        _folder_instead_of("news/2026-09-01-anh-ngay-hoi.md"),
        "news/2026-09-01-anh-ngay-hoi.md",
        "data_unreadable",
        {"reason_vi": _FOLDER[0], "reason_en": _FOLDER[1]},
    ),
    BadInput("nested-995-levels-in-brackets", _deep_flow(995), "site.yml", "yaml_too_deep", {"limit": MAX_DEPTH}),
    BadInput("nested-just-past-the-bound", _deep_flow(MAX_DEPTH), "site.yml", "yaml_too_deep", {"limit": MAX_DEPTH}),
    BadInput("nested-past-libyamls-own-limit", _deep_flow(5000), "site.yml", "yaml_too_deep", {"limit": MAX_DEPTH}),
    BadInput(
        "nested-block-sequences-in-a-status-file",
        _deep_block_in_status,
        "status/IX.1.yml",
        "yaml_too_deep",
        {"limit": MAX_DEPTH},
    ),
    BadInput(
        "nested-mappings-in-news-front-matter",
        _deep_front_matter,
        "news/2026-05-12-ngay-hoi-sang-kien.md",
        "yaml_too_deep",
        {"limit": MAX_DEPTH},
    ),
    BadInput(
        "glossary-spelling-of-another-term-typed-decomposed",
        _nfd_spelling_of_another_term,
        "glossary.yml",
        # Read in NFC, the spelling is quoted as other keyboards type it.
        "glossary_duplicate_spelling",
        {"found": "Lớp học số", "other": "ocap", "other_line": _fixture_line("glossary.yml", 'match: ["OCAP"]')},
    ),
    BadInput(
        "a-system-file-copied-in-as-the-units-file",
        _system_file_as_units,
        "units.yml",
        # Quoted on one line (its line breaks escaped) and cut short: the rest of the file is not printed.
        says=(f'"{shorten(_SYSTEM_TEXT)}"',),
    ),
]
