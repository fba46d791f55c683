"""The type checker's settings (pyproject.toml): the package, the hooks and every script are checked as
`mypy --strict` checks them; only the tests keep looser settings."""

from __future__ import annotations

import tomllib

from helpers import PROJECT_DIR


def test_every_script_and_hook_module_is_type_checked_strictly():
    mypy = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    [strict] = [override for override in mypy["overrides"] if override.get("disallow_untyped_defs")]
    modules = {
        path.stem
        for folder in ("scripts", "scripts/maintainer", "hooks")
        for path in (PROJECT_DIR / folder).glob("*.py")
    }
    assert set(strict["module"]) == modules | {"pii_site.*"}
