"""One way to show a chart: stable key, alt text, PNG download, its data a click away."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from explorer.text import escape_markdown


def chart(fig: go.Figure, key: str, alt: str, table: pd.DataFrame | None = None) -> None:
    st.plotly_chart(
        fig,
        key=key,
        alt=alt,
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": key.replace(".", "-")},
        },
    )
    st.caption(escape_markdown(alt))
    if table is not None:
        with st.expander("Data behind this chart"):
            st.dataframe(table, hide_index=True, key=f"{key}.table")
