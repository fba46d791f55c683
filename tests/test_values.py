"""Values that are not data files (the data cases are in tests/bad_inputs/values.py): a public
address given to build.py with a character no feed or sitemap may hold, the staff script's note
and percent, the character rule on what no YAML reader lets through, and ids that end in a newline
(Python's "$" would let "III.2\n" match an id pattern)."""

from __future__ import annotations

import pytest
from helpers import DataCopy, load_script
from pydantic import ValidationError

from pii_site.source.errors import message, shorten
from pii_site.source.schema.base import Text
from pii_site.source.schema.plan import Task
from pii_site.source.validation import parse
from pii_site.source.yaml_source import YamlSource

build = load_script("build")
add_update = load_script("add_update")
pytestmark = pytest.mark.usefixtures("fixture_today")


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


def test_add_update_refuses_a_percent_that_is_not_a_whole_number(data_copy: DataCopy, capsys):
    path = data_copy.path("status/VII.2.yml")
    before = path.read_bytes()
    arguments = ["VII.2", "--status", "in-progress", "--percent", "50.5", "--note", "x", "--data", str(data_copy.root)]
    assert add_update.main(arguments) == 1
    expected_vi, expected_en = message("kind.int")
    found_vi, found_en = message("read_as.quoted_number", found="50.5")
    vi, en = message(
        "wrong_type", expected_vi=expected_vi, expected_en=expected_en, found_vi=found_vi, found_en=found_en
    )
    err = capsys.readouterr().err
    assert vi in err and en in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_a_lone_surrogate_is_refused_with_its_code(tmp_path):
    """libyaml refuses "\\ud800" as a bad escape; PyYAML's own reader lets it through to the schema."""
    source = YamlSource("data/units.yml", {"vi": "a\ud800b", "en": "b"}, {(): 1, ("vi",): 2})
    model, [problem] = parse(source, Text)
    assert model is None
    assert (problem.line, problem.text_en) == (2, message("control_character", code="U+D800")[1])


@pytest.mark.parametrize("task_id", ["III.2\n", "III.2\r", " III.2", "III.2 "])
def test_an_id_pattern_holds_to_the_end_of_the_text(task_id: str):
    record = {"id": task_id, "indicator": {"vi": "a", "en": "a"}, "text": {"vi": "a", "en": "a"}, "lead": ["x"]}
    with pytest.raises(ValidationError) as refused:
        Task.model_validate(record)
    assert [error["type"] for error in refused.value.errors()] == ["string_pattern_mismatch"]
