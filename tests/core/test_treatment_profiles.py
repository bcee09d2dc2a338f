"""Treatment profiles as data: the shipped defaults, the files a site drops in, and malformed files
(refused with the file and the field named, without stopping the others)."""

from __future__ import annotations

import hashlib
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from ketaconsole.core.treatment_profiles import (
    Administration,
    DeviceDose,
    ProfileError,
    WeightBasedDose,
    load_catalogue,
    load_profile_bytes,
    parse_profile,
)
from ketaconsole.paths import data_path, site_config_dir

SHIPPED = data_path("resources", "protocols")
SHIPPED_IDS = {"iv-ketamine", "im-ketamine", "esketamine-intranasal"}


def shipped_text(profile_id: str) -> str:
    return (SHIPPED / f"{profile_id}.toml").read_text("utf-8")


def without_table(text: str, table: str) -> str:
    """``text`` with the TOML table ``[table]`` (header to the next blank line) removed."""
    pattern = re.compile(rf"^\[{re.escape(table)}\]\n(?:.+\n)*", re.MULTILINE)
    changed, count = pattern.subn("", text)
    assert count == 1
    return changed


def replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# --- the shipped defaults -------------------------------------------------------------------------

def test_the_shipped_profiles_load_without_problems() -> None:
    catalogue = load_catalogue([SHIPPED])
    assert catalogue.problems == ()
    assert set(catalogue.profiles) == SHIPPED_IDS
    kinds = {pid: loaded.profile.administration for pid, loaded in catalogue.profiles.items()}
    assert kinds == {"iv-ketamine": Administration.INFUSION, "im-ketamine": Administration.INJECTION,
                     "esketamine-intranasal": Administration.DEVICES}


@pytest.mark.parametrize("profile_id", sorted(SHIPPED_IDS))
def test_a_shipped_profile_is_unconfirmed_and_keeps_its_source(profile_id: str) -> None:
    loaded = load_catalogue([SHIPPED]).get(profile_id)
    path = SHIPPED / f"{profile_id}.toml"
    assert loaded.profile.confirmed is False
    assert loaded.profile.confirmed_by == ""
    assert loaded.source == str(path)
    assert loaded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert loaded.content == tomllib.loads(path.read_text("utf-8"))
    # The stored content validates to the same profile (what a session keeps with its record).
    assert parse_profile(loaded.content) == loaded.profile


def test_every_shipped_profile_says_its_numbers_are_defaults_to_confirm() -> None:
    files = sorted(SHIPPED.glob("*.toml"))
    assert {path.stem for path in files} == SHIPPED_IDS
    for path in files:
        assert "DEFAULT FOR THE CLINIC TO CONFIRM" in path.read_text("utf-8"), path.name


def test_the_shipped_numbers_are_the_reference_ones() -> None:
    profiles = {pid: loaded.profile for pid, loaded in load_catalogue([SHIPPED]).profiles.items()}
    iv = profiles["iv-ketamine"]
    assert isinstance(iv.dose, WeightBasedDose)
    assert (iv.dose.default, iv.dose.min, iv.dose.max) == (0.5, 0.1, 0.75)
    assert iv.infusion is not None and iv.infusion.default_duration_min == 40
    assert iv.preparation is not None and iv.preparation.vial_strengths_mg_per_ml == (10, 50, 100)
    esk = profiles["esketamine-intranasal"]
    assert isinstance(esk.dose, DeviceDose)
    assert (esk.dose.device_mg, esk.dose.rest_between_devices_min, esk.dose.choices) == (28, 5, (56, 84))
    assert esk.rems and (esk.observation.minimum_min, esk.observation.from_) == (120, "dosing-start")
    assert [rule.id for rule in esk.required_bp] == ["bp-pre-dose", "bp-40-min", "bp-before-discharge"]


def test_confirmed_means_someone_signed_the_file() -> None:
    content = tomllib.loads(shipped_text("iv-ketamine"))
    assert parse_profile({**content, "confirmed_by": "   "}).confirmed is False
    assert parse_profile({**content, "confirmed_by": "Dr A. Director, 2026-12-01"}).confirmed is True


# --- malformed files ------------------------------------------------------------------------------

IV_TEXT = shipped_text("iv-ketamine")
ESK_TEXT = shipped_text("esketamine-intranasal")

