"""URL state: any query string gives a valid state, defaults are dropped, links round-trip."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.content import Catalog, ScenarioSet, load_catalog
from explorer.views import (
    VIEWS,
    default_state,
    describe,
    encode,
    parse,
    tab_title,
    with_view_choices,
)
from explorer.voting import chosen_decision, decisions, default_decision
from tests.conftest import SETS


@pytest.fixture
def catalog(tiny_set: Path) -> Catalog:
    return load_catalog(tiny_set.parent)


def test_the_default_view_encodes_to_an_empty_query(catalog: Catalog) -> None:
    assert encode(default_state(catalog), catalog) == {}


def test_an_empty_query_opens_the_default_pair_compared_on_the_overview(catalog: Catalog) -> None:
    state, notices = parse({}, catalog)
    assert (state.set, state.a, state.b, state.view) == (
        "tiny-set",
        "adopted",
        "rejected",
        "overview",
    )
    assert notices == []


@pytest.mark.parametrize(
    "changes",
    [
        {"view": "timeline"},
        {"a": "rejected", "b": "adopted"},
        {"b": None},
        {"groups": ("p5", "parties")},
        {"tracks": ("security",)},
        {"issues": ("statehood",)},
        {"dates": (dt.date(2025, 11, 17), dt.date(2026, 3, 1))},
        {"actor": "militia", "view": "stakeholders"},
        {"view": "vote", "votes": (("north", "no"), ("south", "abstain"))},
        {"view": "stakeholders", "salience": "statehood"},
        {"view": "sources", "search": "wire report"},
        {"view": "sources", "search": "a~b&c=d..e:f <b>"},
    ],
    ids=str,
)
def test_encode_then_parse_round_trips(catalog: Catalog, changes: dict) -> None:
    state = replace(default_state(catalog), **changes)
    params = encode(state, catalog)
    assert params["v"] == "0.1.0"
    assert parse(params, catalog) == (state, [])


def test_single_scenario_is_b_none(catalog: Catalog) -> None:
    state, _ = parse({"b": "none"}, catalog)
    assert state.b is None
    assert encode(state, catalog) == {"b": "none", "v": "0.1.0"}


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"a": "nope"}, "Ignored a='nope': no such scenario in this set."),
        ({"b": "adopted"}, "Ignored b='adopted': it is the same scenario as a."),
        (
            {"view": "<script>"},
            f"Ignored view='<script>': the views are {', '.join(VIEWS)}.",
        ),
        ({"set": "../../etc"}, "Ignored set='../../etc': no such scenario set."),
        ({"tracks": "security~spying"}, "Ignored tracks 'spying': not known here."),
        (
            {"dates": "2025-11-17..2025-11-01"},
            "Ignored dates='2025-11-17..2025-11-01': the end is before the start.",
        ),
        ({"dates": "soon"}, "Ignored dates='soon': use YYYY-MM-DD..YYYY-MM-DD."),
        (
            {"dates": "2000-01-01..2000-02-01"},
            "Ignored dates='2000-01-01..2000-02-01': this set runs from 3 November 2025 to "
            "31 December 2026.",
        ),
        ({"actor": "nobody"}, "Ignored actor='nobody': no such actor in this set."),
        (
            {"votes": "north:maybe"},
            "Ignored the vote 'north:maybe': use member:yes, no, abstain or absent.",
        ),
        (
            {"votes": "militia:no"},
            "Ignored the vote 'militia:no': militia is not a member of the Security Council.",
        ),
        ({"utm_source": "x"}, "Ignored the unknown parameter 'utm_source'."),
        ({"salience": "nope"}, "Ignored salience='nope': no such issue in this set."),
        ({"search": "x" * 101}, "Ignored search: it is longer than 100 characters."),
        ({"a": "x" * 1000}, "Ignored a: the value is too long."),
        ({"a": ["adopted", "rejected"]}, "Used the first of 2 values given for a."),
        (
            {"v": "0.0.1"},
            "This link was made for content version '0.0.1'; the content is now "
            "version 0.1.0, so some of what it showed may have changed.",
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_bad_parameters_fall_back_with_a_plain_notice(
    catalog: Catalog, params: dict, notice: str
) -> None:
    state, notices = parse(params, catalog)
    assert notices == [notice]
    assert state.set == "tiny-set"
    assert state.a in {"adopted", "rejected"}
    assert state.b != state.a


def test_a_equal_to_the_default_b_swaps_b_to_the_default_a(catalog: Catalog) -> None:
    state, notices = parse({"a": "rejected"}, catalog)
    assert (state.a, state.b, notices) == ("rejected", "adopted", [])


def test_a_partly_known_filter_keeps_the_known_part(catalog: Catalog) -> None:
    state, _ = parse({"tracks": "security~spying"}, catalog)
    assert state.tracks == ("security",)


def test_describe_names_the_scenarios_and_the_view(catalog: Catalog) -> None:
    state = replace(default_state(catalog), view="timeline")
    assert describe(state, catalog) == "Adopted vs Rejected: timeline"
    assert describe(replace(state, b=None), catalog) == "Adopted: timeline"


def test_a_set_without_a_matrix_ignores_what_if_parameters(catalog: Catalog) -> None:
    state, notices = parse({"fix": "a:b", "judge": "a.b_c.d:1"}, catalog)
    assert (state.fixed, state.judgments) == ((), ())
    assert notices == [
        "Ignored fix 'a:b': no such descriptor and variant here.",
        "Ignored judgment 'a.b_c.d:1': no such cell, or not -3 to 3.",
    ]


def test_what_if_choices_round_trip_through_readable_tokens() -> None:
    gaza = load_catalog()
    matrix = gaza["gaza-unsc-2025"].cib
    assert matrix is not None
    first, second = matrix.descriptors[:2]
    judgment = (first.name, first.variants[0], second.name, second.variants[1])
    state = replace(
        default_state(gaza),
        view="whatif",
        fixed=((first.name, first.variants[1]),),
        judgments=((judgment, -3),),
    )
    params = encode(state, gaza)
    assert " " not in params["fix"] + params["judge"]
    assert parse(params, gaza) == (state, [])


def test_view_choices_do_not_follow_a_change_of_set(catalog: Catalog) -> None:
    requested = replace(default_state(catalog), votes=(("north", "no"),))
    assert with_view_choices(default_state(catalog), requested).votes == (("north", "no"),)
    elsewhere = replace(default_state(catalog), set="another-set")
    assert with_view_choices(elsewhere, requested).votes == ()


def test_an_unknown_a_beside_a_valid_b_keeps_b_and_names_only_a(catalog: Catalog) -> None:
    default = default_state(catalog)
    state, notices = parse({"a": "nonsense", "b": default.a}, catalog)
    assert notices == ["Ignored a='nonsense': no such scenario in this set."]
    assert state.b == default.a
    assert state.a != state.b


def test_the_tab_title_names_the_view_then_the_set(catalog: Catalog) -> None:
    state = replace(default_state(catalog), view="timeline")
    title = tab_title(state, catalog)
    assert title == f"Timeline · {catalog[state.set].info.title} · Scenario Explorer"


DECIDED = [(s, t.id) for s in SETS.values() for t, _ in decisions(s)]


@pytest.mark.parametrize(
    ("scenario_set", "text_id"), DECIDED, ids=[f"{s.id}/{t}" for s, t in DECIDED]
)
def test_the_chosen_text_and_its_what_if_round_trip_and_the_default_text_is_dropped(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    catalog = Catalog({scenario_set.id: scenario_set})
    default = default_decision(scenario_set)
    found = chosen_decision(scenario_set, text_id)
    assert default is not None and found is not None
    linked = None if text_id == default[0].id else text_id
    state = replace(
        default_state(catalog), view="vote", text=linked, votes=((found[1].members[-1], "no"),)
    )
    params = encode(state, catalog)
    assert ("text" in params) == (linked is not None)
    assert params.get("text", text_id) == text_id
    assert parse(params, catalog) == (state, [])
    assert parse({**params, "text": text_id}, catalog) == (state, [])


def test_the_chosen_text_follows_the_link_into_each_rerun(catalog: Catalog) -> None:
    requested = replace(default_state(catalog), text="tiny-draft")
    assert with_view_choices(default_state(catalog), requested).text == "tiny-draft"
    elsewhere = replace(default_state(catalog), set="another-set")
    assert with_view_choices(elsewhere, requested).text is None
