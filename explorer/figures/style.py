"""What every figure builder shares: the font, the layout, and making content text safe.

Plotly renders titles, labels and hover text as a small subset of HTML, so content text is
escaped before it goes in; the helpers here do that.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

import plotly.graph_objects as go

from explorer.figures.palette import INK_COLOR

FONT = {"family": "Source Sans Pro, sans-serif", "size": 13}
TITLE_SIZE = 15
TITLE_WIDTH = 40
"""Characters in a title line: a phone's chart is some 350 px wide."""
TOOLBAR_ROOM = 34
"""Pixels kept free above the title for the Plotly toolbar, which sits at the chart's top right
(on a touch screen it shows after a tap, so hiding it until hover is not enough)."""
LEGEND_GAP = 48
"""Pixels at least between the plot and a legend under it: room for the x axis's tick labels,
however short the plot."""
LEGEND_LINE = 19
"""Pixels a legend under the plot takes per line of its entries, one entry a row (a phone)."""


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def short_labels(names: Sequence[str], size: int) -> list[str]:
    """Each name escaped and cut to ``size`` characters, told apart by a number where two cuts
    come out the same (plotly merges rows or columns with one label)."""
    labels: list[str] = []
    for name in names:
        label = clip(name, size)
        n = 2
        while label in labels:
            label = f"{clip(name, size - 3)} {n}"
            n += 1
        labels.append(label)
    return [esc(label) for label in labels]


def wrap(text: str, width: int) -> str:
    """Escaped, broken into lines of at most ``width`` characters (long words kept whole)."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(esc(line) for line in lines) or esc(text)


def wrap_markup(markup: str, width: int) -> str:
    """Already escaped markup broken at spaces into lines of about ``width`` characters; the
    line breaks it has are kept, and no tag or entity is split (neither holds a space)."""
    return "<br>".join(
        "<br>".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
        or line
        for line in markup.split("<br>")
    )


def legend_lines(fig: go.Figure) -> int:
    """The lines of ``fig``'s legend entries (0 when plotly shows no legend): what
    ``layout`` keeps room for below the plot."""
    names = [t.name for t in fig.data if t.name and t.showlegend is not False]
    return sum(name.count("<br>") + 1 for name in names) if len(names) > 1 else 0


def layout(
    fig: go.Figure,
    title: str,
    height: int,
    legend_y: float = -0.12,
    top: int = 0,
    legend: int = 0,
) -> go.Figure:
    """The shared layout. ``title`` is markup: callers escape content that goes into it. The
    title is wrapped to fit a phone and set below the toolbar; ``top`` is the room the plot
    needs above it besides (for axis labels on top). With ``legend`` (its ``legend_lines``),
    the figure grows by the room the legend takes with one entry a row, kept below the plot
    and its tick labels, so the plot keeps its height however long the legend is (plotly
    would otherwise scroll a horizontal legend taller than half the figure).

    No plotly template is set: Streamlit's theme styles the chart in the browser, and applying
    a template in Python costs tens of milliseconds per figure."""
    text = wrap_markup(title, TITLE_WIDTH)
    lines = text.count("<br>") + 1
    top_margin = TOOLBAR_ROOM + 20 * lines + 10 + top
    plot = height - TOOLBAR_ROOM - 40  # px of the plot itself, about (exactly with a legend)
    room = LEGEND_GAP + LEGEND_LINE * legend + 20 if legend else 0
    legend_y = min(legend_y, -LEGEND_GAP / max(plot, LEGEND_GAP))
    fig.update_layout(
        title={
            "text": text,
            "x": 0,
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            # plotly sets a title of several lines some 10 px higher than one of one line
            "pad": {"t": TOOLBAR_ROOM + (10 if lines > 1 else 0)},
            "font": {"size": TITLE_SIZE},
        },
        height=height + 20 * (lines - 1) + top + room,
        margin={"l": 10, "r": 10, "t": top_margin, "b": 10 + room},
        font={**FONT, "color": INK_COLOR},
        legend={"orientation": "h", "y": legend_y, "x": 0, "yanchor": "top"}
        | ({"maxheight": room} if legend else {}),
        hoverlabel={"align": "left"},
    )
    # Streamlit's theme colours axis text #808495 (3.7:1 on white): too faint for 12 px text.
    for axes in (fig.update_xaxes, fig.update_yaxes):
        axes(tickfont_color=INK_COLOR, title_font_color=INK_COLOR)
    return fig
