"""The data models' rules (pii_site.source.schema): every pattern has a plain-words message, addresses
that could break out of an attribute or a link are refused, ids hold to the end of the text and keep
clear of names Windows reserves, and any site address is refused or has one host and a clean path."""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.error
import urllib.parse

import pytest
from helpers import FIXTURE_TODAY, DataCopy, load_script
from hostile_plan import (
    EVIDENCE_TASK,
    quoted,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from pii_site import DataError, load_plan
from pii_site.source.schema.address import AddressError, parse_site_address  # noqa: E402
from pii_site.source.schema.plan import DATA_FILES, Task
from pii_site.source.validation import _PATTERN_MESSAGES


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


# The address of the fixture plan's source fictional-review, which the refused addresses replace.
SOURCE_URL = "url: https://example.com/fictional-review/cloud-index"


@pytest.mark.parametrize(
    "bad", ["https://example.com/x<img/src=x/onerror=alert(1)>", "https://x/a b", 'https://x/"q', "https://x/`c`"]
)
def test_source_address_with_markup_characters_is_refused_in_plain_words(data_copy: DataCopy, bad: str):
    line = data_copy.replace("sources.yml", SOURCE_URL, f"url: {quoted(bad)}")
    with pytest.raises(DataError) as caught:
        load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"{data_copy.path('sources.yml')}:{line}: ")
    assert (
        f'địa chỉ "{bad}" phải là một địa chỉ web đầy đủ, bắt đầu bằng https:// (hoặc http://) và không có khoảng trắng'
        in problem
    )
    assert (
        f'the address "{bad}" must be a complete web address starting with https:// (or http://) and without spaces'
        in problem
    )


def test_evidence_address_with_markup_characters_is_refused_by_the_validate_script(
    data_copy: DataCopy, fixture_today, capsys
):
    data_copy.replace(
        f"status/{EVIDENCE_TASK}.yml",
        "\nupdates:\n",
        "\nupdates:\n  - date: 2026-03-05\n    status: in-progress\n    unit: ban-kinh-te-nong-nghiep\n"
        '    note: {vi: "Đã làm"}\n    evidence:\n      - url: "https://x/<b>"\n',
    )
    assert load_script("validate").main(["--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert 'the address "https://x/<b>" must be a complete web address starting with https://' in err


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.parametrize("task_id", ["III.2\n", "III.2\r", " III.2", "III.2 "])
def test_an_id_pattern_holds_to_the_end_of_the_text(task_id: str):
    record = {"id": task_id, "indicator": {"vi": "a", "en": "a"}, "text": {"vi": "a", "en": "a"}, "lead": ["x"]}
    with pytest.raises(ValidationError) as refused:
        Task.model_validate(record)
    assert [error["type"] for error in refused.value.errors()] == ["string_pattern_mismatch"]


@pytest.mark.usefixtures("fixture_today")
def test_a_data_path_with_a_reserved_windows_name_cannot_be_a_photo_or_logo():
    from pii_site.source.schema.base import reserved_name

    for name in ("con", "NUL.png", "com1.jpg", "LPT9", "aux.svg"):
        assert reserved_name(name)
    for name in ("console", "con-song", "nul1", "com10"):
        assert not reserved_name(name)


@pytest.mark.usefixtures("fixture_today")
def test_an_id_rule_holds_for_every_slug_field(tmp_path):
    """The rule lives in the Slug type, so every id of that type gets it (pillars, units, rounds…)."""
    from pydantic import TypeAdapter, ValidationError

    from pii_site.source.schema.base import Slug

    for bad in ("con", "prn", "a" * 65):
        with pytest.raises(ValidationError):
            TypeAdapter(Slug).validate_python(bad)
    assert TypeAdapter(Slug).validate_python("a" * 64) == "a" * 64


FAST = settings(max_examples=300, deadline=None)


address_parts = st.one_of(
    st.sampled_from(["/", "//", "\\", "?", "#", "@", ":", ".", "..", "%2F", "%2e", "%E1%BA%BF", " ", "\t", "javascript:"]),
    st.text(max_size=8),
    st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True),
)  # fmt: skip


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.slow  # random inputs by the hundred: a fuzzing run, in `make test`, not in the edit loop
@FAST
@given(
    scheme=st.sampled_from(["https://", "http://", "HTTPS://", "ftp://", "//", ""]),
    parts=st.lists(address_parts, max_size=8),
)
def test_a_site_address_is_refused_or_has_one_host_and_a_clean_path(scheme: str, parts: list[str]) -> None:

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
