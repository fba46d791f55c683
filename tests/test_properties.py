"""Property-based tests (hypothesis): no input, however odd, ends in a traceback. Random YAML
documents (nested lists and mappings of texts, numbers, NaN, dates, booleans, nothing), the fixture
plan with one value swapped for a random one, and raw random text or bytes are written over each
data file of a copy of the fixture plan in turn: validate.py answers 0 or 1, and 1 always names a
file. Random arguments to add_update.py: 0 or 1, and the status file is either byte for byte as it
was or still valid. The examples are few (the machine is shared); a failure prints the input."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURE_DIR, FIXTURE_TODAY, DataCopy, load_script
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from pii_site import load_plan
from pii_site.model.progress import STATUSES

validate = load_script("validate")
add_update = load_script("add_update")
# Random inputs by the hundred: a fuzzing run, in `make test` (the slow tier), not in the edit loop.
pytestmark = [pytest.mark.usefixtures("fixture_today"), pytest.mark.slow]
# Few examples per test and no deadline: each one loads a whole plan on a machine shared by others.
FEW = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

DATA_FILES = sorted(str(path.relative_to(FIXTURE_DIR)) for path in FIXTURE_DIR.rglob("*") if path.is_file())


def fixture_documents() -> dict[str, Any]:
    return {
        name: yaml.safe_load((FIXTURE_DIR / name).read_text(encoding="utf-8"))
        for name in DATA_FILES
        if name.endswith(".yml")
    }


def keys_of(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from keys_of(value)
    elif isinstance(node, list):
        for item in node:
            yield from keys_of(item)


FIXTURE = fixture_documents()
FIELD_NAMES = sorted({key for document in FIXTURE.values() for key in keys_of(document)})
# Texts that have tripped parsers, pages or feeds before: YAML's own words, look-alikes and
# invisible characters, markup, workflow commands, ids of the fixture plan.
AWKWARD = [
    "",
    " ",
    "null",
    "~",
    "yes",
    "No",
    "on",
    "0x1F",
    "1e309",
    ".nan",
    "-.inf",
    "2026-02-30",
    "2026-13-01",
    "{",
    "[",
    "*x",
    "&a",
    "!!python/object",
    "'",
    '"',
    "\\",
    "\u200b",
    "\ufeff",
    "\ufffe",
    "vii\u0456.1",
    "\U0001d54f",
    "e\u0301",
    "VII.1",
    "IX",
    "to-cong-tac-doi-moi",
    "index",
    "https://example.org/",
    "https://...",
    "javascript:alert(1)",
    "<script>x</script>",
    "%0A::error::x",
    "\r\n",
    "\x0b",
    "[" * 50,
]
texts = st.one_of(st.sampled_from(AWKWARD), st.text(max_size=20))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),  # NaN and the infinities included
    texts,
    st.dates(),
    st.datetimes(),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), texts, st.integers(), st.booleans(), st.dates(), st.none())
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)


def paths_of(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a document, the whole document first."""
    yield path
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from paths_of(child, (*path, key))


