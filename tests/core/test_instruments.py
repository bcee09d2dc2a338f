"""The shipped rating instruments score as their definitions say (totals, subscales, CADSS-6,
prorating within the missing-item rules, bands); malformed instrument files are refused by name while
the others keep loading; a site adds or replaces instruments and supplies licensed item text."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from ketaconsole.core.instruments import (
    Instrument,
    InstrumentCatalogue,
    Rater,
    load_instrument_catalogue,
    score,
)
from ketaconsole.paths import data_path

SHIPPED_DIR = data_path("resources", "instruments")
SHIPPED_IDS = {"cadss", "moaa-s", "rass", "modified-aldrete"}

# The CADSS mapping as the shipped file states it (unverified against the licensed scale; see the file).
DEPERSONALISATION = (3, 4, 5, 6, 7, 20, 21)
DEREALISATION = (1, 2, 8, 9, 10, 11, 12, 13, 16, 17, 18, 19)
AMNESIA = (14, 15, 22, 23)
OBSERVER = (24, 25, 26, 27, 28)
PATIENT = tuple(range(1, 24))
CADSS_6 = (1, 2, 6, 7, 15, 22)

# Our own neutral CADSS labels: they name only the subscale, never the item's content.
NEUTRAL_CADSS_LABEL = re.compile(r"^(Depersonalisation|Derealisation|Amnesia|Observer) item$")


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


def shipped(instrument_id: str) -> Instrument:
    catalogue = load_instrument_catalogue([SHIPPED_DIR], text_directory=Path("/nonexistent"))
    return catalogue.get(instrument_id).instrument


def shipped_text(name: str) -> str:
    return (SHIPPED_DIR / name).read_text(encoding="utf-8")


def replaced(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; fails if ``old`` is not there (the mutation must happen)."""
    assert old in text, f"{old!r} not in the shipped file"
    return text.replace(old, new, 1)


def answers_for(groups: Mapping[tuple[int, ...], int | None]) -> dict[int, int | None]:
    return {number: value for items, value in groups.items() for number in items}


# ---------------------------------------------------------------------------------------------------
# The shipped files


def test_the_four_shipped_instruments_load_without_problems() -> None:
    catalogue = load_instrument_catalogue()
    assert catalogue.problems == ()
    assert set(catalogue.instruments) == SHIPPED_IDS
    kinds = {loaded.instrument.id: loaded.instrument.kind for loaded in catalogue.instruments.values()}
    assert kinds == {"cadss": "dissociation", "moaa-s": "sedation", "rass": "agitation",
                     "modified-aldrete": "discharge"}


def test_cadss_has_23_patient_items_in_the_total_and_5_observer_items_outside_it() -> None:
    cadss = shipped("cadss")
    assert [item.number for item in cadss.items] == list(range(1, 29))
    for item in cadss.items:
        patient = item.number <= 23
        assert item.rater is (Rater.PATIENT if patient else Rater.OBSERVER)
        assert item.in_total is patient
        assert cadss.scale_of(item).values == (0, 1, 2, 3, 4)
    assert cadss.licensed_text == "cadss"


def test_cadss_subscales_and_short_form_are_as_specified() -> None:
    cadss = shipped("cadss")
    groups = {group.id: (group.items, group.max_missing) for group in cadss.subscales}
    assert groups == {"depersonalisation": (DEPERSONALISATION, 1), "derealisation": (DEREALISATION, 1),
                      "amnesia": (AMNESIA, 1), "observer": (OBSERVER, 1)}
    assert sorted(DEPERSONALISATION + DEREALISATION + AMNESIA) == list(PATIENT)
    assert [(g.id, g.items, g.max_missing) for g in cadss.short_forms] == [("cadss-6", CADSS_6, 0)]
    assert (cadss.scoring.max_missing, cadss.scoring.decimals) == (2, 0)


