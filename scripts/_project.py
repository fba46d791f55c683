"""Imported first by the scripts staff run (add_update.py, validate.py): puts the project's package
(hooks/pii_site) on the import path, so a script works from any folder and with a virtual environment
made without `make install` (on Windows: `py -m venv .venv`, then pip install -r requirements.lock),
not only through the .pth file `make install` writes.

Run with a Python that lacks the project's packages (Debian's python3 outside .venv), it stops with
what to type instead of a traceback. That sentence is the one message not in messages.yml: reading
the catalogue needs PyYAML, which is exactly what such a Python lacks.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
HOOKS = str(PROJECT_DIR / "hooks")
# What every script imports before anything else of the project (requirements.lock installs them).
REQUIRED = ("yaml", "pydantic", "jinja2", "markdown", "PIL")

if HOOKS not in sys.path:
    sys.path.insert(0, HOOKS)

_missing = [name for name in REQUIRED if importlib.util.find_spec(name) is None]
if _missing:
    _script = Path(sys.argv[0]).name if sys.argv and sys.argv[0].endswith(".py") else "add_update.py"
    sys.exit(
        f"Python này chưa có các gói của dự án (thiếu {', '.join(_missing)}). Hãy chạy `make install` một lần "
        f"trong thư mục dự án, rồi chạy lệnh bằng Python của dự án: .venv/bin/python scripts/{_script} ... "
        f"(trên Windows: .venv\\Scripts\\python scripts\\{_script} ...). Chưa ghi gì vào tệp nào.\n"
        f"    (en) This Python lacks the project's packages (missing: {', '.join(_missing)}). Run `make install` "
        f"once in the project folder, then run the command with the project's Python: "
        f".venv/bin/python scripts/{_script} ... (on Windows: .venv\\Scripts\\python scripts\\{_script} ...). "
        f"No file was changed."
    )
