"""The URL state parser: any query string parses to a valid state (or to defaults with
notices) and never raises; a state built from valid choices survives encode -> parse.

Checked on the real catalog and on the tiny fixture catalog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.analysis.compare import offered_groups, tracks_in_use
from explorer.content import Catalog
from explorer.formats import slug
from explorer.views import (
    PARAMS,
    VIEWS,
    ViewState,
    date_range,
    default_state,
    encode,
    offered,
    parse,
)
from explorer.voting import VOTES, chosen_decision, decisions, default_decision
from tests.security.conftest import REAL_CATALOG, TINY_CATALOG

CATALOGS = {"real": REAL_CATALOG, "tiny": TINY_CATALOG}
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "**bold** $x^2$ :red[red]",
    "../../../etc/passwd",
    "/etc/passwd",
    "..\\..\\windows\\win.ini",
    "file:///etc/passwd",
    "%2e%2e%2f%2e%2e%2f",
    "\x00",
    "\r\nSet-Cookie: a=b",
    "' OR 1=1 --",
    "{{7*7}}",
    "${jndi:ldap://x/a}",
    "\u202eevil",
    "\U0001d532\U0001d52b\U0001d526 \U0001f642 \u0661\u0662",  # fraktur, emoji, Arabic digits
    "~~~",
    "::",
    "..",
    "none",
    "x" * 301,
    "a" * 5000,
    "9999-99-99..0000-00-00",
    "2025-11-17..2025-11-01",
    "1900-01-01..2100-01-01",
]


def _tokens(catalog: Catalog) -> list[str]:
    """Real ids and slugs of the catalog, so fuzzed values are sometimes almost valid."""
    tokens = [*VIEWS, *VOTES, *catalog.ids]
    for scenario_set in catalog.sets.values():
        tokens += [g.id for g in scenario_set.vocabulary.groups]
        tokens += [t.id for t in scenario_set.vocabulary.tracks]
        tokens += [s.id for s in scenario_set.scenarios] + [a.id for a in scenario_set.actors]
        tokens += [i.id for i in scenario_set.issues]
        tokens += [f"{a.id}:{v}" for a in scenario_set.actors for v in VOTES]
        if scenario_set.cib:
            tokens += [
                f"{slug(d.name)}:{slug(v)}"
                for d in scenario_set.cib.descriptors
                for v in d.variants
            ]
    return tokens


def values(catalog: Catalog) -> st.SearchStrategy[str]:
    token = st.one_of(st.sampled_from(_tokens(catalog)), st.sampled_from(HOSTILE), st.text())
    return st.one_of(
        st.text(),
        st.sampled_from(HOSTILE),
        st.sampled_from(_tokens(catalog)),
        st.lists(token, max_size=6).map("~".join),
        st.tuples(st.dates(), st.dates()).map(lambda d: f"{d[0]}..{d[1]}"),
        st.text(min_size=250, max_size=2000),
    )


def queries(catalog: Catalog) -> st.SearchStrategy[dict[str, str | list[str]]]:
    key = st.one_of(st.sampled_from(PARAMS), st.text(max_size=60), st.sampled_from(HOSTILE))
    value = values(catalog)
    return st.dictionaries(key, st.one_of(value, st.lists(value, max_size=4)), max_size=14)


def assert_valid(state: ViewState, notices: list[str], catalog: Catalog) -> None:
    """Every id in the state exists in the catalog, and every value is one the page can show."""
    assert isinstance(notices, list) and all(isinstance(n, str) for n in notices)
    scenario_set = catalog[state.set]
    scenarios = {s.id for s in scenario_set.scenarios}
    assert state.a in scenarios
    assert state.b is None or (state.b in scenarios and state.b != state.a)
    assert state.view in VIEWS
    assert state.groups and set(state.groups) <= {g.id for g in offered_groups(scenario_set)}
    assert state.tracks and set(state.tracks) <= {t.id for t in tracks_in_use(scenario_set)}
    assert state.issues and set(state.issues) <= {i.id for i in scenario_set.issues}
    low, high = date_range(scenario_set)
    assert low <= state.dates[0] <= state.dates[1] <= high
    assert state.actor is None or state.actor in {a.id for a in scenario_set.actors}
    found = chosen_decision(scenario_set, state.text)
    default = default_decision(scenario_set)
    assert state.text is None or (
        state.text in {t.id for t, _ in decisions(scenario_set)}
        and default is not None
        and state.text != default[0].id
    )
    members = set(found[1].members) if found else set()
    assert all(m in members and v in VOTES for m, v in state.votes)
    variants = (
        {d.name: d.variants for d in scenario_set.cib.descriptors} if scenario_set.cib else {}
    )
    assert all(d in variants and v in variants[d] for d, v in state.fixed)
    for (d1, v1, d2, v2), value in state.judgments:
        assert v1 in variants[d1] and v2 in variants[d2] and -3 <= value <= 3


@pytest.mark.parametrize("name", list(CATALOGS))
def test_any_query_string_parses_to_a_valid_state_and_never_raises(name: str) -> None:
    catalog = CATALOGS[name]

    @FUZZ
    @given(queries(catalog))
    def check(params: Mapping[str, str | Sequence[str]]) -> None:
        state, notices = parse(params, catalog)
        assert_valid(state, notices, catalog)
        unknown = [k for k in params if k not in PARAMS]
        assert len(notices) >= len(unknown)

    check()


ODD_QUERIES = {
    "oversized value": {"a": "x" * 100_000},
    "repeated key": {"view": ["timeline", "<script>", "overview"]},
    "oversized key": {"x" * 10_000: "y"},
    "path as set": {"set": "../../scenarios/gaza-unsc-2025"},
    "absolute paths": {"set": "/etc/passwd", "a": "/etc/passwd", "b": "C:\\boot.ini"},
    "empty lists and ranges": {"dates": "2025-11-17..", "groups": "~~~", "issues": "~x"},
    "separators only": {"votes": ":" * 300, "fix": ".:." * 100, "judge": "_:_:" * 75},
    "markup as version": {"v": "<script>alert(1)</script>"},
    "500 unknown keys": {f"k{i}": "v" for i in range(500)},
}


@pytest.mark.parametrize("name", list(CATALOGS))
@pytest.mark.parametrize("query", list(ODD_QUERIES))
def test_oversized_repeated_and_path_like_values_fall_back_to_defaults_with_notices(
    name: str, query: str
) -> None:
    catalog = CATALOGS[name]
    state, notices = parse(ODD_QUERIES[query], catalog)
    assert_valid(state, notices, catalog)
    assert notices
    assert all(len(notice) < 1000 for notice in notices)


def test_a_key_given_with_no_value_is_missing_not_an_error() -> None:
    assert parse({"a": [], "b": []}, TINY_CATALOG) == (default_state(TINY_CATALOG), [])


@st.composite
def states(draw: st.DrawFn, catalog: Catalog) -> ViewState:
    """A state made only of valid choices, in the order the parser returns them."""
    set_id = draw(st.sampled_from(catalog.ids))
    scenario_set = catalog[set_id]
    default = default_state(catalog, set_id)
    ids = [s.id for s in scenario_set.scenarios]
    a = draw(st.sampled_from(ids))
    b = draw(st.one_of(st.none(), st.sampled_from([i for i in ids if i != a])))

    def subset(allowed: Sequence[str]) -> tuple[str, ...]:
        chosen = draw(st.sets(st.sampled_from(list(allowed)), min_size=1))
        return tuple(x for x in allowed if x in chosen)

    low, high = date_range(scenario_set)
    start = draw(st.dates(low, high))
    end = draw(st.dates(start, high))
    actors = [x.id for x in scenario_set.actors]
    default_text = default_decision(scenario_set)
    others = [t.id for t, _ in decisions(scenario_set) if default_text and t != default_text[0]]
    text = draw(st.one_of(st.none(), st.sampled_from(others))) if others else None
    found = chosen_decision(scenario_set, text)
    members = list(found[1].members) if found else []
    votes = draw(
        st.dictionaries(st.sampled_from(members), st.sampled_from(VOTES))
        if members
        else st.just({})
    )
    fixed: dict[str, str] = {}
    judgments: dict[tuple[str, str, str, str], int] = {}
    if scenario_set.cib:
        descriptors = {d.name: d.variants for d in scenario_set.cib.descriptors}
        names = list(descriptors)
        for name in draw(st.sets(st.sampled_from(names), max_size=3)):
            fixed[name] = draw(st.sampled_from(descriptors[name]))
        for _ in range(draw(st.integers(0, 3))):
            d1, d2 = draw(st.sampled_from(names)), draw(st.sampled_from(names))
            cell = (d1, draw(st.sampled_from(descriptors[d1])), d2, "")
            cell = (*cell[:3], draw(st.sampled_from(descriptors[d2])))
            judgments[cell] = draw(st.integers(-3, 3))
    return ViewState(
        set=set_id,
        a=a,
        b=b,
        view=draw(st.sampled_from([v.id for v in offered(scenario_set)])),
        groups=subset([g.id for g in offered_groups(scenario_set)]),
        tracks=subset([t.id for t in tracks_in_use(scenario_set)]),
        issues=subset([i.id for i in scenario_set.issues]),
        dates=draw(st.sampled_from([default.dates, (start, end)])),
        actor=draw(st.one_of(st.none(), st.sampled_from(actors))),
        text=text,
        votes=tuple(sorted(votes.items())),
        fixed=tuple(sorted(fixed.items())),
        judgments=tuple(sorted(judgments.items())),
    )


@pytest.mark.parametrize("name", list(CATALOGS))
def test_a_valid_state_survives_encode_then_parse(name: str) -> None:
    catalog = CATALOGS[name]

    @FUZZ
    @given(states(catalog))
    def check(state: ViewState) -> None:
        params = encode(state, catalog)
        assert all(isinstance(v, str) for v in params.values())
        assert parse(params, catalog) == (state, [])

    check()


def test_the_default_state_encodes_to_an_empty_query() -> None:
    for catalog in CATALOGS.values():
        assert encode(default_state(catalog), catalog) == {}
        assert parse({}, catalog) == (default_state(catalog), [])


def test_dates_are_compared_as_dates_not_strings() -> None:
    low, high = date_range(TINY_CATALOG[TINY_CATALOG.ids[0]])
    state, notices = parse({"dates": f"{low}..{high + dt.timedelta(days=1)}"}, TINY_CATALOG)
    assert state.dates == (low, high) and notices
