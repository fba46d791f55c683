"""Write data/schema/*.schema.json from the data models: `python scripts/export_schema.py`.

Run it after changing hooks/pii_site/source/schema/plan.py; tests/test_schema_export.py fails until you do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pii_site.outputs.json_schema import json_schemas

PROJECT_DIR = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export JSON Schema files for the data folder.")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "data" / "schema")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
