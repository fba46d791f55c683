"""Docstrings and comments name only what exists: every module of the form `pii_site.<module>`, every path
`hooks/...`, `scripts/...`, `tests/...`, every `<folder>/<name>.py` and every `<name>.py` written in a
docstring or comment of hooks/, scripts/ or tests/ must be a module, attribute or file of the project
today, so that a file moved or renamed cannot leave the maintainer's directions pointing nowhere. A
failure names the file, the line and the name."""

from __future__ import annotations

import ast
import importlib
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

from helpers import PROJECT_DIR

FOLDERS = ("hooks", "scripts", "tests")
# Copies of pages and the corpus's data are not directions to a maintainer.
SKIPPED = (PROJECT_DIR / "tests" / "golden",)
# Where a relative `<folder>/<name>.py` or a bare `<name>.py` may be found: the project, the package, and each folder of code.
ROOTS = (PROJECT_DIR, PROJECT_DIR / "hooks", PROJECT_DIR / "hooks" / "pii_site", PROJECT_DIR / "scripts")

MODULE = re.compile(r"\bpii_site(?:\.(?!pth\b)[A-Za-z_]\w*)+")  # not the .pth file naming hooks/
ANCHORED_PATH = re.compile(r"(?<![\w./<-])(?:hooks|scripts|tests)/[\w./-]*[\w/]")
RELATIVE_PY = re.compile(r"(?<![\w./<-])[A-Za-z_][\w-]*(?:/[\w-]+)*/\w+\.py\b")
BARE_PY = re.compile(r"(?<![\w./<-])\w+\.py\b")


def code_files() -> list[Path]:
    return sorted(
        path
        for folder in FOLDERS
        for path in (PROJECT_DIR / folder).rglob("*.py")
        if not any(path.is_relative_to(skipped) for skipped in SKIPPED) and ".venv" not in path.parts
    )


def prose(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every docstring line and every comment of a Python file."""
    source = path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                for offset, line in enumerate(first.value.value.splitlines()):
                    yield first.lineno + offset, line
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string


def module_exists(name: str) -> bool:
    """`pii_site.<module>.<name>`: a module of the package, or an attribute of the deepest module it names."""
    parts = name.split(".")
    module = importlib.import_module(parts[0])
    for index, part in enumerate(parts[1:], start=1):
        try:
            module = importlib.import_module(".".join(parts[: index + 1]))
        except ModuleNotFoundError:
            return hasattr(module, part)
    return True


def path_exists(name: str, beside: Path) -> bool:
    if any(mark in name for mark in "<>*{}"):  # a pattern (`news/<slug>.md`), not a file
        return True
    name = name.rstrip("./")
    if "/" not in name:  # a bare file name: somewhere in the project's code
        return any(next(root.rglob(name), None) is not None for root in (PROJECT_DIR / folder for folder in FOLDERS))
    return any((root / name).exists() for root in (*ROOTS, beside))


def stale_names(path: Path, shown: str) -> Iterator[str]:
    """`shown:line: name` for each name in the file's docstrings and comments that names nothing."""
    for line, text in prose(path):
        for found in MODULE.findall(text):
            if not module_exists(found):
                yield f"{shown}:{line}: {found}"
        text = MODULE.sub("", text)
        anchored = ANCHORED_PATH.findall(text)
        text = ANCHORED_PATH.sub("", text)
        relative = RELATIVE_PY.findall(text)
        bare = BARE_PY.findall(RELATIVE_PY.sub("", text))
        for found in anchored + relative + bare:
            if not path_exists(found, path.parent):
                yield f"{shown}:{line}: {found}"


def test_every_module_and_file_a_docstring_or_comment_names_exists():
    stale = [name for path in code_files() for name in stale_names(path, str(path.relative_to(PROJECT_DIR)))]
    assert not stale, "names of modules or files that do not exist:\n" + "\n".join(stale)


def test_a_stale_name_is_found_with_its_file_and_line(tmp_path: Path):
    """Names as the package had them before it was split up: the old loader, page renderer and PII schema."""
    planted = tmp_path / "planted.py"
    planted.write_text(
        '"""Reads the plan with pii_site.loader.load_plan."""\n\n# See hooks/pii_site/pages/render.py and schema_pii.py.\n',
        encoding="utf-8",
    )
    assert list(stale_names(planted, "planted.py")) == [
        "planted.py:1: pii_site.loader.load_plan",
        "planted.py:3: hooks/pii_site/pages/render.py",
        "planted.py:3: schema_pii.py",
    ]
