"""The one cached entry point to the content: load every set once per process."""

from __future__ import annotations

import streamlit as st

from explorer.catalog import Catalog, load_catalog


@st.cache_resource(show_spinner=False)
def cached_catalog() -> Catalog:
    """The catalog is immutable (frozen models), so one shared copy serves every session."""
    return load_catalog()
