"""The room the outcome chart keeps for its y axes is the same whichever scenarios it draws (so
plotly draws it once on a switch, not a second time to grow its margin), and fits the longest
tick label any scenario of the set can bring to any of its rows."""

from __future__ import annotations

import pytest

from explorer.analysis import TrajectorySeries, observed_points
from explorer.content import ScenarioSet
from explorer.figures import trajectories, value_span
from explorer.figures.outcomes import AXIS_ROOM, TICK_CHAR, tick_chars
from tests.conftest import set_id, sets_where

WITH_INDICATORS = sets_where(lambda s: s.indicators)


def _every(scenario_set: ScenarioSet) -> list[TrajectorySeries]:
    return [TrajectorySeries(s.label, s.trajectories) for s in scenario_set.scenarios]


def _projected(one: TrajectorySeries, scenario_set: ScenarioSet) -> list:
    ids = {t.indicator for t in one.trajectories}
    return [i for i in scenario_set.indicators if i.id in ids]


@pytest.mark.parametrize("scenario_set", WITH_INDICATORS, ids=set_id)
def test_the_axis_room_is_the_same_whichever_scenario_is_drawn(scenario_set: ScenarioSet) -> None:
    observed = observed_points(scenario_set)
    every = _every(scenario_set)
    margins = {
        trajectories(scenario_set.indicators, [one], observed, every).layout.margin.l
        for one in every
        if one.trajectories
    }
    assert len(margins) <= 1, margins


@pytest.mark.parametrize("scenario_set", WITH_INDICATORS, ids=set_id)
def test_the_axis_room_fits_every_value_the_set_gives(scenario_set: ScenarioSet) -> None:
    observed = observed_points(scenario_set)
    every = _every(scenario_set)
    for one in every:
        shown = _projected(one, scenario_set)
        margin = trajectories(shown, [one], observed, every).layout.margin.l
        for indicator in scenario_set.indicators:
            low, high = value_span(indicator.id, every, observed)
            values = [
                v
                for other in every
                for t in other.trajectories
                if t.indicator == indicator.id
                for p in t.points
                for v in (p.value, p.low, p.high)
            ] + [p.value for p in observed if p.indicator == indicator.id]
            assert all(low <= v <= high for v in values)
            if indicator in shown:
                # a plain integer label for the largest value is one the axis may write
                top = max(abs(low), abs(high))
                longest = len(str(round(top))) if top < 1e4 else 3
                assert margin >= AXIS_ROOM + TICK_CHAR * longest, indicator.id


@pytest.mark.parametrize("scenario_set", WITH_INDICATORS, ids=set_id)
def test_without_every_scenario_the_drawn_values_size_the_room(scenario_set: ScenarioSet) -> None:
    observed = observed_points(scenario_set)
    series = _every(scenario_set)[:2]
    indicators = scenario_set.indicators
    assert (
        trajectories(indicators, series, observed).layout.margin.l
        == trajectories(indicators, series, observed, series).layout.margin.l
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
