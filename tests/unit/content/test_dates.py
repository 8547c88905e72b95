"""Dates as precise as their source: a year, a month or a day, read, sorted and shown."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from explorer.content import PartialDate, SourceDate, load_set, precision_of
from explorer.formats import day
from tests.conftest import SETS

Edit = Callable[[str, str, str], Path]
READ = TypeAdapter(SourceDate)


@pytest.mark.parametrize(
    ("written", "value", "precision", "shown"),
    [
        (2025, dt.date(2025, 1, 1), "year", "2025"),
        ("2025-02", dt.date(2025, 2, 1), "month", "February 2025"),
        ("2025-02-14", dt.date(2025, 2, 14), "day", "14 February 2025"),
        (dt.date(2026, 7, 1), dt.date(2026, 7, 1), "day", "1 July 2026"),
    ],
)
def test_a_date_reads_at_its_precision(
    written: object, value: dt.date, precision: str, shown: str
) -> None:
    date = READ.validate_python(written)
    assert isinstance(date, dt.date) and date == value
    assert date.precision == precision == precision_of(date)
    assert day(date) == shown


@pytest.mark.parametrize("written", ["2025-13", "2025-02-30", "Feb 2025", "25", True, 2.5, 0])
def test_what_is_not_a_date_is_refused_with_the_forms_it_may_take(written: object) -> None:
    with pytest.raises(ValueError, match=r"use YYYY, YYYY-MM or YYYY-MM-DD"):
        READ.validate_python(written)


def test_partial_dates_sort_and_compare_as_their_first_day() -> None:
    dates = [PartialDate.of("2025-02-14"), PartialDate.of(2025), PartialDate.of("2025-02")]
    assert sorted(dates) == [dt.date(2025, 1, 1), dt.date(2025, 2, 1), dt.date(2025, 2, 14)]
    assert PartialDate.of("2025-02") < dt.date(2025, 2, 2)
    assert hash(PartialDate.of(2025)) == hash(dt.date(2025, 1, 1))


def test_a_partial_date_keeps_its_precision_when_copied_and_writes_back_as_given() -> None:
    month = PartialDate.of("2025-02")
    assert pickle.loads(pickle.dumps(month)).precision == "month"
    assert str(month) == "2025-02" and str(PartialDate.of(2025)) == "2025"
    assert READ.dump_python(month, mode="json") == "2025-02"
    assert READ.dump_python(PartialDate.of(2025), mode="json") == 2025


def test_a_plain_date_is_shown_to_the_day() -> None:
    assert precision_of(dt.date(2025, 2, 14)) == "day"
    assert day(dt.date(2025, 2, 14)) == "14 February 2025"


@pytest.mark.parametrize(
    ("name", "old", "new", "field", "precision"),
    [
        ("events.yaml", "date: 2025-11-03", "date: 2025-11", "date", "month"),
        ("sources.yaml", "published: 2025-11-17", "published: 2025", "published", "year"),
        ("positions.yaml", "as_of: 2025-11-17", "as_of: 2025-11", "as_of", "month"),
        ("drafts.yaml", "circulated: 2025-11-03", "circulated: 2025", "circulated", "year"),
        ("observed.yaml", "date: 2025-12-07", "date: 2025-12", "date", "month"),
    ],
)
def test_content_dates_may_be_partial(
    tiny_set: Path, edit: Edit, name: str, old: str, new: str, field: str, precision: str
) -> None:
    loaded = load_set(edit(name, old, new)).set
    assert loaded is not None
    record = {
        "events.yaml": lambda s: s.history[0],
        "sources.yaml": lambda s: s.sources[0],
        "positions.yaml": lambda s: s.stances[0],
        "drafts.yaml": lambda s: s.drafts[0],
        "observed.yaml": lambda s: s.observations[0],
    }[name](loaded)
    assert getattr(record, field).precision == precision


def test_an_event_window_may_be_partial(tiny_set: Path, edit: Edit) -> None:
    folder = edit(
        "scenarios/adopted.yaml",
        "{earliest: 2026-02-01, latest: 2026-06-30}",
        "{earliest: 2026-02, latest: 2026}",
    )
    assert "latest (2026) is before earliest (2026-02)" in str(load_set(folder).problems[0])


def test_set_and_trajectory_dates_stay_days(tiny_set: Path, edit: Edit) -> None:
    folder = edit("set.yaml", "as_of: 2026-01-31", "as_of: 2026-01")
    (problem,) = load_set(folder).problems
    assert "as_of: '2026-01' is not a date (use YYYY-MM-DD)" in str(problem)


def test_the_summit_fixture_holds_a_month_precise_date() -> None:
    summit = SETS["summit-set"]
    assert {e.date.precision for e in summit.history if e.date} >= {"month", "day"}
