"""The parameter registry: the shipped file, and what a malformed one is refused for."""

from __future__ import annotations

import pytest

from ketaconsole.core.parameters import ParameterKind, load_registry, parameter, registry

REQUIRED_NUMERICS = ("HR", "PR", "SPO2", "NIBP_SYS", "NIBP_DIA", "NIBP_MEAN", "RR", "ETCO2", "FICO2",
                     "TEMP", "PI")
REQUIRED_WAVES = ("ECG", "PLETH", "CO2", "RESP")


def test_the_shipped_registry_has_every_required_parameter_with_unit_and_range():
    shipped = registry()
    for key in REQUIRED_NUMERICS:
        assert shipped[key].kind is ParameterKind.NUMERIC
    for key in REQUIRED_WAVES:
        assert shipped[key].kind is ParameterKind.WAVEFORM
    for entry in shipped.values():
        assert entry.unit and entry.plausible_min <= entry.plausible_max


@pytest.mark.parametrize(("key", "loinc", "mdc", "unit"), [
    ("HR", "8867-4", 147842, "/min"),
    ("SPO2", "59408-5", 150456, "%"),
    ("NIBP_SYS", "8480-6", 150021, "mm[Hg]"),
    ("NIBP_DIA", "8462-4", 150022, "mm[Hg]"),
    ("NIBP_MEAN", "8478-0", 150023, "mm[Hg]"),
    ("RR", "9279-1", 151562, "/min"),
    ("ETCO2", "19891-1", 151708, "mm[Hg]"),
    ("TEMP", "8310-5", 150364, "Cel"),
])
def test_codes_match_the_clinical_reference(key, loinc, mdc, unit):
    entry = parameter(key)
    assert (entry.loinc, entry.mdc, entry.unit) == (loinc, mdc, unit)


def test_plausibility_is_inclusive():
    spo2 = parameter("SPO2")
    assert spo2.is_plausible(spo2.plausible_max) and spo2.is_plausible(spo2.plausible_min)
    assert not spo2.is_plausible(spo2.plausible_max + 0.1)


def test_unknown_parameter_names_the_key():
    with pytest.raises(KeyError, match="NOPE"):
        parameter("NOPE")


def test_a_key_defined_twice_is_refused():
    text = """
[numeric.X]
label = "x"
unit = "1"
plausible_min = 0
plausible_max = 1
[waveform.X]
label = "x"
unit = "1"
plausible_min = 0
plausible_max = 1
"""
    with pytest.raises(ValueError, match="defined twice"):
        load_registry(text)


def test_an_inverted_range_is_refused():
    text = '[numeric.X]\nlabel = "x"\nunit = "1"\nplausible_min = 5\nplausible_max = 1\n'
    with pytest.raises(ValueError, match="plausible_min is above plausible_max"):
        load_registry(text)
