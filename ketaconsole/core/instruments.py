"""Rating instruments as data: items, response scales, who rates, scoring, bands (Qt-free).

An instrument is a TOML file (``resources/instruments/*.toml`` ships the built-in ones; a site adds
or replaces one by id in :func:`ketaconsole.paths.site_config_dir` ``/instruments``), validated by
the pydantic models below. A malformed file is refused with a message naming the file and field,
and the others keep loading.

Item text that is under someone else's copyright (the CADSS items) is never shipped: such an
instrument names a ``licensed_text`` key, and the site supplies the text in
``instruments/<key>.text.toml`` of its configuration directory (format: :class:`ItemTextFile`).
Without it the console shows each item's number and a neutral short label written by us.

Scoring (:func:`score`): the total is the sum of the items marked ``in_total``; subscales and short
forms are sums of their items. A sum with missing answers is prorated (mean of the answered items ×
item count, rounded half up to ``decimals``) when no more than ``max_missing`` of its items are
unanswered, and is ``None`` (incomplete) otherwise. Bands interpret the total.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ketaconsole.core.data_files import DataFileError, load_by_id, lookup, read_toml, validate
from ketaconsole.paths import data_path, site_config_dir

TEXT_SUFFIX = ".text.toml"
"""Licensed item text for an instrument whose ``licensed_text`` is ``KEY`` is ``KEY.text.toml``."""


class Rater(Enum):
    """Who gives an item's answer."""

    PATIENT = "patient"
    OBSERVER = "observer"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ResponseOption(_Strict):
    """One answer on a scale: the stored ``value`` and a short ``label`` (our own words)."""

    value: int
    label: str = Field(min_length=1)


