"""What every figure builder shares: the font, the layout, and making content text safe.

Plotly renders titles, labels and hover text as a small subset of HTML, so content text is
escaped before it goes in; the helpers here do that.
"""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

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
        font=FONT,
        legend={"orientation": "h", "y": legend_y, "x": 0},
        hoverlabel={"align": "left"},
    )
    return fig
