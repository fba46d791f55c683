"""The JSON Schema files that editors use (data/schema/, written by `make schema`) match the data
models, and every data file in data/ names its schema on its first line. These hold for any data
folder kept the documented ways (add_update.py writes the line into new status files), so they read
the real data/ like tests/test_invariants.py, where they belong; no other check reads it."""

from __future__ import annotations

from conftest import REAL_DATA_DIR
from pii_site.schema import DATA_FILES
from pii_site.schema_export import json_schemas, schema_file_name


def test_exported_json_schemas_are_up_to_date():
    for name, text in json_schemas().items():
        path = REAL_DATA_DIR / "schema" / name
        assert path.is_file(), f"run `make schema`: {path} is missing"
        assert path.read_text(encoding="utf-8") == text, f"run `make schema`: {path} is out of date"


def test_every_data_file_points_editors_at_its_schema():
    for data_file in DATA_FILES:
        if "*" in data_file:
            continue
        first = (REAL_DATA_DIR / data_file).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=./schema/{schema_file_name(data_file)}"
