"""The province harvester against hostile communes, all on loopback: a registry of
good communes (synthetic ones, and the fixture plan's real build with its real data.json), and one
commune each that is down, slow, answers HTML, answers without end (1 GB), redirects in a loop, serves
cut-off JSON, breaks the schema, declares a newer major version, lists a file on another site, or puts
markup in every text. The good ones are harvested; each problem is in the quality report under its
kind; a commune that fails keeps its last good copy, marked with the day it was read; and nothing a
commune wrote reaches the province site's HTML as markup."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import lxml.html
import pytest
import yaml
from helpers import dcat_validator, load_script, running
from province_sites import GIGABYTE, HostileServer, folder_server

from pii_site.model.contract import SCHEMA_VERSION

synthetic = load_script("maintainer/synthetic_province")
province = load_script("province")

HARVESTED_ON = "2026-11-20"
TODAY = "2026-11-26"
# Markup of every kind a text could carry into a page: HTML, an event attribute, Markdown links and
# images, attribute lists, admonitions, a table cell's end.
MARKUP = (
    '<script>alert("pii")</script><img src=x onerror=alert(1)> [link](javascript:alert(2)) '
    "![img](http://evil.example/x.png) **bold** {: onclick=alert(3) } | cell | !!! note"
)
HOSTILE_KINDS = {
    "20001": "unreachable",  # down
    "20002": "unreachable",  # slow
    "20003": "not_json",  # HTML
    "20004": "too_large",  # 1 GB
    "20005": "redirect",  # loop
    "20006": "not_json",  # cut-off JSON
    "20007": "invalid",  # schema broken
    "20008": "newer_version",
    "20009": "off_site",  # catalogue lists another site's file
}
FRAMEWORK = synthetic.pillars()


def commune_folder(folder: Path, index: int, base: str) -> Path:
    synthetic.write_commune(folder, index, base, FRAMEWORK)
    return folder


def rewrite(folder: Path, change: Callable[[str, dict], object]) -> None:
    """Change each of the commune's JSON files (both languages share the bytes) with `change(name, document)`."""
    for name in ("tasks", "units", "updates"):
        path = folder / "vi" / "downloads" / f"{name}.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        text = change(name, document)
        path.unlink()
        path.write_text(text if isinstance(text, str) else json.dumps(document, ensure_ascii=False), "utf-8")
        (folder / "en" / "downloads" / f"{name}.json").unlink()
        shutil.copy(path, folder / "en" / "downloads" / f"{name}.json")


def with_markup(name: str, document: dict) -> None:
    texts: tuple[str, ...] = (
        "text_vi",
        "text_en",
        "indicator_vi",
        "indicator_en",
        "name_vi",
        "name_en",
        "note_vi",
        "note_en",
    )
    texts = (*texts, "description_vi", "description_en", "pillar_name_vi", "pillar_name_en")
    for record in document["records"]:
        for key in texts:
            if key in record:
                record[key] = MARKUP
    document["plan"]["title_vi"] = document["plan"]["title_en"] = MARKUP
    document["commune"]["name_vi"] = document["commune"]["name_en"] = MARKUP


@pytest.fixture(scope="module")
def province_sites(tmp_path_factory: pytest.TempPathFactory, base_url: str) -> Iterator[dict]:
    """Every commune served, and the registry naming them (the fixture plan's build is the session's,
    served by `base_url` for the whole session)."""
    root = tmp_path_factory.mktemp("communes")
    servers: dict[str, http.server.ThreadingHTTPServer] = {}
    entries = []

    def good(code: str, index: int, change: Callable[[str, dict], object] | None = None) -> None:
        folder = root / code
        server = folder_server(folder)
        servers[code] = server
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        commune_folder(folder, index, base)
        if change:
            rewrite(folder, change)
        entries.append({"code": code, "name": f"Xã {code}", "site": base})

    for n in range(3):
        good(f"1000{n}", n)
    good("20006", 6, lambda name, doc: json.dumps(doc)[:200] if name == "tasks" else None)
    good(
        "20007",
        7,
        lambda name, doc: doc["records"][0].update(percent=150) if name == "tasks" and doc["records"] else None,
    )
    good("20008", 8, lambda name, doc: doc.update(schema_version="2.0.0"))
    good("20010", 10, with_markup)
    entries[-1]["name"] = MARKUP  # the registry's own text is escaped too
    # A catalogue that points at another commune's files (another origin).
    good("20009", 9)
    other = entries[0]["site"]
    catalogue = root / "20009" / "data.json"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(entries[-1]["site"], other), "utf-8")
    # The fixture plan's own build, with the data.json and downloads the real code writes.
    entries.append({"code": "99901", "name": "Sông Mây", "site": base_url})
    hostile = {
        code: HostileServer(mode, delay=30)
        for code, mode in (("20002", "slow"), ("20003", "html"), ("20004", "huge"), ("20005", "redirect-loop"))
    }
    with contextlib.ExitStack() as stack:
        for code, server in hostile.items():
            entries.append({"code": code, "name": f"Xã {code}", "site": stack.enter_context(running(server))})
        for static in servers.values():
            stack.enter_context(running(static))
        # Down: a port whose server is closed before the harvest.
        down = folder_server(root)
        entries.append({"code": "20001", "name": "Xã 20001", "site": f"http://127.0.0.1:{down.server_address[1]}/"})
        down.server_close()
        registry = root / "registry.yml"
        province_ = {"code": "99", "name": {"vi": "tỉnh Thử", "en": "Thử Province"}}
        registry.write_text(yaml.safe_dump({"province": province_, "communes": entries}, allow_unicode=True), "utf-8")
        yield {"registry": registry, "root": root, "huge": hostile["20004"], "servers": servers}


