"""JSON Schema generated from the models: one per data file (the models of source/schema/), and the open-data contract's.

scripts/maintainer/export_schema.py writes the data files' to data/schema/ and the contract's to the province
harvester's copies (pii_site/province/schemas/); a test fails when either is out of date. Editors (VS
Code with the YAML extension) pick the data files' up from the first line of each data file:
`# yaml-language-server: $schema=./schema/tasks.schema.json`. The build publishes the contract's at
contract.SCHEMA_PATH (outputs/catalogue.py).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from pii_site.i18n import Labels
from pii_site.model import contract
from pii_site.model.progress import status_values
from pii_site.source.schema.plan import DATA_FILES

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(data_file: str) -> str:
    """'tasks.yml' -> 'tasks.schema.json'; 'status/*.yml' -> 'status.schema.json'."""
    return data_file.split("/")[0].removesuffix(".yml") + ".schema.json"


def json_schemas() -> dict[str, str]:
    """File name -> JSON text, exactly as it should be on disk."""
    result = {}
    for data_file, model in DATA_FILES.items():
        schema = {"$schema": DRAFT, **model.model_json_schema()}
        result[schema_file_name(data_file)] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return result


def open_data_schema() -> str:
    """The contract's JSON Schema (model/contract.py) as published, for the current major version. Each
    column's description is the data dictionary's English wording (labels open_data.col.*)."""
    schema: dict[str, Any] = _nullable_as_type_list(TypeAdapter(contract.OpenDataFile).json_schema(by_alias=True))
    t = Labels("en")
    for dataset, model in contract.RECORDS.items():
        properties = schema["$defs"][model.__name__]["properties"]
        for column, field in properties.items():
            field["description"] = t(f"open_data.col.{dataset}.{column}", statuses=status_values(t))
    document = {
        "$schema": DRAFT,
        "title": f"PII plan site open data, version {contract.MAJOR_VERSION}.x",
        "description": "A downloadable JSON file (tasks, units, updates or submissions) of a commune's PII plan site: "
        "which commune, province and plan it describes, when its data last changed, its licence and its "
        f"records. Fields added in a later {contract.MAJOR_VERSION}.x version are allowed.",
        **schema,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _nullable_as_type_list(node: Any) -> Any:
    """{"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]} -> {"type": ["string", "null"],
    "format": "date"}: the same meaning (format, pattern and bounds apply only to values of their own
    type), easier to read, and several times quicker to check, which the province harvester does for
    every record of every commune."""
    if isinstance(node, list):
        return [_nullable_as_type_list(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _nullable_as_type_list(value) for key, value in node.items()}
    options = node.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and {"type": "null"} in options:
        [other] = [option for option in options if option != {"type": "null"}]
        if isinstance(other.get("type"), str) and "$ref" not in other:
            merged = {key: value for key, value in node.items() if key != "anyOf"}
            return {**other, **merged, "type": [other["type"], "null"]}
    return node
