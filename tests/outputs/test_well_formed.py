"""Every file the build writes parses with a strict parser of its format, on three builds: the
fixture plan (`site`), the hostile plan (`hostile_site`) and a copy holding valid but awkward
values (`awkward_site` here: huge, tiny and negative numbers, line and paragraph separators,
characters outside the Basic Multilingual Plane, "]]>" and "--"). JSON without NaN or Infinity,
XML (feed, sitemap) by lxml's strict parser, CSV with as many columns on every row, HTML decoded
as UTF-8 with one <html>, <head> and <body> and every element closed where it was opened (the vnu
checker tests validity; this catches a stray closing tag in seconds, without Java)."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import FIXTURE_TODAY, DataCopy, build_into
from lxml import etree

SITES = ["site", "hostile_site", "awkward_site"]
# Valid text that trips writers that escape by hand: XML's CDATA end and comment marker, JavaScript's
# line terminators inside JSON strings, a character outside the BMP (two UTF-16 units), a tab.
AWKWARD_TEXT = "a ]]> b -- c\u2028d\u2029e 😀 f\tg \\ h \"q\" 'q' &amp; =1+2"
AWKWARD_QUOTED = '"' + AWKWARD_TEXT.replace("\\", "\\\\").replace('"', '\\"') + '"'  # as YAML writes it
AWKWARD_NEWS = f"---\ndate: 2026-04-01\ntitle:\n  vi: {AWKWARD_QUOTED}\n  en: Awkward\n---\n{AWKWARD_TEXT}\n"
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@pytest.fixture(scope="module")
def awkward_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan with valid values at the edges of what writers expect."""
    data = DataCopy(tmp_path_factory.mktemp("awkward") / "data")
    data.replace("status/VII.2.yml", '"Chụp ảnh và viết mô tả cho sản phẩm mật ong tràm."', AWKWARD_QUOTED)
    data.replace("status/VII.2.yml", "baseline: {value: 0,", "baseline: {value: -0.5,")
    data.replace("status/VII.2.yml", "target: {value: 2,", "target: {value: 1.0e+300,")
    data.replace("status/VII.2.yml", "latest: {value: 1,", "latest: {value: 0.000001,")
    data.replace(
        "tasks.yml", 'vi: "Công bố bảng điểm CSM của xã trên bảng tin điện tử mỗi quý."', f"vi: {AWKWARD_QUOTED}"
    )
    data.drop_forms_of("to-cong-tac-doi-moi")  # VII.1's lead: its form was made for the words replaced above
    data.replace("pii.yml", "values: {may: 4,", "values: {may: 1.0e-300,")
    data.path("news/2026-04-01-tin-kho.md").write_text(AWKWARD_NEWS, encoding="utf-8")
    return build_into(tmp_path_factory.mktemp("awkward-site") / "site", data.root, today=FIXTURE_TODAY)


@pytest.fixture(params=SITES)
def built(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def files(site: Path, *suffixes: str) -> Iterator[Path]:
    found = sorted(path for path in site.rglob("*") if path.is_file() and path.name.endswith(suffixes))
    assert found, f"no {suffixes} file in {site}"
    yield from found


def refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def test_every_json_file_is_json_without_nan_or_infinity(built: Path):
    for path in files(built, ".json"):
        try:
            json.loads(path.read_bytes().decode("utf-8"), parse_constant=refuse_constant)
        except ValueError as error:
            pytest.fail(f"{path}: {error}")


def test_every_xml_file_is_well_formed_xml(built: Path):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    for path in files(built, ".xml", ".xml.gz"):
        content = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        try:
            etree.fromstring(content, parser)
        except etree.XMLSyntaxError as error:
            pytest.fail(f"{path}: {error}")


def test_every_csv_file_is_utf8_with_as_many_columns_on_every_row(built: Path):
    for path in files(built, ".csv"):
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
        assert len(rows) >= 2, f"{path} has no data row"
        widths = {len(row) for row in rows}
        assert widths == {len(rows[0])}, f"{path}: rows of {sorted(widths)} columns"


class _Nesting(HTMLParser):
    """Counts <html>, <head>, <body> and notes every closing tag that does not close the element
    opened last, and every element left open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.misplaced: list[str] = []
        self.counts = {"html": 0, "head": 0, "body": 0}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.counts:
            self.counts[tag] += 1
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        if self.open and self.open[-1] == tag:
            self.open.pop()
            return
        line, _ = self.getpos()
        self.misplaced.append(f"line {line}: </{tag}> while <{'><'.join(self.open[-3:])}> is open")
        if tag in self.open:  # carry on as a browser would, to report later mistakes on their own
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]


def test_every_html_file_is_utf8_with_one_html_head_body_and_its_elements_closed_in_order(built: Path):
    for path in files(built, ".html"):
        nesting = _Nesting()
        nesting.feed(path.read_bytes().decode("utf-8"))
        nesting.close()
        assert nesting.counts == {"html": 1, "head": 1, "body": 1}, path
        assert not nesting.misplaced, f"{path}: {nesting.misplaced[:3]}"
        assert not nesting.open, f"{path}: left open: {nesting.open}"


def test_the_awkward_values_reached_the_outputs(awkward_site: Path):
    """The awkward build is only worth parsing if its values made it into the files parsed above."""
    tasks = (awkward_site / "en" / "downloads" / "tasks.json").read_text(encoding="utf-8")
    assert AWKWARD_TEXT in [task["text_vi"] for task in json.loads(tasks)["records"]]
    assert "1e+300" in tasks
    feed = etree.fromstring((awkward_site / "vi" / "feed.xml").read_bytes())
    assert AWKWARD_TEXT in "".join(feed.itertext())
