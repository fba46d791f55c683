"""One hostile copy of the fixture plan: HTML, scripts, Markdown and link tricks typed into every
place where data text reaches a page (task, duty, unit and site texts, contacts, sources, evidence,
a progress note, a news post). Built once per session by the `hostile_site` fixture
(tests/conftest.py) for the escaping tests (render/test_templating.py, outputs/test_site_frame.py, pages/test_citations.py and pages/test_tasks.py), pages/test_news.py and pages/test_progress.py. Each
value carries its own alert(N) and sits on pages of its own, so a failure names it. The copy also
has the demonstration switch on: its notice is outside the article and its feed marker only
prefixes titles, so the demonstration tests share this build without touching what is escaped."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from helpers import DataCopy

# Task and duty text (render/test_templating.py): in VII.1's text and indicator and in the first duty,
# IV.6.1 of to-cong-tac-doi-moi.
NASTY = "<script>alert(1)</script> <b>bold</b> [click](https://evil.example) *star* _under_ | pipe `code` # & &amp;"
NASTY_TASK = "VII.1"
NASTY_UNIT = "to-cong-tac-doi-moi"

# The page frame (outputs/test_site_frame.py): the site's name and description, and the name of
# hop-tac-xa-song-may, the only lead of IX.1 (it leads no task that holds another hostile value).
FRAME_HOSTILE = '</title><script>alert(9)</script> <b>x</b> "q" &amp;'
FRAME_UNIT = "hop-tac-xa-song-may"
FRAME_TASK = "IX.1"
REPOSITORY = "https://github.com/example/pii-plan"

# Sources and evidence (pages/test_citations.py, pages/test_tasks.py): the source fictional-review (undated, with a
# "posted on" site) and two evidence links of an update added to IX.2.
# The address passes the address pattern, yet is Markdown that would become an <img onmouseover>
# or a javascript: link if Markdown read it (as it does inside a raw <a href="...">).
HOSTILE_URL = r"https://example.com/x![onmouseover=alert(5)//](x)[a](javascript:alert(6))*b*_c_\d&lt;{:#x}"
HOSTILE_TITLE = "<img src=x onerror=alert(3)> [t](https://evil.example) *star* <script>alert(4)</script>"
HOSTILE_PUBLISHER = "<b>Báo</b> [p](https://evil.example)"
HOSTILE_SITE = "<i>x</i>.vn"
HOSTILE_SOURCE = "fictional-review"
EVIDENCE_TASK = "IX.2"

# A unit's contacts (test_contacts.py): they reach the unit page through Markdown, unlike the
# footer's; in the Vietnamese address and the English hours of ban-kinh-te-nong-nghiep.
HOSTILE_CONTACT = (
    '</address><script>alert(10)</script> <b>x</b> *star* [a](javascript:alert(11)) {: onclick="alert(12)" }'
)
CONTACT_UNIT = "ban-kinh-te-nong-nghiep"

# A progress note typed by a unit (pages/test_progress.py): on VII.2's page and in the feed.
HOSTILE_NOTE = "<script>alert(8)</script> [x](javascript:alert(8))"
NOTE_TASK = "VII.2"

# A news post (test_news.py) that types HTML and an attribute list; older than every fixture post, so that the home page's "three latest" leaves it out.
HOSTILE_NEWS = "2026-04-01-ban-tin-thu"
HOSTILE_NEWS_POST = """---
date: 2026-04-01
title:
  vi: "Bản tin thử"
  en: "Test bulletin"
---
Bản tin có chữ <script>alert("news")</script> <b>đậm</b>
{: onclick="alert(2)" }

<!-- en -->

