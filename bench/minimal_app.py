"""The floor: a minimal Streamlit app that every benchmark measures in the same run, so results
are ratios to what no Streamlit app can go below on this machine.

A selectbox bound to the URL, a title, one small ``graph_objects`` chart."""

import plotly.graph_objects as go
import streamlit as st

OPTIONS = ["one", "two", "three"]

choice = st.sidebar.selectbox("Series", OPTIONS, key="minimal.series", bind="query-params")
st.title(f"Series {choice}", anchor=False)
offset = OPTIONS.index(choice)
figure = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[offset + v for v in (1, 3, 2, 4)], name=choice))
figure.update_layout(title=f"Series {choice}", height=300)
st.plotly_chart(figure, key="minimal.chart")
