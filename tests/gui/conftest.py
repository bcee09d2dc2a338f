"""GUI test isolation: QSettings go to a per-test folder, never to the user's real configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    QCoreApplication.setOrganizationName("KetaConsoleTests")
    QCoreApplication.setApplicationName("KetaConsoleTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder
