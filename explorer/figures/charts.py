"""Pure figure builders: model objects in, plotly Figure out. No Streamlit here.

Every scenario trace carries a second encoding beside its colour (marker symbol and dash), and
content text is HTML-escaped before it goes into hover labels, which plotly renders as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from explorer.analysis.compare import ObservedPoint
from explorer.analysis.series import EventSeries, TrajectorySeries
from explorer.content.model import Actor, Event, Indicator, Issue, Position, ScenarioSet
from explorer.figures.contrast import text_color_on
from explorer.figures.palette import (
    NEUTRAL_COLOR,
    OBSERVED_COLOR,
    OUTLINE_COLOR,
    POSITION_SCALE,
    SCENARIO_STYLES,
    STATUS_STYLES,
    UNKNOWN_COLOR,
)
from explorer.figures.style import clip, esc, layout, wrap
from explorer.formats import day, signed

CERTAINTY_MARKERS = {"observed": "", "scheduled": "-open", "projected": "-x-open"}
CERTAINTY_OPACITY = {"observed": 1.0, "scheduled": 1.0, "projected": 0.9}
RANGE_HOVER = "range %{customdata[0]} to %{customdata[1]}"


def _event_hover(event: Event, source_names: Mapping[str, str]) -> str:
    when = event.when.isoformat() + (f" to {event.end.isoformat()}" if event.end else "")
    if event.window:
        when += f" (window {event.window.earliest} to {event.window.latest})"
    sources = ", ".join(source_names.get(s, s) for s in event.sources) or "none"
    basis = f"<br>Basis: {esc(clip(event.basis, 120))}" if event.basis else ""
    title = esc(event.title)
    return f"<b>{title}</b><br>{when} · {event.certainty}<br>Sources: {esc(sources)}{basis}"


def timeline(
    series: Sequence[EventSeries],
    tracks: Sequence[str],
    today: dt.date,
    dates: tuple[dt.date, dt.date],
    source_names: Mapping[str, str],
) -> go.Figure:
    """Events by track on one time axis: observed filled, scheduled open, projected faded and
    dotted; uncertainty windows and durations as bars; a line for today."""
    fig = go.Figure()
    row = {track: index for index, track in enumerate(tracks)}
    offsets = [0.0] if len(series) == 1 else [0.15, -0.15]
    for (one, style), offset in zip(
        zip(series, SCENARIO_STYLES, strict=False), offsets, strict=False
    ):
        shown = [e for e in one.events if e.track in row and dates[0] <= e.when <= dates[1]]
        spans_x: list[dt.date | None] = []
        spans_y: list[float | None] = []
        for event in shown:
            start, end = (
                (event.window.earliest, event.window.latest)
                if event.window
                else (event.start, event.end)
            )
            if start and end:
                spans_x += [start, end, None]
                spans_y += [row[event.track] + offset] * 2 + [None]
        if spans_x:
            fig.add_trace(
                go.Scatter(
                    x=spans_x,
                    y=spans_y,
                    mode="lines",
                    line={"color": style.color, "width": 7, "dash": style.dash},
                    opacity=0.3,
                    name=f"{style.name}: {esc(one.label)}, timing window",
                    legendgroup=style.name,
                    hoverinfo="skip",
                )
            )
        for certainty, suffix in CERTAINTY_MARKERS.items():
            group = [e for e in shown if e.certainty == certainty]
            if not group:
                continue
            fig.add_trace(
                go.Scatter(
                    x=[e.when for e in group],
                    y=[row[e.track] + offset for e in group],
                    mode="markers",
                    marker={
                        "symbol": style.symbol + suffix,
                        "size": 12,
                        "color": style.color,
                        "line": {"width": 2, "color": style.color},
                    },
                    opacity=CERTAINTY_OPACITY[certainty],
                    name=f"{style.name}: {esc(one.label)}, {certainty}",
                    legendgroup=style.name,
                    hovertext=[_event_hover(e, source_names) for e in group],
                    hoverinfo="text",
                )
            )
    fig.add_shape(
        type="line",
        x0=today,
        x1=today,
        y0=0,
        y1=1,
        yref="paper",
        line={"dash": "dot", "color": NEUTRAL_COLOR},
    )
    fig.add_annotation(x=today, y=1, yref="paper", text="today", showarrow=False, yanchor="bottom")
    fig.update_yaxes(
        tickvals=list(row.values()),
        ticktext=[t.capitalize() for t in row],
        range=[-0.6, len(row) - 0.4],
        fixedrange=True,
    )
    fig.update_xaxes(range=[dates[0] - dt.timedelta(days=10), dates[1] + dt.timedelta(days=10)])
    return layout(fig, "Events by track", height=140 + 70 * len(row))


def _position_text(value: Position) -> str:
    return "?" if value == "unknown" else signed(value)


def stance_heatmap(
    actors: Sequence[Actor], issues: Sequence[Issue], values: Mapping[tuple[str, str], Position]
) -> go.Figure:
    """Actor x issue positions on a diverging scale; unknown cells grey with '?', never zero.

    Cell text is black or white, whichever reads better on the cell (4.5:1 or more), so the
    known cells are split into one trace per text colour. Each trace writes text only on its
    own cells: plotly writes a trace's text on its empty cells too, in a colour chosen for the
    page, where it lands on another trace's cell."""
    z = [[values[(a.id, i.id)] for i in issues] for a in actors]
    x = [wrap(i.label, 14) for i in issues]
    y = [esc(a.name) for a in actors]
    scale = [[k / (len(POSITION_SCALE) - 1), c] for k, c in enumerate(POSITION_SCALE)]
    ink = {v: text_color_on(c) for v, c in zip(range(-2, 3), POSITION_SCALE, strict=True)}
    ink["unknown"] = text_color_on(UNKNOWN_COLOR)

    def cells(color: str, known: bool) -> tuple[list, list]:
        keep = [[(v != "unknown") is known and ink[v] == color for v in row] for row in z]
        shown = [
            [(v if known else 1) if k else None for v, k in zip(row, ks, strict=True)]
            for row, ks in zip(z, keep, strict=True)
        ]
        text = [
            [_position_text(v) if k else "" for v, k in zip(row, ks, strict=True)]
            for row, ks in zip(z, keep, strict=True)
        ]
        return shown, text

    shown, text = cells(ink["unknown"], known=False)
    traces = [
        go.Heatmap(
            z=shown,
            x=x,
            y=y,
            colorscale=[[0, UNKNOWN_COLOR], [1, UNKNOWN_COLOR]],
            showscale=False,
            text=text,
            texttemplate="%{text}",
            textfont={"color": ink["unknown"]},
            hovertemplate="%{y} · %{x}: unknown<extra></extra>",
            hoverongaps=False,
            xgap=2,
            ygap=2,
        )
    ]
    for n, color in enumerate(sorted(set(ink.values()))):
        shown, text = cells(color, known=True)
        traces.append(
            go.Heatmap(
                z=shown,
                x=x,
                y=y,
                zmin=-2,
                zmax=2,
                colorscale=scale,
                showscale=n == 0,
                text=text,
                texttemplate="%{text}",
                textfont={"color": color},
                hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
                hoverongaps=False,
                xgap=2,
                ygap=2,
                colorbar={
                    "title": "position",
                    "tickvals": [-2, -1, 0, 1, 2],
                    "ticktext": ["-2", "-1", "0", "+1", "+2"],
                },
            )
        )
    fig = go.Figure(traces)
    fig.update_yaxes(autorange="reversed", fixedrange=True)
    fig.update_xaxes(side="top", fixedrange=True, tickangle=0)
    layout(
        fig, "Positions by actor and issue (grey ? = no statement found)", 200 + 26 * len(actors)
    )
    fig.update_layout(margin={"t": 130})
    return fig


