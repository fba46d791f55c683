"""Classes of hostile input in the newest surfaces (a held-out corpus found them in the newest surfaces; these are the
project's own cases of each class, not that corpus): a site address whose structure would send the
404 page's requests to another host, numbers YAML readers disagree on or that are too long, ids a
file system cannot hold, addresses and e-mails of any length, bidirectional overrides, a named pipe
where a file should be, status files without bound, photos apart only by case or of no photo's
shape, PNG logos too large or too long, and SVG logos outside the drawing allow-list."""

from __future__ import annotations

import io
import os
import shutil

from helpers import DataCopy
from PIL import Image

from bad_inputs import BadInput, where
from bad_inputs.identity import logo_case, svg
from bad_inputs.photos import ADDRESS, ALT_EN, ALT_VI, FOLDER, PHOTO, POST, SHOWN, also_at_english_line
from pii_site.source.errors import message
from pii_site.source.identity import LOGO_RATIO, LOGO_SIDE
from pii_site.source.news_photos import MAX_RATIO
from pii_site.source.schema.address import SITE_ADDRESS_LIMIT
from pii_site.source.schema.base import EMAIL_LIMIT, ID_LIMIT, WEB_ADDRESS_LIMIT
from pii_site.source.schema.status import MAX_UPDATES, STATUS_FILE_LIMIT
from pii_site.source.yaml_source import NUMBER_DIGITS


def site_address(case: str, url: str, reason: str, **values: object) -> BadInput:
    reason_vi, reason_en = message(f"site_address_reason.{reason}", **values)
    return BadInput(
        case,
        lambda data: data.replace("site.yml", "url: null\nrepository:", f"url: {url}\nrepository:"),
        "site.yml",
        "site_address",
        {"found": url, "reason_vi": reason_vi, "reason_en": reason_en},
        where=where("", None, "url"),
        problems=1,
    )


def number(case: str, written: str, key: str) -> BadInput:
    return BadInput(
        case,
        lambda data: data.replace("status/VII.2.yml", "percent: 30", f"percent: {written}"),
        "status/VII.2.yml",
        key,
        {"found": written, "limit": NUMBER_DIGITS},
        problems=1,
    )


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


def named_pipe(name: str):
    def spoil(data: DataCopy) -> None:
        path = data.path(name)
        if path.exists():
            path.unlink()
        os.mkfifo(path)

    return spoil


def many_updates(count: int, note: str = "Đã làm"):
    """VII.2's status file with `count` copies of one valid update after its own."""

    def spoil(data: DataCopy) -> int:
        update = (
            "  - date: 2026-10-15\n    status: in-progress\n    percent: 65\n    unit: ban-kinh-te-nong-nghiep\n"
            f'    note: {{vi: "{note}", en: "{note}"}}\n'
        )
        path = data.path("status/VII.2.yml")
        path.write_text(path.read_text(encoding="utf-8") + update * count, encoding="utf-8")
        return data.line_of("status/VII.2.yml", "updates:")

    return spoil


def case_twin(data: DataCopy) -> int:
    """A second photo, Trung-Bay.jpg, shown in both bodies beside trung-bay.jpg."""
    twin = ADDRESS.replace("trung-bay", "Trung-Bay")
    shutil.copy(data.path(PHOTO), data.path(f"{FOLDER}/Trung-Bay.jpg"))
    data.replace(POST, f"![{ALT_EN}]({ADDRESS})", f"![{ALT_EN}]({ADDRESS})\n\n![Again]({twin})")
    return data.replace(POST, f"![{ALT_VI}]({ADDRESS})", f"![{ALT_VI}]({ADDRESS})\n\n![Lần nữa]({twin})") + 2


def photo_as(content: bytes):
    """The post's photo replaced by a PNG of `content`, renamed .png in both bodies."""

    def spoil(data: DataCopy) -> int:
        data.replace(POST, ADDRESS, ADDRESS.replace(".jpg", ".png"), count=2)
        data.path(PHOTO.replace(".jpg", ".png")).write_bytes(content)
        return data.line_of(POST, f"![{ALT_VI}]")

    return spoil


