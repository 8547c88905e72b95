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

A link of more than 1,000 parameters never reaches the script: Streamlit replaces such a query
string by an empty one on the server (``sanitize_query_string``). Only the page still has it,
so when a link from outside reads as empty, a few lines of script in the page (a Streamlit v2
component that draws nothing) count the address bar's parameters and report a link past that
limit; the next run gives the usual notice over the defaults. (Streamlit's other limit, 512 KiB,
is never reached: its HTTP server refuses a request line of a few hundred KB before the page.)
"""

from __future__ import annotations

import streamlit as st

from explorer.content import Catalog
from explorer.views import ViewState, encode, parse
from explorer.views.url import MAX_PARAMETERS, TOO_MANY_PARAMETERS

WRITTEN = "url.written"
OUTSIDE = "url.changed_outside"
UNREAD = "url.unread"
EMPTY_FROM_OUTSIDE = "url.empty_from_outside"
_PROBE_KEY = "url.unread_probe"

_PROBE_JS = """
export default function ({ data, setTriggerValue }) {
  const query = window.location.search.slice(1);
  const fields = query ? query.split("&").length : 0;  // as Streamlit counts them
  if (fields > data.most) setTriggerValue("unread", true);
}
"""
_UNREAD_LINK_PROBE = st.components.v2.component("scenario_explorer.unread_link", js=_PROBE_JS)


def _note_unread_link() -> None:
    st.session_state[UNREAD] = True


def read(catalog: Catalog) -> tuple[ViewState, list[str]]:
    """The state the link asks for, and a sentence for each part of it that was ignored."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    st.session_state[OUTSIDE] = params != st.session_state.get(WRITTEN)
    st.session_state[EMPTY_FROM_OUTSIDE] = not params and changed_outside()
    state, notices = parse(params, catalog)
    if st.session_state.pop(UNREAD, False):
        notices = [TOO_MANY_PARAMETERS, *notices]
    return state, notices


def count_unread_parameters() -> None:
    """When this run's link came from outside and read as empty, have the page count the
    address bar's parameters (see above). Called last: its empty element shifts nothing."""
    if st.session_state.get(EMPTY_FROM_OUTSIDE):
        _UNREAD_LINK_PROBE(
            key=_PROBE_KEY, data={"most": MAX_PARAMETERS}, on_unread_change=_note_unread_link
        )


def changed_outside() -> bool:
    """Whether this run's link was not written by this session: controls follow it."""
    return bool(st.session_state.get(OUTSIDE, True))


def write(state: ViewState, catalog: Catalog) -> dict[str, str]:
    """Put ``state`` in the address bar; return its query parameters. An address bar that
    already reads so is left alone: it may hold a link too long for Streamlit to read, which
    ``count_unread_parameters`` has the page measure."""
    params = encode(state, catalog)
    written = {key: [value] for key, value in params.items()}
    if written != {key: st.query_params.get_all(key) for key in st.query_params}:
        st.query_params.from_dict(params)
    st.session_state[WRITTEN] = written
    return params