def test_shipped_cadss_labels_are_neutral_and_name_the_items_subscale() -> None:
    """No item text can creep into the shipped file: every label is one of our four neutral forms,
    and it names the subscale the file puts the item in."""
    cadss = shipped("cadss")
    subscale_of = {number: group.id for group in cadss.subscales for number in group.items}
    for item in cadss.items:
        assert NEUTRAL_CADSS_LABEL.match(item.label), f"item {item.number}: {item.label!r}"
        assert item.label.lower().startswith(subscale_of[item.number])
    assert {option.label for option in cadss.scales[0].options} == {
        "None", "Slight", "Moderate", "Marked", "Extreme"}


def test_without_licensed_text_an_item_shows_its_number_and_neutral_label() -> None:
    loaded = load_instrument_catalogue().get("cadss")
    assert loaded.item_text == {} and loaded.licence is None
    assert loaded.item_label(loaded.instrument.item(3)) == "3. Depersonalisation item"
    assert loaded.item_label(loaded.instrument.item(24)) == "24. Observer item"


# ---------------------------------------------------------------------------------------------------
# CADSS scoring

CADSS_CASES: dict[str, tuple[dict[int, int | None], dict[str, object]]] = {
    # Each subscale answered with its own value, so a misplaced item shows in two sums at once.
    "all answered, one value per subscale": (
        answers_for({DEPERSONALISATION: 1, DEREALISATION: 2, AMNESIA: 3, OBSERVER: 4}),
        {"total": 43.0, "depersonalisation": 7.0, "derealisation": 24.0, "amnesia": 12.0,
         "observer": 20.0, "cadss-6": 12.0, "prorated": False, "missing": ()}),
    "observer ratings never add to the total": (
        answers_for({PATIENT: 0, OBSERVER: 4}),
        {"total": 0.0, "observer": 20.0, "prorated": False}),
    "maximum": (
        answers_for({PATIENT: 4, OBSERVER: 4}),
        {"total": 92.0, "depersonalisation": 28.0, "derealisation": 48.0, "amnesia": 16.0,
         "cadss-6": 24.0}),
    "observer items unanswered: total complete, observer subscale incomplete": (
        answers_for({PATIENT: 2}),
        {"total": 46.0, "prorated": False, "observer": None, "cadss-6": 12.0, "missing": OBSERVER}),
    # 22 items sum to 33: 33 / 22 × 23 = 34.5, rounded half up to 35 (round-half-even would give 34).
    "one missing item is prorated, half up": (
        {**answers_for({PATIENT[:11]: 2, PATIENT[11:22]: 1, OBSERVER: 0}), 23: None},
        {"total": 35.0, "prorated": True, "amnesia": 4.0, "derealisation": 18.0, "missing": (23,)}),
    # Two missing (the limit): 21 items of 2 → 42 / 21 × 23 = 46, exactly.
    "two missing items are prorated": (
        answers_for({PATIENT[2:]: 2, OBSERVER: 0}),
        {"total": 46.0, "prorated": True, "depersonalisation": 14.0, "derealisation": None, "cadss-6": None,
         "missing": (1, 2)}),
    "three missing items make the total incomplete": (
        answers_for({PATIENT[3:]: 2, OBSERVER: 0}),
        {"total": None, "prorated": False, "depersonalisation": 14.0, "derealisation": None,
         "amnesia": 8.0, "cadss-6": None}),
    "nothing answered": (
        {},
        {"total": None, "depersonalisation": None, "derealisation": None, "amnesia": None,
         "observer": None, "cadss-6": None, "missing": tuple(range(1, 29))}),
}


@pytest.mark.parametrize(("answers", "expected"), CADSS_CASES.values(), ids=CADSS_CASES.keys())
def test_cadss_scores(answers: dict[int, int | None], expected: dict[str, object]) -> None:
    result = score(shipped("cadss"), answers)
    found: dict[str, object] = {"total": result.total, "prorated": result.prorated,
                                "missing": result.missing, **result.subscales, **result.short_forms}
    assert {key: found[key] for key in expected} == expected


