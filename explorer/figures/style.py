"""What every figure builder shares: the font, the layout, and making content text safe.

Plotly renders titles, labels and hover text as a small subset of HTML, so content text is
escaped before it goes in; the helpers here do that.
"""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

from explorer.figures.palette import INK_COLOR

FONT = {"family": "Source Sans Pro, sans-serif", "size": 13}


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def wrap(text: str, width: int) -> str:
    """Escaped, broken into lines of at most ``width`` characters (long words kept whole)."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(esc(line) for line in lines) or esc(text)


def layout(fig: go.Figure, title: str, height: int, legend_y: float = -0.12) -> go.Figure:
    """The shared layout. ``title`` is markup: callers escape content that goes into it.

    No plotly template is set: Streamlit's theme styles the chart in the browser, and applying
    a template in Python costs tens of milliseconds per figure."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        font={**FONT, "color": INK_COLOR},
        legend={"orientation": "h", "y": legend_y, "x": 0},
        hoverlabel={"align": "left"},
    )
    # Streamlit's theme colours axis text #808495 (3.7:1 on white): too faint for 12 px text.
    for axes in (fig.update_xaxes, fig.update_yaxes):
        axes(tickfont_color=INK_COLOR, title_font_color=INK_COLOR)
    return fig