MALFORMED = [
    pytest.param("iv-ketamine", "id = [\n" + IV_TEXT, r"not a readable TOML file", id="bad-toml"),
    pytest.param("iv-ketamine", replaced(IV_TEXT, 'name = "IV ketamine infusion"\n', ""),
                 r"name: Field required", id="missing-field"),
    pytest.param("iv-ketamine", 'colour = "red"\n' + IV_TEXT, r"colour: Extra inputs are not permitted",
                 id="unknown-key"),
    pytest.param("iv-ketamine", replaced(IV_TEXT, "pump_rate_step_ml_h = 0.1", "pump_step = 0.1"),
                 r"infusion\.pump_step: Extra inputs are not permitted", id="unknown-key-in-table"),
    pytest.param("iv-ketamine", replaced(IV_TEXT, "default = 0.5", "default = 0.9"),
                 r"dose.*min <= default <= max <= hard_max", id="default-outside-range"),
    pytest.param("iv-ketamine", replaced(IV_TEXT, "default_duration_min = 40", "default_duration_min = 120"),
                 r"infusion.*default_duration_min is outside", id="duration-default-outside-range"),
    pytest.param("esketamine-intranasal", replaced(ESK_TEXT, "choices = [56, 84]", "choices = [56, 70]"),
                 r"dose.*70(\.0)? mg is not a whole number of 28(\.0)? mg devices",
                 id="choice-not-whole-devices"),
    pytest.param("esketamine-intranasal", replaced(ESK_TEXT, "hard_max_mg = 84", "hard_max_mg = 56"),
                 r"dose.*a dose choice is above hard_max_mg", id="choice-above-hard-max"),
    pytest.param("iv-ketamine", without_table(IV_TEXT, "infusion"),
                 r"an infusion needs an \[infusion\] table", id="infusion-without-infusion-table"),
    pytest.param("iv-ketamine", replaced(IV_TEXT, "default_diluent_ml = 100", "default_diluent_ml = 500"),
                 r"default_diluent_ml is not one of diluent_volumes_ml", id="default-diluent-not-offered"),
    pytest.param("iv-ketamine",
                 replaced(IV_TEXT, "default_vial_mg_per_ml = 10", "default_vial_mg_per_ml = 20"),
                 r"preparation.*default_vial_mg_per_ml is not one of", id="default-vial-not-stocked"),
    pytest.param("iv-ketamine", replaced(IV_TEXT, 'weight_basis = "actual"', 'weight_basis = "lean"'),
                 r"dose.*weight_basis: Input should be", id="unknown-weight-basis"),
    pytest.param("iv-ketamine", replaced(IV_TEXT, 'id = "bp-after"', 'id = "bp-during"'),
                 r"vitals_schedule has repeated ids", id="repeated-check-id"),
    pytest.param("iv-ketamine",
                 replaced(IV_TEXT, 'administration = "infusion"', 'administration = "devices"'),
                 r"administration 'devices' goes with a dose in mg", id="administration-mismatch"),
    pytest.param("iv-ketamine", replaced(IV_TEXT, 'start = "dosing-end"', 'start = "lunch"'),
                 r"vitals_schedule\.1\.start: Input should be", id="unknown-anchor"),
]


@pytest.mark.parametrize(("profile_id", "text", "complaint"), MALFORMED)
def test_a_malformed_file_is_refused_naming_the_file_and_the_field(profile_id: str, text: str,
                                                                   complaint: str) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile_bytes(text.encode("utf-8"), source="/site/protocols/broken.toml")
    message = str(caught.value)
    assert message.startswith("/site/protocols/broken.toml: ")
    assert re.search(complaint, message), message


@pytest.mark.parametrize(("profile_id", "text", "complaint"), MALFORMED)
def test_a_malformed_file_does_not_stop_the_others_loading(tmp_path: Path, profile_id: str, text: str,
                                                           complaint: str) -> None:
    for path in SHIPPED.glob("*.toml"):
        if path.stem != profile_id:
            shutil.copy(path, tmp_path / path.name)
    broken = tmp_path / f"{profile_id}.toml"
    broken.write_text(text, "utf-8")
    catalogue = load_catalogue([tmp_path])
    assert set(catalogue.profiles) == SHIPPED_IDS - {profile_id}
    assert len(catalogue.problems) == 1
    assert catalogue.problems[0].startswith(f"{broken}: ")
    assert re.search(complaint, catalogue.problems[0])