def swapped(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    """`document` with the value at `path` replaced by `value` (a copy)."""
    if not path:
        return value
    changed = copy.deepcopy(document)
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return changed


def dump(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@st.composite
def contents(draw: st.DrawFn, name: str) -> str | bytes:
    """What an editor, a bad copy-paste or a broken tool could leave in data file `name`."""
    kind = draw(
        st.sampled_from(["document", "swapped", "text", "bytes"] if name in FIXTURE else ["news", "text", "bytes"])
    )
    if kind == "document":
        return dump(draw(documents))
    if kind == "swapped":
        path = draw(st.sampled_from(list(paths_of(FIXTURE[name]))))
        return dump(swapped(FIXTURE[name], path, draw(documents)))
    if kind == "news":  # front matter of random fields, then a random body
        return f"---\n{dump(draw(documents))}---\n{draw(texts)}\n"
    if kind == "text":
        return draw(st.text(max_size=300))
    return draw(st.binary(max_size=300))


def run(script: Any, argv: list[str]) -> tuple[int, str]:
    """A script's exit status and everything it printed (any exception goes up to the test)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        return script.main(argv), out.getvalue()


@pytest.mark.parametrize("name", DATA_FILES)
@FEW
@given(data=st.data())
def test_random_content_in_a_data_file_is_accepted_or_explained(name: str, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy_ = DataCopy(Path(folder) / "data")
        content = data.draw(contents(name), label="content")
        path = copy_.path(name)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        status, output = run(validate, ["--data", str(copy_.root)])
        event(f"exit status {status}")  # --hypothesis-show-statistics: how many examples were valid
        assert status in (0, 1), output
        assert "Traceback" not in output
        if status == 1:  # every problem names its file
            assert f"{copy_.root}/" in output, output


TASK_IDS = [task.id for task in load_plan(FIXTURE_DIR, dt.date.fromisoformat(FIXTURE_TODAY)).tasks]
UNIT_IDS = [unit["id"] for unit in FIXTURE["units.yml"]["units"]]


def option(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """An option given or not: [] or [name, value]."""
    return st.one_of(st.just([]), values.map(lambda value: [name, value]))


# A command line may also hold bytes that are not UTF-8, which Python passes on as lone surrogates.
arguments = st.one_of(texts, st.just("caf\udce9"))
dates = st.one_of(st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)).map(dt.date.isoformat), arguments)
evidence = st.one_of(
    arguments,
    st.builds(lambda path: f"https://example.org/{path}", st.text(max_size=15)),
    st.builds(lambda number, day, issuer: f"{number}, {day}, {issuer}", arguments, dates, arguments),
)
commands = st.builds(
    lambda task, status, note, *options: [task, "--status", status, "--note", note, *sum(options, [])],
    st.one_of(st.sampled_from(TASK_IDS), arguments),
    st.one_of(st.sampled_from(list(STATUSES)), arguments),
    arguments,
    option("--percent", st.one_of(st.integers(-10, 110).map(str), arguments)),
    option("--note-en", arguments),
    option("--date", dates),
    option("--unit", st.one_of(st.sampled_from(UNIT_IDS), arguments)),
    option("--evidence", evidence),
    option("--evidence", evidence),
)
argument_lists = st.lists(
    st.one_of(arguments, st.sampled_from(["--status", "--note", "--data", "--date", "-h", "--"])), max_size=6
)


@settings(FEW, max_examples=60)
@given(argv=st.one_of(commands, argument_lists))
def test_random_arguments_to_add_update_are_added_or_explained_and_leave_a_valid_file(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy_ = DataCopy(Path(folder) / "data")
        before = {path: path.read_bytes() for path in copy_.path("status").iterdir()}
        status, output = run(add_update, [*argv, "--data", str(copy_.root)])
        event(f"exit status {status}")
        assert status in (0, 1), output
        assert "Traceback" not in output
        after = {path: path.read_bytes() for path in copy_.path("status").iterdir()}
        if status == 0:
            # One file grew by the update (or was made for it) and the plan still loads; or nothing
            # changed because the help was asked for.
            changed = [path for path in after if before.get(path) != after[path]]
            if changed:
                assert len(changed) == 1 and after[changed[0]].startswith(before.get(changed[0], b"")), output
                load_plan(copy_.root, dt.date.fromisoformat(FIXTURE_TODAY))
            else:
                assert output.startswith("usage:"), output
        else:
            assert after == before, output


# Issue 23: the input spaces of the newest surfaces, where examples cannot cover the class.

from pii_site.source.images import holds_metadata  # noqa: E402
from pii_site.source.news_photos import _resized  # noqa: E402
from pii_site.source.schema.address import AddressError, parse_site_address  # noqa: E402
from pii_site.source.svg_logo import ATTRIBUTES, ELEMENTS, NotSvg, Refused, checked_svg  # noqa: E402

FAST = settings(max_examples=300, deadline=None)
address_parts = st.one_of(
    st.sampled_from(["/", "//", "\\", "?", "#", "@", ":", ".", "..", "%2F", "%2e", "%E1%BA%BF", " ", "\t", "javascript:"]),
    st.text(max_size=8),
    st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True),
)  # fmt: skip


@FAST
@given(
    scheme=st.sampled_from(["https://", "http://", "HTTPS://", "ftp://", "//", ""]),
    parts=st.lists(address_parts, max_size=8),
)
def test_a_site_address_is_refused_or_has_one_host_and_a_clean_path(scheme: str, parts: list[str]) -> None:
    import urllib.parse

    text = scheme + "".join(parts)
    try:
        address = parse_site_address(text)
    except AddressError as error:
        assert error.wording()[1]  # every refusal has its words
        return
    split = urllib.parse.urlsplit(address)
    assert split.scheme in ("http", "https") and split.netloc and "@" not in split.netloc
    assert split.path.startswith("/") and split.path.endswith("/") and "//" not in split.path
    assert not split.query and not split.fragment and "\\" not in address and len(address) <= 200
    # What MkDocs makes of it for the 404 page's assets: a path on this host, never "//another".
    assert not (split.path + "assets/x.js").startswith("//")
    assert parse_site_address(address) == address  # written as parsed


svg_names = st.one_of(st.sampled_from(sorted(ELEMENTS)), st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,10}", fullmatch=True))
attribute_names = st.one_of(st.sampled_from(sorted(ATTRIBUTES)), st.from_regex(r"[a-z][a-z-]{0,12}", fullmatch=True))
css_values = st.one_of(
    st.sampled_from(["url(https://evil.example/x)", "url(#g)", "#fff", "red", "image-set('a.png' 1x)", "@import", "\\69",
                     "expression(alert(1))", "javascript:alert(1)", "1px", "none", "var(--x)", "attr(x)"]),
    st.text(max_size=12),
)  # fmt: skip


@FAST
@given(element=svg_names, attribute=attribute_names, value=css_values, in_style=st.booleans())
def test_an_svg_logo_keeps_only_what_the_allow_list_names(element: str, attribute: str, value: str, in_style: bool):
    from xml.sax.saxutils import quoteattr

    if in_style:
        inside = f"<{element} style={quoteattr(f'{attribute}:{value}')}/>"
    else:
        inside = f"<{element} {attribute}={quoteattr(value)}/>"
    content = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">{inside}</svg>'.encode()
    try:
        written, _ = checked_svg(content)
    except (Refused, NotSvg):
        return
    assert element in ELEMENTS and attribute in ATTRIBUTES
    lowered = written.lower()
    for needle in (b"url(http", b"javascript:", b"@import", b"\\", b"image-set", b"expression(", b"<script", b"var("):
        assert needle not in lowered, written
    assert checked_svg(written)[0] == written  # what is published passes again, unchanged


exif_values = st.one_of(
    st.integers(-(2**40), 2**40), st.text(max_size=20), st.binary(max_size=20),
    st.tuples(st.integers(0, 2**31), st.integers(0, 2**31)), st.floats(allow_nan=True),
    st.lists(st.integers(0, 255), max_size=5).map(tuple),
)  # fmt: skip


@settings(FAST, max_examples=60)
@given(
    tags=st.dictionaries(
        st.sampled_from([0x0112, 0x010F, 0x0132, 0x9286, 0x8825, 0x8769, 0xA420]), exif_values, max_size=4
    )
)
def test_a_photo_with_any_exif_is_published_without_metadata_or_explained(tags: dict[int, object]) -> None:
    exif = Image.Exif()
    for tag, value in tags.items():
        exif[tag] = value
    out = io.BytesIO()
    try:
        Image.new("RGB", (32, 24), (10, 200, 30)).save(out, "JPEG", exif=exif, comment=b"secret 0912")
    except Exception:  # noqa: BLE001 - Pillow cannot write this EXIF at all: no such photo exists
        return
    made, problem = _resized(out.getvalue(), ".jpg", "data/news/x/a.jpg", "data/news/x.md", 3)
    if problem is not None:
        assert problem.line == 3 and problem.text_en
        return
    assert made is not None
    with Image.open(io.BytesIO(made[2])) as published:
        published.load()
        assert not holds_metadata(published) and b"secret" not in made[2]
