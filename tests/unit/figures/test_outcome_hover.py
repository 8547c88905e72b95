"""The outcome figure's hover text writes dates and numbers as the rest of the app does: the
day format, and each path's numbers as precise as the content gives them."""

from __future__ import annotations

import re

import pytest

from explorer.analysis import TrajectorySeries, observed_points
from explorer.content import ScenarioSet
from explorer.figures import trajectories
from tests.conftest import SETS, set_id

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("scenario_set", [s for s in SETS.values() if s.indicators], ids=set_id)
def test_hover_text_reads_dates_and_numbers_as_written_everywhere(
    scenario_set: ScenarioSet,
) -> None:
    series = [TrajectorySeries(s.label, s.trajectories) for s in scenario_set.scenarios[:2]]
    figure = trajectories(scenario_set.indicators, series, observed_points(scenario_set))
    for trace in figure.data:
        if trace.hovertemplate:
            assert "%{x" not in trace.hovertemplate and "%{y" not in trace.hovertemplate
            for when, value, low, high in trace.customdata:
                assert not ISO_DATE.search(when)
                decimals = {len(v.partition(".")[2]) for v in (value, low, high)}
                assert len(decimals) == 1, (value, low, high)
        for text in trace.hovertext or ():
            assert not ISO_DATE.search(text), text


@pytest.mark.parametrize("scenario_set", [s for s in SETS.values() if s.indicators], ids=set_id)
def test_date_ticks_read_as_dates_are_written_at_every_spacing(scenario_set: ScenarioSet) -> None:
    series = [TrajectorySeries(s.label, s.trajectories) for s in scenario_set.scenarios[:2]]
    figure = trajectories(scenario_set.indicators, series, observed_points(scenario_set))
    for axis in figure.select_xaxes():
        formats = [stop.value for stop in axis.tickformatstops]
        assert formats == ["%-d %B %Y", "%b<br>%Y", "%Y"]
