"""Data text reaches the page frame too (<title>, header, meta description, feed link, edit link),
which Material renders without escaping: it must stay text there as well, and addresses in
site.yml that could break out of an attribute are refused in plain words. The hostile copy of the
fixture plan is tests/hostile_plan.py (built once: the `hostile_site` fixture)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import lxml.html
import pytest
from helpers import FIXTURE_TODAY, DataCopy
from hostile_plan import FRAME_HOSTILE, FRAME_TASK, FRAME_UNIT

from pii_site import DataError, load_plan
from pii_site.i18n import urls
from pii_site.source.schema.plan import DATA_FILES
from pii_site.source.validation import _PATTERN_MESSAGES

UNIT_ADDRESS = urls.address(urls.unit_page(FRAME_UNIT))


@pytest.mark.parametrize("address", ["", "units/", UNIT_ADDRESS, urls.address(urls.task_page(FRAME_TASK))])
def test_data_text_in_the_page_frame_adds_no_element(hostile_site: Path, address: str):
    html = (hostile_site / "vi" / address / "index.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    assert "alert(9)" in html
    scripts = [s.text_content() for s in tree.xpath("//script")]
    assert not any("alert(9)" in s for s in scripts), "a script from the data runs"
    assert tree.xpath("//b[normalize-space()='x']") == []
    titles = tree.xpath("//title")
    assert len(titles) == 1
    if address == UNIT_ADDRESS:
        assert titles[0].text_content().startswith(FRAME_HOSTILE)  # shown exactly as typed
    # The site's description (home, units overview) or the unit's or task's own text (their pages).
    assert tree.xpath('//meta[@name="description"]/@content') == [FRAME_HOSTILE]
    for name in ("og:description", "og:site_name"):
        assert tree.xpath(f'//meta[@property="{name}"]/@content') == [FRAME_HOSTILE], name
    assert tree.xpath('//meta[@name="twitter:description"]/@content') == [FRAME_HOSTILE]
    if address == UNIT_ADDRESS:
        assert tree.xpath('//meta[@property="og:title"]/@content') == [FRAME_HOSTILE]


def test_every_pattern_in_the_schemas_has_a_plain_words_message():
    patterns = set()

    def collect(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.add(node["pattern"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for model in DATA_FILES.values():
        collect(model.model_json_schema())
    assert patterns and patterns <= set(_PATTERN_MESSAGES)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("repository", 'https://github.com/x/y"><script>', "địa chỉ kho mã nguồn"),
        ("repository", "https://github.com/x/y/", "không kết thúc bằng /"),
        ("url", "https://example.org/pii", "kết thúc bằng /"),
        ("branch", 'main"><script>', "tên nhánh"),
    ],
)
def test_site_addresses_that_could_break_out_are_refused(data_copy: DataCopy, field: str, value: str, words: str):
    path = data_copy.path("site.yml")
    text = path.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith(f"{field}:"))
    text = re.sub(rf"(?m)^{field}:.*$", f"{field}: {json.dumps(value)}", text, count=1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"{path}:{line}: ") and words in problem