def test_a_subscale_with_one_missing_item_is_prorated_half_up() -> None:
    # Depersonalisation: 6 of 7 items answered, sum 9 → 9 / 6 × 7 = 10.5 → 11 (half even would be 10).
    answers = answers_for({PATIENT: 0, OBSERVER: 0})
    answers.update({3: 3, 4: 3, 5: 3, 6: 0, 7: 0, 20: 0, 21: None})
    result = score(shipped("cadss"), answers)
    assert result.subscales["depersonalisation"] == 11.0
    assert (result.total, result.prorated) == (9.0, True)  # 9 / 22 × 23 = 9.4 → 9


def test_a_subscale_with_two_missing_items_is_incomplete_while_the_total_is_prorated() -> None:
    answers = {**answers_for({PATIENT: 1, OBSERVER: 0}), 14: None, 15: None}
    result = score(shipped("cadss"), answers)
    assert result.subscales["amnesia"] is None
    assert result.short_forms["cadss-6"] is None  # item 15 is in CADSS-6, which allows none missing
    assert (result.total, result.prorated) == (23.0, True)
    assert result.subscales["derealisation"] == 12.0


# ---------------------------------------------------------------------------------------------------
# Single-rating instruments and the modified Aldrete score


@pytest.mark.parametrize(("value", "band"), [
    (5, "Not sedated"),
    (4, "Mild sedation: rousable by ordinary voice"),
    (3, "Moderate sedation: rousable by raised voice"),
    (2, "Deep sedation: rousable only by touch or pain"),
    (1, "Deep sedation: rousable only by touch or pain"),
    (0, "Unresponsive: loss of consciousness"),
])
def test_moaa_s_bands(value: int, band: str) -> None:
    result = score(shipped("moaa-s"), {1: value})
    assert (result.total, result.band, result.complete) == (float(value), band, True)


@pytest.mark.parametrize(("value", "band"), [
    (4, "Agitated"), (1, "Agitated"), (0, "Awake and calm"), (-1, "Sedated, rousable by voice"),
    (-3, "Sedated, rousable by voice"), (-4, "Deeply sedated: not rousable by voice"),
    (-5, "Deeply sedated: not rousable by voice"),
])
def test_rass_scores_negative_and_positive_levels(value: int, band: str) -> None:
    result = score(shipped("rass"), {1: value})
    assert (result.total, result.band) == (float(value), band)


def test_every_rass_level_from_minus_5_to_plus_4_is_on_the_scale_and_in_a_band() -> None:
    rass = shipped("rass")
    assert sorted(rass.scales[0].values) == list(range(-5, 5))
    assert all(score(rass, {1: value}).band is not None for value in range(-5, 5))


