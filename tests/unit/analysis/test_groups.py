"""What the filters offer (actor groups, tracks) and stances over time, for every set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explorer.analysis import (
    actors_in,
    groups_of,
    offered_groups,
    stance_dates,
    stances_under,
    tracks_in_use,
)
from explorer.content import Actor, ScenarioSet, load_set
from tests.conftest import SET_FOLDERS, SETS, set_id


def _declares_groups(scenario_set: ScenarioSet) -> bool:
    vocabulary = SET_FOLDERS[scenario_set.id] / "vocabulary.yaml"
    return vocabulary.is_file() and "groups:" in vocabulary.read_text()


def _old_group(actor: Actor) -> str:
    """The app's one grouping before vocabularies, which the defaults must reproduce."""
    if actor.council_seat == "permanent":
        return "p5"
    if actor.council_seat == "elected":
        return "elected"
    return "parties" if actor.party else "others"


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_a_filter_never_offers_an_empty_group_or_a_track_without_events(
    scenario_set: ScenarioSet,
) -> None:
    assert offered_groups(scenario_set)
    for group in offered_groups(scenario_set):
        assert actors_in(scenario_set, [group.id])
    events = [*scenario_set.history, *(e for s in scenario_set.scenarios for e in s.events)]
    used = {e.track for e in events}
    assert [t.id for t in tracks_in_use(scenario_set)] == [
        t.id for t in scenario_set.vocabulary.tracks if t.id in used
    ]


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_every_actor_is_offered_in_some_group(scenario_set: ScenarioSet) -> None:
    offered = [g.id for g in offered_groups(scenario_set)]
    assert actors_in(scenario_set, offered) == list(scenario_set.actors)
    for actor in scenario_set.actors:
        assert set(groups_of(scenario_set, actor.id)) & set(offered)


@pytest.mark.parametrize(
    "scenario_set", [s for s in SETS.values() if not _declares_groups(s)], ids=set_id
)
def test_default_groups_are_todays_four_minus_empty_ones(scenario_set: ScenarioSet) -> None:
    labels = {
        "p5": "Council: permanent members",
        "elected": "Council: elected members",
        "parties": "Parties to the conflict",
        "others": "Other states and bodies",
    }
    present = [g for g in labels if any(_old_group(a) == g for a in scenario_set.actors)]
    assert [(g.id, g.label) for g in offered_groups(scenario_set)] == [
        (g, labels[g]) for g in present
    ]
    for actor in scenario_set.actors:
        assert groups_of(scenario_set, actor.id) == (_old_group(actor),)
    for group in present:
        assert actors_in(scenario_set, [group]) == [
            a for a in scenario_set.actors if _old_group(a) == group
        ]


def test_actors_in_several_groups_keeps_the_sets_order(tiny: ScenarioSet) -> None:
    assert [a.id for a in actors_in(tiny, ["parties", "p5"])] == ["north", "militia"]
    assert actors_in(tiny, []) == []
    assert actors_in(tiny, ["no-such-group"]) == []


def test_the_summit_offers_its_declared_groups_and_tracks() -> None:
    summit = SETS["summit-set"]
    assert [g.label for g in offered_groups(summit)] == [
        "Host coalition",
        "Leaders and ministers",
        "Other actors",
    ]
    assert groups_of(summit, "lind") == ("leaders",)
    assert [t.label for t in tracks_in_use(summit)] == [
        "Negotiation",
        "Finance",
        "Domestic politics",
    ]


def test_a_declared_track_with_no_event_is_not_offered(tiny_set: Path) -> None:
    (tiny_set / "vocabulary.yaml").write_text(
        "tracks:\n  - {id: nuclear, label: Nuclear}\n  - {id: security, label: Security}\n"
        "  - {id: diplomacy, label: Diplomacy}\n"
    )
    loaded = load_set(tiny_set).set
    assert loaded is not None
    assert [t.id for t in tracks_in_use(loaded)] == ["security", "diplomacy"]


def test_stances_are_taken_as_of_a_date() -> None:
    summit = SETS["summit-set"]
    key = ("lind", "levy")
    assert stance_dates(summit) == [dt.date(2025, 2, 1), dt.date(2025, 6, 20)]
    assert stances_under(summit, None)[key].value == 1
    assert stances_under(summit, None, dt.date(2025, 6, 19))[key].value == -1
    assert stances_under(summit, None, dt.date(2025, 2, 1))[key].value == -1
    assert stances_under(summit, None, dt.date(2025, 1, 31))[key].value == "unknown"
    assert stances_under(summit, None, dt.date(2025, 1, 31))[key].stance is None
    collapsed = summit.scenario("collapsed")
    assert stances_under(summit, collapsed, dt.date(2025, 2, 1))[key].value == -2
    view = stances_under(summit, collapsed)[key]
    assert view.stance is not None and view.stance.value == 1 and view.reaction_basis


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_with_one_stance_per_pair_the_newest_is_the_only_one(scenario_set: ScenarioSet) -> None:
    newest: dict[tuple[str, str], object] = {}
    for stance in scenario_set.stances:
        key = (stance.actor, stance.issue)
        if key not in newest or stance.as_of >= newest[key].as_of:  # type: ignore[attr-defined]
            newest[key] = stance
    views = stances_under(scenario_set, None)
    assert {k: v.stance for k, v in views.items() if v.stance} == newest
    assert stance_dates(scenario_set) == sorted({s.as_of for s in scenario_set.stances})
    latest = stance_dates(scenario_set)[-1] if scenario_set.stances else None
    assert stances_under(scenario_set, None, latest) == views
