"""One way to write what a person reads: dates, positions, numbers at the precision the
content gives them, counted nouns and ids from names. Every date a person reads, in the app,
its tables, hover text and the brief, is written by ``day``; every number by ``number``."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence

from explorer.content import Position, precision_of


def day(date: dt.date) -> str:
    """``1 July 2026``: the one date format a person reads, unambiguous in every locale; a date
    known only to the month or the year reads ``February 2025`` or ``2025``."""
    precision = precision_of(date)
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return f"{date:%B %Y}"
    return f"{date.day} {date:%B %Y}"


DAY_MS = 86_400_000
DATE_TICKS: tuple[dict[str, object], ...] = (
    {"dtickrange": [None, 27 * DAY_MS], "value": "%-d %B %Y"},
    {"dtickrange": [27 * DAY_MS, 360 * DAY_MS], "value": "%b<br>%Y"},
    {"dtickrange": [360 * DAY_MS, None], "value": "%Y"},
)
"""A plotly date axis's ``tickformatstops``: ticks read as ``day`` writes dates (``1 July
2026``, ``2026``), whatever the spacing plotly picks; a month tick reads ``Jul`` over ``2026``,
so that five of them fit side by side on a phone without turning into the legend."""


def signed(value: Position) -> str:
    """A position as shown: ``+2``, ``0``, ``-1`` or ``unknown``."""
    return value if isinstance(value, str) else f"{value:+d}" if value else "0"


def count(number: int, one: str, many: str | None = None) -> str:
    """``1 abstention``, ``2 abstentions``; ``many`` where the plural is not ``one`` + s."""
    return f"{number} {one if number == 1 else many or one + 's'}"


def places(values: Iterable[float]) -> int:
    """How many decimal places the content gives its numbers: the most any of ``values`` has
    (``1.55`` has two, ``600`` none), at most six."""
    decimals = [len(f"{v:.6f}".rstrip("0").partition(".")[2]) for v in values]
    return max(decimals, default=0)


def number(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` places: as precise as the content, never more."""
    return f"{value:.{decimals}f}"


def numbers(values: Sequence[float]) -> list[str]:
    """``values`` written alike, with the most places any of them has: ``477.0``, ``634.7``."""
    decimals = places(values)
    return [number(v, decimals) for v in values]


def span(low: float, high: float) -> str:
    """A range with the precision of its ends: ``477.0 to 634.7``, never ``477 to 634.7``."""
    return " to ".join(numbers([low, high]))


def day_span(start: dt.date, end: dt.date | None) -> str:
    """``3 November 2025``, or ``3 November 2025 to 30 June 2026`` when it has an end."""
    return day(start) + (f" to {day(end)}" if end else "")


def slug(text: str) -> str:
    """The one slug rule, for ids made from names and for URL tokens of names:
    ``"Council outcome (Élan)"`` -> ``council-outcome-elan``. Accents fold to ASCII; anything
    else that is not a letter or digit becomes one hyphen. May return an empty string."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