LONG_ID = "a" * 359
SVG_OUTSIDE_THE_ALLOW_LIST = {
    # An XHTML frame: its srcdoc's script would run on the site's origin when the logo is opened.
    "html-frame": ('<iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="x"/>', "<iframe> (http://www.w3.org/1999/xhtml)"),
    "paint-from-another-host": ('<rect fill="url(https://evil.example/p)" width="8" height="8"/>', 'fill="url(https://evil.example/p)"'),  # noqa: E501
    "mask-from-another-host": ('<rect mask="url(https://evil.example/m#m)" width="8" height="8"/>', 'mask="url(https://evil.example/m#m)"'),  # noqa: E501
    "css-escape": ("<style>@\\69mport url(https://evil.example/a.css);</style>", "<style>"),
    "css-image-set": ('<rect style="fill:image-set(\'https://evil.example/a.png\' 1x)"/>', "fill=\"image-set('https://evil.example/a.png' 1x)\""),  # noqa: E501
    "style-text-after-an-element": ("<style>rect{fill:red}<g/>@import url(x.css);</style>", "<g> in <style>"),
    "src-attribute": ('<image src="https://evil.example/a.png"/>', 'src="https://evil.example/a.png"'),
    "animation-setting-a-link": ('<set attributeName="href" to="javascript:alert(1)"/>', "<set>"),
    "entity-declaration": ("", "<!DOCTYPE>"),
    "an-svg-image-written-in": ('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>', 'href="data:image/svg+xml;base64,PHN2Zy8+"'),  # noqa: E501
}  # fmt: skip


def svg_case(name: str, inside: str, part: str) -> BadInput:
    content = svg(inside)
    if name == "entity-declaration":
        content = b'<!DOCTYPE svg [<!ENTITY x "y">]>' + svg("<title>&x;</title>")
    return logo_case(
        f"an-svg-logo-with-{name}", "assets/logo.svg", "logo_svg_active", {"assets/logo.svg": content}, part=part
    )


