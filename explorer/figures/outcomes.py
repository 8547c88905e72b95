"""The outcome figure: each indicator's projected paths, with their ranges, against what was
observed, a row each. No Streamlit here.

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
from plotly.subplots import make_subplots

from explorer.analysis.compare import ObservedPoint
from explorer.analysis.series import TrajectorySeries
from explorer.content import Indicator
from explorer.figures.palette import INK_COLOR, OBSERVED_COLOR, SCENARIO_STYLES
from explorer.figures.style import (
    LEGEND_GAP,
    TOOLBAR_ROOM,
    clip,
    esc,
    layout,
    legend_lines,
    wrap,
)
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


ROW = 190
"""Pixels of each indicator's plot."""
ROW_TITLE_LINE = 19
"""Pixels a line of an indicator's title takes above its plot."""
ROW_GAP = 22
"""Pixels between one indicator's plot and the title of the next."""
ROW_TITLE_LIFT = 6
"""Pixels between an indicator's title and its plot, clear of the top y tick label's upper
half."""
TITLE = "Indicators: the projections against what was observed"


def _paths(
    fig: go.Figure,
    row: int,
    indicator: Indicator,
    series: Sequence[TrajectorySeries],
    observed: Sequence[ObservedPoint],
    shown: set[str],
) -> None:
    """``indicator``'s traces in ``row``: each legend entry is given once, for the whole
    figure (its group switches the paths of every row). The first is left to plotly, which
    shows no legend for one entry (``legend_lines`` keeps no room for it then)."""

    def listed(group: str) -> bool | None:
        first = group not in shown
        shown.add(group)
        return None if first else False

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
                ),
                row=row,
                col=1,
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
                    showlegend=listed(style.name),
                    customdata=[
                        [day(p.date), *(number(v, decimals) for v in (p.value, p.low, p.high))]
                        for p in path.points
                    ],
                    hovertemplate=f"%{{customdata[0]}}: %{{customdata[1]}} ({RANGE_HOVER})"
                    + f"<extra>{esc(one.label)}</extra>",
                ),
                row=row,
                col=1,
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
                legendgroup="observed",
                showlegend=listed("observed"),
                hovertext=[
                    esc(
                        f"Observed {day(p.date)}: {number(p.value, places([p.value]))}. "
                        f"{clip(p.note or p.observation, 160)}"
                    )
                    for p in points
                ],
                hoverinfo="text",
            ),
            row=row,
            col=1,
        )


def trajectories(
    indicators: Sequence[Indicator],
    series: Sequence[TrajectorySeries],
    observed: Sequence[ObservedPoint],
    every: Sequence[TrajectorySeries] = (),
) -> go.Figure:
    """Each indicator in a row of its own, on one time axis: each scenario's projected path
    (dashed or dotted, with its range as a band) and the observed values as grey crosses.

    One figure rather than one per indicator: plotly draws a figure twice when it changes, and
    most of a small chart's drawing is the chart, not its data. ``every`` (each scenario of the
    set) sizes the room for the y axes' labels, so that it stays the same whichever scenarios
    are drawn; without it, the drawn values do."""
    rows = max(len(indicators), 1)
    fig = make_subplots(rows=rows, cols=1, shared_xaxes=True)
    titles = [wrap(indicator.label, 40) for indicator in indicators]
    rooms = [ROW_TITLE_LINE * (t.count("<br>") + 1) + ROW_TITLE_LIFT for t in titles]
    plot = sum(rooms) + ROW * rows + ROW_GAP * (rows - 1)
    shown: set[str] = set()
    top = 0
    for row, (indicator, title, room) in enumerate(zip(indicators, titles, rooms, strict=True), 1):
        _paths(fig, row, indicator, series, observed, shown)
        top += room
        domain = [1 - (top + ROW) / plot, 1 - top / plot]
        fig.update_yaxes(
            title=esc(indicator.unit), rangemode="tozero", domain=domain, row=row, col=1
        )
        fig.add_annotation(
            text=f"<b>{title}</b>",
            xref="paper",
            yref="paper",
            x=0,
            y=domain[1],
            xanchor="left",
            yanchor="bottom",
            yshift=ROW_TITLE_LIFT,
            align="left",
            showarrow=False,
            font={"color": INK_COLOR},
        )
        top += ROW + ROW_GAP
    fig.update_xaxes(tickformatstops=list(DATE_TICKS))
    # The legend hangs LEGEND_GAP under the plot however tall it is (``layout`` keeps that room).
    legend_y = -LEGEND_GAP / plot
    layout(fig, TITLE, plot + TOOLBAR_ROOM + 40, legend_y, legend=legend_lines(fig))
    spans = [value_span(i.id, every or series, observed) for i in indicators]
    left = AXIS_ROOM + TICK_CHAR * max((tick_chars(span) for span in spans), default=1)
    # The indicators' titles stay where the shared layout's margin puts them, near the figure's
    # title, not where the y axes' labels push the plot.
    fig.update_annotations(xshift=fig.layout.margin.l - left)
    return fig.update_layout(margin_l=left)