def test_a_file_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(ProfileError, match=r"^x\.toml: not a readable TOML file"):
        load_profile_bytes(b"id = \"\xff\xfe\"\n", source="x.toml")


def test_stored_content_that_no_longer_validates_names_its_source() -> None:
    content = tomllib.loads(IV_TEXT)
    del content["observation"]
    with pytest.raises(ProfileError, match=r"^stored profile: observation: Field required"):
        parse_profile(content)
    with pytest.raises(ProfileError, match=r"^the session's copy: observation"):
        parse_profile(content, source="the session's copy")


# --- site files -----------------------------------------------------------------------------------

def test_a_site_file_with_the_same_id_replaces_the_shipped_one(tmp_path: Path) -> None:
    site_text = replaced(replaced(IV_TEXT, 'confirmed_by = ""', 'confirmed_by = "Dr A. Director"'),
                         "default_duration_min = 40", "default_duration_min = 60")
    site_file = tmp_path / "our-iv-protocol.toml"  # replaced by id, whatever the file is called
    site_file.write_text(site_text, "utf-8")
    catalogue = load_catalogue([SHIPPED, tmp_path])
    assert catalogue.problems == ()
    assert set(catalogue.profiles) == SHIPPED_IDS
    iv = catalogue.get("iv-ketamine")
    assert iv.source == str(site_file)
    assert iv.profile.confirmed and iv.profile.infusion is not None
    assert iv.profile.infusion.default_duration_min == 60
    assert iv.sha256 == hashlib.sha256(site_file.read_bytes()).hexdigest()
    assert catalogue.get("im-ketamine").source == str(SHIPPED / "im-ketamine.toml")
    # Order matters: the later directory wins.
    assert load_catalogue([tmp_path, SHIPPED]).get("iv-ketamine").source == str(SHIPPED / "iv-ketamine.toml")


def test_a_site_file_adds_a_new_profile(tmp_path: Path) -> None:
    text = replaced(IV_TEXT, 'id = "iv-ketamine"', 'id = "iv-ketamine-slow"')
    (tmp_path / "slow.toml").write_text(text, "utf-8")
    catalogue = load_catalogue([SHIPPED, tmp_path])
    assert set(catalogue.profiles) == SHIPPED_IDS | {"iv-ketamine-slow"}


def test_a_broken_site_file_leaves_the_shipped_profile_in_use(tmp_path: Path) -> None:
    (tmp_path / "iv-ketamine.toml").write_text(replaced(IV_TEXT, "hard_max = 1.0", "hard_max = 0.6"), "utf-8")
    catalogue = load_catalogue([SHIPPED, tmp_path])
    assert catalogue.get("iv-ketamine").source == str(SHIPPED / "iv-ketamine.toml")
    assert len(catalogue.problems) == 1 and str(tmp_path / "iv-ketamine.toml") in catalogue.problems[0]


def test_a_missing_directory_is_skipped(tmp_path: Path) -> None:
    catalogue = load_catalogue([SHIPPED, tmp_path / "nowhere"])
    assert set(catalogue.profiles) == SHIPPED_IDS and catalogue.problems == ()


def test_an_unknown_id_names_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(LookupError, match=r"no treatment profile 'iv' \(known: esketamine-intranasal, "
                                          r"im-ketamine, iv-ketamine\)"):
        load_catalogue([SHIPPED]).get("iv")
    with pytest.raises(LookupError, match=r"known: none"):
        load_catalogue([tmp_path]).get("iv-ketamine")


def test_site_config_dir_honours_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(tmp_path))
    assert site_config_dir() == tmp_path
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", "   ")
    assert site_config_dir() != tmp_path and site_config_dir().name == "ketaconsole"
    monkeypatch.delenv("KETACONSOLE_CONFIG_DIR")
    assert site_config_dir().name == "ketaconsole"


def test_the_default_catalogue_reads_the_site_protocols_directory(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(tmp_path))
    assert load_catalogue().get("iv-ketamine").source == str(SHIPPED / "iv-ketamine.toml")
    (tmp_path / "protocols").mkdir()
    site_file = tmp_path / "protocols" / "iv.toml"
    site_file.write_text(replaced(IV_TEXT, 'version = "2026.11-default"', 'version = "site-1"'), "utf-8")
    catalogue = load_catalogue()
    assert catalogue.get("iv-ketamine").source == str(site_file)
    assert catalogue.get("iv-ketamine").profile.version == "site-1"
    assert set(catalogue.profiles) == SHIPPED_IDS
