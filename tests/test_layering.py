"""Only ``ketaconsole.gui`` may import PySide6, pyqtgraph or shiboken6 (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import ketaconsole

QT_PACKAGES = ("PySide6", "pyqtgraph", "shiboken6")
PACKAGE_DIR = Path(ketaconsole.__file__).parent
GUI_DIR = PACKAGE_DIR / "gui"
# Alembic's env.py only runs inside an Alembic command; ``__main__`` runs the CLI when imported.
NOT_IMPORTABLE_ALONE = {"ketaconsole.__main__", "ketaconsole.storage.migrations.env"}


def qt_free_modules() -> list[str]:
    names = ["ketaconsole"]
    for module in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="ketaconsole."):
        if module.name.startswith("ketaconsole.gui") or module.name in NOT_IMPORTABLE_ALONE:
            continue
        names.append(module.name)
    return names


def test_the_non_gui_layers_cover_every_layer() -> None:
    layers = {name.split(".")[1] for name in qt_free_modules() if name.count(".") >= 1}
    assert {"core", "devices", "simulator", "storage", "records", "acquisition", "cli"} <= layers


def test_importing_every_non_gui_module_loads_no_qt() -> None:
    script = (
        "import importlib, json, sys\n"
        f"for name in {qt_free_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def qt_imports(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    """(line, module) of every absolute import of a Qt package in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [(node.lineno, name) for name in names if name.split(".")[0] in QT_PACKAGES]
    return found


def test_no_source_outside_gui_imports_qt() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE_DIR)}:{line} imports {name}"
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
        if GUI_DIR not in path.parents
        for line, name in qt_imports(path.read_text(encoding="utf-8"), str(path))
    ]
    assert offenders == []


def test_the_scan_catches_every_form_of_qt_import() -> None:
    sample = (
        "import os, shiboken6\n"
        "from PySide6.QtCore import QTimer\n"
        "def later():\n"
        "    import pyqtgraph as pg\n"
        "from .PySide6 import nothing\n"
    )
    assert qt_imports(sample) == [(1, "shiboken6"), (2, "PySide6.QtCore"), (4, "pyqtgraph")]
