"""The room an outcome chart keeps for its y axis is the same whichever scenario it draws (so
plotly draws it once on a switch, not a second time to grow its margin), and fits the longest
tick label any scenario of the set can bring."""

from __future__ import annotations

import pytest

from explorer.analysis import TrajectorySeries, observed_points
from explorer.content import ScenarioSet
from explorer.figures import trajectory, value_span
from explorer.figures.outcomes import AXIS_ROOM, TICK_CHAR, tick_chars
from tests.conftest import set_id, sets_where

WITH_INDICATORS = sets_where(lambda s: s.indicators)


def _every(scenario_set: ScenarioSet) -> list[TrajectorySeries]:
    return [TrajectorySeries(s.label, s.trajectories) for s in scenario_set.scenarios]


@pytest.mark.parametrize("scenario_set", WITH_INDICATORS, ids=set_id)
def test_the_axis_room_is_the_same_whichever_scenario_is_drawn(scenario_set: ScenarioSet) -> None:
    observed = observed_points(scenario_set)
    every = _every(scenario_set)
    for indicator in scenario_set.indicators:
        span = value_span(indicator.id, every, observed)
        margins = {
            trajectory(indicator, [one], observed, span).layout.margin.l
            for one in every
            if any(t.indicator == indicator.id for t in one.trajectories)
        }
        assert len(margins) <= 1, (indicator.id, margins)


@pytest.mark.parametrize("scenario_set", WITH_INDICATORS, ids=set_id)
def test_the_axis_room_fits_every_value_the_set_gives(scenario_set: ScenarioSet) -> None:
    observed = observed_points(scenario_set)
    every = _every(scenario_set)
    for indicator in scenario_set.indicators:
        low, high = value_span(indicator.id, every, observed)
        values = [
            v
            for one in every
            for t in one.trajectories
            if t.indicator == indicator.id
            for p in t.points
            for v in (p.value, p.low, p.high)
        ] + [p.value for p in observed if p.indicator == indicator.id]
        assert all(low <= v <= high for v in values)
        margin = trajectory(indicator, every[:1], observed, (low, high)).layout.margin.l
        # a plain integer label for the largest value is one the axis may write
        longest = len(str(round(max(abs(low), abs(high))))) if max(abs(low), abs(high)) < 1e4 else 3
        assert margin >= AXIS_ROOM + TICK_CHAR * longest


@pytest.mark.parametrize("scenario_set", WITH_INDICATORS, ids=set_id)
def test_without_a_span_the_drawn_values_size_the_room(scenario_set: ScenarioSet) -> None:
    observed = observed_points(scenario_set)
    series = _every(scenario_set)[:2]
    for indicator in scenario_set.indicators:
        span = value_span(indicator.id, series, observed)
        assert (
            trajectory(indicator, series, observed).layout.margin.l
            == trajectory(indicator, series, observed, span).layout.margin.l
        )


@pytest.mark.parametrize(
    ("span", "longest"),
    [
        ((0, 750), "800"),
        ((0, 8000), "8000"),
        ((0, 9500), "10000"),
        ((0, 20000), "12.5k"),
        ((0, 2.5), "0.25"),
        ((0, 0.3), "0.025"),
        ((-40, 60), "-60"),
        ((0, 0), "0"),
    ],
)
def test_tick_chars_is_at_least_the_longest_label_plotly_may_write(
    span: tuple[float, float], longest: str
) -> None:
    assert tick_chars(span) >= len(longest)