def position_salience(
    issue: Issue, values: Mapping[str, tuple[Position, float | None]]
) -> go.Figure:
    """Actors (by name) with a known position and a stated salience on ``issue``: position
    across, salience up. Actors at the same point share one marker, sized by their number."""
    clusters: dict[tuple[int, float], list[str]] = {}
    for name, (value, salience) in values.items():
        if value != "unknown" and salience is not None:
            clusters.setdefault((int(value), salience), []).append(name)
    points = sorted(clusters.items())
    fig = go.Figure(
        go.Scatter(
            x=[value for (value, _), _ in points],
            y=[salience for (_, salience), _ in points],
            mode="markers+text",
            text=[esc(_names(names)) for _, names in points],
            textposition="middle right",
            hovertext=[wrap(", ".join(names), 50) for _, names in points],
            hoverinfo="text",
            marker={
                "size": [10 + 4 * len(names) for _, names in points],
                "color": NEUTRAL_COLOR,
                "line": {"width": 1, "color": "#333333"},
            },
            showlegend=False,
        )
    )
    fig.update_xaxes(
        range=[-2.5, 2.5],
        tickvals=[-2, -1, 0, 1, 2],
        ticktext=["-2", "-1", "0", "+1", "+2"],
        title=wrap(f"-2: {issue.low}  ·  +2: {issue.high}", 90),
    )
    fig.update_yaxes(range=[-0.1, 1.15], title="salience (how central to its statements)")
    return layout(fig, wrap(f"{issue.label}: position and salience", 60), height=460)


def _names(names: Sequence[str]) -> str:
    return ", ".join(names) if len(names) <= 2 else f"{names[0]}, {names[1]} +{len(names) - 2}"


