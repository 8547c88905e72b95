"""Scenario Explorer: composition only. Content lives in scenarios/, logic in explorer/."""

import streamlit as st

from components import export, notices, problems, share, sidebar, upload, url, views
from components.data import cached_catalog, load_sets, set_files
from explorer.memory import release_freed_memory
from explorer.text import escape_markdown
from explorer.views import describe, tab_title, with_view_choices

st.set_page_config(page_title="Scenario Explorer", layout="wide")
catalog = cached_catalog()
load_sets(catalog, sidebar.asked_sets())
if not catalog.sets:
    st.title("Scenario Explorer")
    st.error("No scenario set could be loaded.")
    problems.render(dict(catalog.problems))
    st.stop()

controls = st.sidebar.container()
shown = sidebar.shown_set(catalog)
upload_result = upload.uploaded(shown, upload.files_of(shown) or set_files(shown), catalog.ids)
uploaded = upload_result.set if upload_result is not None else None
if uploaded is not None:
    catalog = catalog.with_set(uploaded)
    if st.session_state.get("app.uploaded") != uploaded.content_hash:
        st.session_state["app.uploaded"] = uploaded.content_hash
        sidebar.select_set(catalog, uploaded.id)

requested, url_notices = url.read(catalog)
state = with_view_choices(sidebar.chosen_state(catalog, requested), requested)
description = describe(state, catalog)
st.set_page_config(page_title=tab_title(state, catalog))
st.title(escape_markdown(catalog[state.set].info.title), anchor=False)
st.caption(escape_markdown(description))
notices.render(url_notices)
problems.render(dict(catalog.problems))
try:  # the view first, then the controls, drawn even when the view fails
    state = views.render(catalog[state.set], state)
finally:
    sidebar.render(catalog, controls)
    upload.render(upload_result)

params = url.write(state, catalog)
link = share.render(params, description)
export.render(catalog[state.set], state, link, upload.files_of(state.set) or set_files(state.set))
url.count_unread_parameters()
release_freed_memory()
