"""The floor: a minimal Streamlit app (one radio, one small plotly chart) that every benchmark
measures in the same run, so results are ratios no Streamlit app can go below on this machine."""

import plotly.graph_objects as go
import streamlit as st

choice = st.sidebar.radio("Series", ["one", "two", "three"], key="minimal.series")
offset = ["one", "two", "three"].index(choice)
figure = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[offset + v for v in (1, 3, 2, 4)], name=choice))
figure.update_layout(title=f"Series {choice}", height=300)
st.plotly_chart(figure, key="minimal.chart")
