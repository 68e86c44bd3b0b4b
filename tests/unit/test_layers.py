"""The layers hold: core is pure Python, the UI never touches the database layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import console

PACKAGE = Path(console.__file__).parent


def imported_names(folder: Path) -> set[str]:
    names: set[str] = set()
    for file in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
    return names


def test_core_source_imports_no_qt_no_sqlalchemy_and_no_other_layer() -> None:
    bad = {n for n in imported_names(PACKAGE / "core")
           if n.split(".")[0] in {"PySide6", "sqlalchemy", "alembic"}
           or n.startswith(("console.db", "console.ui", "console.cli"))}  # fmt: skip
    assert bad == set()


def test_importing_all_of_core_loads_neither_qt_nor_sqlalchemy() -> None:
    modules = sorted(
        f"console.core.{p.stem}" for p in (PACKAGE / "core").glob("*.py") if p.stem != "__init__"
    )
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6','sqlalchemy','alembic'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_ui_source_never_imports_the_database_layer() -> None:
    bad = {n for n in imported_names(PACKAGE / "ui")
           if n.split(".")[0] in {"sqlalchemy", "alembic"} or n.startswith("console.db")}  # fmt: skip
    assert bad == set()


def test_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, check=False,
                            cwd=PACKAGE.parent)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
