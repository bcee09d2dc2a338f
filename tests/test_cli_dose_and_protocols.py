"""``ketaconsole dose`` prints the calculator's arithmetic; ``ketaconsole protocols`` lists and checks
treatment profiles, naming a refused site file and failing for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaconsole.cli import main
from ketaconsole.paths import data_path


@pytest.fixture(autouse=True)
def empty_site_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(site))
    return site


def test_dose_prints_the_arithmetic_of_the_70_kg_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dose", "iv-ketamine", "--weight", "70"]) == 0
    shown = capsys.readouterr().out
    assert "70 kg × 0.5 mg/kg = 35 mg" in shown
    assert "35 mg ÷ 10 mg/mL = 3.5 mL" in shown
    assert "100 mL over 40 min = 150 mL/h" in shown
    assert "52.5 mg/h = 0.75 mg/kg/h" in shown


def test_dose_outside_the_usual_range_says_so_and_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dose", "iv-ketamine", "--weight", "70", "--mg-per-kg", "0.8"]) == 3
    assert "OUTSIDE THE USUAL RANGE: 0.8 mg/kg" in capsys.readouterr().out


@pytest.mark.parametrize(("arguments", "message"), [
    (["iv-ketamine"], "--weight: Enter the weight"),
    (["iv-ketamine", "--weight", "70", "--mg-per-kg", "5"], "--mg-per-kg: 5 mg/kg is above"),
    (["iv-ketamine", "--weight", "70", "--vial", "25"], "--vial: This protocol uses vials of 10, 50, 100"),
    (["esketamine-intranasal", "--dose-mg", "84"], "--lot: Enter the lot number"),
    (["no-such-profile"], "no treatment profile 'no-such-profile'"),
])
def test_refused_input_names_the_option_and_exits_2(arguments: list[str], message: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dose", *arguments]) == 2
    assert message in capsys.readouterr().err


def test_protocols_lists_the_shipped_defaults_as_not_confirmed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["protocols"]) == 0
    shown = capsys.readouterr().out
    for profile_id in ("iv-ketamine", "im-ketamine", "esketamine-intranasal"):
        assert f"{profile_id}  2026.11-default" in shown
    assert shown.count("NOT CONFIRMED") == 3


def test_a_malformed_site_profile_is_named_and_the_others_still_list(
        empty_site_directory: Path, capsys: pytest.CaptureFixture[str]) -> None:
    protocols = empty_site_directory / "protocols"
    protocols.mkdir(parents=True)
    shipped = data_path("resources", "protocols", "iv-ketamine.toml").read_text(encoding="utf-8")
    confirmed = shipped.replace('confirmed_by = ""', 'confirmed_by = "Dr Site"')
    (protocols / "iv-ketamine.toml").write_text(confirmed, encoding="utf-8")
    broken = shipped.replace("default = 0.5", "default = 0.9")
    (protocols / "broken.toml").write_text(broken, encoding="utf-8")
    assert main(["protocols"]) == 1
    captured = capsys.readouterr()
    assert "iv-ketamine  2026.11-default  IV ketamine infusion  [confirmed by Dr Site]" in captured.out
    assert "broken.toml" in captured.err and "min <= default <= max" in captured.err
    files = [str(protocols / "iv-ketamine.toml"), str(protocols / "broken.toml")]
    assert main(["protocols", "--check", *files]) == 1
    checked = capsys.readouterr()
    assert "iv-ketamine.toml: ok (iv-ketamine 2026.11-default)" in checked.out
    assert "refused" in checked.err and "broken.toml" in checked.err
