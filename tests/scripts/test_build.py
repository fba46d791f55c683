"""scripts/build.py and hooks/pii_build.py: the new site replaces the old one only whole (a failed swap
puts the previous site back), the build leaves the environment as it found it, its options win over
the environment, and a public address no feed or sitemap may hold is refused before anything is built."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import FIXTURE_TODAY, DataCopy, load_script

import pii_build
from pii_site.source import news_photos
from pii_site.source.errors import shorten

build = load_script("build")


@pytest.mark.usefixtures("fixture_today")
def test_a_failed_swap_puts_the_previous_site_back(tmp_path, monkeypatch):
    site, staging = tmp_path / "site", tmp_path / "site.new"
    site.mkdir()
    (site / "index.html").write_text("old site", encoding="utf-8")
    staging.mkdir()
    (staging / "index.html").write_text("new site", encoding="utf-8")
    real_rename = Path.rename

    def rename(self, target):
        if self == staging:
            raise OSError("disk full")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        pii_build.swap_in(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "old site"


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.site  # builds by itself
def test_build_main_leaves_the_environment_as_it_found_it(data_copy: DataCopy, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("PII_DATA_DIR", raising=False)
    monkeypatch.setenv("PII_SITE_URL", "https://example.org/before/")
    data_copy.replace("tasks.yml", "lead:", "leader:")  # fails fast, before anything is written
    assert (
        build.main(
            [
                "--data",
                str(data_copy.root),
                "--site-url",
                "https://example.org/x/",
                "--site-dir",
                str(tmp_path / "site"),
                "-q",
            ]
        )
        == 1
    )
    assert "PII_DATA_DIR" not in os.environ
    assert os.environ["PII_SITE_URL"] == "https://example.org/before/"
    assert not (tmp_path / "site").exists()


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.site  # builds by itself
def test_build_options_win_over_the_environment_and_name_themselves(data_copy: DataCopy, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PII_TODAY", "not a day")
    monkeypatch.setenv("PII_SITE_CACHE", str(tmp_path / "elsewhere"))
    monkeypatch.setattr(news_photos, "_made", {})  # a process that has resized no photo yet
    common = ["--data", str(data_copy.root), "--site-dir", str(tmp_path / "site"), "-q"]
    assert build.main([*common, "--today", "26/11/2026"]) == 1
    assert "--today must be a date written YYYY-MM-DD, not '26/11/2026'." in capsys.readouterr().err
    assert build.main([*common, "--today", FIXTURE_TODAY, "--cache-dir", str(tmp_path / "cache")]) == 0
    assert (tmp_path / "cache" / "photos").is_dir() and not (tmp_path / "elsewhere").exists()


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.parametrize(
    "address", ["https://example.org/pii\x01/", "https://example.org/pii\x85/", "https://x.org/\n"]
)
@pytest.mark.site  # builds by itself
def test_a_public_address_with_a_control_character_is_refused_before_anything_is_built(
    address: str, data_copy: DataCopy, tmp_path, capsys
):
    site = tmp_path / "site"
    assert build.main(["--data", str(data_copy.root), "--site-url", address, "--site-dir", str(site), "-q"]) == 1
    err = capsys.readouterr().err
    assert '--site-url "' + shorten(address) + '" is not a usable site address' in err  # shown escaped
    assert "Traceback" not in err
    assert not site.exists()
