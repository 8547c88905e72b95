"""The timeline figure: events by track on one time axis, with their certainty, timing windows,
numbers that match the key below the chart, and hover text. No Streamlit here.

Each scenario's markers carry a second encoding beside their colour (symbol and dash), and
content text is HTML-escaped before it goes into hover labels, which plotly renders as markup.
A scheduled or projected event that the content resolved (it did not happen, or was not found
by as_of) gets its own marker and says so beside it; the time between the content's as_of and
today is shaded, because the content says nothing about it, and the title says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence

import plotly.graph_objects as go

from explorer.analysis.series import EventSeries
from explorer.content import Event
from explorer.figures.palette import INK_COLOR, NEUTRAL_COLOR, SCENARIO_STYLES, ScenarioStyle
from explorer.figures.style import clip, esc, layout, legend_lines, wrap_markup
from explorer.figures.timeline_key import Label, labelled, shown_events, status_words, timeline_key
from explorer.formats import day

CERTAINTY_MARKERS = {"observed": "", "scheduled": "-open", "projected": "-x-open"}
CERTAINTY_OPACITY = {"observed": 1.0, "scheduled": 1.0, "projected": 0.9}
RESOLVED_MARKER = "-open-dot"
"""A past scheduled or projected event that did not happen or was not found: hollow, dotted."""
RESOLVED = "did not happen or not found"
"""The legend's word for resolved events; the outcome itself is written beside each marker."""
LEGEND_CHARS = 34
"""A legend entry's line length: two entries side by side still fit a phone's width."""
HOVER_LABEL = {"bgcolor": "#FFFFFF", "bordercolor": NEUTRAL_COLOR, "font": {"color": INK_COLOR}}
"""Dark text on white: the theme's default hover text is a light grey that does not read."""
AFTER_AS_OF_FILL = "#999999"
AFTER_AS_OF = "after the content's as-of date"
"""Said in the title's second line: a note beside the today line ran off a phone's chart."""
TODAY_ROOM = 16
"""Pixels above the plot for the word "today", below the title."""


def _event_hover(event: Event, source_names: Mapping[str, str]) -> str:
    when = day(event.when) + (f" to {day(event.end)}" if event.end else "")
    if event.window:
        when += f" (window {day(event.window.earliest)} to {day(event.window.latest)})"
    sources = ", ".join(source_names.get(s, s) for s in event.sources) or "none"
    basis = f"<br>Basis: {esc(clip(event.basis, 120))}" if event.basis else ""
    title = esc(event.title)
    text = f"<b>{title}</b><br>{when} · {esc(status_words(event))}<br>Sources: {esc(sources)}"
    if event.resolution:
        said = ", ".join(source_names.get(s, s) for s in event.resolution.sources)
        note = clip(event.resolution.note or "", 120)
        text += "".join(f"<br>{esc(part)}" for part in (note, said and f"Said by: {said}") if part)
    return text + basis


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
        name=wrap_markup(f"{style.name}: {esc(label)}, {what}", LEGEND_CHARS),
        legendgroup=style.name,
        hoverinfo="skip",
    )


def _numbers(
    shown: Sequence[Event],
    numbers: Mapping[Event, int],
    span: dt.timedelta,
    done: Collection[Event] = (),
) -> dict[Event, str]:
    """The text beside each marker: its number where it overprints no other on its track, and
    always the number and outcome of a resolved event; none for the events in ``done``
    (A's, when B shares them: one number per event)."""
    text: dict[Event, str] = dict.fromkeys(done, "")
    for track in dict.fromkeys(e.track for e in shown):
        row = sorted((e for e in shown if e.track == track and e not in done), key=lambda e: e.when)
        labels = [
            Label(
                e.when,
                f"{numbers[e]} {e.resolution.outcome}" if e.resolution else str(numbers[e]),
                beside=e.resolution is not None,
                kept=e.resolution is not None,
            )
            for e in row
        ]
        for event, label, flag in zip(row, labels, labelled(labels, span), strict=True):
            text[event] = label.text if flag else ""
    return text


def _markers(
    group: Sequence[Event],
    row: Mapping[str, int],
    offset: float,
    style: ScenarioStyle,
    beside: bool,
) -> dict[str, object]:
    """What every marker trace shares. Numbers go above A's row and below B's; a resolved
    event's number and outcome (``beside``) to the right of its marker."""
    return {
        "x": [e.when for e in group],
        "y": [row[e.track] + offset for e in group],
        "mode": "markers+text",
        "textposition": "middle right"
        if beside
        else "bottom center"
        if offset < 0
        else "top center",
        "textfont": {"size": 11, "color": INK_COLOR},
        "cliponaxis": False,
        "legendgroup": style.name,
        "hoverinfo": "text",
        "hoverlabel": HOVER_LABEL,
    }


