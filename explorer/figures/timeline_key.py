"""The timeline's key: every event the chart draws, numbered in date order, so that the chart
can be read without hover (a touch screen has none). The chart writes the numbers beside its
markers where they do not crowd each other; the key lists them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from explorer.analysis.series import EventSeries
from explorer.content import Event
from explorer.formats import day

PLOT_WIDTH = 240
"""Pixels of the narrowest timeline plot, a phone's: labels placed apart there are apart on
every screen (a wider one leaves more room between them)."""
CHAR_WIDTH = 6.5
"""Pixels a character of a marker's label takes, about, at its 11 px font, with a margin."""
MARKER_ROOM = 10
"""Pixels from a marker's centre to a label written to its right."""


@dataclass(frozen=True)
class Label:
    """The text beside one marker: centred above or below it, or (``beside``) to its right;
    a ``kept`` label is always written, the others only where they overprint no other."""

    when: dt.date
    text: str
    beside: bool = False
    kept: bool = False

    def extent(self, span: dt.timedelta) -> tuple[dt.date, dt.date]:
        """From where to where on the time axis the label's text runs, ``span`` being the axis's
        whole range drawn over ``PLOT_WIDTH`` pixels."""
        per_px = span / PLOT_WIDTH
        width = per_px * (CHAR_WIDTH * len(self.text) + 4)
        if self.beside:
            return self.when + per_px * MARKER_ROOM, self.when + per_px * MARKER_ROOM + width
        return self.when - width / 2, self.when + width / 2


def shown_events(
    one: EventSeries, tracks: Sequence[str], dates: tuple[dt.date, dt.date]
) -> list[Event]:
    """The events of one series the chart draws: on a chosen track, dated within ``dates``."""
    return [e for e in one.events if e.track in tracks and dates[0] <= e.when <= dates[1]]


def status_words(event: Event) -> str:
    """``observed``, ``scheduled``, ``projected``, or what became of a past scheduled or
    projected one: ``scheduled, did not happen``, ``projected, not found by as_of``."""
    if event.resolution is None:
        return event.certainty
    outcome = event.resolution.outcome
    return f"{event.certainty}, {'not found by as_of' if outcome == 'not found' else outcome}"


@dataclass(frozen=True)
class KeyEntry:
    """One numbered event: its number, when, title, status words and the letters of the
    scenarios (A, B) it belongs to."""

    number: int
    event: Event
    letters: str

    def line(self) -> str:
        when = day(self.event.when) + (f" to {day(self.event.end)}" if self.event.end else "")
        status = status_words(self.event)
        return f"{self.number}. {when}: {self.event.title} ({status}; {self.letters})"


def timeline_key(
    series: Sequence[EventSeries], tracks: Sequence[str], dates: tuple[dt.date, dt.date]
) -> list[KeyEntry]:
    """Every drawn event once, numbered from 1 by date (then title); an event both scenarios
    share keeps one number and names both letters."""
    letters: dict[Event, str] = {}
    for letter, one in zip("AB", series, strict=False):
        for event in shown_events(one, tracks, dates):
            letters[event] = letters.get(event, "") + letter
    ordered = sorted(letters, key=lambda e: (e.when, e.title))
    return [
        KeyEntry(n, event, ", ".join(letters[event])) for n, event in enumerate(ordered, start=1)
    ]


def labelled(labels: Sequence[Label], span: dt.timedelta) -> list[bool]:
    """Which of one row's labels (in date order) are written: every kept one, and each other
    whose text overprints none already written on the row (the numbers left out are in the key
    below the chart)."""
    placed = [label.extent(span) for label in labels if label.kept]
    flags = []
    for label in labels:
        start, end = label.extent(span)
        flags.append(label.kept or all(end <= a or start >= b for a, b in placed))
        if flags[-1] and not label.kept:
            placed.append((start, end))
    return flags
