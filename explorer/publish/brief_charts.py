"""The brief's key charts as inline SVG: a timeline strip of the pair's events and a
comparison of the positions that differ (its indicator charts: ``indicator_chart``).

Drawn here in plain Python, not exported from the app's plotly figures: a static export needs
kaleido, a second dependency that drives a headless Chrome for seconds per image and fails where
no browser is installed, and it gives raster or font-dependent files. These drawings are a
few dozen shapes each, so they are computed as geometry (``Mark``: an SVG element name, its
attributes and its text) and ``templates/brief.html.j2`` writes them out with autoescaping:
content text reaches the page only as escaped text, and the brief still loads nothing. Each
chart says in words what it shows (``Chart.summary``); the tables beside them hold every value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from explorer.analysis.compare import scenario_events
from explorer.content import Event, Position, Scenario, ScenarioSet
from explorer.figures.palette import INK_COLOR, NEUTRAL_COLOR, SCENARIO_STYLES
from explorer.formats import count, day
from explorer.publish.svg import WIDTH, Chart, TimeAxis, fit


def _marker(chart: Chart, x: float, y: float, certainty: str, color: str) -> None:
    if certainty == "projected":
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"
        chart.add("polygon", points=points, fill="#ffffff", stroke=color, stroke_width=1.5)
    else:
        fill = color if certainty == "observed" else "#ffffff"
        chart.add("circle", cx=x, cy=y, r=4.0, fill=fill, stroke=color, stroke_width=1.5)


def _span(event: Event) -> tuple[dt.date, dt.date]:
    starts = [event.when] + ([event.window.earliest] if event.window else [])
    ends = [event.end or event.when] + ([event.window.latest] if event.window else [])
    return min(starts), max(ends)


def timeline_strip(scenario_set: ScenarioSet, chosen: Sequence[Scenario]) -> Chart | None:
    """Each scenario's events on one time axis, a row per scenario: the marker's shape says
    observed, scheduled or projected; a bar is a span, a thin line a window of uncertain timing.
    None when neither scenario has an event."""
    rows = [
        (style, s, scenario_events(scenario_set, s))
        for style, s in zip(SCENARIO_STYLES, chosen, strict=False)
    ]
    spans = [_span(e) for *_, events in rows for e in events]
    if not spans:
        return None
    info = scenario_set.info
    left, right, top = 150, WIDTH - 20, 30
    axis = TimeAxis.over([d for span in spans for d in span] + [info.decision_date], left, right)
    x_of = axis.x
    chart = Chart(
        title="Key dates on one time axis",
        summary=(
            f"Events of {' and '.join(f'{st.name}: {s.label}' for st, s, _ in rows)} from "
            f"{day(min(s for s, _ in spans))} to {day(max(e for _, e in spans))}: "
            + "; ".join(f"{st.name} {count(len(ev), 'event')}" for st, _, ev in rows)
            + f". The dashed line is the decision ({day(info.decision_date)})."
        ),
    )
    y = top
    for style, scenario, events in rows:
        lanes: list[float] = []  # the right edge of the last marker in each lane
        placed = []
        for event in sorted(events, key=_span):
            start, end = (x_of(d) for d in _span(event))
            lane = next((i for i, edge in enumerate(lanes) if start > edge + 9), None)
            if lane is None and len(lanes) < 4:
                lanes.append(0.0)
                lane = len(lanes) - 1
            elif lane is None:
                lane = min(range(4), key=lanes.__getitem__)
            lanes[lane] = max(end, x_of(event.when))
            placed.append((event, lane))
        height = 14 * max(len(lanes), 1) + 8
        chart.label(6, y + height / 2 + 3, fit(f"{style.name}: {scenario.label}", left - 12))
        chart.add("rect", x=left, y=y, width=right - left, height=height, fill="#f4f4f4")
        for event, lane in placed:
            mid = y + 11 + 14 * lane
            if event.window:
                chart.add(
                    "line",
                    x1=x_of(event.window.earliest),
                    x2=x_of(event.window.latest),
                    y1=mid,
                    y2=mid,
                    stroke=style.color,
                    stroke_width=1,
                )
            if event.end:
                chart.add(
                    "rect",
                    x=x_of(event.when),
                    y=mid - 3,
                    height=6,
                    fill=style.color,
                    width=max(x_of(event.end) - x_of(event.when), 2.0),
                    opacity=0.6,
                )
            _marker(chart, x_of(event.when), mid, event.certainty, style.color)
        y += height + 6
    chart.add(
        "line",
        x1=x_of(info.decision_date),
        x2=x_of(info.decision_date),
        y1=top - 4,
        y2=y,
        stroke=INK_COLOR,
        stroke_dasharray="4 3",
    )
    chart.label(x_of(info.decision_date), top - 8, "decision", "middle")
    axis.draw(chart, y)
    y += 32
    x = left
    for certainty in ("observed", "scheduled", "projected"):
        _marker(chart, x + 5, y - 4, certainty, INK_COLOR)
        chart.label(x + 14, y, certainty)
        x += 110
    chart.add("rect", x=x, y=y - 7, width=16, height=6, fill=INK_COLOR, opacity=0.6)
    chart.label(x + 22, y, "span")
    chart.add("line", x1=x + 70, x2=x + 90, y1=y - 4, y2=y - 4, stroke=INK_COLOR)
    chart.label(x + 96, y, "window of uncertain timing")
    chart.height = y + 8
    return chart


def stance_chart(
    changes: Sequence[tuple[str, Position, Position]], labels: Sequence[str]
) -> Chart | None:
    """One row per position that differs (``label, a, b``): where the first and the second
    column of the comparison place it, on -2 to +2 or unknown. None when nothing differs."""
    if not changes:
        return None
    left, right, top, step = 250, WIDTH - 90, 36, 18
    unknown_x = WIDTH - 40

    def x_of(value: Position) -> float:
        return unknown_x if isinstance(value, str) else left + (value + 2) * (right - left) / 4

    first, second = labels
    moves = sum(not isinstance(a, str) and not isinstance(b, str) for _, a, b in changes)
    chart = Chart(
        title="Positions that differ",
        summary=(
            f"{count(len(changes), 'position')} differ between {labels[0]} and {labels[1]}, "
            f"{moves} of them on the scale and the rest to or from unknown. Filled circles: "
            f"{first}; squares: {second}."
        ),
    )
    bottom = top + step * len(changes)
    for value in (-2, -1, 0, 1, 2, "unknown"):
        x = x_of(value)
        chart.add("line", x1=x, x2=x, y1=top - 6, y2=bottom, stroke="#dddddd")
        chart.label(
            x,
            top - 12,
            value if isinstance(value, str) else f"{value:+d}" if value else "0",
            "middle",
        )
    a_style, b_style = SCENARIO_STYLES
    for row, (label, a, b) in enumerate(changes):
        y = top + step * row + step / 2
        chart.label(6, y + 3, fit(label, left - 14))
        chart.add("line", x1=x_of(a), x2=x_of(b), y1=y, y2=y, stroke=NEUTRAL_COLOR, stroke_width=2)
        chart.add("circle", cx=x_of(a), cy=y, r=5.0, fill=a_style.color)
        chart.add(
            "rect",
            x=x_of(b) - 4.5,
            y=y - 4.5,
            width=9,
            height=9,
            fill="#ffffff",
            stroke=b_style.color,
            stroke_width=2,
        )
    y = bottom + 18
    chart.add("circle", cx=left + 5, cy=y - 4, r=5.0, fill=a_style.color)
    chart.label(left + 14, y, fit(first, 200))
    chart.add(
        "rect",
        x=left + 230,
        y=y - 8.5,
        width=9,
        height=9,
        fill="#ffffff",
        stroke=b_style.color,
        stroke_width=2,
    )
    chart.label(left + 244, y, fit(second, 200))
    chart.height = y + 8
    return chart
