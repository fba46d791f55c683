"""The build cache (pii_site.source.build_cache): a planted entry is checked and made again, and every
kind of entry brings its own check."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from helpers import FIXTURE_TODAY, DataCopy

from pii_site import load_plan
from pii_site.source import build_cache, news_photos

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


def load(data: DataCopy, cache_dir: Path | None = None):
    return load_plan(data.root, TODAY, cache_dir=cache_dir)


@pytest.mark.usefixtures("fixture_today")
def test_a_planted_cache_entry_is_checked_and_made_again(data_copy: DataCopy, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setattr(news_photos, "_made", {})
    [first] = [
        photo for post in load(data_copy, cache).news for photo in post.photos if photo.address.endswith(".jpg")
    ][:1]
    [entry] = [path for path in (cache / "photos").iterdir() if path.name.endswith(".jpg")][:1]
    # HTML with a right checksum and a claimed width of 4,000,000,000: a well-formed entry in every
    # way the old cache checked.
    planted = news_photos._ENTRY_HEADER.pack(4_000_000_000, 1) + b"<html><script>alert(1)</script></html>"
    entry.write_bytes(hashlib.sha256(planted).digest() + planted)
    monkeypatch.setattr(news_photos, "_made", {})
    again = [photo for post in load(data_copy, cache).news for photo in post.photos if photo.address == first.address][
        0
    ]
    assert (again.width, again.height, again.content) == (first.width, first.height, first.content)


@pytest.mark.usefixtures("fixture_today")
def test_an_entry_kind_must_bring_its_check():
    with pytest.raises(TypeError):
        build_cache.EntryKind("forms")  # type: ignore[call-arg]
