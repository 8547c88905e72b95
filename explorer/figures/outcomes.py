"""The outcome figure: one indicator's projected paths, with their ranges, against what was
observed. No Streamlit here.

Each scenario's path carries a second encoding beside its colour (dash, marker symbol and band
pattern), and content text is HTML-escaped before it goes into labels and hover text.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from explorer.analysis.compare import ObservedPoint
from explorer.analysis.series import TrajectorySeries
from explorer.content import Indicator
from explorer.figures.palette import OBSERVED_COLOR, SCENARIO_STYLES
from explorer.figures.style import clip, esc, layout, legend_lines, wrap
from explorer.formats import DATE_TICKS, day, number, places

RANGE_HOVER = "range %{customdata[2]} to %{customdata[3]}"
"""Hover text reads ``customdata``: the date and the value, low and high as the content writes
them (``explorer.formats``), never plotly's own date or number format."""


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
            decimals = places([v for p in path.points for v in (p.value, p.low, p.high)])
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
                    customdata=[
                        [day(p.date), *(number(v, decimals) for v in (p.value, p.low, p.high))]
                        for p in path.points
                    ],
                    hovertemplate=f"%{{customdata[0]}}: %{{customdata[1]}} ({RANGE_HOVER})"
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
                    esc(
                        f"Observed {day(p.date)}: {number(p.value, places([p.value]))}. "
                        f"{clip(p.note or p.observation, 160)}"
                    )
                    for p in points
                ],
                hoverinfo="text",
            )
        )
    fig.update_yaxes(title=esc(indicator.unit), rangemode="tozero")
    fig.update_xaxes(tickformatstops=list(DATE_TICKS))
    return layout(fig, wrap(f"{indicator.label}", 40), 320, legend=legend_lines(fig))
