"""What a view state selects from a set: the compared scenarios, their events and projected
paths, and the actors and issues the filters leave. Each view, its CSV and the brief read these,
so a view's data is chosen in one place."""

from __future__ import annotations

from explorer.analysis.compare import actors_in, scenario_events
from explorer.analysis.series import EventSeries, TrajectorySeries
from explorer.content import Actor, Issue, Scenario, ScenarioSet
from explorer.views.state import ViewState


def compared(scenario_set: ScenarioSet, state: ViewState) -> list[Scenario]:
    """A, then B when one is compared."""
    return [scenario_set.scenario(s) for s in (state.a, state.b) if s]


def event_series(scenario_set: ScenarioSet, state: ViewState) -> list[EventSeries]:
    """Each compared scenario's events on the chosen tracks, within the chosen dates."""
    start, end = state.dates
    return [
        EventSeries(
            s.label,
            [
                e
                for e in scenario_events(scenario_set, s)
                if e.track in state.tracks and start <= e.when <= end
            ],
        )
        for s in compared(scenario_set, state)
    ]


def trajectory_series(scenario_set: ScenarioSet, state: ViewState) -> list[TrajectorySeries]:
    """Each compared scenario's projected indicator paths."""
    return [TrajectorySeries(s.label, s.trajectories) for s in compared(scenario_set, state)]


def shown_actors(scenario_set: ScenarioSet, state: ViewState) -> list[Actor]:
    """The actors of the chosen groups."""
    return actors_in(scenario_set, state.groups)


def shown_issues(scenario_set: ScenarioSet, state: ViewState) -> list[Issue]:
    """The chosen issues, in the set's order."""
    return [i for i in scenario_set.issues if i.id in state.issues]
