"""``ketaconsole instruments`` lists the instruments in use with the state of their licensed text,
names refused site files and fails for them; ``--check`` validates instrument and item-text files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaconsole.cli import main
from ketaconsole.paths import data_path

LICENCE = "Permission of the rights holder, test licence 0000"
TEXT = f'instrument = "cadss"\nlicence = "{LICENCE}"\n\n[items]\n"1" = "(licensed text of item 1)"\n'


@pytest.fixture(autouse=True)
def empty_site_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(site))
    return site


@pytest.fixture
def site_instruments(empty_site_directory: Path) -> Path:
    directory = empty_site_directory / "instruments"
    directory.mkdir(parents=True)
    return directory


def shipped_text(name: str) -> str:
    return data_path("resources", "instruments", name).read_text(encoding="utf-8")


def test_lists_the_shipped_instruments_and_says_the_cadss_text_is_not_installed(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["instruments"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == ("cadss  2026.11-default  Dissociation checklist (CADSS structure)  "
                        "[28 items; licensed text not installed (cadss.text.toml): neutral labels]")
    aldrete = "modified-aldrete  2026.11-default  Modified Aldrete score  [5 items; labels shipped"
    assert aldrete in captured.out
    assert "moaa-s  2026.11-default" in captured.out and "rass  2026.11-default" in captured.out
    assert "[1 item; " in captured.out
    assert captured.out.count("sha256 ") == 4
    assert captured.err == ""


def test_lists_the_licence_of_installed_text(site_instruments: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (site_instruments / "cadss.text.toml").write_text(TEXT, encoding="utf-8")
    assert main(["instruments"]) == 0
    assert f"[28 items; licensed text installed, licence: {LICENCE}]" in capsys.readouterr().out


def test_refused_site_files_are_named_on_stderr_and_exit_1(site_instruments: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    broken = shipped_text("rass.toml").replace('rater = "observer"', 'rater = "nurse"')
    (site_instruments / "rass.toml").write_text(broken, encoding="utf-8")
    (site_instruments / "cadss.text.toml").write_text(TEXT.replace('"1"', '"29"'), encoding="utf-8")
    assert main(["instruments"]) == 1
    captured = capsys.readouterr()
    assert "rass  2026.11-default  Richmond Agitation-Sedation Scale" in captured.out
    assert "licensed text not installed" in captured.out
    refused = captured.err.splitlines()
    assert len(refused) == 2
    assert any(line.startswith("ketaconsole instruments: refused: ") and "rass.toml" in line
               and "items.0.rater" in line for line in refused)
    assert any("cadss.text.toml" in line and "cadss has no items [29]" in line
               and line.endswith("showing neutral labels") for line in refused)


def test_check_validates_instrument_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "rass.toml"
    good.write_text(shipped_text("rass.toml"), encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(shipped_text("moaa-s.toml").replace("[[bands]]\nmin = 4\nmax = 4",
                                                       "[[bands]]\nmin = 4\nmax = 5"), encoding="utf-8")
    unreadable = tmp_path / "unreadable.toml"
    unreadable.write_text('id = "x\n', encoding="utf-8")
    missing = tmp_path / "missing.toml"
    assert main(["instruments", "--check", str(good), str(bad), str(unreadable), str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{good}: ok (rass 2026.11-default, 1 item)\n"
    assert f"{bad}: file: Value error, bands " in captured.err and "overlap" in captured.err
    assert f"{unreadable}: not a readable TOML file" in captured.err
    assert str(missing) in captured.err
    assert captured.err.count("ketaconsole instruments: refused: ") == 3


def test_check_validates_a_text_file_against_the_instrument_it_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "cadss.text.toml"
    text.write_text(TEXT, encoding="utf-8")
    assert main(["instruments", "--check", str(text)]) == 0
    assert capsys.readouterr().out == f"{text}: ok (text for cadss, 1 of 28 items, licence: {LICENCE})\n"


def test_check_says_under_which_name_a_text_file_must_be_installed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "from-the-publisher.text.toml"
    text.write_text(TEXT, encoding="utf-8")
    assert main(["instruments", "--check", str(text)]) == 0
    assert "; install it as cadss.text.toml to be used)" in capsys.readouterr().out


@pytest.mark.parametrize(("body", "problem"), [
    (TEXT.replace('"1" =', '"30" ='), "cadss has no items [30]"),
    (TEXT.replace('instrument = "cadss"', 'instrument = "ramsay"'),
     "instrument: 'ramsay' is not a known instrument (known: cadss, moaa-s, modified-aldrete, rass)"),
    (TEXT.replace('instrument = "cadss"\n', ""), "instrument: None is not a known instrument"),
    (TEXT.replace(f'licence = "{LICENCE}"\n', ""), "licence: Field required"),
    ('instrument = "cadss\n', "not a readable TOML file"),
])
def test_check_refuses_a_bad_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str,
                                       problem: str) -> None:
    text = tmp_path / "cadss.text.toml"
    text.write_text(body, encoding="utf-8")
    assert main(["instruments", "--check", str(text)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"ketaconsole instruments: refused: {text}: ")
    assert problem in captured.err
