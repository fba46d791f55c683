"""Every label and message exists in both languages, with the same placeholders. (The JSON Schema
files that editors use are checked in tests/outputs/test_json_schema.py.)"""

from __future__ import annotations

import re

from pii_site.i18n import LANGUAGES, all_labels
from pii_site.source.errors import _catalogue


def test_every_label_has_both_languages_and_the_same_placeholders():
    for key, texts in all_labels().items():
        assert set(texts) == set(LANGUAGES), key
        vietnamese = texts["vi"]
        assert isinstance(vietnamese, str), key  # Vietnamese nouns do not change with the count
        for english in _forms(texts["en"]):
            assert set(re.findall(r"{(\w+)}", vietnamese)) == set(re.findall(r"{(\w+)}", english)), key


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