@pytest.mark.parametrize(("values", "total", "band"), [
    ((2, 2, 2, 2, 2), 10.0, "Meets the discharge score (9 or more)"),
    ((2, 2, 1, 2, 2), 9.0, "Meets the discharge score (9 or more)"),
    ((2, 2, 1, 1, 2), 8.0, "Below the discharge score"),
    ((0, 0, 0, 0, 0), 0.0, "Below the discharge score"),
    ((2, 2, 2, 2, None), None, None),  # no prorating for a discharge decision
])
def test_modified_aldrete_total_and_discharge_threshold(values: tuple[int | None, ...], total: float | None,
                                                        band: str | None) -> None:
    aldrete = shipped("modified-aldrete")
    assert [item.label for item in aldrete.items] == [
        "Activity", "Respiration", "Circulation", "Consciousness", "Oxygen saturation"]
    result = score(aldrete, dict(enumerate(values, start=1)))
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize(("instrument_id", "answers", "message"), [
    ("cadss", {1: 5}, "CADSS item 1: 5 is not on its scale"),
    ("cadss", {29: 0}, "CADSS has no item 29"),
    ("cadss", {0: 0}, "CADSS has no item 0"),
    ("moaa-s", {1: -1}, "MOAA/S item 1: -1 is not on its scale"),
    ("moaa-s", {2: 3}, "MOAA/S has no item 2"),
    ("rass", {1: 5}, "RASS item 1: 5 is not on its scale"),
    ("rass", {1: -6}, "RASS item 1: -6 is not on its scale"),
    ("modified-aldrete", {3: 3}, "Aldrete item 3: 3 is not on its scale"),
])
def test_an_invalid_value_or_unknown_item_raises(instrument_id: str, answers: dict[int, int],
                                                 message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        score(shipped(instrument_id), answers)


# ---------------------------------------------------------------------------------------------------
# Malformed files, site additions and replacements

MALFORMED: dict[str, tuple[str, Callable[[], str], str]] = {
    "bad TOML": ("rass.toml", lambda: shipped_text("rass.toml") + "\nlabel = \"unterminated\n",
                 "not a readable TOML file"),
    "unknown key": ("rass.toml", lambda: "colour = \"red\"\n" + shipped_text("rass.toml"),
                    "colour: Extra inputs are not permitted"),
    "missing field": ("moaa-s.toml", lambda: replaced(shipped_text("moaa-s.toml"),
                                                      'version = "2026.11-default"\n', ""),
                      "version: Field required"),
    "bad rater": ("moaa-s.toml", lambda: replaced(shipped_text("moaa-s.toml"), 'rater = "observer"',
                                                  'rater = "nurse"'),
                  "items.0.rater: Input should be 'patient' or 'observer'"),
    "unknown scale": ("cadss.toml", lambda: replaced(shipped_text("cadss.toml"), 'scale = "severity-0-4"',
                                                     'scale = "severity-0-5"'),
                      "item 1: unknown scale 'severity-0-5'"),
    "duplicate item numbers": ("cadss.toml", lambda: replaced(shipped_text("cadss.toml"), "number = 2\n",
                                                              "number = 1\n"),
                               "item numbers repeat"),
    "subscale with unknown item": ("cadss.toml",
                                   lambda: replaced(shipped_text("cadss.toml"), "items = [14, 15, 22, 23]",
                                                    "items = [14, 15, 22, 99]"),
                                   "amnesia: unknown items [99]"),
    "item repeated in a subscale": ("cadss.toml",
                                    lambda: replaced(shipped_text("cadss.toml"), "items = [14, 15, 22, 23]",
                                                     "items = [14, 15, 22, 22]"),
                                    "amnesia: items repeat"),
    "repeated subscale id": ("cadss.toml",
                             lambda: replaced(shipped_text("cadss.toml"), 'id = "amnesia"',
                                              'id = "derealisation"'),
                             "subscale and short-form ids repeat"),
    "overlapping bands": ("modified-aldrete.toml",
                          lambda: replaced(shipped_text("modified-aldrete.toml"), "min = 9", "min = 8"),
                          "bands 'Below the discharge score' and 'Meets the discharge score (9 or more)' "
                          "overlap"),
    "band min above max": ("rass.toml", lambda: replaced(shipped_text("rass.toml"), "min = 1\nmax = 4",
                                                         "min = 4\nmax = 1"),
                           "band 'Agitated': min above max"),
}


@pytest.mark.parametrize(("name", "content", "problem"), MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_site_file_is_refused_by_name_and_the_shipped_instruments_keep_working(
        site_instruments: Path, name: str, content: Callable[[], str], problem: str) -> None:
    path = site_instruments / name
    path.write_text(content(), encoding="utf-8")
    catalogue = load_instrument_catalogue()
    assert len(catalogue.problems) == 1
    assert catalogue.problems[0].startswith(f"{path}: ")
    assert problem in catalogue.problems[0]
    assert set(catalogue.instruments) == SHIPPED_IDS
    replaced_id = name.removesuffix(".toml")
    assert catalogue.get(replaced_id).source == str(SHIPPED_DIR / name)


def test_a_site_file_replaces_a_shipped_instrument_by_id_and_adds_a_new_one(site_instruments: Path) -> None:
    site_rass = site_instruments / "our-rass.toml"  # the id inside the file decides, not the name
    site_rass.write_text(replaced(shipped_text("rass.toml"), 'version = "2026.11-default"',
                                  'version = "site-2"'), encoding="utf-8")
    new = replaced(shipped_text("moaa-s.toml"), 'id = "moaa-s"', 'id = "site-sedation"')
    (site_instruments / "site-sedation.toml").write_text(new, encoding="utf-8")
    catalogue = load_instrument_catalogue()
    assert catalogue.problems == ()
    assert set(catalogue.instruments) == SHIPPED_IDS | {"site-sedation"}
    assert catalogue.get("rass").instrument.version == "site-2"
    assert catalogue.get("rass").source == str(site_rass)
    assert catalogue.get("moaa-s").source == str(SHIPPED_DIR / "moaa-s.toml")
    with pytest.raises(LookupError, match="no instrument 'ramsay'"):
        catalogue.get("ramsay")


# ---------------------------------------------------------------------------------------------------
# Licensed item text

LICENCE = "Permission of the rights holder, test licence 0000"


def write_text_file(directory: Path, body: str, name: str = "cadss.text.toml") -> Path:
    path = directory / name
    path.write_text(body, encoding="utf-8")
    return path


def cadss_text(items: str, instrument: str = "cadss", licence: str = LICENCE) -> str:
    return f'instrument = "{instrument}"\nlicence = "{licence}"\n\n[items]\n{items}'


def test_licensed_text_labels_the_items_it_covers_and_exposes_the_licence(site_instruments: Path) -> None:
    write_text_file(site_instruments, cadss_text('"1" = "(licensed text of item 1)"\n'
                                                 '"24" = "(licensed text of item 24)"\n'))
    catalogue = load_instrument_catalogue()
    assert catalogue.problems == ()
    assert set(catalogue.instruments) == SHIPPED_IDS  # the text file is not read as an instrument
    loaded = catalogue.get("cadss")
    assert loaded.licence == LICENCE
    assert loaded.item_label(loaded.instrument.item(1)) == "(licensed text of item 1)"
    assert loaded.item_label(loaded.instrument.item(24)) == "(licensed text of item 24)"
    assert loaded.item_label(loaded.instrument.item(2)) == "2. Derealisation item"


def test_licensed_text_in_another_text_directory_is_found_there(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    write_text_file(texts, cadss_text('"5" = "(licensed text of item 5)"\n'))
    loaded = load_instrument_catalogue([SHIPPED_DIR], text_directory=texts).get("cadss")
    assert loaded.item_text == {5: "(licensed text of item 5)"}


BAD_TEXT: dict[str, tuple[str, str]] = {
    "for another instrument": (cadss_text('"1" = "(text)"\n', instrument="rass"),
                               "the text is for 'rass', not 'cadss'"),
    "unknown item numbers": (cadss_text('"1" = "(text)"\n"29" = "(text)"\n"30" = "(text)"\n'),
                             "cadss has no items [29, 30]"),
    "item key not a number": (cadss_text('"one" = "(text)"\n'), "items.one.[key]"),
    "empty licence": (cadss_text('"1" = "(text)"\n', licence=""), "licence: String should have at least"),
    "no licence": ('instrument = "cadss"\n[items]\n"1" = "(text)"\n', "licence: Field required"),
    "unknown key": (cadss_text('"1" = "(text)"\n').replace("[items]", 'note = "x"\n[items]'),
                    "note: Extra inputs are not permitted"),
    "malformed TOML": ('instrument = "cadss\n', "not a readable TOML file"),
}


@pytest.mark.parametrize(("body", "problem"), BAD_TEXT.values(), ids=BAD_TEXT.keys())
def test_a_bad_text_file_is_reported_and_the_neutral_labels_stay(site_instruments: Path, body: str,
                                                                 problem: str) -> None:
    path = write_text_file(site_instruments, body)
    catalogue: InstrumentCatalogue = load_instrument_catalogue()
    assert len(catalogue.problems) == 1
    assert catalogue.problems[0].startswith(f"{path}: ")
    assert problem in catalogue.problems[0]
    assert catalogue.problems[0].endswith("; showing neutral labels")
    loaded = catalogue.get("cadss")
    assert (loaded.item_text, loaded.licence) == ({}, None)
    assert loaded.item_label(loaded.instrument.item(1)) == "1. Derealisation item"
