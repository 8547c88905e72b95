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

LABEL_GAP = 1 / 20
"""Two numbers on one row closer than this share of the time axis would print over each
other: the later one is left to the key."""


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


def labelled(xs: Sequence[dt.date], span: dt.timedelta) -> list[bool]:
    """Which of one row's markers (in date order) get their number written beside them: the
    first, and each one at least ``LABEL_GAP`` of the axis after the last one labelled."""
    flags, last = [], None
    for x in xs:
        flags.append(last is None or (x - last) >= span * LABEL_GAP)
        if flags[-1]:
            last = x
    return flags
