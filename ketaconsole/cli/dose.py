"""``ketaconsole dose``: the dose calculator on the command line, for a second check of the numbers."""

from __future__ import annotations

import argparse
import sys

from ketaconsole.core.dosing import DoseInputError, DoseRequest, plan_dose
from ketaconsole.core.treatment_profiles import WeightBasedDose, load_catalogue

OPTION_OF_FIELD = {"weight_kg": "--weight", "height_cm": "--height", "sex": "--sex",
                   "mg_per_kg": "--mg-per-kg", "dose_mg": "--dose-mg", "vial_mg_per_ml": "--vial",
                   "diluent_ml": "--diluent",
                   "duration_min": "--duration", "lot": "--lot"}
"""The option that sets each input the calculator can refuse."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dose",
        help="calculate a dose and show the arithmetic",
        description="Calculate a dose under a treatment profile and print every step of the arithmetic, "
        "so a second person can check it. Unset options take the profile's defaults. Exit status 2 "
        "when an input is refused, 3 when the dose is outside the profile's usual range (it would need "
        "a reason at the bedside).",
    )
    parser.add_argument("profile", help="treatment profile id (see 'ketaconsole protocols')")
    parser.add_argument("--weight", type=float, metavar="KG", help="body weight in kg")
    parser.add_argument("--height", type=float, metavar="CM", help="height in cm (ideal/adjusted weight)")
    parser.add_argument("--sex", choices=("female", "male"), help="sex for the ideal body weight")
    parser.add_argument("--mg-per-kg", type=float, metavar="MG", help="dose in mg per kg")
    parser.add_argument("--dose-mg", type=float, metavar="MG", help="fixed dose in mg (nasal devices)")
    parser.add_argument("--vial", type=float, metavar="MG_PER_ML", help="vial strength in mg/mL")
    parser.add_argument("--diluent", type=float, metavar="ML", help="infusion volume in mL")
    parser.add_argument("--duration", type=float, metavar="MIN", help="infusion time in minutes")
    parser.add_argument("--lot", default="", help="lot number of nasal devices")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        profile = load_catalogue().get(args.profile).profile
    except LookupError as error:
        print(f"ketaconsole dose: {error}", file=sys.stderr)
        return 2
    per_kg = isinstance(profile.dose, WeightBasedDose)
    default = profile.dose.default
    request = DoseRequest(
        weight_kg=args.weight, height_cm=args.height, sex=args.sex,
        mg_per_kg=args.mg_per_kg if args.mg_per_kg is not None or not per_kg else default,
        dose_mg=args.dose_mg if args.dose_mg is not None or per_kg else default,
        vial_mg_per_ml=args.vial, diluent_ml=args.diluent, duration_min=args.duration, lot=args.lot)
    try:
        plan = plan_dose(profile, request)
    except DoseInputError as error:
        print(f"ketaconsole dose: {OPTION_OF_FIELD.get(error.field, error.field)}: {error}", file=sys.stderr)
        return 2
    print(f"{profile.name} ({profile.id} {profile.version})")
    for line in plan.lines:
        print(f"  {line}")
    for warning in plan.warnings:
        print(f"  WARNING: {warning}")
    if plan.out_of_range:
        print(f"  OUTSIDE THE USUAL RANGE: {plan.out_of_range}; a reason is required")
        return 3
    return 0
