"""The Overview's one line on how far the content reaches: as_of and the newest source."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.analysis.reach import content_reach
from explorer.content import PartialDate, ScenarioSet
from explorer.formats import day
from tests.conftest import SETS, set_id


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_the_line_names_as_of_and_the_newest_dated_source(scenario_set: ScenarioSet) -> None:
    reach = content_reach(scenario_set)
    line = reach.line()
    assert line.startswith(f"Content as of {day(scenario_set.info.as_of)}; ")
    assert reach.coverage == scenario_set.info.coverage
    dated = [s.published for s in scenario_set.sources if s.published is not None]
    if not dated:
        assert reach.newest is None
        return
    assert reach.newest is not None and reach.newest.published == max(dated)
    assert reach.newest.publisher in line and reach.newest.title in line
    assert line.endswith(f", {day(reach.newest.published)}.")


def test_the_tiny_sets_line(tiny: ScenarioSet) -> None:
    assert content_reach(tiny).line() == (
        "Content as of 31 January 2026; newest source: United Nations, "
        "\u201cMeeting record\u201d, 17 November 2025."
    )


def test_a_day_beats_its_month_and_a_headline_source_says_so(tiny: ScenarioSet) -> None:
    first, second = tiny.sources[0], tiny.sources[1]
    sources = (
        first.model_copy(update={"published": PartialDate(2026, 3, precision="month")}),
        second.model_copy(update={"published": PartialDate(2026, 3, 1), "reading": "headline"}),
    )
    reach = content_reach(tiny.model_copy(update={"sources": sources}))
    assert reach.newest is not None and reach.newest.id == second.id
    assert f"{second.publisher} (headline only)" in reach.line()
    assert reach.line().endswith("1 March 2026.")


def test_no_dated_source_is_said_plainly(tiny: ScenarioSet) -> None:
    undated = tuple(s.model_copy(update={"published": None}) for s in tiny.sources)
    reach = content_reach(tiny.model_copy(update={"sources": undated}))
    assert reach.newest is None
    assert reach.line() == (
        f"Content as of {day(dt.date(2026, 1, 31))}; no source gives its publication date."
    )
