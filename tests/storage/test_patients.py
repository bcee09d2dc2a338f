"""Listing and updating patients, on every supported database."""

from __future__ import annotations

from datetime import date

import pytest

from ketaconsole.storage.database import Database
from ketaconsole.storage.stored import PatientSummary


def test_patients_are_listed_by_name_with_every_field(database: Database) -> None:
    database.get_or_create_patient("MRN-2", name="zoe Zimmer", date_of_birth=date(1990, 1, 2), weight_kg=61.5,
                                   allergies="latex", notes="left arm only")
    database.get_or_create_patient("MRN-1", name="Adam Abel")
    database.get_or_create_patient("MRN-0")
    database.get_or_create_patient("MRN-3", name="Bea Berg")
    assert database.list_patients() == [
        PatientSummary("MRN-1", "Adam Abel", None, None, None, None),
        PatientSummary("MRN-3", "Bea Berg", None, None, None, None),
        PatientSummary("MRN-2", "zoe Zimmer", date(1990, 1, 2), 61.5, "latex", "left arm only"),
        PatientSummary("MRN-0", None, None, None, None, None),
    ]


def test_an_empty_database_lists_no_patient(database: Database) -> None:
    assert database.list_patients() == []


def test_update_patient_changes_only_the_given_fields(database: Database) -> None:
    database.get_or_create_patient("MRN-7", name="Cara Chu", date_of_birth=date(1975, 6, 1), weight_kg=80.0,
                                   allergies="none known")
    database.get_or_create_patient("MRN-8", name="Other", weight_kg=90.0)
    database.update_patient(" MRN-7 ", weight_kg=77.5, notes="weighed today")
    by_id = {summary.identifier: summary for summary in database.list_patients()}
    assert by_id["MRN-7"] == PatientSummary("MRN-7", "Cara Chu", date(1975, 6, 1), 77.5, "none known",
                                            "weighed today")
    assert by_id["MRN-8"].weight_kg == 90.0


def test_update_patient_refuses_unknown_patients_and_fields(database: Database) -> None:
    database.get_or_create_patient("MRN-7", name="Cara Chu")
    with pytest.raises(LookupError, match="MRN-404"):
        database.update_patient("MRN-404", name="Nobody")
    with pytest.raises(TypeError, match="identifier"):
        database.update_patient("MRN-7", identifier="MRN-9")
    assert [summary.identifier for summary in database.list_patients()] == ["MRN-7"]
