"""Themes: the style sheet and the parameter colours, read from ``resources/styles/``.

A theme is ``dark`` (the default, for a dimmed room) or ``light``. Parameter colours apply to a
tile's title and value only while its value is fresh; a stale or absent value is greyed by the
theme's base rules, so colour never makes an old number look current.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from ketaconsole.paths import data_path

THEMES = ("dark", "light")
DEFAULT_THEME = "dark"

#: Which colour each numeric tile takes (tile key → colour key in parameter_colours.toml).
TILE_COLOUR_KEYS = MappingProxyType({
    "hr": "HR", "spo2": "SPO2", "pr": "PR", "nibp": "NIBP", "rr": "RR", "etco2": "ETCO2", "temp": "TEMP",
})


@dataclass(frozen=True, slots=True)
class Theme:
    """``name`` is ``dark`` or ``light``; ``colours`` maps parameter and wave keys to ``#rrggbb``."""

    name: str
    style_sheet: str
    colours: Mapping[str, str]

    @property
    def dark(self) -> bool:
        return self.name == "dark"

    def colour(self, key: str) -> str:
        return self.colours[key]


@cache
def load_theme(name: str) -> Theme:
    """The theme called ``name``, with colour rules for the tiles appended to its style sheet."""
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r} (known: {', '.join(THEMES)})")
    base = data_path("resources", "styles", f"{name}.qss").read_text(encoding="utf-8")
    colour_file = data_path("resources", "styles", "parameter_colours.toml")
    colours = tomllib.loads(colour_file.read_text(encoding="utf-8"))[name]
    tile_rules = "\n".join(
        f'QLabel[tile="{tile}"][freshness="fresh"] {{ color: {colours[key]}; }}'
        for tile, key in TILE_COLOUR_KEYS.items()
    )
    return Theme(name, f"{base}\n{tile_rules}\n", MappingProxyType(dict(colours)))


@dataclass(frozen=True, slots=True)
class StripLayout:
    """How one waveform strip is drawn: ``window_s`` seconds across, fixed ``y_range`` in its unit."""

    wave: str
    label: str
    window_s: float
    y_range: tuple[float, float]


@cache
def strip_layouts() -> Mapping[str, StripLayout]:
    """The strip layouts of ``resources/styles/waveforms.toml`` by wave key."""
    raw = tomllib.loads(data_path("resources", "styles", "waveforms.toml").read_text(encoding="utf-8"))
    return MappingProxyType({
        wave: StripLayout(wave, entry["label"], float(entry["window_s"]), (entry["y_min"], entry["y_max"]))
        for wave, entry in raw.items()
    })