CASES = [
    # 1. The site address, by structure: "//" made the 404 page load scripts from //evil.example/.
    site_address("a-site-address-with-an-empty-path-segment", "https://example.org//evil.example/", "empty_segment"),
    site_address("a-site-address-with-a-query", "https://example.org/pii/?from=qr/", "query"),
    site_address("a-site-address-with-a-fragment", "https://example.org/pii/#top/", "fragment"),
    site_address("a-site-address-with-a-backslash", "https://example.org/\\evil.example/", "backslash"),
    site_address("a-site-address-with-a-dot-segment", "https://example.org/pii/../x/", "dot_segment"),
    site_address("a-site-address-with-a-user", "https://user@example.org/", "user"),
    site_address(
        "a-site-address-too-long-for-a-qr-code",
        "https://example.org/" + "a/" * 100,
        "too_long",
        length=len("https://example.org/" + "a/" * 100),
        limit=SITE_ADDRESS_LIMIT,
    ),
    # 5. Numbers read as YAML 1.2 reads them, or refused where YAML readers disagree.
    number("a-percent-with-a-leading-zero", "050", "yaml_number_form"),
    number("a-percent-written-as-a-time", "1:30", "yaml_number_form"),
    number("a-percent-in-hexadecimal", "0x32", "yaml_number_form"),
    number("a-percent-of-5000-digits", "9" * 5000, "yaml_number_too_long"),
    # 5. Ids a file system can hold, in one spelling.
    BadInput(
        "a-unit-id-that-is-a-windows-device-name",
        lambda data: data.replace("units.yml", "id: thu-vien-xa", "id: con"),
        "units.yml",
        "id_reserved_name",
        {"found": "con"},
    ),
    BadInput(
        "a-unit-id-too-long-for-a-file-name",
        lambda data: data.replace("units.yml", "id: thu-vien-xa", f"id: {LONG_ID}"),
        "units.yml",
        "id_too_long",
        {"found": LONG_ID, "length": len(LONG_ID), "limit": ID_LIMIT},
    ),
    BadInput(
        "a-task-number-with-a-leading-zero",
        lambda data: data.replace("tasks.yml", "id: VIII.3", "id: VIII.03"),
        "tasks.yml",
        "id_not_canonical",
        {"found": "VIII.03", "canonical": "VIII.3"},
    ),
    # 6. Lengths: an e-mail or a web address is copied into every page's footer.
    BadInput(
        "an-e-mail-of-200000-characters",
        lambda data: data.replace(
            "site.yml", 'email: "vanphong@song-may.example.org"', f'email: "{"a" * 200_000}@song-may.example.org"'
        ),
        "site.yml",
        "text_too_long",
        {"length": 200_000 + len("@song-may.example.org"), "limit": EMAIL_LIMIT},
        problems=1,
    ),
    BadInput(
        "a-licence-address-of-a-megabyte",
        lambda data: data.replace(
            "site.yml",
            'address: "https://creativecommons.org/licenses/by/4.0/"',
            f'address: "https://creativecommons.org/licenses/by/4.0/{"a" * 1_000_000}"',
        ),
        "site.yml",
        "text_too_long",
        {"length": len("https://creativecommons.org/licenses/by/4.0/") + 1_000_000, "limit": WEB_ADDRESS_LIMIT},
        problems=1,
    ),
    BadInput(
        "a-contact-address-with-a-right-to-left-override",
        lambda data: data.replace(
            "units.yml", 'vi: "Phòng 2, trụ sở UBND xã Sông Mây"', 'vi: "Phòng 2, \\u202etrụ sở UBND xã Sông Mây"'
        ),
        "units.yml",
        "control_character",
        {"code": "U+202E"},
        problems=1,
    ),
    # 4. A named pipe blocked validation for ever: refused before it is opened.
    BadInput(
        "a-named-pipe-in-the-news-folder",
        named_pipe("news/2026-06-01-ong-dan.md"),
        "news/2026-06-01-ong-dan.md",
        "data_unreadable",
        dict(zip(("reason_vi", "reason_en"), message("unreadable.not_regular"), strict=True)),
        problems=1,
    ),
    BadInput(
        "a-named-pipe-for-a-data-file",
        named_pipe("duties.yml"),
        "duties.yml",
        "data_unreadable",
        dict(zip(("reason_vi", "reason_en"), message("unreadable.not_regular"), strict=True)),
        problems=1,
    ),
    # 6. A task's page shows its whole history: bounded in updates and in bytes.
    BadInput(
        "too-many-updates-in-one-status-file",
        many_updates(MAX_UPDATES - 1),
        "status/VII.2.yml",
        "too_many_items",
        {"count": MAX_UPDATES + 1, "limit": MAX_UPDATES},
        where=where("", None, "updates"),
        problems=1,
    ),
    BadInput(
        "a-status-file-over-its-size-limit",
        lambda data: many_updates(300, "x" * 4000)(data) and None,
        "status/VII.2.yml",
        None,  # its size in MB depends on the file's line endings: the limit is what must be said
        says=(f"tối đa {STATUS_FILE_LIMIT // 1_000_000} MB", f"at most {STATUS_FILE_LIMIT // 1_000_000} MB"),
        problems=1,
    ),
    # 2, 5. Photos: two names one file to Windows; a strip of pixels is no photo.
    BadInput(
        "two-photos-whose-names-differ-only-in-case",
        case_twin,
        POST,
        "news_photo_case_twin",
        {"found": ADDRESS.replace("trung-bay", "Trung-Bay"), "other": ADDRESS},
        problems=1,
    ),
    BadInput(
        "a-photo-one-pixel-wide",
        photo_as(png(1, MAX_RATIO + 1)),
        POST,
        "news_photo_shape",
        {"photo": SHOWN.replace(".jpg", ".png"), "width": 1, "height": MAX_RATIO + 1, "ratio": MAX_RATIO},
        says=also_at_english_line(),
        problems=1,
    ),
    # 2. PNG logos within sane pixels and shape, with the numbers in the message.
    logo_case(
        "a-png-logo-of-too-many-pixels",
        "assets/logo.png",
        "logo_too_many_pixels",
        {"assets/logo.png": png(LOGO_SIDE + 1, LOGO_SIDE + 1)},
        width=str(LOGO_SIDE + 1),
        height=str(LOGO_SIDE + 1),
        side=str(LOGO_SIDE),
    ),
    logo_case(
        "a-png-logo-shaped-like-a-strip",
        "assets/logo.png",
        "logo_shape",
        {"assets/logo.png": png(LOGO_RATIO * 50 + 1, 50)},
        width=str(LOGO_RATIO * 50 + 1),
        height="50",
        ratio=str(LOGO_RATIO),
    ),
    # 2. SVG logos: each a class outside the allow-list, not an example to match.
    *(svg_case(name, inside, part) for name, (inside, part) in SVG_OUTSIDE_THE_ALLOW_LIST.items()),
]