def trajectory(
    indicator: Indicator,
    series: Sequence[TrajectorySeries],
    observed: Sequence[ObservedPoint],
) -> go.Figure:
    """One indicator: each scenario's projected path (dashed or dotted, with its range as a band)
    and the observed values as grey crosses."""
    fig = go.Figure()
    for one, style in zip(series, SCENARIO_STYLES, strict=False):
        for path in (t for t in one.trajectories if t.indicator == indicator.id):
            x = [p.date for p in path.points]
            fig.add_trace(
                go.Scatter(
                    x=x + x[::-1],
                    y=[p.high for p in path.points] + [p.low for p in path.points][::-1],
                    mode="lines",
                    fill="toself",
                    fillcolor=style.color,
                    fillpattern={"shape": style.pattern, "fgcolor": style.color},
                    opacity=0.15,
                    line={"width": 0},
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=style.name,
                )
            )
            fig.add_trace(
                go.Scatter(
                    x=x,
                    y=[p.value for p in path.points],
                    mode="lines+markers",
                    name=f"{style.name}: {esc(one.label)} (projected)",
                    line={"color": style.color, "dash": style.dash, "width": 2.5},
                    marker={"symbol": style.symbol, "size": 7},
                    legendgroup=style.name,
                    customdata=[[p.low, p.high] for p in path.points],
                    hovertemplate=f"%{{x|%Y-%m-%d}}: %{{y}} ({RANGE_HOVER})"
                    + f"<extra>{esc(one.label)}</extra>",
                )
            )
    points = [p for p in observed if p.indicator == indicator.id]
    if points:
        fig.add_trace(
            go.Scatter(
                x=[p.date for p in points],
                y=[p.value for p in points],
                mode="markers",
                marker={"symbol": "x", "size": 11, "color": OBSERVED_COLOR},
                name="Observed",
                hovertext=[
                    esc(f"Observed {p.date}: {p.value:g}. {clip(p.note or p.observation, 160)}")
                    for p in points
                ],
                hoverinfo="text",
            )
        )
    fig.update_yaxes(title=esc(indicator.unit), rangemode="tozero")
    return layout(fig, wrap(f"{indicator.label}", 40), height=380)


def _tree_positions(scenario_set: ScenarioSet) -> dict[str, tuple[int, int]]:
    """(depth, row) for each scenario: roots at depth 1, each branch one deeper, rows downward."""
    children: dict[str | None, list[str]] = {}
    for s in scenario_set.scenarios:
        children.setdefault(s.parent, []).append(s.id)
    position: dict[str, tuple[int, int]] = {}

    def place(node: str, depth: int) -> None:
        position[node] = (depth, -len(position))
        for child in children.get(node, []):
            place(child, depth + 1)

    for root in children.get(None, []):
        place(root, 1)
    return position


def scenario_tree(scenario_set: ScenarioSet, selected: Sequence[str]) -> go.Figure:
    """The decision and the paths it can take: roots from the decision, branches from parents.
    Status is shown by colour and marker shape; the selected scenarios are ringed and lettered."""
    position = _tree_positions(scenario_set)
    roots = [position[s.id][1] for s in scenario_set.scenarios if s.parent is None]
    root_y = sum(roots) / len(roots) if roots else 0
    fig = go.Figure()
    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for s in scenario_set.scenarios:
        px, py = position[s.parent] if s.parent else (0, root_y)
        edge_x += [px, *position[s.id][:1], None]
        edge_y += [py, position[s.id][1], None]
    fig.add_trace(
        go.Scatter(
            x=edge_x,
            y=edge_y,
            mode="lines",
            line={"color": NEUTRAL_COLOR, "width": 1.5},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[0],
            y=[root_y],
            mode="markers+text",
            name="decision",
            marker={"symbol": "hexagon", "size": 24, "color": NEUTRAL_COLOR},
            text=[f"Decision<br>{day(scenario_set.info.decision_date)}"],
            textposition="bottom center",
            hovertext=[esc(scenario_set.info.decision_point)],
            hoverinfo="text",
            showlegend=False,
        )
    )
    by_id = {s.id: s for s in scenario_set.scenarios}
    letters = dict(zip(selected, ("A", "B"), strict=False))
    for status, (color, symbol) in STATUS_STYLES.items():
        ids = [i for i in position if by_id[i].status == status]
        if not ids:
            continue
        fig.add_trace(
            go.Scatter(
                x=[position[i][0] for i in ids],
                y=[position[i][1] for i in ids],
                mode="markers+text",
                name=status,
                marker={
                    "symbol": symbol,
                    "color": color,
                    "size": [26 if i in letters else 18 for i in ids],
                    "line": {
                        "width": [3 if i in letters else 1.5 for i in ids],
                        "color": ["#000000" if i in letters else OUTLINE_COLOR for i in ids],
                    },
                },
                text=[
                    (f"{letters[i]}: " if i in letters else "") + esc(by_id[i].label) for i in ids
                ],
                textposition="middle right",
                hovertext=[esc(by_id[i].narrative.headline) for i in ids],
                hoverinfo="text",
            )
        )
    depth = max((d for d, _ in position.values()), default=1)
    lowest = min((r for _, r in position.values()), default=0)
    fig.update_xaxes(visible=False, range=[-0.4, depth + 1.4], fixedrange=True)
    fig.update_yaxes(visible=False, range=[lowest - 0.6, 0.6], fixedrange=True)
    return layout(fig, "Scenario tree: the decision and its paths", height=160 + 60 * len(position))