class ResponseScale(_Strict):
    """The ordered answers of a scale; values are unique."""

    id: str = Field(min_length=1)
    options: tuple[ResponseOption, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique(self) -> ResponseScale:
        values = [option.value for option in self.options]
        if len(set(values)) != len(values):
            raise ValueError(f"scale {self.id}: repeated values")
        return self

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(option.value for option in self.options)


class Item(_Strict):
    """One question: ``number`` as in the original instrument, a neutral ``label`` of our own, the
    ``scale`` it is answered on, who rates it, and whether it counts in the total."""

    number: int = Field(ge=1)
    label: str = Field(min_length=1)
    scale: str = Field(min_length=1)
    rater: Rater
    in_total: bool = True


class ItemGroup(_Strict):
    """A subscale or short form: a sum over ``items`` (item numbers)."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    items: tuple[int, ...] = Field(min_length=1)
    max_missing: int = Field(default=0, ge=0)


class Band(_Strict):
    """An interpretation of the total: ``min <= total <= max`` reads as ``label``."""

    min: float
    max: float
    label: str = Field(min_length=1)


class Scoring(_Strict):
    """How the total is formed: at most ``max_missing`` unanswered items are prorated."""

    total: bool = True
    max_missing: int = Field(default=0, ge=0)
    decimals: int = Field(default=0, ge=0, le=2)


class Instrument(_Strict):
    """One instrument. Invariants (checked on load): item numbers unique; every item's scale exists;
    subscale and short-form ids unique across both, their items exist and do not repeat (a repeat
    would count twice); bands do not overlap."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    name: str = Field(min_length=1)
    short_name: str = Field(min_length=1)
    kind: Literal["dissociation", "sedation", "agitation", "discharge", "other"]
    description: str = ""
    licensed_text: str | None = None
    scales: tuple[ResponseScale, ...] = Field(min_length=1)
    items: tuple[Item, ...] = Field(min_length=1)
    scoring: Scoring = Scoring()
    subscales: tuple[ItemGroup, ...] = ()
    short_forms: tuple[ItemGroup, ...] = ()
    bands: tuple[Band, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Instrument:
        numbers = [item.number for item in self.items]
        if len(set(numbers)) != len(numbers):
            raise ValueError("item numbers repeat")
        scales = {scale.id for scale in self.scales}
        for item in self.items:
            if item.scale not in scales:
                raise ValueError(f"item {item.number}: unknown scale {item.scale!r}")
        groups = (*self.subscales, *self.short_forms)
        group_ids = [group.id for group in groups]
        if len(set(group_ids)) != len(group_ids):
            raise ValueError("subscale and short-form ids repeat")
        for group in groups:
            if len(set(group.items)) != len(group.items):
                raise ValueError(f"{group.id}: items repeat")
            unknown = set(group.items) - set(numbers)
            if unknown:
                raise ValueError(f"{group.id}: unknown items {sorted(unknown)}")
        ordered = sorted(self.bands, key=lambda band: band.min)
        for band in ordered:
            if band.min > band.max:
                raise ValueError(f"band {band.label!r}: min above max")
        for lower, upper in pairwise(ordered):
            if upper.min <= lower.max:
                raise ValueError(f"bands {lower.label!r} and {upper.label!r} overlap")
        return self

    def scale_of(self, item: Item) -> ResponseScale:
        return next(scale for scale in self.scales if scale.id == item.scale)

    def item(self, number: int) -> Item:
        return next(item for item in self.items if item.number == number)


class ItemTextFile(_Strict):
    """A site-supplied file of licensed item text: ``instrument`` id, the ``licence`` under which the
    site holds it (shown with the instrument), and ``items`` mapping item numbers (as TOML keys,
    e.g. ``"1"``) to their text."""

    instrument: str = Field(min_length=1)
    licence: str = Field(min_length=1)
    items: dict[int, str]


class InstrumentError(DataFileError):
    """An instrument or item-text file that cannot be used; the message names the file and problem."""


@dataclass(frozen=True, slots=True)
class LoadedInstrument:
    """A validated instrument with where it came from; ``item_text`` maps item numbers to the
    site's licensed text (empty without one) and ``licence`` says under what licence."""

    instrument: Instrument
    sha256: str
    source: str
    item_text: Mapping[int, str]
    licence: str | None

    def item_label(self, item: Item) -> str:
        """The licensed text when the site supplied it, else our neutral label with the number."""
        return self.item_text.get(item.number) or f"{item.number}. {item.label}"


@dataclass(frozen=True, slots=True)
class InstrumentCatalogue:
    instruments: dict[str, LoadedInstrument]
    problems: tuple[str, ...]

    def get(self, instrument_id: str) -> LoadedInstrument:
        return lookup(self.instruments, instrument_id, "instrument")


@dataclass(frozen=True, slots=True)
class Score:
    """The scores of one set of answers. ``total`` is ``None`` when too many items are unanswered
    (or the instrument has no total); ``subscales`` and ``short_forms`` map ids to sums (``None`` when
    incomplete); ``missing`` lists unanswered item numbers; ``band`` is the total's interpretation."""

    total: float | None
    subscales: Mapping[str, float | None]
    short_forms: Mapping[str, float | None]
    missing: tuple[int, ...]
    band: str | None
    prorated: bool

    @property
    def complete(self) -> bool:
        return not self.missing


def score(instrument: Instrument, answers: Mapping[int, int | None]) -> Score:
    """Score ``answers`` (item number → value, ``None`` or absent for unanswered). Raises
    ``ValueError`` for an unknown item or a value not on the item's scale."""
    items = {item.number: item for item in instrument.items}
    for number, value in answers.items():
        item = items.get(number)
        if item is None:
            raise ValueError(f"{instrument.short_name} has no item {number}")
        if value is not None and value not in instrument.scale_of(item).values:
            raise ValueError(f"{instrument.short_name} item {number}: {value} is not on its scale")
    missing = tuple(item.number for item in instrument.items if answers.get(item.number) is None)
    decimals = instrument.scoring.decimals
    total_items = [item.number for item in instrument.items if item.in_total]
    total, prorated = (None, False)
    if instrument.scoring.total:
        total, prorated = _sum(total_items, answers, instrument.scoring.max_missing, decimals)
    subscales = {g.id: _sum(g.items, answers, g.max_missing, decimals)[0] for g in instrument.subscales}
    short_forms = {g.id: _sum(g.items, answers, g.max_missing, decimals)[0] for g in instrument.short_forms}
    band = None if total is None else next(
        (b.label for b in instrument.bands if b.min <= total <= b.max), None)
    return Score(total, subscales, short_forms, missing, band, prorated)


def _sum(items: Iterable[int], answers: Mapping[int, int | None], max_missing: int,
         decimals: int) -> tuple[float | None, bool]:
    numbers = list(items)
    given = [answers[n] for n in numbers if answers.get(n) is not None]
    unanswered = len(numbers) - len(given)
    if unanswered > max_missing or not given:
        return None, False
    if unanswered == 0:
        return float(sum(given)), False  # type: ignore[arg-type]
    mean = Decimal(sum(given)) / Decimal(len(given))  # type: ignore[arg-type]
    quantum = Decimal(1).scaleb(-decimals)
    return float((mean * len(numbers)).quantize(quantum, rounding=ROUND_HALF_UP)), True


def parse_instrument(content: dict[str, Any], *, source: str) -> Instrument:
    return validate(Instrument, content, source=source, error=InstrumentError)


def load_instrument_bytes(data: bytes, *, source: str) -> LoadedInstrument:
    """Parse and validate one instrument file's bytes (no licensed text attached yet)."""
    instrument = parse_instrument(read_toml(data, source=source, error=InstrumentError), source=source)
    return LoadedInstrument(instrument, hashlib.sha256(data).hexdigest(), source, {}, None)


def load_item_text(data: bytes, instrument: Instrument, *, source: str) -> ItemTextFile:
    """Parse a site's licensed item text for ``instrument``; every item number must exist."""
    text = validate(ItemTextFile, read_toml(data, source=source, error=InstrumentError), source=source,
                    error=InstrumentError)
    if text.instrument != instrument.id:
        raise InstrumentError(f"{source}: the text is for {text.instrument!r}, not {instrument.id!r}")
    unknown = set(text.items) - {item.number for item in instrument.items}
    if unknown:
        raise InstrumentError(f"{source}: {instrument.id} has no items {sorted(unknown)}")
    return text


def load_instrument_catalogue(directories: Iterable[Path] | None = None,
                              text_directory: Path | None = None) -> InstrumentCatalogue:
    """Load every ``*.toml`` instrument (not ``*.text.toml``) from ``directories`` in order, later
    ones replacing earlier ones by id, and attach licensed text from ``text_directory``. Defaults:
    the shipped instruments then the site's ``instruments`` directory, text from the latter."""
    site = site_config_dir() / "instruments"
    if directories is None:
        directories = (data_path("resources", "instruments"), site)
    text_directory = site if text_directory is None else text_directory
    found, problems = load_by_id(directories, lambda data, source: load_instrument_bytes(data, source=source),
                                 lambda loaded: loaded.instrument.id,
                                 include=lambda path: not path.name.endswith(TEXT_SUFFIX))
    instruments = {}
    for instrument_id, loaded in found.items():
        text_key = loaded.instrument.licensed_text
        path = text_directory / f"{text_key}{TEXT_SUFFIX}"
        if text_key is not None and path.is_file():
            try:
                text = load_item_text(path.read_bytes(), loaded.instrument, source=str(path))
                loaded = replace(loaded, item_text=text.items, licence=text.licence)
            except (InstrumentError, OSError) as error:
                problems.append(f"{error}; showing neutral labels")
        instruments[instrument_id] = loaded
    return InstrumentCatalogue(instruments, tuple(problems))
