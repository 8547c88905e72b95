"""Dates as precise as their source: a year, a month or a day.

``PartialDate`` is a ``datetime.date`` (the first day of its period) that remembers its
``precision``, so sorting and comparing keep working while a reader sees ``2025`` or
``February 2025`` rather than an invented first of the month. ``SourceDate`` is the pydantic
type for content dates: it reads ``2025`` (YAML's int), ``"2025-02"`` and ``"2025-02-14"``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Self

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

Precision = Literal["year", "month", "day"]
_WRITTEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DATE_HINT = "use YYYY, YYYY-MM or YYYY-MM-DD"


class PartialDate(dt.date):
    """A date known to the year, the month or the day; its value is the period's first day."""

    __slots__ = ("precision",)
    precision: Precision

    def __new__(cls, year: int, month: int = 1, day: int = 1, precision: Precision = "day") -> Self:
        made = super().__new__(cls, year, month, day)
        made.precision = precision
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.year, self.month, self.day, self.precision))

    def written(self) -> str:
        """As an author writes it: ``2025``, ``2025-02`` or ``2025-02-14``."""
        if self.precision == "year":
            return f"{self.year:04d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return self.isoformat()

    def __str__(self) -> str:
        return self.written()

    def __repr__(self) -> str:
        return f"PartialDate({self.written()!r})"

    @classmethod
    def of(cls, value: object) -> PartialDate:
        """Read ``2025``, ``"2025-02"``, ``"2025-02-14"`` or a ``date``; ``ValueError`` else."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError(f"{value!r} is not a date ({DATE_HINT})")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
            return cls(value, precision="year")
        match = _WRITTEN.match(value) if isinstance(value, str) else None
        if match is None:
            raise ValueError(f"{_shown(value)} is not a date ({DATE_HINT})")
        year, month, day = match.groups()
        precision: Precision = "day" if day else "month" if month else "year"
        try:
            return cls(int(year), int(month or 1), int(day or 1), precision)
        except ValueError:
            raise ValueError(f"{_shown(value)} is not a date ({DATE_HINT})") from None


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def precision_of(date: dt.date) -> Precision:
    """The precision of any date: a plain ``date`` is known to the day."""
    return getattr(date, "precision", "day")


SourceDate = Annotated[
    PartialDate,
    PlainValidator(PartialDate.of),
    PlainSerializer(lambda d: d.written() if d.precision != "year" else d.year),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
            "description": "A year (2025), a month (2025-02) or a day (2025-02-14).",
        }
    ),
]


def period_end(date: dt.date) -> dt.date:
    """The last day of a date's period: the year's or the month's for a partial date."""
    precision = precision_of(date)
    if precision == "year":
        return dt.date(date.year, 12, 31)
    if precision == "month":
        following = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(date.year, date.month, date.day)
