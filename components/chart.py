"""One way to show a chart: built once per content and view, stable key, alt text, PNG
download from the toolbar, and its data a click away (sent only once its expander is open)."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import plotly.graph_objects as go
import plotly.io
import streamlit as st

from components.data import memo
from components.lazy import opened
from explorer.text import escape_markdown

if TYPE_CHECKING:  # pandas costs a second to import: not before the first chart is drawn
    import pandas as pd
    import pyarrow as pa


class SentFigure(go.Figure):
    """A built figure that is never changed again, holding the JSON-ready dict Streamlit sends.

    ``st.plotly_chart`` calls ``to_dict`` on every rerun, which deep-copies and walks the whole
    figure, and its encoder then converts each date on its own: about 1.8 ms per chart each
    time. Made once, the dict is encoded in 0.2 ms. It is shared and must not be changed."""

    _sent: dict

    def to_dict(self) -> dict:
        return self._sent


def _sent(figure: go.Figure) -> SentFigure:
    """``figure`` itself (no copy, no second validation), now sending a dict made once."""
    sent = json.loads(plotly.io.to_json(figure, validate=False))
    figure.__class__ = SentFigure
    figure._sent = sent
    return figure  # type: ignore[return-value]


DATA_LABEL = "Data behind this chart"


def data_key(key: str) -> str:
    """The key of the data expander of the chart keyed ``key`` (open when its state is True)."""
    return f"{key}.data"


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
    """A chart, built once (see ``chart``): the figure is handed over and never changed. Its
    table is converted to Arrow here, once, as ``st.dataframe`` would convert it on every rerun;
    it is sent only while its expander is open (``show_chart``)."""

    figure: go.Figure
    alt: str
    table: pd.DataFrame | None = None
    arrow: pa.Table | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.figure, SentFigure):
            _sent(self.figure)
        if self.table is not None:
            from streamlit.dataframe_util import convert_pandas_df_to_arrow_table

            object.__setattr__(self, "arrow", convert_pandas_df_to_arrow_table(self.table))


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
    if content.arrow is not None:
        panel = opened(DATA_LABEL, data_key(key))
        if panel is not None:
            panel.dataframe(content.arrow, hide_index=True, key=f"{key}.table")
