"""The timeline figure: events by track on one time axis, with their certainty, timing windows
and hover text. No Streamlit here.

Each scenario's markers carry a second encoding beside their colour (symbol and dash), and
content text is HTML-escaped before it goes into hover labels, which plotly renders as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from explorer.analysis.series import EventSeries
from explorer.content import Event
from explorer.figures.palette import NEUTRAL_COLOR, SCENARIO_STYLES
from explorer.figures.style import clip, esc, layout
from explorer.formats import day

CERTAINTY_MARKERS = {"observed": "", "scheduled": "-open", "projected": "-x-open"}
CERTAINTY_OPACITY = {"observed": 1.0, "scheduled": 1.0, "projected": 0.9}


def _event_hover(event: Event, source_names: Mapping[str, str]) -> str:
    when = day(event.when) + (f" to {day(event.end)}" if event.end else "")
    if event.window:
        when += f" (window {day(event.window.earliest)} to {day(event.window.latest)})"
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
