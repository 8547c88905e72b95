"""Charts as geometry for inline SVG: elements with their attributes, and a time axis.

A ``Chart`` is a list of ``Mark`` (an SVG element name from code, never from content, its
attributes and its text) that ``templates/brief.html.j2`` writes out with autoescaping, so
content reaches the page only as escaped text. Numbers are rounded to a tenth of a pixel.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from explorer.content import PartialDate
from explorer.figures.palette import INK_COLOR, NEUTRAL_COLOR
from explorer.formats import day

WIDTH = 720
FONT = 10  # px; a character is about 0.55 of this wide


@dataclass(frozen=True)
class Mark:
    """One SVG element: its name, its attributes and its text."""

    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Chart:
    """A drawing with a title and a summary that says in words what it shows."""

    title: str
    summary: str
    height: float = 0
    width: int = WIDTH
    marks: list[Mark] = field(default_factory=list)

    def add(self, tag: str, text: str = "", **attrs: float | str) -> None:
        """An element; ``stroke_width=2`` is written ``stroke-width="2"``."""
        values = {
            k.replace("_", "-"): f"{v:.1f}" if isinstance(v, float) else str(v)
            for k, v in attrs.items()
        }
        self.marks.append(Mark(tag, values, text))

    def label(self, x: float, y: float, text: str, anchor: str = "start") -> None:
        self.add("text", text, x=x, y=y, text_anchor=anchor, font_size=FONT, fill=INK_COLOR)


def fit(text: str, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` pixels at the chart's font size."""
    most = max(int(width / (FONT * 0.55)), 4)
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Month or year starts between ``first`` and ``last``, at most six, labelled as dates of
    that precision read everywhere (``March 2026``, ``2027``)."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60, 120, 600, 1200) if months / s <= 6)
    index = first.year * 12 + first.month - 1
    index += -index % step
    found = []
    while index // 12 <= dt.MAXYEAR and (date := dt.date(index // 12, index % 12 + 1, 1)) <= last:
        if date >= first:
            precision = "year" if step >= 12 else "month"
            found.append((date, day(PartialDate(date.year, date.month, precision=precision))))
        index += step
    return found


@dataclass(frozen=True)
class TimeAxis:
    """Dates from ``first`` to ``last`` (padded by 3 %, at least 15 days) across ``left`` to
    ``right`` pixels."""

    first: dt.date
    last: dt.date
    left: float
    right: float

    @classmethod
    def over(cls, dates: list[dt.date], left: float, right: float) -> TimeAxis:
        first, last = min(dates), max(dates)
        pad = dt.timedelta(days=max((last - first).days * 0.03, 15))
        lowest, highest = dt.date.min + pad, dt.date.max - pad
        return cls(max(first, lowest) - pad, min(last, highest) + pad, left, right)

    def x(self, date: dt.date) -> float:
        span = max((self.last - self.first).days, 1)
        return self.left + (date - self.first).days * (self.right - self.left) / span

    def draw(self, chart: Chart, y: float) -> None:
        """The axis line at ``y`` with its ticks and their labels below."""
        chart.add("line", x1=self.left, x2=self.right, y1=y, y2=y, stroke=NEUTRAL_COLOR)
        for date, text in ticks(self.first, self.last):
            chart.add(
                "line", x1=self.x(date), x2=self.x(date), y1=y, y2=y + 4, stroke=NEUTRAL_COLOR
            )
            chart.label(self.x(date), y + 15, text, "middle")
