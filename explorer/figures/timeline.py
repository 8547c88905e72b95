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
from explorer.figures.palette import NEUTRAL_COLOR, SCENARIO_STYLES, ScenarioStyle
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


def _bars(
    bars: Sequence[tuple[dt.date, dt.date, Event]],
    row: Mapping[str, int],
    offset: float,
    style: ScenarioStyle,
    width: int,
    opacity: float,
    label: str,
    what: str,
) -> go.Scatter:
    """One trace of horizontal bars, each from its start to its end on its event's track."""
    xs: list[dt.date | None] = []
    ys: list[float | None] = []
    for start, end, event in bars:
        xs += [start, end, None]
        ys += [row[event.track] + offset] * 2 + [None]
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": style.color, "width": width, "dash": style.dash},
        opacity=opacity,
        name=f"{style.name}: {esc(label)}, {what}",
        legendgroup=style.name,
        hoverinfo="skip",
    )


def timeline(
    series: Sequence[EventSeries],
    tracks: Sequence[str],
    today: dt.date,
    dates: tuple[dt.date, dt.date],
    source_names: Mapping[str, str],
    track_labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """Events by track on one time axis: observed filled, scheduled open, projected faded and
    dotted; uncertain timing windows as wide pale bars, durations (a start and an end) as narrow
    solid ones; a line for today. Tracks are labelled by ``track_labels`` (the set's
    vocabulary)."""
    fig = go.Figure()
    row = {track: index for index, track in enumerate(tracks)}
    offsets = [0.0] if len(series) == 1 else [0.15, -0.15]
    for (one, style), offset in zip(
        zip(series, SCENARIO_STYLES, strict=False), offsets, strict=False
    ):
        shown = [e for e in one.events if e.track in row and dates[0] <= e.when <= dates[1]]
        windows = [(e.window.earliest, e.window.latest, e) for e in shown if e.window]
        spans = [(e.start, e.end, e) for e in shown if not e.window and e.start and e.end]
        for bars, width, opacity, what in (
            (windows, 9, 0.25, "uncertain timing window"),
            (spans, 4, 0.8, "duration"),
        ):
            if bars:
                fig.add_trace(_bars(bars, row, offset, style, width, opacity, one.label, what))
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
        ticktext=[(track_labels or {}).get(t, t.capitalize()) for t in row],
        range=[-0.6, len(row) - 0.4],
        fixedrange=True,
    )
    fig.update_xaxes(range=[dates[0] - dt.timedelta(days=10), dates[1] + dt.timedelta(days=10)])
    return layout(fig, "Events by track", height=140 + 70 * len(row))
