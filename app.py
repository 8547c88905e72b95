"""Scenario Explorer: composition only. Content lives in scenarios/, logic in explorer/."""

import streamlit as st

from components import export, notices, problems, share, sidebar, views
from components.data import cached_catalog, set_files
from explorer import state as view_state
from explorer.text import escape_markdown

st.set_page_config(page_title="Scenario Explorer", layout="wide")
catalog = cached_catalog()
if not catalog.sets:
    st.title("Scenario Explorer")
    st.error("No scenario set could be loaded.")
    problems.render(catalog.problems)
    st.stop()

url = {key: st.query_params.get_all(key) for key in st.query_params}
requested, url_notices = view_state.parse(url, catalog)
state = view_state.with_view_choices(sidebar.render(catalog, requested), requested)
description = view_state.describe(state, catalog)
st.title(escape_markdown(catalog[state.set].info.title), anchor=False)
st.caption(escape_markdown(description))
notices.render(url_notices)
problems.render(catalog.problems)
state = views.render(catalog[state.set], state)

params = view_state.encode(state, catalog)
st.query_params.from_dict(params)
link = share.render(params, description)
export.render(catalog[state.set], state, link, set_files(state.set))
