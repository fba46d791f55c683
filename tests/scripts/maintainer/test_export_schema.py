"""scripts/maintainer/export_schema.py (`make schema`): it writes every JSON Schema file of data/schema/,
each atomically, and a failed write leaves the old file and says so."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from helpers import load_script

from pii_site.outputs.json_schema import json_schemas, open_data_schema

export_schema = load_script("maintainer/export_schema")


def test_export_schema_writes_every_schema(tmp_path: Path, capsys):
    (tmp_path / "data").mkdir()
    assert export_schema.main(["--out", str(tmp_path / "data"), "--contract-out", str(tmp_path / "contract")]) == 0
    assert {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "data").iterdir()} == json_schemas()
    [contract] = (tmp_path / "contract").iterdir()
    assert contract.name == "open-data-1.schema.json" and contract.read_text(encoding="utf-8") == open_data_schema()


def test_export_schema_failed_write_leaves_the_old_file_and_says_so(tmp_path: Path, capsys, monkeypatch):
    old = tmp_path / "site.schema.json"
    old.write_text("{}", encoding="utf-8")

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    assert export_schema.main(["--out", str(tmp_path), "--contract-out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Không ghi được" in err and "Could not write" in err and "Traceback" not in err
    assert sorted(tmp_path.iterdir()) == [old] and old.read_text(encoding="utf-8") == "{}"