A bulletin with <script>alert("news")</script> <b>bold</b>.
"""


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_copy(folder: Path) -> DataCopy:
    """A copy of the fixture plan in `folder` with every hostile value above in its place."""
    data = DataCopy(folder)
    data.drop_forms_of("to-cong-tac-doi-moi", "hop-tac-xa-song-may")  # the leads of VII.1 and IX.1, reworded below
    data.replace(
        "tasks.yml", 'vi: "Công bố bảng điểm CSM của xã trên bảng tin điện tử mỗi quý."', f"vi: {quoted(NASTY)}"
    )
    data.replace("tasks.yml", 'vi: "Minh bạch thông tin của xã"', f"vi: {quoted(NASTY)}")  # VII.1's indicator
    duties = data.path("duties.yml").read_text(encoding="utf-8")
    first_vi = duties.index("\n      vi:") + 1
    data.path("duties.yml").write_text(
        duties[:first_vi] + f"      vi: {quoted(NASTY)}" + duties[duties.index("\n      en:", first_vi) :],
        encoding="utf-8",
    )

    data.replace("units.yml", 'vi: "Hợp tác xã Dịch vụ Nông nghiệp Sông Mây"', f"vi: {quoted(FRAME_HOSTILE)}")
    # The link previews' descriptions (meta description, og:description) of FRAME_UNIT and FRAME_TASK.
    data.replace(
        "units.yml",
        'vi: "Cùng Ban Kinh tế – Nông nghiệp chủ trì việc đưa sản phẩm lên sàn."',
        f"vi: {quoted(FRAME_HOSTILE)}",
    )
    data.replace("tasks.yml", 'vi: "Duy trì gian hàng OCAP tại chợ phiên cuối tuần."', f"vi: {quoted(FRAME_HOSTILE)}")
    site = data.path("site.yml").read_text(encoding="utf-8")
    site, replaced = re.subn(
        r"(?m)^(name|short_name|description):\n  vi: .*$", rf"\1:\n  vi: {quoted(FRAME_HOSTILE)}", site
    )
    assert replaced == 3, "site.yml no longer has a one-line name.vi, short_name.vi and description.vi"
    data.path("site.yml").write_text(site.replace("repository: null", f"repository: {REPOSITORY}"), encoding="utf-8")
    # The footer of every page (outputs/test_site_frame.py): the office's name and hours, the licence's
    # address; the plan page's link to its source document (test_contacts.py).
    data.replace(
        "site.yml", 'name: {vi: "Văn phòng Ủy ban nhân dân xã Sông Mây"', f"name: {{vi: {quoted(FRAME_HOSTILE)}"
    )
    data.replace("site.yml", 'hours: {vi: "Thứ Hai – Thứ Sáu, 7 giờ – 17 giờ"', f"hours: {{vi: {quoted(FRAME_HOSTILE)}")
    data.replace(
        "site.yml", 'address: "https://creativecommons.org/licenses/by/4.0/"', f"address: {quoted(HOSTILE_URL)}"
    )
    data.replace(
        "units.yml",
        'address: {vi: "Phòng 2, trụ sở UBND xã Sông Mây"',
        f"address: {{vi: {quoted(HOSTILE_CONTACT)}",
    )
    data.replace("units.yml", 'en: "Weekday mornings"', f"en: {quoted(HOSTILE_CONTACT)}")
    data.replace("plan.yml", "source_document: ", f"source_document: {quoted(HOSTILE_URL)}\n# was: ")

    data.replace(
        "sources.yml",
        '    title: "The Cloud Initiative Index explained"\n    language: en\n    publisher: "Fictional Review"\n'
        "    posted_on: example.com\n    date: undated\n    url: https://example.com/fictional-review/cloud-index\n",
        f"    title: {quoted(HOSTILE_TITLE)}\n    language: en\n    publisher: {quoted(HOSTILE_PUBLISHER)}\n"
        f"    posted_on: {quoted(HOSTILE_SITE)}\n    date: undated\n    url: {quoted(HOSTILE_URL)}\n",
    )
    data.replace(
        f"status/{EVIDENCE_TASK}.yml",
        "\nupdates:\n",
        "\nupdates:\n  - date: 2026-03-05\n    status: in-progress\n    unit: ban-kinh-te-nong-nghiep\n"
        '    note: {vi: "Đã làm", en: "Done"}\n'
        f"    evidence:\n      - url: {quoted(HOSTILE_URL)}\n"
        f"      - url: {quoted(HOSTILE_URL)}\n        title: {{vi: {quoted(HOSTILE_TITLE)}}}\n",
    )
    data.replace(f"status/{NOTE_TASK}.yml", 'vi: "Chụp ảnh', f'vi: "{HOSTILE_NOTE} Chụp ảnh')
    data.path(f"news/{HOSTILE_NEWS}.md").write_text(HOSTILE_NEWS_POST, encoding="utf-8")
    data.replace("site.yml", "\ndemo: false\n", "\ndemo: true\n")  # the line, not the comment that names it
    return data


def article(page_file: Path):
    """The <article> of a built page, the part that holds the data's text."""
    return lxml.html.fromstring(page_file.read_bytes()).xpath("//article")[0]


def assert_nothing_injected(page) -> None:
    # Other hostile values may share the page: the texts in the messages say which one got through.
    injected = page.xpath(".//script | .//img | .//*[@onerror] | .//*[@onmouseover]")
    assert [lxml.html.tostring(element, encoding="unicode") for element in injected] == []
    assert (
        page.xpath('.//a[starts-with(@href, "javascript:") or starts-with(@href, "https://evil.example")]/@href') == []
    )
    assert [a.text_content() for a in page.xpath(".//a//a")] == []
