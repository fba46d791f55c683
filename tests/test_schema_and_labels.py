"""The JSON Schema files editors use match the models; every label and message exists in both
languages; every data file names its schema on its first line."""

from __future__ import annotations

import re

from conftest import DATA_DIR
from pii_site.errors import _catalogue
from pii_site.i18n import LANGUAGES, all_labels
from pii_site.schema import DATA_FILES
from pii_site.schema_export import json_schemas, schema_file_name


def test_exported_json_schemas_are_up_to_date():
    for name, text in json_schemas().items():
        path = DATA_DIR / "schema" / name
        assert path.is_file(), f"run `make schema`: {path} is missing"
        assert path.read_text(encoding="utf-8") == text, f"run `make schema`: {path} is out of date"


def test_every_data_file_points_editors_at_its_schema():
    for data_file in DATA_FILES:
        if "*" in data_file:
            continue
        first = (DATA_DIR / data_file).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=./schema/{schema_file_name(data_file)}"


def test_every_label_has_both_languages_and_the_same_placeholders():
    for key, texts in all_labels().items():
        assert set(texts) == set(LANGUAGES), key
        for english in _forms(texts["en"]):
            assert set(re.findall(r"{(\w+)}", texts["vi"])) == set(re.findall(r"{(\w+)}", english)), key


def _forms(text):
    """The English forms of a text: one string, or the {one, other} forms of a text that counts."""
    if isinstance(text, str):
        return [text]
    assert set(text) == {"one", "other"}, text
    return [text["one"], text["other"]]


def test_every_message_has_both_languages():
    def leaves(node, path=""):
        if isinstance(node, dict) and set(node) == {"vi", "en"}:
            yield path, node
        elif isinstance(node, dict):
            for key, value in node.items():
                yield from leaves(value, f"{path}.{key}")

    for path, texts in leaves(_catalogue()):
        assert texts["vi"].strip() and all(form.strip() for form in _forms(texts["en"])), path
