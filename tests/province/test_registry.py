"""The province's registry of communes (pii_site/province/registry.py): a bad one stops the harvest with
the file, line and field and what is wrong, in both languages, without a traceback; a commune's site is
an http(s) address by the rule of the site's own address, or a folder, never file: or another scheme."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import load_script

from pii_site.province.registry import parse_site_address, same_origin
from pii_site.source.errors import message
from pii_site.source.schema.address import AddressError

province = load_script("province")
GOOD = '  - code: "30412"\n    name: Vĩnh Thuận\n    site: https://example.org/pii/\n'


def run(tmp_path: Path, communes: str, capsys) -> tuple[int, str]:
    registry = tmp_path / "registry.yml"
    registry.write_text(f"communes:\n{communes}", encoding="utf-8")
    status = province.main(["harvest", str(registry), "--out", str(tmp_path / "state")])
    return status, capsys.readouterr().err


@pytest.mark.parametrize(
    ("entry", "key", "line"),
    [
        ('  - code: "30413"\n    name: A\n    site: file:///etc/\n', "registry_site", 7),
        ('  - code: "30413"\n    name: A\n    site: ftp://example.org/pii/\n', "registry_site", 7),
        ('  - code: "30413"\n    name: A\n    site: https://example.org/pii\n', "site_address", 7),
        ('  - code: "30413"\n    name: A\n    site: "https://exa mple.org/"\n', "site_address", 7),
        ('  - code: "3041"\n    name: A\n    site: https://example.org/a/\n', "pattern_commune_code", 5),
        ('  - code: "30412"\n    name: A\n    site: https://example.org/a/\n', "duplicate_id", 5),
    ],
)
def test_a_bad_registry_entry_is_refused_with_its_line(tmp_path, capsys, entry, key, line):
    status, err = run(tmp_path, GOOD + entry, capsys)
    assert status == 1 and "Traceback" not in err
    assert f"registry.yml:{line}:" in err, err
    assert message(key, found="x", first_line=1, reason_vi="", reason_en="")[1].split('"')[0] in err, err
    assert not (tmp_path / "state" / "state.json").exists()


def test_a_registry_with_no_commune_is_refused(tmp_path, capsys):
    status, err = run(tmp_path, "", capsys)
    assert status == 1 and "registry.yml" in err and "Traceback" not in err


def test_a_folder_without_a_catalogue_is_reported_not_fatal(tmp_path, capsys):
    (tmp_path / "built").mkdir()
    status, _ = run(tmp_path, '  - code: "30412"\n    name: A\n    site: built\n', capsys)
    assert status == 0
    [problem] = json.loads((tmp_path / "state" / "state.json").read_text(encoding="utf-8"))["communes"]["30412"]
    assert problem["kind"] == "unreachable" and "no data.json" in problem["detail"]


def test_site_addresses_are_read_by_the_site_address_rule():
    site = parse_site_address("https://Example.org:8443/pii/")
    assert site.origin == ("https", "example.org", 8443) and site.root == "https://example.org:8443/pii/"
    assert parse_site_address("http://127.0.0.1:8000/").origin == ("http", "127.0.0.1", 8000)
    for bad in (
        "https://example.org/pii",
        "javascript:alert(1)/",
        "https://exa mple.org/",
        "https://example.org:99999/",
        "https://example.org//evil.example/",
    ):
        with pytest.raises(AddressError):
            parse_site_address(bad)
    assert same_origin("https://example.org/pii/vi/downloads/tasks.json", site) is False  # another port
    assert same_origin("https://example.org:8443/other/", site) is True
    assert same_origin("file:///etc/passwd", site) is False
