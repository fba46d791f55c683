"""The package's layers hold: every module of hooks/pii_site imports only from its own layer or one
below it, in the order

    i18n < source < settings < model < render < (pages | outputs) < province < (overlay | __init__)

(a folder's name, or a top-level module's: settings.py, overlay.py, the package's __init__.py).
pages/ and outputs/ are siblings and never import each other; nothing imports a layer above its own.
No module imports itself back through others (model/plan.py and model/progress.py did, for types),
nothing in the package imports MkDocs or Material (the hooks are the adapter), and nothing reads
the environment but settings.py's Settings.from_environ, which the adapters call with os.environ.
Read with `ast`, so an import inside a function or under TYPE_CHECKING counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "hooks" / "pii_site"
LAYERS = ("i18n", "source", "settings", "model", "render", "pages | outputs", "province", "overlay | __init__")
RANK = {name: rank for rank, layer in enumerate(LAYERS) for name in layer.split(" | ")}
FRAMEWORKS = ("mkdocs", "material")
ENVIRONMENT = {"os.environ", "os.environb", "os.getenv", "os.getenvb", "os.putenv", "os.unsetenv"}


def module_name(path: Path) -> str:
    return ".".join(("pii_site", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def imports(path: Path, tree: ast.Module | None = None) -> list[tuple[int, str]]:
    """(line, module) of every import in the file at `path`; `from pii_site import <name>` names pii_site.<name>."""
    found = []
    for node in ast.walk(tree or ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module, f"{path}:{node.lineno}: a relative import"
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
# The model's types are its own, or the records the data files hold (source/schema/) and the problems
# found in them; only the loader calls the readers of source/.
MODEL_LOADER = PACKAGE / "model" / "load.py"
RECORDS = ("pii_site.source.schema.", "pii_site.source.errors.")


def violations(path: Path, tree: ast.Module | None = None) -> list[str]:
    tree = tree or ast.parse(path.read_text(encoding="utf-8"))
    own = layer(module_name(path))
    allowed = {  # the lines of Settings.from_environ
        line
        for node in ast.walk(tree)
        if path == PACKAGE / "settings.py" and isinstance(node, ast.FunctionDef) and node.name == "from_environ"
        for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)
    }
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: reads the environment (os.{node.attr}): "
        "take it from Settings, made by the adapter"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
        if f"{node.value.id}.{node.attr}" in ENVIRONMENT and node.lineno not in allowed
    ]
    for line, target in imports(path, tree):
        where = f"{path.relative_to(PACKAGE.parent)}:{line}: imports {target}"
        if target in ENVIRONMENT and line not in allowed:
            found.append(f"{where} (take it from Settings, made by the adapter)")
        elif target.split(".")[0] in FRAMEWORKS:
            found.append(f"{where} (the package knows nothing of MkDocs)")
        elif target.startswith("pii_site.") and (theirs := layer(target)) != own:
            if theirs not in RANK or own not in RANK:
                found.append(f"{where} ({theirs if own in RANK else own} is in no layer of LAYERS)")
            elif RANK[theirs] >= RANK[own]:
                found.append(f"{where} ({theirs}/ is not below {own}/ in {' < '.join(LAYERS)})")
            elif own == "model" and theirs == "source" and path != MODEL_LOADER and not target.startswith(RECORDS):
                found.append(
                    f"{where} (the model takes from source/ only its records and problems: {', '.join(RECORDS)})"
                )
    return found


@pytest.mark.parametrize("path", MODULES.values(), ids=list(MODULES))
def test_a_module_keeps_to_its_layer(path: Path):
    assert violations(path) == []


def test_the_check_names_a_forbidden_import():
    bad = ast.parse("import os\nfrom pii_site.pages.units import pages\nfrom mkdocs.config import Config\nos.environ\n")
    assert violations(PACKAGE / "outputs" / "feeds.py", bad) == [
        "pii_site/outputs/feeds.py:4: reads the environment (os.environ): take it from Settings, made by the adapter",
        "pii_site/outputs/feeds.py:2: imports pii_site.pages.units.pages "
        f"(pages/ is not below outputs/ in {' < '.join(LAYERS)})",
        "pii_site/outputs/feeds.py:3: imports mkdocs.config.Config (the package knows nothing of MkDocs)",
    ]
    reader = ast.parse(
        "from pii_site.source.schema.status import FormUpdate\nfrom pii_site.source.form_rows import read_rows\n"
    )
    assert violations(PACKAGE / "model" / "progress.py", reader) == [
        "pii_site/model/progress.py:2: imports pii_site.source.form_rows.read_rows (the model takes from source/ only "
        f"its records and problems: {', '.join(RECORDS)})"
    ]
    assert violations(MODEL_LOADER, reader) == []


def test_no_module_imports_itself_back():
    graph = {
        # `from pii_site.<module> import <name>`: <name> is a module or a name in <module>; the package's own __init__ is left out
        # (every module is imported through it).
        name: {m for _, t in imports(path) for m in (t, t.rpartition(".")[0]) if m in MODULES} - {name, "pii_site"}
        for name, path in MODULES.items()
    }

    def reaches(start: str) -> set[str]:
        seen, todo = set(), list(graph[start])
        while todo:
            if (module := todo.pop()) not in seen:
                seen.add(module)
                todo += graph[module]
        return seen

    assert sorted(name for name in MODULES if name in reaches(name)) == []
