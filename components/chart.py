"""One way to show a chart: built once per content and view, stable key, alt text, PNG
download from the toolbar, and its data a click away."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import plotly.graph_objects as go
import streamlit as st

from components.data import memo
from explorer.text import escape_markdown

if TYPE_CHECKING:  # pandas costs a second to import: not before the first chart is drawn
    import pandas as pd


UNUSED_BUTTONS = [
    "select2d",
    "lasso2d",
    "autoScale2d",
    "toggleSpikelines",
    "hoverClosestCartesian",
    "hoverCompareCartesian",
]
"""Kept short, the toolbar stays in the room the layout keeps for it above each title
(``explorer.figures.style.TOOLBAR_ROOM``)."""


@dataclass(frozen=True)
class ChartContent:
    figure: go.Figure
    alt: str
    table: pd.DataFrame | None = None


def chart(key: str, depends_on: tuple[Hashable, ...], build: Callable[[], ChartContent]) -> None:
    """Draw the chart ``build`` makes; ``depends_on`` names all it depends on (for the cache)."""
    show_chart(key, memo((key, *depends_on), build))


def show_chart(key: str, content: ChartContent) -> None:
    st.plotly_chart(
        content.figure,
        key=key,
        alt=content.alt,
        config={
            "displaylogo": False,
            "modeBarButtonsToRemove": UNUSED_BUTTONS,
            "toImageButtonOptions": {"format": "png", "filename": key.replace(".", "-")},
        },
    )
    st.caption(escape_markdown(content.alt))
    if content.table is not None:
        with st.expander("Data behind this chart"):
            st.dataframe(content.table, hide_index=True, key=f"{key}.table")


def full_text_table(table: pd.DataFrame) -> None:
    """A short table whose long texts (a basis, a note) are shown in full, wrapped, not cut at
    the column's edge; its text is escaped, since a static table reads Markdown."""
    st.table(table.map(lambda v: escape_markdown(v) if isinstance(v, str) else v), hide_index=True)