def timeline(
    series: Sequence[EventSeries],
    tracks: Sequence[str],
    today: dt.date,
    dates: tuple[dt.date, dt.date],
    source_names: Mapping[str, str],
    track_labels: Mapping[str, str] | None = None,
    as_of: dt.date | None = None,
) -> go.Figure:
    """Events by track on one time axis: observed filled, scheduled open, projected faded and
    crossed, resolved (did not happen, not found) hollow and dotted with the outcome beside;
    uncertain timing windows as wide pale bars, durations (a start and an end) as narrow solid
    ones; a line for today; with ``as_of`` before today, the time after it shaded. Markers
    carry the numbers of ``timeline_key`` where they do not crowd each other; the x range is
    padded so that no marker at an edge is cut. Tracks are labelled by ``track_labels``."""
    fig = go.Figure()
    row = {track: index for index, track in enumerate(tracks)}
    numbers = {entry.event: entry.number for entry in timeline_key(series, tracks, dates)}
    pad = max(dt.timedelta(days=10), (dates[1] - dates[0]) * 0.04)
    span = dates[1] - dates[0] + 2 * pad
    offsets = [0.0] if len(series) == 1 else [0.15, -0.15]
    done: list[Event] = []
    for (one, style), offset in zip(
        zip(series, SCENARIO_STYLES, strict=False), offsets, strict=False
    ):
        shown = shown_events(one, tracks, dates)
        windows = [(e.window.earliest, e.window.latest, e) for e in shown if e.window]
        spans = [(e.start, e.end, e) for e in shown if not e.window and e.start and e.end]
        for bars, width, opacity, what in (
            (windows, 9, 0.25, "uncertain timing window"),
            (spans, 4, 0.8, "duration"),
        ):
            if bars:
                fig.add_trace(_bars(bars, row, offset, style, width, opacity, one.label, what))
        text = _numbers(shown, numbers, span, set(done) & set(shown))
        done += shown
        kinds = [(c, suffix, c) for c, suffix in CERTAINTY_MARKERS.items()]
        for kind, suffix, certainty in [*kinds, (RESOLVED, RESOLVED_MARKER, None)]:
            group = [
                e
                for e in shown
                if (e.resolution is None and e.certainty == certainty)
                or (certainty is None and e.resolution is not None)
            ]
            if not group:
                continue
            fig.add_trace(
                go.Scatter(
                    **_markers(group, row, offset, style, beside=certainty is None),
                    text=[text[e] for e in group],
                    marker={
                        "symbol": style.symbol + suffix,
                        "size": 12,
                        "color": style.color,
                        "line": {"width": 2, "color": style.color},
                    },
                    opacity=CERTAINTY_OPACITY.get(kind, 1.0),
                    name=wrap_markup(f"{style.name}: {esc(one.label)}, {kind}", LEGEND_CHARS),
                    hovertext=[_event_hover(e, source_names) for e in group],
                )
            )
    title = "Events by track"
    if as_of is not None and as_of < today:
        fig.add_vrect(x0=as_of, x1=today, fillcolor=AFTER_AS_OF_FILL, opacity=0.15, line_width=0)
        title += f"<br>Shaded: {AFTER_AS_OF} ({esc(day(as_of))})"
    fig.add_shape(
        type="line",
        x0=today,
        x1=today,
        y0=0,
        y1=1,
        yref="paper",
        line={"dash": "dot", "color": NEUTRAL_COLOR},
    )
    right = today > dates[0] + (dates[1] - dates[0]) / 2
    fig.add_annotation(
        x=today,
        y=1,
        yref="paper",
        text="today",
        showarrow=False,
        # to the line's left in the axis's right half, where it would run off a phone's chart
        xanchor="right" if right else "left",
        xshift=-3 if right else 3,
        yanchor="bottom",
    )
    fig.update_yaxes(
        tickvals=list(row.values()),
        ticktext=[(track_labels or {}).get(t, t.capitalize()) for t in row],
        range=[-0.6, len(row) - 0.4],
        fixedrange=True,
    )
    fig.update_xaxes(range=[dates[0] - pad, dates[1] + pad])
    return layout(fig, title, 140 + 70 * len(row), top=TODAY_ROOM, legend=legend_lines(fig))
