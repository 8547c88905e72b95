"""One way to write what a person reads: dates at the precision the content gives them, and
numbers as precise as the content, a range written with the precision of its ends."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.content import PartialDate
from explorer.formats import day, day_span, number, numbers, places, span


@pytest.mark.parametrize(
    ("date", "written"),
    [
        (dt.date(2026, 7, 1), "1 July 2026"),
        (PartialDate(2025, 2, precision="month"), "February 2025"),
        (PartialDate(2025, precision="year"), "2025"),
    ],
)
def test_a_date_is_written_at_its_precision(date: dt.date, written: str) -> None:
    assert day(date) == written


def test_a_span_of_days_names_both_ends_and_a_single_day_one() -> None:
    assert day_span(dt.date(2025, 11, 3), dt.date(2026, 6, 30)) == "3 November 2025 to 30 June 2026"
    assert day_span(dt.date(2025, 11, 3), None) == "3 November 2025"


@pytest.mark.parametrize(
    ("low", "high", "written"),
    [
        (477, 634.7, "477.0 to 634.7"),
        (1.5, 2.25, "1.50 to 2.25"),
        (200, 600, "200 to 600"),
    ],
)
def test_a_range_is_written_with_the_precision_of_its_ends(
    low: float, high: float, written: str
) -> None:
    assert span(low, high) == written


def test_numbers_written_together_share_the_most_places_any_of_them_has() -> None:
    assert numbers([1, 1.55, 2.8]) == ["1.00", "1.55", "2.80"]
    assert places([600, 0.9]) == 1
    assert number(120, places([120])) == "120"
