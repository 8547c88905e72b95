"""The view state's URL form: parse query parameters into a state, encode a state as a link.

Parameters stay strings at the boundary; each is parsed into a valid value or falls back to
its default with a plain sentence saying what was ignored. Nothing from the URL is used as a
path or rendered as markup: values are only compared with known ids. A link carries only what
differs from the defaults, so the default view's link has no query string.

    >>> state, notices = parse({"view": "timeline"}, catalog)
    >>> encode(state, catalog)
    {'view': 'timeline', 'v': '1.0.0'}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from urllib.parse import urlencode

from explorer.analysis.compare import offered_groups, tracks_in_use
from explorer.content import Catalog
from explorer.formats import day
from explorer.views.choices import encode_choices, parse_choices
from explorer.views.migrations import migrate
from explorer.views.registry import VIEWS
from explorer.views.state import ViewState, default_state
from explorer.views.tokens import (
    LIST_SEPARATOR,
    MAX_VALUE_LENGTH,
    NO_B,
    RANGE_SEPARATOR,
    shown,
)

PARAMS = (
    *("set", "a", "b", "view", "groups", "tracks", "issues", "dates", "actor"),
    *("text", "votes", "fix", "judge", "asof", "salience", "search", "v"),
)
MAX_PARAMETERS = 1000
"""The most parameters a link may carry: Streamlit's own limit
(``CLIENT_STATE_QUERY_STRING_MAX_FIELDS``), past which it reads none of them."""
TOO_MANY_PARAMETERS = "This link has more parameters than can be read; the defaults are shown."


def _subset(
    raw: str, allowed: Sequence[str], name: str, notices: list[str]
) -> tuple[str, ...] | None:
    tokens = [t for t in raw.split(LIST_SEPARATOR) if t]
    unknown = [t for t in tokens if t not in allowed]
    if unknown:
        notices.append(f"Ignored {name} {', '.join(map(shown, unknown))}: not known here.")
    chosen = tuple(a for a in allowed if a in tokens)
    return chosen or None


def _dates(
    raw: str, bounds: tuple[dt.date, dt.date], notices: list[str]
) -> tuple[dt.date, dt.date] | None:
    try:
        start, end = (dt.date.fromisoformat(part) for part in raw.split(RANGE_SEPARATOR))
    except ValueError:
        notices.append(f"Ignored dates={shown(raw)}: use YYYY-MM-DD..YYYY-MM-DD.")
        return None
    if end < start:
        notices.append(f"Ignored dates={shown(raw)}: the end is before the start.")
        return None
    if start < bounds[0] or end > bounds[1]:
        notices.append(
            f"Ignored dates={shown(raw)}: this set runs from {day(bounds[0])} to {day(bounds[1])}."
        )
        return None
    return start, end


def parse(
    params: Mapping[str, str | Sequence[str]], catalog: Catalog
) -> tuple[ViewState, list[str]]:
    """The state a URL asks for, and a sentence for every part of it that was ignored or
    migrated from an older form. A link of more than ``MAX_PARAMETERS`` parameters (counting
    each value) is read as no link at all, as Streamlit reads it, with a notice saying so."""
    if sum(1 if isinstance(v, str) else max(len(v), 1) for v in params.values()) > MAX_PARAMETERS:
        return default_state(catalog, None), [TOO_MANY_PARAMETERS]
    params, notices = migrate(params)
    raw: dict[str, str] = {}
    for key, value in params.items():
        if key not in PARAMS:
            notices.append(f"Ignored the unknown parameter {shown(key)}.")
            continue
        values = [value] if isinstance(value, str) else list(value)
        if len(values) > 1:
            notices.append(f"Used the first of {len(values)} values given for {key}.")
        if values and len(values[0]) > MAX_VALUE_LENGTH:
            notices.append(f"Ignored {key}: the value is too long.")
        elif values:
            raw[key] = values[0]

    set_id = raw.get("set")
    if set_id is not None and set_id not in catalog.sets:
        notices.append(f"Ignored set={shown(set_id)}: no such scenario set.")
        set_id = None
    state = default_state(catalog, set_id)
    scenario_set = catalog[state.set]
    scenario_ids = [s.id for s in scenario_set.scenarios]

    b: str | None = raw.get("b", state.b)
    if b == NO_B:
        b = None
    elif b not in scenario_ids:
        notices.append(f"Ignored b={shown(str(b))}: no such scenario in this set.")
        b = state.b
    a = raw.get("a", state.a)
    if a not in scenario_ids:
        notices.append(f"Ignored a={shown(a)}: no such scenario in this set.")
        a = next((s for s in (state.a, state.b, *scenario_ids) if s and s != b), state.a)
    if b == a:
        if "b" in raw:
            notices.append(f"Ignored b={shown(a)}: it is the same scenario as a.")
        b = state.a if a != state.a else state.b
    view = raw.get("view", state.view)
    if view not in VIEWS:
        notices.append(f"Ignored view={shown(view)}: the views are {', '.join(VIEWS)}.")
        view = state.view
    elif not VIEWS[view].holds(scenario_set):
        notices.append(f"Ignored view={view}: this set has {VIEWS[view].needs}.")
        view = state.view
    state = replace(state, a=a, b=b, view=view)

    issue_ids = [i.id for i in scenario_set.issues]
    for key, allowed in (
        ("groups", [g.id for g in offered_groups(scenario_set)]),
        ("tracks", [t.id for t in tracks_in_use(scenario_set)]),
        ("issues", issue_ids),
    ):
        if key in raw and (chosen := _subset(raw[key], allowed, key, notices)):
            state = replace(state, **{key: chosen})
    if "dates" in raw and (dates := _dates(raw["dates"], state.dates, notices)):
        state = replace(state, dates=dates)
    actor = raw.get("actor")
    if actor is not None:
        if actor in {x.id for x in scenario_set.actors}:
            state = replace(state, actor=actor)
        else:
            notices.append(f"Ignored actor={shown(actor)}: no such actor in this set.")
    state = replace(state, **parse_choices(raw, scenario_set, notices))
    version = raw.get("v")
    if version is not None and version != scenario_set.info.version:
        notices.append(
            f"This link was made for content version {shown(version)}; the content is now "
            f"version {scenario_set.info.version}, so some of what it showed may have changed."
        )
    return state, notices


def encode(state: ViewState, catalog: Catalog) -> dict[str, str]:
    """The query parameters of ``state``: only those that differ from the defaults."""
    default = default_state(catalog, state.set)
    out: dict[str, str] = {}
    if state.set != catalog.ids[0]:
        out["set"] = state.set
    if state.a != default.a:
        out["a"] = state.a
    if state.b != default.b:
        out["b"] = state.b or NO_B
    if state.view != default.view:
        out["view"] = state.view
    for key in ("groups", "tracks", "issues"):
        if getattr(state, key) != getattr(default, key):
            out[key] = LIST_SEPARATOR.join(getattr(state, key))
    if state.dates != default.dates:
        out["dates"] = RANGE_SEPARATOR.join(d.isoformat() for d in state.dates)
    if state.actor:
        out["actor"] = state.actor
    out |= encode_choices(state)
    if out:
        out["v"] = catalog[state.set].info.version
    return out


def view_link(base: str, params: Mapping[str, str]) -> str:
    """The app's link for query ``params`` (readable: ``~`` and ``.`` are left unescaped)."""
    return f"{base}?{urlencode(params, safe='~.')}" if params else base
