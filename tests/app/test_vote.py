"""The Vote view at the Streamlit seam, for every set that has a body and a recorded decision:
the recorded votes, the simulator under the body's own rule and its what-if (given as
overrides, as a shared link does, or changed in the page), what follows from the outcome as the
content declares it, and the body's record of past votes. Expected members, counts, rules and
names come from each set; the fixture's own votes are checked by value. Caches are cleared
between tests by the autouse fixture in tests/app/conftest.py."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest
from streamlit.testing.v1 import AppTest

from explorer.content import Body, Draft, ScenarioSet
from explorer.formats import day
from explorer.voting import decide, decided, explain, following_scenario, recorded_votes
from tests.app.conftest import figure, figures_of, text, trace
from tests.conftest import SETS, set_id, sets_where

VOTE_LABELS = {"yes": "In favour", "no": "Against", "abstain": "Abstaining", "absent": "Absent"}


# AppTest runs this function's source as a script of its own, where annotations are evaluated
# at definition: hence the quoted names.
def vote_page(scenario_set: "ScenarioSet", overrides: dict[str, str]) -> None:  # noqa: UP037
    """As the app does: the what-if starts from ``overrides`` (or from a link the test put in
    ``test.url``), and what the view returns is written back to the link."""
    import streamlit as st

    from tests.app.conftest import linked_view

    link = st.session_state.setdefault("test.url", overrides)
    shown = linked_view(scenario_set, "vote", {"votes": tuple(sorted(link.items()))})
    st.session_state["test.url"] = st.session_state["test.returned"] = dict(shown.votes)


def open_vote(scenario_set: ScenarioSet, overrides: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_function(
        vote_page,
        default_timeout=60,
        kwargs={"scenario_set": scenario_set, "overrides": overrides or {}},
    )
    return at.run()


def control(member: str) -> str:
    return f"vote.member.{member}"


def found(scenario_set: ScenarioSet) -> tuple[Draft, Body]:
    result = decided(scenario_set)
    assert result is not None
    return result


def decision(scenario_set: ScenarioSet) -> dict[str, str]:
    """The vote the simulator starts from: member id -> vote."""
    text_, _ = found(scenario_set)
    assert text_.vote is not None
    return dict(recorded_votes(text_.vote))


def names(scenario_set: ScenarioSet) -> dict[str, str]:
    return {a.id: a.name for a in scenario_set.actors}


def outcome(scenario_set: ScenarioSet, votes: Mapping[str, str]) -> tuple[bool, str]:
    """Whether ``votes`` (member id -> vote) adopt the text under its body's rule, and the
    page's outcome line."""
    result = decide(found(scenario_set)[1], votes, names(scenario_set))
    return result.adopted, f"Outcome: {result.reason}."


def leads_to(scenario_set: ScenarioSet, adopted: bool) -> str:
    follows = following_scenario(scenario_set, found(scenario_set)[0], adopted)
    if follows is None:
        return "No scenario of this set follows from this outcome."
    return f"Leads to the scenario **{follows.label}**."


def swing(scenario_set: ScenarioSet) -> str | None:
    """A member that voted yes whose no changes the outcome line (veto holders first)."""
    record, body = decision(scenario_set), found(scenario_set)[1]
    members = sorted(body.members, key=lambda m: (m not in body.permanent, m))
    return next(
        (
            m
            for m in members
            if record.get(m) == "yes"
            and outcome(scenario_set, record | {m: "no"}) != outcome(scenario_set, record)
        ),
        None,
    )


def other_member(scenario_set: ScenarioSet) -> str:
    return next(m for m in sorted(decision(scenario_set)) if m != swing(scenario_set))


VOTED = sets_where(decided)
WITH_RECORD = sets_where(lambda s: s.council_record)
SWINGABLE = [s for s in VOTED if swing(s) and len(decision(s)) > 1]
EVERY_SET = list(SETS.values())


def titled(at: AppTest, title: str) -> dict:
    """The chart whose title (wrapped, with the outcome under it) begins with ``title``."""
    return next(
        f
        for f in figures_of(at)
        if f["layout"]["title"]["text"].replace("<br>", " ").startswith(title)
    )


def expect_outcome(at: AppTest, scenario_set: ScenarioSet, votes: Mapping[str, str]) -> None:
    adopted, line = outcome(scenario_set, votes)
    page = text(at)
    assert line in page
    assert leads_to(scenario_set, adopted) in page


