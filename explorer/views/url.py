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
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from urllib.parse import urlencode

from explorer.analysis.compare import offered_groups, tracks_in_use
from explorer.cib.limits import DEFAULT_SCALE
from explorer.content import Catalog, ScenarioSet
from explorer.formats import slug
from explorer.views.registry import VIEWS
from explorer.views.state import Judgment, ViewState, default_state
from explorer.voting import VOTES, decided

PAIR_SEPARATOR = ":"
NO_B = "none"
LIST_SEPARATOR = "~"
RANGE_SEPARATOR = ".."
MAX_VALUE_LENGTH = 300
PARAMS = (
    *("set", "a", "b", "view", "groups", "tracks", "issues", "dates", "actor"),
    *("votes", "fix", "judge", "v"),
)


def _shown(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


def _subset(
    raw: str, allowed: Sequence[str], name: str, notices: list[str]
) -> tuple[str, ...] | None:
    tokens = [t for t in raw.split(LIST_SEPARATOR) if t]
    unknown = [t for t in tokens if t not in allowed]
    if unknown:
        notices.append(f"Ignored {name} {', '.join(map(_shown, unknown))}: not known here.")
    chosen = tuple(a for a in allowed if a in tokens)
    return chosen or None


def _dates(
    raw: str, bounds: tuple[dt.date, dt.date], notices: list[str]
) -> tuple[dt.date, dt.date] | None:
    try:
        start, end = (dt.date.fromisoformat(part) for part in raw.split(RANGE_SEPARATOR))
    except ValueError:
        notices.append(f"Ignored dates={_shown(raw)}: use YYYY-MM-DD..YYYY-MM-DD.")
        return None
    if end < start:
        notices.append(f"Ignored dates={_shown(raw)}: the end is before the start.")
        return None
    if start < bounds[0] or end > bounds[1]:
        notices.append(
            f"Ignored dates={_shown(raw)}: this set runs from {bounds[0]} to {bounds[1]}."
        )
        return None
    return start, end


def _votes(raw: str, scenario_set: ScenarioSet, notices: list[str]) -> tuple[tuple[str, str], ...]:
    """Votes for members of the body of the set's decision (``voting.decided``)."""
    found = decided(scenario_set)
    chosen: dict[str, str] = {}
    for token in (t for t in raw.split(LIST_SEPARATOR) if t):
        member, _, vote = token.partition(PAIR_SEPARATOR)
        if found is None:
            notices.append(f"Ignored the vote {_shown(token)}: no text of this set has a vote.")
        elif vote not in VOTES:
            notices.append(
                f"Ignored the vote {_shown(token)}: use member:yes, no, abstain or absent."
            )
        elif member not in found[1].members:
            notices.append(
                f"Ignored the vote {_shown(token)}: {member[:40]} is not a member of the "
                f"{found[1].name}."
            )
        else:
            chosen[member] = vote
    return tuple(sorted(chosen.items()))


Params = dict[str, str | Sequence[str]]


def _rename_views(params: Params) -> tuple[Params, list[str]]:
    # 2026-12: "Any decision, any question": view=drafts became texts, view=council became vote.
    renamed = {"drafts": "texts", "council": "vote"}
    view = params.get("view")
    first = view if isinstance(view, str) else (view[0] if view else None)
    if first not in renamed:
        return params, []
    notice = f"This link's view={first} is now view={renamed[first]}."
    return {**params, "view": renamed[first]}, [notice]


# Dated migrations of old links (STYLE.md G8), applied in order before parsing: each returns
# the query parameters migrated, with a notice for each change it made.
MIGRATIONS: tuple[Callable[[Params], tuple[Params, list[str]]], ...] = (_rename_views,)


def migrate(params: Mapping[str, str | Sequence[str]]) -> tuple[Params, list[str]]:
    """``params`` with every migration applied, and the notices they gave."""
    out: Params = dict(params)
    notices: list[str] = []
    for migration in MIGRATIONS:
        out, said = migration(out)
        notices.extend(said)
    return out, notices


def _cib_names(scenario_set: ScenarioSet) -> dict[str, tuple[str, dict[str, str]]]:
    """descriptor slug -> (descriptor name, {variant slug: variant name})."""
    if scenario_set.cib is None:
        return {}
    return {
        slug(d.name): (d.name, {slug(v): v for v in d.variants})
        for d in scenario_set.cib.descriptors
    }


def _variant(names: dict[str, tuple[str, dict[str, str]]], token: str) -> tuple[str, str] | None:
    descriptor, _, variant = token.partition(".")
    if descriptor in names and variant in names[descriptor][1]:
        return names[descriptor][0], names[descriptor][1][variant]
    return None


def _fixed(raw: str, scenario_set: ScenarioSet, notices: list[str]) -> tuple[tuple[str, str], ...]:
    names, chosen = _cib_names(scenario_set), {}
    for token in (t for t in raw.split(LIST_SEPARATOR) if t):
        found = _variant(names, token.replace(PAIR_SEPARATOR, ".", 1))
        if found:
            chosen[found[0]] = found[1]
        else:
            notices.append(f"Ignored fix {_shown(token)}: no such descriptor and variant here.")
    return tuple(sorted(chosen.items()))


def _judgments(
    raw: str, scenario_set: ScenarioSet, notices: list[str]
) -> tuple[tuple[Judgment, int], ...]:
    names, chosen = _cib_names(scenario_set), {}
    scale = scenario_set.cib.scale if scenario_set.cib else DEFAULT_SCALE
    for token in (t for t in raw.split(LIST_SEPARATOR) if t):
        cells, _, value = token.rpartition(PAIR_SEPARATOR)
        source, _, target = cells.partition("_")
        pair = (_variant(names, source), _variant(names, target))
        number = int(value) if re.fullmatch(r"-?\d{1,6}", value) else None
        if pair[0] and pair[1] and number is not None and abs(number) <= scale:
            chosen[(*pair[0], *pair[1])] = number
        elif pair[0] and pair[1]:
            notices.append(
                f"Ignored judgment {_shown(token)}: this matrix's judgments are whole numbers "
                f"from -{scale} to {scale}."
            )
        else:
            notices.append(
                f"Ignored judgment {_shown(token)}: no such cell, or not -{scale} to {scale}."
            )
    return tuple(sorted(chosen.items()))


def _encode_judgment(judgment: Judgment, value: int) -> str:
    d1, v1, d2, v2 = (slug(part) for part in judgment)
    return f"{d1}.{v1}_{d2}.{v2}{PAIR_SEPARATOR}{value}"


def parse(
    params: Mapping[str, str | Sequence[str]], catalog: Catalog
) -> tuple[ViewState, list[str]]:
    """The state a URL asks for, and a sentence for every part of it that was ignored or
    migrated from an older form."""
    params, notices = migrate(params)
    raw: dict[str, str] = {}
    for key, value in params.items():
        if key not in PARAMS:
            notices.append(f"Ignored the unknown parameter {_shown(key)}.")
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
        notices.append(f"Ignored set={_shown(set_id)}: no such scenario set.")
        set_id = None
    state = default_state(catalog, set_id)
    scenario_set = catalog[state.set]
    scenario_ids = [s.id for s in scenario_set.scenarios]

    b: str | None = raw.get("b", state.b)
    if b == NO_B:
        b = None
    elif b not in scenario_ids:
        notices.append(f"Ignored b={_shown(str(b))}: no such scenario in this set.")
        b = state.b
    a = raw.get("a", state.a)
    if a not in scenario_ids:
        notices.append(f"Ignored a={_shown(a)}: no such scenario in this set.")
        a = next((s for s in (state.a, state.b, *scenario_ids) if s and s != b), state.a)
    if b == a:
        if "b" in raw:
            notices.append(f"Ignored b={_shown(a)}: it is the same scenario as a.")
        b = state.a if a != state.a else state.b
    view = raw.get("view", state.view)
    if view not in VIEWS:
        notices.append(f"Ignored view={_shown(view)}: the views are {', '.join(VIEWS)}.")
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
            notices.append(f"Ignored actor={_shown(actor)}: no such actor in this set.")
    if "votes" in raw:
        state = replace(state, votes=_votes(raw["votes"], scenario_set, notices))
    if "fix" in raw:
        state = replace(state, fixed=_fixed(raw["fix"], scenario_set, notices))
    if "judge" in raw:
        state = replace(state, judgments=_judgments(raw["judge"], scenario_set, notices))
    version = raw.get("v")
    if version is not None and version != scenario_set.info.version:
        notices.append(
            f"This link was made for content version {_shown(version)}; the content is now "
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
    if state.votes:
        out["votes"] = LIST_SEPARATOR.join(PAIR_SEPARATOR.join(pair) for pair in state.votes)
    if state.fixed:
        out["fix"] = LIST_SEPARATOR.join(
            f"{slug(d)}{PAIR_SEPARATOR}{slug(v)}" for d, v in state.fixed
        )
    if state.judgments:
        out["judge"] = LIST_SEPARATOR.join(_encode_judgment(j, v) for j, v in state.judgments)
    if out:
        out["v"] = catalog[state.set].info.version
    return out


def view_link(base: str, params: Mapping[str, str]) -> str:
    """The app's link for query ``params`` (readable: ``~`` and ``.`` are left unescaped)."""
    return f"{base}?{urlencode(params, safe='~.')}" if params else base
