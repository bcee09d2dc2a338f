"""``ketaconsole alarms``: lists the presets with their limits and users, checks files, and fails
loudly on a refused file or a profile naming an unknown preset."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaconsole.cli import main
from ketaconsole.paths import data_path


@pytest.fixture(autouse=True)
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(site))
    return site


def test_the_shipped_preset_is_listed_with_its_limits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["alarms"]) == 0
    out = capsys.readouterr().out
    assert "ketamine-default" in out and "NOT CONFIRMED" in out
    assert "used by: esketamine-intranasal, im-ketamine, iv-ketamine" in out
    assert "SpO2 low (SPO2): < 92 medium, < 88 high; onset 10 s, hysteresis 1, latching" in out
    assert "blood pressure above 180/110 on 2 reading(s): require-override" in out


def test_a_profile_naming_an_unknown_preset_fails(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "protocols").mkdir()
    shipped = data_path("resources", "protocols", "iv-ketamine.toml").read_text(encoding="utf-8")
    (site / "protocols" / "iv-ketamine.toml").write_text(
        shipped.replace('alarm_preset = "ketamine-default"', 'alarm_preset = "paediatric"'), encoding="utf-8")
    assert main(["alarms"]) == 1
    assert "iv-ketamine names the unknown alarm preset 'paediatric'" in capsys.readouterr().err


def test_check_validates_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = data_path("resources", "alarms", "ketamine-default.toml")
    bad = tmp_path / "bad.toml"
    text = good.read_text(encoding="utf-8")
    bad.write_text(text.replace("pause_s = 120", "pause_s = 900"), encoding="utf-8")
    assert main(["alarms", "--check", str(good)]) == 0
    assert "ok (ketamine-default" in capsys.readouterr().out
    assert main(["alarms", "--check", str(good), str(bad)]) == 1
    assert "bad.toml: audio.pause_s" in capsys.readouterr().err
