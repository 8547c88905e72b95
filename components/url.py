"""The URL cycle: the link is the state. Read it, tell whether it came from outside, write the
state back.

Each rerun starts by parsing the query parameters into a state, with a notice for anything that
was ignored. When they are exactly what this session wrote at the end of its last run, they are
only its echo, and the controls (the sidebar, the Vote view's votes, the What-if's choices) hold
the truth. When they differ (a link opened, or Back or Forward pressed, which Streamlit answers
with a rerun on the new query string), every control is seeded from them: ``changed_outside``.
At the end of the run the state is written back, carrying only what differs from the defaults.
Streamlit pushes a browser history entry for each change a person makes and replaces the entry
while it answers Back or Forward, so the history holds one entry per change.

Why not ``bind="query-params"``: a widget's choices and default depend on the set shown; a
value the link asks for that cannot be shown must be named in a notice before a bound widget
silently drops it; and AppTest cannot see URL changes made by bound widgets, so the round trip
could only be tested in a browser.

A link of more than 1,000 parameters (or 512 KiB) cannot be named: Streamlit 1.67 replaces such a
query string by an empty one on the server (``sanitize_query_string``) before the script runs,
``st.context.url`` is sent by the browser without its query, and the websocket's headers carry
no referrer. The page opens with the defaults; ``explorer.views.parse`` names a long link it does
see.
"""

from __future__ import annotations

import streamlit as st

from explorer.content import Catalog
from explorer.views import ViewState, encode, parse

WRITTEN = "url.written"
OUTSIDE = "url.changed_outside"


def read(catalog: Catalog) -> tuple[ViewState, list[str]]:
    """The state the link asks for, and a sentence for each part of it that was ignored."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    st.session_state[OUTSIDE] = params != st.session_state.get(WRITTEN)
    return parse(params, catalog)


def changed_outside() -> bool:
    """Whether this run's link was not written by this session: controls follow it."""
    return bool(st.session_state.get(OUTSIDE, True))


def write(state: ViewState, catalog: Catalog) -> dict[str, str]:
    """Put ``state`` in the address bar; return its query parameters."""
    params = encode(state, catalog)
    st.query_params.from_dict(params)
    st.session_state[WRITTEN] = {key: [value] for key, value in params.items()}
    return params
