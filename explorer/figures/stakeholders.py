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
from explorer.figures.palette import INK_COLOR, PAGE_COLOR, POSITION_SCALE, UNKNOWN_COLOR
from explorer.figures.style import esc, layout, short_labels, wrap
from explorer.formats import signed

ACTOR_CHARS = 20
"""An actor's name on the heat map is cut to this many characters (in full on hover and in the
data table): longer names would leave a phone no room for the cells."""
ISSUE_CHARS = 26
"""Issue headers are written upright over narrow columns, cut to this many characters."""
ROW = 26  # px per actor
CELL_GAP = 2
"""Pixels between the heat map's cells, drawn over them in the page's colour: plotly's own
gaps (``xgap``) make it paint each trace at the plot's full size and encode it as a PNG, some
20 ms a draw, where cells without gaps are drawn as a picture one pixel a cell."""
BAR = 220
"""Pixels of the colour bar's length. The bar lies under the names, from the figure's left edge,
and plotly keeps that much room on the left for a bar placed by the container: the left margin
is this room, fixed, and the names (at most ``ACTOR_CHARS``) are set in it, so that plotly has
no margin to grow after its first draw and draws the chart once."""
SALIENCE_LEFT = 70
"""Pixels left of the position and salience map: its y axis's labels (0 to 1) and title."""
SALIENCE_BELOW = 64
"""Pixels under that map before its key: its x axis's labels and title."""
KEY_LINE = 18
"""Pixels a line of the key under that map takes (13 px text, plotly's 1.3 line spacing, and
a pixel of slack)."""
KEY_INDENT = "\u00a0" * 4
"""Where an entry of that key runs on to another line, the line is indented by this much."""


def _cell_borders(columns: int, rows: int) -> str:
    """An SVG path (in cell units) of the lines between the heat map's cells."""
    across = [f"M{c - 0.5},-0.5V{rows - 0.5}" for c in range(1, columns)]
    down = [f"M-0.5,{r - 0.5}H{columns - 0.5}" for r in range(1, rows)]
    return "".join(across + down)


def _position_text(value: Position) -> str:
    return "?" if value == "unknown" else signed(value)


def stance_heatmap(
    actors: Sequence[Actor], issues: Sequence[Issue], values: Mapping[tuple[str, str], Position]
) -> go.Figure:
    """Actor x issue positions on a diverging scale; unknown cells grey with '?', never zero.

    The long axis is the actors, one row each; the issues are few narrow columns with upright
    headers, and the colour bar lies under the cells, so the chart reads on a phone as on a
    desktop. Long names are cut on the axes and given in full on hover.

    Cell text is black or white, whichever reads better on the cell (4.5:1 or more), so the
    known cells are split into one trace per text colour. Each trace writes text only on its
    own cells: plotly writes a trace's text on its empty cells too, in a colour chosen for the
    page, where it lands on another trace's cell."""
    z = [[values[(a.id, i.id)] for i in issues] for a in actors]
    x = short_labels([i.label for i in issues], ISSUE_CHARS)
    y = short_labels([a.name for a in actors], ACTOR_CHARS)
    full = [[esc(f"{a.name} · {i.label}") for i in issues] for a in actors]
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
            customdata=full,
            hovertemplate="%{customdata}: unknown<extra></extra>",
            hoverongaps=False,
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
                customdata=full,
                hovertemplate="%{customdata}: %{text}<extra></extra>",
                hoverongaps=False,
                colorbar={
                    "title": {"text": "position (-2 to +2)", "side": "top"},
                    "orientation": "h",
                    "x": 0,
                    "xanchor": "left",
                    "xref": "container",
                    "y": 0,
                    "yanchor": "top",
                    "ypad": 12,
                    "len": BAR,
                    "lenmode": "pixels",
                    "thickness": 12,
                    "tickvals": [-2, -1, 0, 1, 2],
                    "ticktext": ["-2", "-1", "0", "+1", "+2"],
                },
            )
        )
    fig = go.Figure(traces)
    fig.add_shape(
        type="path",
        path=_cell_borders(len(issues), len(actors)),
        line={"color": PAGE_COLOR, "width": CELL_GAP},
    )
    fig.update_yaxes(autorange="reversed", fixedrange=True, automargin=False, showgrid=False)
    fig.update_xaxes(side="top", fixedrange=True, tickangle=-90, automargin=False, showgrid=False)
    header = 12 + 7 * max((len(label) for label in x), default=0)
    title = "Positions by actor and issue (grey ? = no statement found)"
    layout(fig, title, 150 + ROW * len(actors), top=header)
    fig.update_layout(margin={"l": BAR, "b": 80})
    return fig


def position_salience(
    issue: Issue, values: Mapping[str, tuple[Position, float | None]]
) -> go.Figure:
    """Actors (by name) with a known position and a stated salience on ``issue``: position
    across, salience up. Actors at the same point share one marker, sized by their number and
    numbered; the key under the chart lists each number's actors by name, so no name is cut at
    the edge or hidden behind '+3'.

    The points are one trace and the key one block of text: plotly draws a trace and a legend
    entry for each point at some 5 ms apiece, and draws a chart twice when it changes."""
    clusters: dict[tuple[int, float], list[str]] = {}
    for name, (value, salience) in values.items():
        if value != "unknown" and salience is not None:
            clusters.setdefault((int(value), salience), []).append(name)
    points = sorted(clusters.items())
    key = [
        wrap(f"{n}: {', '.join(names)}", 44).replace("<br>", "<br>" + KEY_INDENT)
        for n, (_, names) in enumerate(points, start=1)
    ]
    fig = go.Figure(
        go.Scatter(
            x=[value for (value, _), _ in points],
            y=[salience for (_, salience), _ in points],
            mode="markers+text",
            text=[str(n) for n in range(1, len(points) + 1)],
            textposition="middle center",
            textfont={"color": "#000000", "size": 12},
            hovertext=[wrap(", ".join(names), 50) for _, names in points],
            hoverinfo="text",
            marker={
                "size": [min(18 + 3 * len(names), 36) for _, names in points],
                "color": UNKNOWN_COLOR,
                "opacity": 1,  # plotly draws markers of several sizes see-through otherwise
                "line": {"width": 1, "color": "#333333"},
            },
            showlegend=False,
        )
    )
    fig.update_xaxes(
        range=[-2.5, 2.5],
        tickvals=[-2, -1, 0, 1, 2],
        ticktext=["-2", "-1", "0", "+1", "+2"],
        title="position",
        fixedrange=True,
    )
    fig.update_yaxes(range=[-0.1, 1.15], title="salience", fixedrange=True)
    title = "<br>".join(
        esc(line)
        for line in (
            f"{issue.label}: position and salience",
            f"-2: {issue.low}",
            f"+2: {issue.high}",
        )
    )
    lines = sum(entry.count("<br>") + 1 for entry in key)
    fig = layout(fig, title, 420 + KEY_LINE * lines)
    if key:
        fig.add_annotation(
            text="<br>".join(["Actors at each point", *key]),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            xanchor="left",
            yanchor="top",
            yshift=-SALIENCE_BELOW,
            align="left",
            showarrow=False,
            font={"color": INK_COLOR},
        )
    below = SALIENCE_BELOW + (KEY_LINE * (lines + 1) + 10 if key else 0)
    return fig.update_layout(margin={"l": SALIENCE_LEFT, "b": below})
