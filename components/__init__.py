"""Streamlit rendering only: one module per view or panel; nothing here reads a file."""
