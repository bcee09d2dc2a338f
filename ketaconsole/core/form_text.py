"""Checks shared by every form field a person types into (Qt-free).

Messages are complete sentences for the nurse, naming the field as it is labelled on screen.
"""

from __future__ import annotations

import re
import unicodedata

FREE_TEXT_MAX_CHARS = 4000
"""Longest accepted free text (allergies, patient notes, session notes), in characters."""

_DECIMAL = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
_LINE_BREAKS = frozenset("\n\r\t")


def parse_decimal(text: str) -> float | None:
    """The number in ``text`` (outer whitespace ignored), or ``None`` when it is not one.

    Accepts plain decimals with ASCII digits and either a decimal point or a decimal comma
    ("72.5", "72,5", "-3"); refuses exponents, thousands separators, "nan", "inf" and anything else.
    The result is always finite.
    """
    stripped = text.strip()
    if not _DECIMAL.fullmatch(stripped):
        return None
    return float(stripped.replace(",", "."))


def _forbidden(char: str, *, multiline: bool, strict: bool) -> bool:
    if multiline and char in _LINE_BREAKS:
        return False
    category = unicodedata.category(char)
    if strict:
        return category.startswith("C") or category in ("Zl", "Zp")
    return category in ("Cc", "Cs", "Zl", "Zp")


def text_error(text: str, *, what: str, required: bool, max_length: int, multiline: bool = False,
               strict: bool = False) -> str | None:
    """Why ``text`` (already trimmed by the caller) cannot be used as the field ``what``, or ``None``.

    Refuses blank text when ``required``, more than ``max_length`` characters, and control
    characters (line breaks and tabs are allowed when ``multiline``). ``strict`` also refuses
    invisible format characters, for identifiers that must match exactly.
    """
    if not text:
        return f"{what} is required" if required else None
    if len(text) > max_length:
        return f"{what} is too long: at most {max_length} characters ({len(text)} typed)"
    if any(_forbidden(char, multiline=multiline, strict=strict) for char in text):
        return f"{what} contains a character that cannot be used (a control or invisible character)"
    return None
