"""The JSON Schema files that editors use (data/schema/, written by `make schema`) match the data
models. They are the code's output kept beside the data (staff never edit them), so this reads the
real data/schema/ and nothing else of data/. Whether a data file names its schema on its first line
is not checked here: a file without that line is still valid data, and must never stop publishing."""

from __future__ import annotations

from helpers import REAL_DATA_DIR

from pii_site.outputs.json_schema import json_schemas


def test_exported_json_schemas_are_up_to_date():
    for name, text in json_schemas().items():
        path = REAL_DATA_DIR / "schema" / name
        assert path.is_file(), f"run `make schema`: {path} is missing"
        assert path.read_text(encoding="utf-8") == text, f"run `make schema`: {path} is out of date"
