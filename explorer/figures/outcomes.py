"""The outcome figure: one indicator's projected paths, with their ranges, against what was
observed. No Streamlit here.

Each scenario's path carries a second encoding beside its colour (dash, marker symbol and band
pattern), and content text is HTML-escaped before it goes into labels and hover text.

The room left of the plot (the y axis's tick labels and unit) is kept from every scenario's
values, not only the drawn ones: it is then the same whichever scenario is drawn, and plotly,
whose automargin would otherwise grow the margin after drawing and draw the chart a second time,
draws it once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

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


TICK_CHAR = 8
"""Pixels a y tick label takes per character, at most: digits at 12-13 px in the app's font
or in a wider fallback font drawn before it loads."""
AXIS_ROOM = 52
"""Pixels left of the plot besides the tick labels: the rotated unit, its standoff, the pad."""


def value_span(
    indicator: str, series: Iterable[TrajectorySeries], observed: Iterable[ObservedPoint]
) -> tuple[float, float]:
    """The lowest and highest value ``indicator``'s chart shows for ``series`` and ``observed``
    (projections with their ranges): give it every scenario of a set for a room that fits all."""
    values = [
        v
        for one in series
        for path in one.trajectories
        if path.indicator == indicator
        for p in path.points
        for v in (p.value, p.low, p.high)
    ] + [p.value for p in observed if p.indicator == indicator]
    return (min(values, default=0.0), max(values, default=0.0))


def tick_chars(span: tuple[float, float]) -> int:
    """Characters of the longest tick label plotly writes on a y axis from zero (or ``span``'s
    low, if below) to a little past ``span``'s high, at most: "8000" and "12.5k", "0.25"."""
    low, high = span
    top = max(abs(low), abs(high)) * 1.1
    if top >= 10_000:
        chars = 5
    elif top >= 10:
        chars = len(str(math.ceil(top)))
    else:
        chars = 4 if top >= 1 else 5
    return chars + (1 if low < 0 else 0)


def trajectory(
    indicator: Indicator,
    series: Sequence[TrajectorySeries],
    observed: Sequence[ObservedPoint],
    span: tuple[float, float] | None = None,
) -> go.Figure:
    """One indicator: each scenario's projected path (dashed or dotted, with its range as a band)
    and the observed values as grey crosses. ``span`` (``value_span`` over every scenario of the
    set) sizes the room for the y axis's labels; without it, the drawn values do."""
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
    layout(fig, wrap(f"{indicator.label}", 40), 320, legend=legend_lines(fig))
    chars = tick_chars(span or value_span(indicator.id, series, observed))
    return fig.update_layout(margin_l=AXIS_ROOM + TICK_CHAR * chars)
