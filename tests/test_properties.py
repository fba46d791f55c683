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

from pii_site import load_plan
from pii_site.model.progress import STATUSES

validate = load_script("validate")
add_update = load_script("add_update")
pytestmark = pytest.mark.usefixtures("fixture_today")
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
