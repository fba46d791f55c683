"""JSON Schema for every data file, generated from the models in schema.py.

scripts/export_schema.py writes them to data/schema/; a test fails when they are out of date.
Editors (VS Code with the YAML extension) pick them up from the first line of each data file:
`# yaml-language-server: $schema=./schema/tasks.schema.json`.
"""

from __future__ import annotations

import json

from pii_site.source.schema.plan import DATA_FILES


def schema_file_name(data_file: str) -> str:
    """'tasks.yml' -> 'tasks.schema.json'; 'status/*.yml' -> 'status.schema.json'."""
    return data_file.split("/")[0].removesuffix(".yml") + ".schema.json"


def json_schemas() -> dict[str, str]:
    """File name -> JSON text, exactly as it should be on disk."""
    result = {}
    for data_file, model in DATA_FILES.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        result[schema_file_name(data_file)] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return result
