"""The current view's full link, in a box with a copy button."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from explorer.text import escape_markdown

FALLBACK_BASE = "http://localhost:8501/"


def render(params: dict[str, str], description: str) -> None:
    current = st.context.url or FALLBACK_BASE
    base = urlsplit(current)._replace(query="", fragment="").geturl()
    link = f"{base}?{urlencode(params, safe='~.')}" if params else base
    with st.sidebar:
        st.markdown("**Copy link** to this view")
        st.code(link, language=None, wrap_lines=True)
        st.caption(escape_markdown(description))
