"""The brief's indicator charts as inline SVG: each scenario's projected path with its range
shaded, against the observed values. Drawn as geometry for ``templates/brief.html.j2`` (see
``explorer.publish.svg``); why not a plotly export is said in ``explorer.publish.brief_charts``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from explorer.content import Trajectory
from explorer.figures.palette import OBSERVED_COLOR, SCENARIO_STYLES
from explorer.formats import count, day, number, places
from explorer.publish.svg import WIDTH, Chart, TimeAxis

DASHES = {"dash": "6 3", "dot": "2 3", "solid": "none"}


def _nice_step(span: float) -> float:
    raw = span / 4 or 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def indicator_chart(
    title: str,
    paths: Sequence[tuple[str, Trajectory]],
    observed: Sequence[tuple[dt.date, float]],
) -> Chart:
    """One indicator over time: each scenario's projected path (``letter, trajectory``) as a
    line with its range shaded, and the observed values as grey dots."""
    points = [p for _, t in paths for p in t.points]
    values = [v for p in points for v in (p.low, p.high)] + [v for _, v in observed]
    dates = [p.date for p in points] + [d for d, _ in observed]
    step = _nice_step(max(values) - min(values))
    low, high = math.floor(min(values) / step) * step, math.ceil(max(values) / step) * step
    high = high if high > low else low + step
    left, right, top, bottom = 70, WIDTH - 20, 12, 132
    axis = TimeAxis.over(dates, left, right)

    def y_of(value: float) -> float:
        return bottom - (value - low) * (bottom - top) / (high - low)

    styles = dict(zip("AB", SCENARIO_STYLES, strict=True))
    chart = Chart(
        title=title,
        summary=(
            f"{title}, {day(min(dates))} to {day(max(dates))}: "
            + "; ".join(
                f"{letter} projects {number(t.points[-1].value, places(values))} by "
                f"{day(t.points[-1].date)}"
                for letter, t in paths
            )
            + f"; {count(len(observed), 'observed value')}."
        ),
    )
    decimals = places([low, step])
    tick = low
    while tick <= high + step / 2:
        chart.add("line", x1=left, x2=right, y1=y_of(tick), y2=y_of(tick), stroke="#e4e4e4")
        chart.label(left - 6, y_of(tick) + 3, number(tick, decimals), "end")
        tick += step
    for letter, trajectory in paths:
        style, series = styles[letter], trajectory.points
        band = [(axis.x(p.date), y_of(p.high)) for p in series]
        band += [(axis.x(p.date), y_of(p.low)) for p in reversed(series)]
        chart.add("polygon", points=_points(band), fill=style.color, opacity=0.15)
        line = _points([(axis.x(p.date), y_of(p.value)) for p in series])
        chart.add(
            "polyline",
            points=line,
            fill="none",
            stroke=style.color,
            stroke_width=2,
            stroke_dasharray=DASHES[style.dash],
        )
    for date, value in observed:
        chart.add("circle", cx=axis.x(date), cy=y_of(value), r=3.5, fill=OBSERVED_COLOR)
    axis.draw(chart, bottom)
    y, x = bottom + 34, float(left)
    for letter, _ in paths:
        style = styles[letter]
        chart.add(
            "line",
            x1=x,
            x2=x + 22,
            y1=y - 4,
            y2=y - 4,
            stroke=style.color,
            stroke_width=2,
            stroke_dasharray=DASHES[style.dash],
        )
        chart.label(x + 28, y, f"{letter}: projected, range shaded")
        x += 200
    chart.add("circle", cx=x + 5, cy=y - 4, r=3.5, fill=OBSERVED_COLOR)
    chart.label(x + 14, y, "observed")
    chart.height = y + 8
    return chart


def _points(pairs: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pairs)
