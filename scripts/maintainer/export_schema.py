"""Write data/schema/*.schema.json from the data models, and the open-data contract's schema for the
current major version to the province harvester's copies (hooks/pii_site/province/schemas/):
`.venv/bin/python scripts/maintainer/export_schema.py`.

Run it after changing hooks/pii_site/source/schema/plan.py or model/contract.py; tests/outputs/test_json_schema.py
fails until you do. Copies of earlier major versions stay as they are: the harvester reads communes still on them.
Each file is written like every data file a script writes: under its lock, atomically, so an editor
reading it while `make schema` runs never sees half a schema, and a failed write leaves the old one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pii_site.model.contract import MAJOR_VERSION
from pii_site.outputs.json_schema import json_schemas, open_data_schema
from pii_site.province.contracts import SCHEMA_DIR, schema_file
from pii_site.source.errors import message
from pii_site.source.status_file import locked, write_atomically

PROJECT_DIR = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export JSON Schema files for the data folder.")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "data" / "schema")
    parser.add_argument("--contract-out", type=Path, default=SCHEMA_DIR, help="where the harvester keeps its copies")
    args = parser.parse_args(argv)
    outputs = [(args.out / name, text) for name, text in json_schemas().items()]
    outputs.append((args.contract_out / schema_file(MAJOR_VERSION), open_data_schema()))
    for path, text in outputs:
        try:
            with locked(path):
                write_atomically(path, text.encode("utf-8"))
        except OSError as error:
            vi, en = message("add_update.schema_write_failed", file=path, reason=error.strerror or error)
            print(f"{vi}\n    (en) {en}", file=sys.stderr)
            return 1
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
