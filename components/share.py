"""The current view's full link, in a box with a copy button."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from components.copy_box import copy_box
from explorer.text import escape_markdown
from explorer.views import view_link

FALLBACK_BASE = "http://localhost:8501/"


def render(params: dict[str, str], description: str) -> str:
    """Show the link in the sidebar and return it."""
    current = st.context.url or FALLBACK_BASE
    link = view_link(urlsplit(current)._replace(query="", fragment="").geturl(), params)
    with st.sidebar:
        st.markdown("**Copy link** to this view")
        copy_box(link, key="share.link")
        st.caption(escape_markdown(description))
    return link