@pytest.fixture(scope="module")
def harvested(province_sites: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    state = tmp_path_factory.mktemp("state")
    arguments = ["harvest", str(province_sites["registry"]), "--out", str(state), "--timeout", "1", "--max-mb", "1"]
    assert province.main([*arguments, "--today", HARVESTED_ON]) == 0
    return state


def problems(state: Path) -> dict[str, list[dict]]:
    return json.loads((state / "state.json").read_text(encoding="utf-8"))["communes"]


def test_every_good_commune_is_harvested_and_each_hostile_one_reported(harvested):
    found = problems(harvested)
    for code in ("10000", "10001", "10002", "20010", "99901"):
        assert [p for p in found[code] if p["kind"] != "stale"] == [], (code, found[code])
        assert all((harvested / "communes" / code / f"{n}.json").is_file() for n in ("tasks", "units", "updates"))
    for code, kind in HOSTILE_KINDS.items():
        assert [p["kind"] for p in found[code]] == [kind], (code, found[code])
        assert not (harvested / "communes" / code / "tasks.json").exists(), code
    assert "no answer within 1 s" in found["20002"][0]["detail"]


def test_the_endless_answer_is_cut_off_at_the_limit_not_read(province_sites, harvested):
    # The harvester hung up near its 1 MB limit: the server could not push more than what the
    # sockets' buffers hold beyond it, nowhere near its gigabyte.
    assert 1_000_000 < province_sites["huge"].sent < 50_000_000 < GIGABYTE


def test_the_real_build_of_a_commune_is_read_through_its_own_catalogue(harvested):
    tasks = json.loads((harvested / "communes" / "99901" / "tasks.json").read_text(encoding="utf-8"))
    assert tasks["commune"]["code"] == "99901" and tasks["dataset"] == "tasks"
    meta = json.loads((harvested / "communes" / "99901" / "meta.json").read_text(encoding="utf-8"))
    # The fixture's build is of the current contract (the synthetic communes still write 1.0.0).
    assert meta["read_on"] == HARVESTED_ON and meta["version"] == SCHEMA_VERSION == "1.1.0"


@pytest.fixture(scope="module")
def reharvested(province_sites, harvested, tmp_path_factory) -> Path:
    """A second harvest, days later, of a copy of the state: one good commune now answers HTML (its
    folder replaced by an error page), the others unchanged."""
    state = tmp_path_factory.mktemp("state2") / "state"
    shutil.copytree(harvested, state)
    folder = province_sites["root"] / "10001"
    backup = folder.with_name("10001.bak")
    folder.rename(backup)
    folder.mkdir()
    (folder / "data.json").write_text("<html><body>Lỗi</body></html>", encoding="utf-8")
    try:
        arguments = ["harvest", str(province_sites["registry"]), "--out", str(state), "--timeout", "1", "--max-mb", "1"]
        assert province.main([*arguments, "--today", TODAY]) == 0
    finally:
        shutil.rmtree(folder)
        backup.rename(folder)
    return state


def test_a_commune_that_fails_keeps_its_last_good_copy_and_the_day_it_was_read(harvested, reharvested):
    assert [p["kind"] for p in problems(reharvested)["10001"]] == ["not_json"]
    kept = reharvested / "communes" / "10001"
    assert (kept / "tasks.json").read_bytes() == (harvested / "communes" / "10001" / "tasks.json").read_bytes()
    assert json.loads((kept / "meta.json").read_text(encoding="utf-8"))["read_on"] == HARVESTED_ON
    # An unchanged commune is confirmed (not modified) and marked as read today.
    assert (
        json.loads((reharvested / "communes" / "10000" / "meta.json").read_text(encoding="utf-8"))["read_on"] == TODAY
    )


@pytest.fixture(scope="module")
def province_site(reharvested, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("province")
    assert province.main(["build", str(reharvested), "--out", str(out), "-q"]) == 0
    return out / "site"


def test_the_province_site_has_every_page_in_both_languages(province_site, province_sites):
    codes = [c["code"] for c in yaml.safe_load(province_sites["registry"].read_text(encoding="utf-8"))["communes"]]
    for lang in ("vi", "en"):
        for page in ("", "pillars/", "quality/", "open-data/", "guide/", *(f"communes/{code}/" for code in codes)):
            assert (province_site / lang / page / "index.html").is_file(), (lang, page)
        assert (province_site / lang / "downloads" / "communes.csv").is_file()


def text_of(path: Path) -> str:
    tree = lxml.html.fromstring(path.read_bytes())
    return " ".join(tree.xpath("//article")[0].text_content().split())


def test_the_quality_report_names_each_problem_and_the_kept_copy(province_site):
    report = text_of(province_site / "en" / "quality" / "index.html")
    for kind in ("Not reachable", "File too large", "Redirect loop", "Not JSON", "Invalid", "Newer major version"):
        assert kind in report
    for code in (*HOSTILE_KINDS, "10001"):
        assert f"({code})" in report, code
    commune = text_of(province_site / "en" / "communes" / "10001" / "index.html")
    assert "showing the last good copy, read on 20 November 2026" in commune


def test_nothing_a_commune_wrote_becomes_markup(province_site):
    for path in province_site.rglob("*.html"):
        # Anywhere in the page (title, menu, breadcrumbs too), not only in the article.
        assert b"<script>alert" not in path.read_bytes() and b"<img src=x" not in path.read_bytes(), path
        tree = lxml.html.fromstring(path.read_bytes())
        article = tree.xpath("//article")
        if not article:
            continue
        assert not article[0].xpath(".//script | .//img[@src='x'] | .//*[@onerror or @onclick]"), path
        assert not [a for a in article[0].xpath(".//a/@href") if "javascript:" in a or "evil.example" in a], path
    for lang in ("vi", "en"):
        page = text_of(province_site / lang / "communes" / "20010" / "index.html")
        assert '<script>alert("pii")</script>' in page and "**bold**" in page and "{: onclick=alert(3) }" in page


def test_a_commune_without_an_update_for_90_days_is_reported_stale_and_still_used(tmp_path):
    registry = synthetic.write_province(tmp_path, 24)
    assert province.main(["harvest", str(registry), "--out", str(tmp_path / "state"), "--today", TODAY]) == 0
    found = problems(tmp_path / "state")
    expected = set()
    for folder in (tmp_path / "state" / "communes").iterdir():
        tasks = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))
        date = tasks["plan"]["date"]
        since = tasks["modified"] or f"{date['year']}-{date['month']:02d}-{date['day'] or 1:02d}"
        if (dt.date.fromisoformat(TODAY) - dt.date.fromisoformat(since)).days > 90:
            expected.add(folder.name)
    assert expected and {code for code, kinds in found.items() if kinds} == expected
    assert all(kinds == [{"kind": "stale", "detail": kinds[0]["detail"]}] for kinds in found.values() if kinds)


def test_the_province_publishes_its_own_open_data_and_catalogue(reharvested, tmp_path):
    out = tmp_path / "province"
    assert (
        province.main(["build", str(reharvested), "--out", str(out), "--site-url", "https://tinh.example/pii/", "-q"])
        == 0
    )
    site = out / "site"
    communes = json.loads((site / "vi" / "downloads" / "communes.json").read_text(encoding="utf-8"))
    quality = {record["code"]: record["quality"] for record in communes["records"]}
    assert quality["10000"] == "ok" and quality["10001"] == "not_json"
    assert all(quality[code] == kind for code, kind in HOSTILE_KINDS.items())
    assert (site / "en" / "downloads" / "pillars.csv").read_bytes().startswith(b"\xef\xbb\xbfnumber,")
    catalogue = json.loads((site / "data.json").read_text(encoding="utf-8"))
    errors = [f"{e.json_path}: {e.message}" for e in dcat_validator().iter_errors(catalogue)]
    assert not errors, errors[:3]
    assert all(
        d["downloadURL"].startswith("https://tinh.example/pii/") for d in catalogue["dataset"][0]["distribution"]
    )
