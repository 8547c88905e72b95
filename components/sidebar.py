"""The sidebar: set, scenario A, optional B, view and filters. Returns the chosen state.

Widget values live in session state under ``sidebar.*`` keys, seeded from the URL's state when
the link changed from outside; otherwise the widgets are the truth and the URL follows them
(see ``components.url``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import url
from explorer.analysis.compare import offered_groups, tracks_in_use
from explorer.content import Catalog
from explorer.formats import day
from explorer.text import escape_markdown
from explorer.views import NO_B, VIEWS, ViewState, default_state, offered

SLIDER_FIRST = dt.date(1690, 1, 1)
SLIDER_LAST = dt.date(2250, 12, 31)
"""A date slider shows dates within about 2**53 microseconds of 1970 (1684-07-29 to
2255-06-04); a set with dates beyond gets date fields instead."""
FIELDS = ("set", "a", "b", "view", "groups", "tracks", "issues", "dates", "actor")


def _key(name: str) -> str:
    return f"sidebar.{name}"


def _seed(state: ViewState) -> None:
    for name in FIELDS:
        value = getattr(state, name)
        if name == "b":
            value = value or NO_B
        st.session_state[_key(name)] = (
            list(value) if isinstance(value, tuple) and name != "dates" else value
        )


def _on_set_change() -> None:
    """Seed the new set's defaults in ``render``, not here: the set may still have to be loaded,
    which ``components.data.load_sets`` does with a spinner before ``render``."""
    st.session_state[_key("reseed")] = True


def _state_from_widgets() -> ViewState:
    values = {name: st.session_state[_key(name)] for name in FIELDS}
    return ViewState(
        set=values["set"],
        a=values["a"],
        b=None if values["b"] == NO_B else values["b"],
        view=values["view"],
        groups=tuple(values["groups"]),
        tracks=tuple(values["tracks"]),
        issues=tuple(values["issues"]),
        dates=_pair(values["dates"]),
        actor=values["actor"],
    )


def asked_sets() -> list[str | None]:
    """The sets this run may show, before any is loaded: the sidebar's and the link's."""
    return [st.session_state.get(_key("set")), st.query_params.get("set")]


def shown_set(catalog: Catalog) -> str:
    """The set the sidebar shows (from the last run), or the first set of the catalog."""
    chosen = st.session_state.get(_key("set"))
    return chosen if chosen in catalog.sets else catalog.ids[0]


def select_set(catalog: Catalog, set_id: str) -> None:
    """Show ``set_id`` (with its defaults) on this run; call before ``render``."""
    st.session_state[_key("set")] = set_id
    _seed(default_state(catalog, set_id))


def chosen_state(catalog: Catalog, initial: ViewState) -> ViewState:
    """The state the controls hold, seeded from ``initial`` when the link changed from outside
    (see ``components.url``). Read before the controls are drawn (``render``), so that the
    view's elements, its chart first, reach the browser before the sidebar's."""
    reseed = st.session_state.pop(_key("reseed"), False)
    if url.changed_outside() or _key("set") not in st.session_state:
        _seed(initial)
    elif st.session_state[_key("set")] not in catalog.sets:  # an upload was removed
        select_set(catalog, initial.set)
    elif reseed:
        _seed(default_state(catalog, st.session_state[_key("set")]))
    default = default_state(catalog, st.session_state[_key("set")])
    if st.session_state[_key("b")] == st.session_state[_key("a")]:
        st.session_state[_key("b")] = next(
            s for s in (default.b, default.a, NO_B) if s != st.session_state[_key("a")]
        )
    return _with_empty_filters_as_default(_state_from_widgets(), default)


def render(catalog: Catalog, container: DeltaGenerator) -> None:
    """Draw the controls of the state ``chosen_state`` read, into ``container``."""
    default = default_state(catalog, st.session_state[_key("set")])
    scenario_set = catalog[default.set]
    names = {s.id: s.label for s in scenario_set.scenarios}
    with container:
        titles = Counter(catalog.title(i) for i in catalog.ids)
        st.selectbox(
            "Scenario set",
            catalog.ids,
            format_func=lambda i: (
                catalog.title(i) + (f" ({i})" if titles[catalog.title(i)] > 1 else "")
            ),
            key=_key("set"),
            on_change=_on_set_change,
        )
        st.selectbox("Scenario A", list(names), format_func=names.get, key=_key("a"))
        st.selectbox(
            "Compare with B",
            [NO_B, *(i for i in names if i != st.session_state[_key("a")])],
            format_func=lambda i: "(none: show A alone)" if i == NO_B else names[i],
            key=_key("b"),
        )
        st.radio(
            "View",
            [v.id for v in offered(scenario_set)],
            format_func=lambda v: VIEWS[v].label,
            key=_key("view"),
        )
        with st.expander("Filters", expanded=False):
            group_labels = {g.id: g.label for g in offered_groups(scenario_set)}
            st.multiselect(
                "Actor groups", list(group_labels), format_func=group_labels.get, key=_key("groups")
            )
            track_labels = {t.id: t.label for t in tracks_in_use(scenario_set)}
            st.multiselect(
                "Tracks", list(track_labels), format_func=track_labels.get, key=_key("tracks")
            )
            issue_labels = {i.id: i.label for i in scenario_set.issues}
            st.multiselect(
                "Issues", list(issue_labels), format_func=issue_labels.get, key=_key("issues")
            )
            _dates(*default.dates)
            actor_names = {a.id: a.name for a in scenario_set.actors}
            st.selectbox(
                "Actor in detail (stakeholders)",
                [None, *actor_names],
                format_func=lambda i: "(none)" if i is None else actor_names[i],
                key=_key("actor"),
            )
    container.caption(
        escape_markdown(f"Content version {scenario_set.info.version}, ")
        + f"as of {day(scenario_set.info.as_of)}."
    )


def _dates(low: dt.date, high: dt.date) -> None:
    """The date filter: a slider where one can show the range, a pair of date fields where the
    set's dates lie beyond a slider's reach, and no control when every date is one day."""
    if low == high:
        st.caption(f"Dates: every date in this set is {day(low)}.")
    elif low >= SLIDER_FIRST and high <= SLIDER_LAST:
        st.slider("Dates", min_value=low, max_value=high, key=_key("dates"), format="D MMMM YYYY")
    else:
        st.date_input(
            "Dates", min_value=low, max_value=high, key=_key("dates"), format="YYYY-MM-DD"
        )


def _pair(dates: tuple[dt.date, ...] | list[dt.date]) -> tuple[dt.date, ...]:
    """The two ends of the date filter: while only one end is picked in the date fields it
    stands for both, and none picked is an emptied filter."""
    return (dates[0], dates[-1]) if dates else ()


def _with_empty_filters_as_default(state: ViewState, default: ViewState) -> ViewState:
    """An emptied filter means 'everything', not 'nothing'."""
    return replace(
        state,
        groups=state.groups or default.groups,
        tracks=state.tracks or default.tracks,
        issues=state.issues or default.issues,
        dates=state.dates or default.dates,
    )