@pytest.mark.parametrize("scenario_set", VOTED, ids=set_id)
def test_the_vote_view_shows_the_recorded_vote_the_rule_the_simulator_and_the_record(
    scenario_set: ScenarioSet,
) -> None:
    at = open_vote(scenario_set)
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    texts = [t for t in scenario_set.drafts if t.vote]
    assert len(figures_of(at)) == len(texts) + 1 + bool(scenario_set.council_record)
    named, body = names(scenario_set), found(scenario_set)[1]
    for text_ in texts:
        assert text_.vote is not None
        what = "decision" if body.rule in ("consensus", "unanimity") else "recorded vote"
        title = f"{text_.symbol or text_.kind.capitalize()}: {what} of "
        recorded = titled(at, title + day(text_.vote.date))
        by_vote = recorded_votes(text_.vote)
        for choice, label in VOTE_LABELS.items():
            members = [m for m, v in by_vote.items() if v == choice]
            if members:
                shown = trace(recorded, f"{label} ({len(members)})")
                assert len(shown["x"]) == len(members)
                assert sorted(shown["text"]) == sorted(
                    f"<b>{named[m]}</b>" if m in body.permanent else named[m] for m in members
                )
    assert explain(body) in text(at)
    record = decision(scenario_set)
    expect_outcome(at, scenario_set, record)
    assert len(at.segmented_control) == len(record)
    for member, vote in record.items():
        assert at.segmented_control(key=control(member)).value == vote
        marked = at.segmented_control(key=control(member)).label.endswith("(permanent)")
        assert marked == (member in body.permanent)
    assert at.session_state["test.returned"] == {}


@pytest.mark.parametrize("scenario_set", WITH_RECORD, ids=set_id)
def test_the_record_of_past_votes_is_drawn_with_the_decision_marked(
    scenario_set: ScenarioSet,
) -> None:
    record = scenario_set.council_record
    at = open_vote(scenario_set)
    drawn = figure(at, "Recorded votes on the question")
    assert sum(len(t["x"]) for t in drawn["data"]) == len(record)
    vetoed = [v for v in record if v.outcome == "vetoed" and v.kind == "draft"]
    if vetoed:
        assert len(trace(drawn, "Vetoed (drafts)")["x"]) == len(vetoed)
    assert {a["text"] for a in drawn["layout"]["annotations"]} >= {"the decision"}
    first, last = min(v.date for v in record), max(v.date for v in record)
    assert f"{len(record)} recorded votes from {day(first)} to {day(last)}" in text(at)
    body = found(scenario_set)[1] if decided(scenario_set) else scenario_set.bodies[0]
    assert f"The {body.name}'s record on this question" in text(at)


def test_the_tiny_councils_record_reads_as_written() -> None:
    at = open_vote(SETS["tiny-set"])
    assert "3 recorded votes from 4 March 2025 to 17 November 2025 (2 drafts, 1 amendment)" in (
        text(at)
    )
    drawn = figure(at, "Recorded votes on the question")
    assert sorted(y for t in drawn["data"] for y in t["y"]) == [6, 10, 14]


@pytest.mark.parametrize("scenario_set", SWINGABLE, ids=set_id)
def test_a_what_if_given_as_overrides_changes_the_outcome_and_what_follows(
    scenario_set: ScenarioSet,
) -> None:
    member = swing(scenario_set)
    assert member is not None
    name, body = names(scenario_set)[member], found(scenario_set)[1]
    at = open_vote(scenario_set, {member: "no"})
    assert not at.exception, at.exception
    assert at.segmented_control(key=control(member)).value == "no"
    changed = decision(scenario_set) | {member: "no"}
    expect_outcome(at, scenario_set, changed)
    assert f"Changed from the record: {name} yes → no." in text(at)
    against = [m for m, v in changed.items() if v == "no"]
    what_if = titled(at, "What-if vote")
    label = f"<b>{name}</b>" if member in body.permanent else name
    assert f"{label} (changed)" in trace(what_if, f"Against ({len(against)})")["text"]
    assert at.session_state["test.returned"] == {member: "no"}


@pytest.mark.parametrize("scenario_set", SWINGABLE, ids=set_id)
def test_changing_votes_in_the_page_updates_the_outcome_and_the_returned_what_if(
    scenario_set: ScenarioSet,
) -> None:
    member, record = swing(scenario_set), decision(scenario_set)
    assert member is not None
    at = open_vote(scenario_set)
    at.segmented_control(key=control(member)).set_value("no").run()
    expect_outcome(at, scenario_set, record | {member: "no"})
    assert at.session_state["test.returned"] == {member: "no"}
    abstaining = sorted(m for m, v in record.items() if v == "yes" and m != member)
    for other in abstaining:
        at.segmented_control(key=control(other)).set_value("abstain")
    at.segmented_control(key=control(member)).set_value("yes").run()
    expect_outcome(at, scenario_set, record | dict.fromkeys(abstaining, "abstain"))
    assert at.session_state["test.returned"] == dict.fromkeys(abstaining, "abstain")


@pytest.mark.parametrize("scenario_set", SWINGABLE, ids=set_id)
def test_votes_changed_one_after_another_persist_when_the_what_if_is_echoed_back(
    scenario_set: ScenarioSet,
) -> None:
    member, other = swing(scenario_set), other_member(scenario_set)
    at = AppTest.from_function(
        vote_page, default_timeout=60, kwargs={"scenario_set": scenario_set, "overrides": {}}
    )
    at.session_state["test.url"] = {}
    at.run()
    at.segmented_control(key=control(str(member))).set_value("no").run()
    at.segmented_control(key=control(other)).set_value("absent").run()
    assert at.session_state["test.url"] == {member: "no", other: "absent"}
    expect_outcome(at, scenario_set, decision(scenario_set) | {str(member): "no", other: "absent"})


