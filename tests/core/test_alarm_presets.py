"""Alarm presets are validated data: the shipped default, a site's replacement, and every kind of
malformed file refused with the file and field named (the other presets still load)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ketaconsole.core.alarm_presets import (
    BloodPressureAction,
    PresetError,
    load_preset_bytes,
    load_preset_catalogue,
)
from ketaconsole.core.observations import AlarmPriority
from ketaconsole.core.treatment_profiles import load_catalogue
from ketaconsole.paths import data_path

SHIPPED = data_path("resources", "alarms", "ketamine-default.toml").read_text(encoding="utf-8")


def variant(old: str, new: str, text: str = SHIPPED) -> bytes:
    assert old in text, old
    return text.replace(old, new, 1).encode()


def test_the_shipped_default_holds_the_reference_preset() -> None:
    catalogue = load_preset_catalogue([data_path("resources", "alarms")])
    loaded = catalogue.default()
    preset = loaded.preset
    assert loaded.preset.id == "ketamine-default" and not preset.is_confirmed
    spo2 = preset.rule("spo2-low")
    assert [(t.threshold, t.priority) for t in spo2.tiers] == [(92, "medium"), (88, "high")]
    assert spo2.onset_delay_s == 10 and spo2.latching
    assert [t.threshold for t in preset.rule("sbp-high").tiers] == [160, 180]
    assert [t.threshold for t in preset.rule("dbp-high").tiers] == [100, 110]
    assert preset.rule("apnoea").onset_delay_s == 20 and preset.rule("apnoea").tiers[0].priority == "high"
    assert preset.technical.stale_after_s == 10 and preset.technical.no_data_after_s == 30
    assert [step.action for step in preset.blood_pressure_step] == [BloodPressureAction.PROMPT_PAUSE,
                                                                    BloodPressureAction.REQUIRE_OVERRIDE]
    assert AlarmPriority(preset.technical.no_data_priority) is AlarmPriority.MEDIUM


def test_every_treatment_profile_names_a_known_preset() -> None:
    presets = load_preset_catalogue([data_path("resources", "alarms")]).presets
    for loaded in load_catalogue([data_path("resources", "protocols")]).profiles.values():
        assert loaded.profile.alarm_preset in presets


@pytest.mark.parametrize(("old", "new", "field"), [
    ('tiers = [{ threshold = 92, priority = "medium" }, { threshold = 88, priority = "high" }]',
     'tiers = [{ threshold = 88, priority = "medium" }, { threshold = 92, priority = "high" }]',
     "each tier's threshold must be below the one before"),
    ('tiers = [{ threshold = 92, priority = "medium" }, { threshold = 88, priority = "high" }]',
     'tiers = [{ threshold = 92, priority = "high" }, { threshold = 88, priority = "medium" }]',
     "least to the most severe"),
    ("bedside_min = 85", "bedside_min = 93", "outside the range allowed at the bedside"),
    ('parameters = ["SPO2"]', 'parameters = ["SPO3"]', "not a numeric parameter"),
    ('parameters = ["SPO2"]', 'parameters = ["ECG"]', "not a numeric parameter"),
    ('priority = "medium" }, { threshold = 88', 'priority = "urgent" }, { threshold = 88', "priority"),
    ("onset_delay_s = 10", "onset_delay_s = -1", "onset_delay_s"),
    ("no_data_after_s = 30", "no_data_after_s = 5", "must not be shorter than stale_after_s"),
    ("pause_s = 120", "pause_s = 0", "audio.pause_s"),
    ('id = "hr-low"', 'id = "spo2-low"', "two limits share an id"),
    ("readings = 2", "readings = 0", "readings"),
    ("hysteresis = 1\nbedside_min = 85", "hysteresis = 1\nbedside_min = 85\ncolour = 'red'", "colour"),
])
def test_a_malformed_preset_is_refused_naming_the_problem(old: str, new: str, field: str) -> None:
    with pytest.raises(PresetError, match=re.escape(field)) as refused:
        load_preset_bytes(variant(old, new), source="site/alarms/bad.toml")
    assert str(refused.value).startswith("site/alarms/bad.toml: ")


def test_a_site_file_replaces_the_shipped_preset_and_a_bad_one_is_reported(tmp_path: Path) -> None:
    site = tmp_path / "alarms"
    site.mkdir()
    confirmed = variant('confirmed_by = ""', 'confirmed_by = "Dr M, 2026-12-01"')
    (site / "ketamine-default.toml").write_bytes(confirmed)
    (site / "broken.toml").write_text("id = ", encoding="utf-8")
    catalogue = load_preset_catalogue([data_path("resources", "alarms"), site])
    assert catalogue.default().preset.is_confirmed
    assert catalogue.default().source == str(site / "ketamine-default.toml")
    (problem,) = catalogue.problems
    assert "broken.toml" in problem


def test_two_defaults_or_none_is_an_error(tmp_path: Path) -> None:
    site = tmp_path / "alarms"
    site.mkdir()
    (site / "second.toml").write_bytes(variant('id = "ketamine-default"', 'id = "second"'))
    with pytest.raises(LookupError, match="exactly one"):
        load_preset_catalogue([data_path("resources", "alarms"), site]).default()
    (site / "second.toml").write_bytes(variant("default = true", "default = false",
                                               SHIPPED.replace('id = "ketamine-default"', 'id = "second"')))
    assert load_preset_catalogue([data_path("resources", "alarms"), site]).default().preset.id == \
        "ketamine-default"
