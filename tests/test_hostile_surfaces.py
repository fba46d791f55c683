"""The newest surfaces against hostile input (issue 23), where a case of the bad-input corpus
(tests/bad_inputs/hardening.py) cannot say it: what a published photo, logo or cached entry holds,
where the demo's problems are named, what add_update.py reads through a link, a lock path that is a
folder, and the preview's answer to a version it cannot read."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import os
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from helpers import DEMO_OVERLAY, FIXTURE_DIR, FIXTURE_TODAY, DataCopy, free_port, load_script
from PIL import Image, ImageCms, PngImagePlugin

from pii_site import DataError, load_plan
from pii_site.outputs import share_image
from pii_site.overlay import lay_overlay
from pii_site.source import build_cache, news_photos
from pii_site.source.errors import message
from pii_site.source.images import holds_metadata

add_update = load_script("add_update")
serve = load_script("serve")
pytestmark = pytest.mark.usefixtures("fixture_today")
POST = "news/2026-05-12-ngay-hoi-sang-kien"
PHOTO = f"{POST}/trung-bay.jpg"
TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


def load(data: DataCopy, cache_dir: Path | None = None):
    return load_plan(data.root, TODAY, cache_dir=cache_dir)


def jpeg_with_everything() -> bytes:
    """A phone-like JPEG carrying a comment (text a person may not know is there), EXIF with a GPS
    position, XMP and a Display P3 colour profile."""
    image = Image.new("RGB", (64, 48), (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"
    exif[0x8825] = {1: "N", 2: (10.0, 12.0, 5.0)}  # GPS
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    out = io.BytesIO()
    image.save(
        out, "JPEG", comment=b"<script>alert(1)</script> 0912 345 678", exif=exif, xmp=b"<x:xmpmeta/>",
        icc_profile=profile,
    )  # fmt: skip
    return out.getvalue()


def test_a_published_photo_holds_pixels_only(data_copy: DataCopy, tmp_path, monkeypatch):
    data_copy.path(PHOTO).write_bytes(jpeg_with_everything())
    [photo] = [
        photo
        for post in load(data_copy, tmp_path / "cache").news
        for photo in post.photos
        if photo.site_path.endswith(PHOTO)
    ]
    assert b"alert" not in photo.content and b"0912" not in photo.content and b"xmpmeta" not in photo.content
    with Image.open(io.BytesIO(photo.content)) as published:
        published.load()
        assert not holds_metadata(published) and "icc_profile" not in published.info
        assert (published.width, published.height) == (64, 48)


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


def test_a_planted_share_image_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(share_image, "_made", {})
    drawn = share_image.share_image("PII", "Nhiệm vụ", "#37474f", None, tmp_path / "cache")
    [entry] = (tmp_path / "cache" / "share").iterdir()
    with Image.open(io.BytesIO(drawn)) as image:  # a real PNG, but with a text chunk in it
        out = io.BytesIO()
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "<script>alert(1)</script>")
        image.save(out, "PNG", pnginfo=info)
    planted = out.getvalue()
    entry.write_bytes(hashlib.sha256(planted).digest() + planted)
    monkeypatch.setattr(share_image, "_made", {})
    assert share_image.share_image("PII", "Nhiệm vụ", "#37474f", None, tmp_path / "cache") == drawn


def test_an_entry_kind_must_bring_its_check():
    with pytest.raises(TypeError):
        build_cache.EntryKind("forms")  # type: ignore[call-arg]


def test_the_demo_names_a_problem_at_the_real_overlay_file_and_line(data_copy: DataCopy, tmp_path):
    overlay = tmp_path / "demo"
    (overlay / "status").mkdir(parents=True)
    (overlay / "status" / "VII.2.yml").write_text(
        "updates:\n  - date: 2026-05-05\n    status: in-progress\n    percent: 050\n", encoding="utf-8"
    )
    (overlay / "site.yml").write_text("demo: true\n# a comment\ncolors:\n  primary: '#ffeb3b'\n", encoding="utf-8")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    with pytest.raises(DataError) as refused:
        load_plan(laid.data_dir, TODAY)
    places = {(problem.file, problem.line) for problem in laid.relabel(refused.value).problems}
    assert (str(overlay / "status" / "VII.2.yml"), 4) in places
    assert not any(str(laid.data_dir) in file for file, _ in places)


def test_the_demo_names_a_merged_key_at_its_own_file(data_copy: DataCopy, tmp_path):
    overlay = tmp_path / "demo"
    overlay.mkdir()
    (overlay / "site.yml").write_text("demo: true\n\n\ncolors:\n  primary: '#ffeb3b'\n  accent: '#1565c0'\n")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    with pytest.raises(DataError) as refused:
        load_plan(laid.data_dir, TODAY)
    [problem] = laid.relabel(refused.value).problems
    assert (problem.file, problem.line) == (str(overlay / "site.yml"), 5)


def test_a_named_pipe_in_the_overlay_is_refused_not_waited_on(data_copy: DataCopy, tmp_path):
    overlay = tmp_path / "demo"
    (overlay / "news").mkdir(parents=True)
    os.mkfifo(overlay / "news" / "2026-06-01-ong.md")
    laid = lay_overlay(data_copy.root, overlay, tmp_path / "laid")
    reason = message("unreadable.not_regular")
    assert [(p.file, p.text_en) for p in laid.problems] == [
        (str(overlay / "news" / "2026-06-01-ong.md"), message("data_unreadable", reason_vi=reason[0], reason_en=reason[1])[1])
    ]  # fmt: skip


def test_the_demo_overlay_lays_over_the_fixture_plan_without_problems(tmp_path):
    laid = lay_overlay(FIXTURE_DIR, DEMO_OVERLAY, tmp_path / "laid")
    assert laid.problems == []


def test_add_update_reads_no_file_outside_the_data_through_a_link(data_copy: DataCopy, tmp_path, capsys):
    secret = tmp_path / "secret.yml"
    secret.write_text("password: hunter2-do-not-print\n", encoding="utf-8")
    data_copy.path("status/VII.2.yml").unlink()
    data_copy.path("status/VII.2.yml").symlink_to(secret)
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    assert "hunter2" not in err and "Traceback" not in err
    assert secret.read_text(encoding="utf-8") == "password: hunter2-do-not-print\n"


def test_add_update_with_a_folder_at_the_lock_path_says_so(data_copy: DataCopy, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("pii_site.source.status_file.tempfile.gettempdir", lambda: str(tmp_path))
    path = data_copy.path("status/VII.2.yml")
    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:32]
    (tmp_path / f"pii-site-{key}.lock").mkdir()
    before = path.read_bytes()
    assert add_update.main(["VII.2", "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    assert (
        "Traceback" not in err
        and message("add_update.lock_failed", file=tmp_path / f"pii-site-{key}.lock", reason="Is a directory")[1] in err
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize("task_id", ["VII.02", "IIII.1", "I." + "1" * 400])
def test_add_update_refuses_a_task_id_in_another_spelling_or_too_long(data_copy: DataCopy, capsys, task_id):
    assert add_update.main([task_id, "--status", "in-progress", "--note", "x", "--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and task_id[:20] in err


@pytest.mark.parametrize("after", ["²", "١", "9" * 5000, "-1", "1.5", ""])
def test_the_preview_answers_a_version_it_cannot_read_with_400(tmp_path, after):
    port = free_port()
    handler = functools.partial(serve.PreviewHandler, directory=str(tmp_path))
    server = serve.PreviewServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        query = urllib.parse.urlencode({"lang": "vi", "after": after})
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/.preview/wait?{query}", timeout=10)
        assert answer.value.code == 400
    finally:
        server.shutdown()
        server.server_close()


def test_a_title_word_of_5000_combining_marks_is_drawn_quickly():
    import time

    word = "a" + "\u0301" * 5000
    start = time.process_time()
    lines = share_image.title_lines(share_image.drawable(word), share_image._font(share_image.TITLE_SIZE), 1040)
    assert time.process_time() - start < 1.0  # it took seconds when cut one measure per character
    assert len(lines) == 1 and len(lines[0]) <= share_image.WORD_LIMIT  # no more of it is ever measured


def test_a_data_path_with_a_reserved_windows_name_cannot_be_a_photo_or_logo():
    from pii_site.source.schema.base import reserved_name

    for name in ("con", "NUL.png", "com1.jpg", "LPT9", "aux.svg"):
        assert reserved_name(name)
    for name in ("console", "con-song", "nul1", "com10"):
        assert not reserved_name(name)


def test_an_id_rule_holds_for_every_slug_field(tmp_path):
    """The rule lives in the Slug type, so every id of that type gets it (pillars, units, rounds…)."""
    from pydantic import TypeAdapter, ValidationError

    from pii_site.source.schema.base import Slug

    for bad in ("con", "prn", "a" * 65):
        with pytest.raises(ValidationError):
            TypeAdapter(Slug).validate_python(bad)
    assert TypeAdapter(Slug).validate_python("a" * 64) == "a" * 64
