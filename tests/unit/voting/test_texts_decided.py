"""Which texts the Vote view simulates, for every set: every text with a decision whose body
the set declares; the default is the text open now, else the first with a recorded vote; a
text without a recorded vote starts with every member of its body neither for nor against."""

from __future__ import annotations

import pytest

from explorer.content import ScenarioSet
from explorer.voting import (
    UNRECORDED_START,
    body_of,
    chosen_decision,
    decide,
    decisions,
    default_decision,
    is_open,
    recorded_votes,
    starting_votes,
)
from tests.conftest import SETS, set_id

EVERY_SET = list(SETS.values())


def opened(scenario_set: ScenarioSet) -> ScenarioSet:
    """``scenario_set`` with every decided text's vote taken away and its status proposed."""
    drafts = tuple(
        t.model_copy(
            update={"status": "proposed", "decision": t.decision.model_copy(update={"vote": None})}
        )
        if t.decision
        else t
        for t in scenario_set.drafts
    )
    return scenario_set.model_copy(update={"drafts": drafts})


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_every_text_with_a_decision_and_a_body_is_offered_with_its_own_body(
    scenario_set: ScenarioSet,
) -> None:
    found = decisions(scenario_set)
    expected = [t for t in scenario_set.drafts if t.decision and body_of(scenario_set, t)]
    assert [t.id for t, _ in found] == [t.id for t in expected]
    for text, body in found:
        assert body == body_of(scenario_set, text)
        assert chosen_decision(scenario_set, text.id) == (text, body)


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_default_is_the_open_text_else_the_first_recorded(scenario_set: ScenarioSet) -> None:
    found = decisions(scenario_set)
    default = default_decision(scenario_set)
    open_texts = [pair for pair in found if is_open(pair[0])]
    recorded = [pair for pair in found if pair[0].vote]
    assert default == (open_texts or recorded or found or [None])[0]
    assert chosen_decision(scenario_set, None) == default
    assert chosen_decision(scenario_set, "<no such text>") == default


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_a_text_without_a_recorded_vote_starts_from_no_invented_vote(
    scenario_set: ScenarioSet,
) -> None:
    changed = opened(scenario_set)
    found = decisions(changed)
    assert [t.id for t, _ in found] == [t.id for t, _ in decisions(scenario_set)]
    if found:
        assert default_decision(changed) == found[0]
    for text, body in found:
        assert is_open(text)
        start = starting_votes(text, body)
        assert start == dict.fromkeys(body.members, UNRECORDED_START)
        names = {a.id: a.name for a in changed.actors}
        assert not decide(body, start, names).adopted or body.rule == "consensus"


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_a_recorded_text_starts_from_its_record(scenario_set: ScenarioSet) -> None:
    for text, body in decisions(scenario_set):
        if text.vote:
            assert starting_votes(text, body) == recorded_votes(text.vote)
            assert not is_open(text)
