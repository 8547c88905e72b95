"""Figure builders: the right traces, a second encoding per scenario, observed vs projected."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

import plotly.graph_objects as go
import pytest

from explorer import figures
from explorer.analysis.compare import (
    observed_points,
    scenario_events,
    stances_under,
)
from explorer.analysis.series import EventSeries, TrajectorySeries
from explorer.content import Event, ScenarioSet
from explorer.figures import CERTAINTY_MARKERS
from explorer.figures import stakeholders as stakeholder_figures
from explorer.figures.palette import PAGE_COLOR
from explorer.figures.style import esc
from tests.conftest import set_id, sets_where, unwrapped


def two_series(tiny: ScenarioSet) -> list[EventSeries]:
    return [
        EventSeries(s.label, scenario_events(tiny, s))
        for s in (tiny.scenario("adopted"), tiny.scenario("rejected"))
    ]


def timeline(tiny: ScenarioSet, series: list[EventSeries]):
    dates = (dt.date(2025, 10, 1), dt.date(2027, 12, 31))
    tracks = [t.id for t in tiny.vocabulary.tracks]
    return figures.timeline(
        series, tracks, dt.date(2026, 1, 15), dates, {"un-record": "United Nations"}
    )


def test_timeline_draws_each_certainty_differently(tiny: ScenarioSet) -> None:
    fig = timeline(tiny, two_series(tiny)[:1])
    symbols = {unwrapped(t.name): t.marker.symbol for t in fig.data if "markers" in t.mode}
    assert symbols == {
        "A: Adopted, observed": "circle",
        "A: Adopted, projected": "circle-x-open",
    }
    assert CERTAINTY_MARKERS["scheduled"] not in {"", CERTAINTY_MARKERS["projected"]}


def test_timeline_gives_a_and_b_different_symbols_and_rows(tiny: ScenarioSet) -> None:
    fig = timeline(tiny, two_series(tiny))
    observed = [t for t in fig.data if t.name and t.name.endswith("observed")]
    assert [t.marker.symbol for t in observed] == ["circle", "square"]
    assert observed[0].marker.color != observed[1].marker.color
    assert observed[0].y[0] != observed[1].y[0]


def test_timeline_draws_windows_and_a_today_line(tiny: ScenarioSet) -> None:
    fig = timeline(tiny, two_series(tiny)[:1])
    window = next(t for t in fig.data if unwrapped(t.name) == "A: Adopted, uncertain timing window")
    assert list(window.x) == [dt.date(2026, 2, 1), dt.date(2026, 6, 30), None]
    assert fig.layout.shapes[0].x0 == dt.date(2026, 1, 15)
    assert fig.layout.annotations[0].text == "today"


def test_a_span_is_drawn_as_a_duration_unlike_an_uncertain_window(tiny: ScenarioSet) -> None:
    lasted = Event(
        id="talks",
        title="Talks",
        track="diplomacy",
        start=dt.date(2025, 12, 1),
        end=dt.date(2026, 1, 10),
        certainty="observed",
        sources=("un-record",),
    )
    fig = timeline(tiny, [EventSeries("Spans", [lasted])])
    (bar,) = [t for t in fig.data if t.mode == "lines"]
    assert unwrapped(bar.name) == "A: Spans, duration"
    assert list(bar.x) == [dt.date(2025, 12, 1), dt.date(2026, 1, 10), None]
    window = next(t for t in timeline(tiny, two_series(tiny)[:1]).data if t.mode == "lines")
    assert (bar.line.width, bar.opacity) != (window.line.width, window.opacity)


def test_timeline_labels_tracks_with_the_sets_words(tiny: ScenarioSet) -> None:
    labels = {"diplomacy": "Talks and texts"}
    fig = figures.timeline(
        two_series(tiny),
        ["diplomacy"],
        dt.date(2026, 1, 15),
        (dt.date(2025, 1, 1), dt.date(2027, 1, 1)),
        {},
        labels,
    )
    assert list(fig.layout.yaxis.ticktext) == ["Talks and texts"]


def test_timeline_hover_shows_date_certainty_and_source_and_escapes_markup(
    tiny: ScenarioSet,
) -> None:
    event = Event(
        id="x",
        title="<img src=x onerror=alert(1)>",
        track="diplomacy",
        date=dt.date(2025, 11, 17),
        certainty="observed",
        sources=("un-record",),
    )
    fig = timeline(tiny, [EventSeries("Hostile", [event])])
    (hover,) = next(t for t in fig.data if "markers" in t.mode).hovertext
    assert hover == (
        "<b>&lt;img src=x onerror=alert(1)&gt;</b><br>"
        "17 November 2025 · observed<br>Sources: United Nations"
    )


def test_heatmap_draws_unknown_as_unknown_not_zero(tiny: ScenarioSet) -> None:
    views = stances_under(tiny, None)
    fig = figures.stance_heatmap(tiny.actors, tiny.issues, {k: v.value for k, v in views.items()})
    unknown, *known = fig.data
    assert list(unknown.z[0]) == [None, 1] and list(unknown.text[1]) == ["?", "?"]
    cells = {
        (i, j): (t.z[i][j], t.text[i][j])
        for t in known
        for i, row in enumerate(t.z)
        for j, value in enumerate(row)
        if value is not None
    }
    assert cells[(0, 0)] == (2, "+2") and (0, 1) not in cells and (1, 0) not in cells
    assert all(t.zmin == -2 and t.zmax == 2 for t in known)
    assert [t.text[1][0] for t in known] == ["", ""], "no '?' written over unknown cells"


def test_a_trajectory_dashes_projections_and_marks_observed_points(tiny: ScenarioSet) -> None:
    adopted = tiny.scenario("adopted")
    fig = figures.trajectories(
        tiny.indicators[:1],
        [TrajectorySeries("Adopted", adopted.trajectories)],
        observed_points(tiny),
    )
    band, line, observed = fig.data
    assert band.fill == "toself" and list(band.y) == [200, 600, 200, 100]
    assert line.line.dash == "dash" and line.name == "A: Adopted (projected)"
    assert (
        observed.name == "Observed" and observed.marker.symbol == "x" and list(observed.y) == [120]
    )


def test_a_trajectory_gives_b_another_dash_and_symbol(tiny: ScenarioSet) -> None:
    adopted = tiny.scenario("adopted")
    series = [TrajectorySeries(n, adopted.trajectories) for n in ("One", "Two")]
    fig = figures.trajectories(tiny.indicators[:1], series, [])
    lines = [t for t in fig.data if t.mode == "lines+markers"]
    assert [t.line.dash for t in lines] == ["dash", "dot"]
    assert [t.marker.symbol for t in lines] == ["circle", "square"]
    assert lines[0].line.color != lines[1].line.color


@pytest.mark.parametrize("scenario_set", sets_where(lambda s: s.indicators), ids=set_id)
def test_trajectories_give_each_indicator_a_titled_row_and_each_legend_entry_once(
    scenario_set: ScenarioSet,
) -> None:
    series = [TrajectorySeries(s.label, s.trajectories) for s in scenario_set.scenarios[:2]]
    indicators = scenario_set.indicators
    fig = figures.trajectories(indicators, series, observed_points(scenario_set))
    rows = sorted((axis.domain for axis in fig.select_yaxes()), reverse=True)
    assert len(rows) == len(indicators)
    assert all(low < high for low, high in rows)
    assert all(below[1] < above[0] for above, below in pairwise(rows)), "rows never overlap"
    bold = [a.text for a in fig.layout.annotations]
    titles = [unwrapped(t.removeprefix("<b>").removesuffix("</b>")) for t in bold]
    assert titles == [esc(i.label) for i in indicators]
    units = [axis.title.text for axis in fig.select_yaxes()]
    assert units == [esc(i.unit) for i in indicators]
    listed = [t.legendgroup for t in fig.data if t.name and t.showlegend is not False]
    assert len(listed) == len(set(listed)), "each entry once, for every row"
    drawn = {t.legendgroup for t in fig.data if t.name}
    assert set(listed) == drawn


def test_scenario_tree_has_the_decision_and_every_scenario_with_a_and_b_marked(
    tiny: ScenarioSet,
) -> None:
    fig = figures.scenario_tree(tiny, ["rejected", "adopted"])
    labels = [text for t in fig.data if t.text is not None for text in t.text]
    assert labels == ["Decision<br>17 November 2025", "B: Adopted", "A: Rejected"]
    assert {t.name for t in fig.data if t.name} == {"decision", "realized", "counterfactual"}


def test_position_salience_places_only_known_positions_with_a_stated_salience(
    tiny: ScenarioSet,
) -> None:
    values = {
        "Northland": (2, 0.9),
        "Southland": ("unknown", None),
        "Westland": (1, None),
        "The Militia": (-2, 1.0),
        "Eastland": (2, 0.9),
    }
    (points,) = figures.position_salience(tiny.issues[0], values).data
    assert list(zip(points.x, points.y, strict=True)) == [(-2, 1.0), (2, 0.9)]
    assert list(points.marker.size) == [21, 24]


def _key(fig: go.Figure) -> list[str]:
    """The entries of the key under the position and salience map, each on one line."""
    (key,) = fig.layout.annotations
    lines = key.text.split("<br>")
    assert lines[0] == "Actors at each point"
    entries: list[str] = []
    for line in lines[1:]:
        if line.startswith(stakeholder_figures.KEY_INDENT):
            entries[-1] += " " + line.removeprefix(stakeholder_figures.KEY_INDENT)
        else:
            entries.append(line)
    return entries


def test_position_salience_numbers_each_point_and_names_all_its_actors_in_the_unwrapped(
    tiny: ScenarioSet,
) -> None:
    values = {f"Actor <{n}>": (1, 0.5) for n in range(6)} | {"Alone": (-1, 0.2)}
    fig = figures.position_salience(tiny.issues[0], values)
    (points,) = fig.data
    assert list(points.text) == ["1", "2"]
    crowd = "2: " + ", ".join(f"Actor &lt;{n}&gt;" for n in range(6))
    assert _key(fig) == ["1: Alone", crowd], "no '+4'"
    assert points.textposition == "middle center", "never cut at +2"


def test_position_salience_without_a_placed_actor_has_no_key(tiny: ScenarioSet) -> None:
    fig = figures.position_salience(tiny.issues[0], {"Southland": ("unknown", None)})
    assert list(fig.data[0].x) == [] and not fig.layout.annotations


def test_heatmap_cuts_long_names_keeps_them_apart_and_whole_on_hover(tiny: ScenarioSet) -> None:
    long = "The Most Serene Republic of "
    actors = [a.model_copy(update={"name": f"{long}{a.name}"}) for a in tiny.actors]
    views = stances_under(tiny, None)
    values = {k: v.value for k, v in views.items()}
    fig = figures.stance_heatmap(actors, tiny.issues, values)
    rows = list(fig.data[0].y)
    assert len(set(rows)) == len(actors)
    assert all(len(r) <= stakeholder_figures.ACTOR_CHARS for r in rows)
    assert fig.data[0].customdata[0][0] == f"{long}{tiny.actors[0].name} · {tiny.issues[0].label}"


def test_heatmap_separates_every_two_neighbouring_cells_in_the_pages_colour(
    tiny: ScenarioSet,
) -> None:
    views = stances_under(tiny, None)
    fig = figures.stance_heatmap(tiny.actors, tiny.issues, {k: v.value for k, v in views.items()})
    (borders,) = fig.layout.shapes
    columns, rows = len(tiny.issues), len(tiny.actors)
    lines = re.findall(r"M(-?[\d.]+),(-?[\d.]+)([HV])(-?[\d.]+)", borders.path)
    between_columns = {float(x) for x, _, kind, _ in lines if kind == "V"}
    between_rows = {float(y) for _, y, kind, _ in lines if kind == "H"}
    assert between_columns == {c - 0.5 for c in range(1, columns)}
    assert between_rows == {r - 0.5 for r in range(1, rows)}
    assert borders.line.color == PAGE_COLOR and not any(t.xgap or t.ygap for t in fig.data)


def test_heatmap_colour_bar_lies_under_the_cells(tiny: ScenarioSet) -> None:
    views = stances_under(tiny, None)
    fig = figures.stance_heatmap(tiny.actors, tiny.issues, {k: v.value for k, v in views.items()})
    (bar,) = [t.colorbar for t in fig.data if t.showscale]
    assert bar.orientation == "h" and bar.yanchor == "top" and bar.y == 0
    assert fig.layout.xaxis.tickangle == -90, "issue headers upright over narrow columns"