@pytest.mark.parametrize("scenario_set", SWINGABLE, ids=set_id)
def test_a_new_link_in_the_same_session_replaces_the_what_if(scenario_set: ScenarioSet) -> None:
    member, other, record = (
        str(swing(scenario_set)),
        other_member(scenario_set),
        decision(scenario_set),
    )
    at = AppTest.from_function(
        vote_page, default_timeout=60, kwargs={"scenario_set": scenario_set, "overrides": {}}
    )
    at.session_state["test.url"] = {member: "no"}
    at.run()
    at.session_state["test.url"] = {other: "no"}
    at.run()
    assert at.segmented_control(key=control(member)).value == record[member]
    assert at.segmented_control(key=control(other)).value == "no"
    expect_outcome(at, scenario_set, record | {other: "no"})


@pytest.mark.parametrize("scenario_set", SWINGABLE, ids=set_id)
def test_reset_returns_to_the_recorded_vote(scenario_set: ScenarioSet) -> None:
    member, other, record = (
        str(swing(scenario_set)),
        other_member(scenario_set),
        decision(scenario_set),
    )
    at = open_vote(scenario_set, {member: "no", other: "absent"})
    at.button(key="vote.reset").click().run()
    assert at.segmented_control(key=control(member)).value == record[member]
    assert at.segmented_control(key=control(other)).value == record[other]
    expect_outcome(at, scenario_set, record)
    assert at.session_state["test.returned"] == {}


@pytest.mark.parametrize("scenario_set", SWINGABLE, ids=set_id)
def test_bad_overrides_are_ignored_with_a_notice_and_nothing_breaks(
    scenario_set: ScenarioSet,
) -> None:
    member, other = str(swing(scenario_set)), other_member(scenario_set)
    body = found(scenario_set)[1]
    assert "zzz" not in decision(scenario_set)
    at = open_vote(scenario_set, {"zzz": "no", other: "<b>maybe</b>", member: "abstain"})
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 2
    plain = [re.sub(r"\\(.)", r"\1", w) for w in warnings]  # the Markdown escapes taken out
    assert sum(f"not a member of the {body.name}" in w for w in plain) == 1
    assert not any("<b>" in w for w in warnings)
    assert at.session_state["test.returned"] == {member: "abstain"}
    expect_outcome(at, scenario_set, decision(scenario_set) | {member: "abstain"})


@pytest.mark.parametrize("scenario_set", VOTED, ids=set_id)
def test_a_set_without_a_record_shows_the_decision_and_its_simulator(
    scenario_set: ScenarioSet,
) -> None:
    at = open_vote(scenario_set.model_copy(update={"council_record": ()}))
    assert not at.exception, at.exception
    assert len(figures_of(at)) == len([t for t in scenario_set.drafts if t.vote]) + 1
    assert "record on this question" not in text(at)
    expect_outcome(at, scenario_set, decision(scenario_set))


def test_the_tiny_decision_falls_short_and_leads_to_rejection() -> None:
    at = open_vote(SETS["tiny-set"])
    assert "Outcome: not adopted: 2 affirmative votes, 9 required." in text(at)
    assert "Leads to the scenario **Rejected**." in text(at)


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_a_set_without_a_recorded_vote_says_so(scenario_set: ScenarioSet) -> None:
    unvoted = scenario_set.model_copy(
        update={
            "drafts": tuple(d.model_copy(update={"decision": None}) for d in scenario_set.drafts),
            "council_record": (),
        }
    )
    at = open_vote(unvoted, {"north": "no"})
    assert not at.exception, at.exception
    assert [i.value for i in at.info] == ["No text of this set has a recorded decision."]
    assert figures_of(at) == []
    assert at.session_state["test.returned"] == {}


@pytest.mark.parametrize("scenario_set", VOTED, ids=set_id)
def test_a_body_of_any_rule_and_size_is_simulated_under_its_own_rule(
    scenario_set: ScenarioSet,
) -> None:
    """The same recorded vote, decided by a simple-majority body of the same members: no veto
    holders are marked, the rule is said in its own words, and the outcome is the majority's."""
    body = found(scenario_set)[1]
    board = Body(id=body.id, name="Board", rule="simple-majority", members=body.members)
    changed = scenario_set.model_copy(update={"bodies": (board,)})
    at = open_vote(changed)
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    assert explain(board) in text(at)
    assert "Article 27(3)" not in text(at)
    assert not any(c.label.endswith("(permanent)") for c in at.segmented_control)
    adopted = decide(board, decision(scenario_set), names(scenario_set))
    assert f"Outcome: {adopted.reason}." in text(at)
