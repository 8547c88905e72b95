"""The stakeholder figures: positions by actor and issue as a heatmap, and one issue's positions
against their salience. No Streamlit here.

An unknown position is drawn as unknown (grey, '?'), never as zero, and content text is
HTML-escaped before it goes into labels, which plotly renders as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from explorer.content import Actor, Issue, Position
from explorer.figures.contrast import text_color_on
from explorer.figures.palette import NEUTRAL_COLOR, POSITION_SCALE, UNKNOWN_COLOR
from explorer.figures.style import esc, layout, wrap
from explorer.formats import signed


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
