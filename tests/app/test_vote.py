"""The Vote view at the Streamlit seam, for every decided text of every set (the text chosen
as a link's text= does): the recorded votes, the simulator under the text's own body and rule
and its what-if (given as overrides, as a shared link does, or changed in the page), where a
text without a recorded vote starts, what follows from the outcome as the content declares it,
and the body's record of past votes. Expected members, counts, rules and names come from each
set; the fixture's own votes are checked by value. Caches are cleared between tests by the
autouse fixture in tests/app/conftest.py."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest
from streamlit.testing.v1 import AppTest

from explorer.content import Body, Draft, ScenarioSet
from explorer.formats import day
from explorer.voting import (
    UNRECORDED_START,
    chosen_decision,
    decide,
    decided,
    decisions,
    default_decision,
    explain,
    following_scenario,
    is_open,
    recorded_votes,
    starting_votes,
)
from tests.app.conftest import figure, figures_of, text, trace
from tests.conftest import SETS, set_id, sets_where

VOTE_LABELS = {"yes": "In favour", "no": "Against", "abstain": "Abstaining", "absent": "Absent"}


# AppTest runs this function's source as a script of its own, where annotations are evaluated
# at definition: hence the quoted names.
def vote_page(
    scenario_set: "ScenarioSet",  # noqa: UP037
    overrides: dict[str, str],
    text: str | None = None,
) -> None:
    """As the app does: the what-if starts from ``overrides`` on the text ``text`` (None: the
    default), or from a link the test put in ``test.url`` and ``test.text``, and what the view
    returns is written back to the link."""
    import streamlit as st

    from tests.app.conftest import linked_view

    link = st.session_state.setdefault("test.url", overrides)
    linked = st.session_state.setdefault("test.text", text)
    shown = linked_view(
        scenario_set, "vote", {"text": linked, "votes": tuple(sorted(link.items()))}
    )
    st.session_state["test.url"] = st.session_state["test.returned"] = dict(shown.votes)
    st.session_state["test.text"] = st.session_state["test.returned_text"] = shown.text


def open_vote(
    scenario_set: ScenarioSet, overrides: dict[str, str] | None = None, text: str | None = None
) -> AppTest:
    at = AppTest.from_function(
        vote_page,
        default_timeout=60,
        kwargs={"scenario_set": scenario_set, "overrides": overrides or {}, "text": text},
    )
    return at.run()


def control(text_id: str, member: str) -> str:
    return f"vote.member.{text_id}.{member}"


def found(scenario_set: ScenarioSet, text_id: str | None = None) -> tuple[Draft, Body]:
    result = chosen_decision(scenario_set, text_id)
    assert result is not None
    return result


def decision(scenario_set: ScenarioSet, text_id: str | None = None) -> dict[str, str]:
    """The vote the simulator of the text starts from: member id -> vote."""
    return dict(starting_votes(*found(scenario_set, text_id)))


def names(scenario_set: ScenarioSet) -> dict[str, str]:
    return {a.id: a.name for a in scenario_set.actors}


def outcome(scenario_set: ScenarioSet, text_id: str, votes: Mapping[str, str]) -> tuple[bool, str]:
    """Whether ``votes`` (member id -> vote) adopt the text under its body's rule, and the
    page's outcome line."""
    result = decide(found(scenario_set, text_id)[1], votes, names(scenario_set))
    return result.adopted, f"Outcome: {result.reason}."


def leads_to(scenario_set: ScenarioSet, text_id: str, adopted: bool) -> str:
    follows = following_scenario(scenario_set, found(scenario_set, text_id)[0], adopted)
    if follows is None:
        return "No scenario of this set follows from this outcome."
    return f"Leads to the scenario **{follows.label}**."


def swing(scenario_set: ScenarioSet, text_id: str) -> str | None:
    """A member that voted yes whose no changes the outcome line (veto holders first)."""
    record, body = decision(scenario_set, text_id), found(scenario_set, text_id)[1]
    members = sorted(body.members, key=lambda m: (m not in body.permanent, m))
    return next(
        (
            m
            for m in members
            if record.get(m) == "yes"
            and outcome(scenario_set, text_id, record | {m: "no"})
            != outcome(scenario_set, text_id, record)
        ),
        None,
    )


def other_member(scenario_set: ScenarioSet, text_id: str) -> str:
    return next(
        m for m in sorted(decision(scenario_set, text_id)) if m != swing(scenario_set, text_id)
    )


def pair_id(pair: tuple[ScenarioSet, str]) -> str:
    return f"{pair[0].id}/{pair[1]}"


EVERY_SET = list(SETS.values())
VOTED = sets_where(decided)
DECIDED = [(s, t.id) for s in EVERY_SET for t, _ in decisions(s)]
RECORDED = [(s, t) for s, t in DECIDED if found(s, t)[0].vote]
UNRECORDED = [(s, t) for s, t in DECIDED if not found(s, t)[0].vote]
WITH_RECORD = sets_where(lambda s: s.council_record)
SWINGABLE = [(s, t) for s, t in RECORDED if swing(s, t) and len(decision(s, t)) > 1]


def titled(at: AppTest, title: str) -> dict:
    """The chart whose title (wrapped, with the outcome under it) begins with ``title``."""
    return next(
        f
        for f in figures_of(at)
        if f["layout"]["title"]["text"].replace("<br>", " ").startswith(title)
    )


def open_question(scenario_set: ScenarioSet) -> tuple[ScenarioSet, str]:
    """``scenario_set`` with an open text (no recorded vote, its status pending) and its id:
    the set's own where it has one, else a copy of its first decided text added, open, decided
    by the same body."""
    found_ = decisions(scenario_set)
    own = next((t for t, _ in found_ if is_open(t)), None)
    if own:
        return scenario_set, own.id
    text_, body = found_[0]
    assert text_.decision is not None
    decision_ = text_.decision.model_copy(update={"vote": None, "body": body.id})
    opened = text_.model_copy(
        update={
            "id": "zz-open",
            "title": f"{text_.title} (renewal)",
            "status": "proposed",
            "decision": decision_,
            "symbol": None,
        }
    )
    return scenario_set.model_copy(update={"drafts": (*scenario_set.drafts, opened)}), opened.id


OPENED = [open_question(s) for s in EVERY_SET if decisions(s)]


def other_text(scenario_set: ScenarioSet, open_id: str) -> str:
    """A decided text of the set other than the open one."""
    return next(t.id for t, _ in decisions(scenario_set) if t.id != open_id)


def expect_outcome(
    at: AppTest, scenario_set: ScenarioSet, text_id: str, votes: Mapping[str, str]
) -> None:
    adopted, line = outcome(scenario_set, text_id, votes)
    page = text(at)
    assert line in page
    assert leads_to(scenario_set, text_id, adopted) in page


@pytest.mark.parametrize(("scenario_set", "text_id"), DECIDED, ids=map(pair_id, DECIDED))
def test_the_vote_view_shows_the_recorded_votes_the_rule_the_simulator_and_the_record(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    at = open_vote(scenario_set, text=text_id)
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    texts = [t for t in scenario_set.drafts if t.vote]
    assert len(figures_of(at)) == len(texts) + 1 + bool(scenario_set.council_record)
    named, body = names(scenario_set), found(scenario_set, text_id)[1]
    for text_ in texts:
        assert text_.vote is not None
        own = found(scenario_set, text_.id)[1]
        what = "decision" if own.rule in ("consensus", "unanimity") else "recorded vote"
        title = f"{text_.symbol or text_.kind.capitalize()}: {what} of "
        recorded = titled(at, title + day(text_.vote.date))
        by_vote = recorded_votes(text_.vote)
        for choice, label in VOTE_LABELS.items():
            members = [m for m, v in by_vote.items() if v == choice]
            if members:
                shown = trace(recorded, f"{label} ({len(members)})")
                assert len(shown["x"]) == len(members)
                assert sorted(shown["text"]) == sorted(
                    f"<b>{named[m]}</b>" if m in own.permanent else named[m] for m in members
                )
    assert explain(body) in text(at)
    record = decision(scenario_set, text_id)
    expect_outcome(at, scenario_set, text_id, record)
    assert len(at.segmented_control) == len(record)
    for member, vote in record.items():
        assert at.segmented_control(key=control(text_id, member)).value == vote
        marked = at.segmented_control(key=control(text_id, member)).label.endswith("(permanent)")
        assert marked == (member in body.permanent)
    assert at.session_state["test.returned"] == {}
    default = default_decision(scenario_set)
    assert default is not None
    assert at.session_state["test.returned_text"] == (None if text_id == default[0].id else text_id)


@pytest.mark.parametrize(("scenario_set", "text_id"), DECIDED, ids=map(pair_id, DECIDED))
def test_every_decided_text_is_offered_and_the_chosen_one_is_simulated(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    at = open_vote(scenario_set, text=text_id)
    offered = [t.id for t, _ in decisions(scenario_set)]
    if len(offered) > 1:
        assert at.selectbox(key="vote.text").options == [
            t.symbol or t.title for t, _ in decisions(scenario_set)
        ]
        assert at.selectbox(key="vote.text").value == text_id
    else:
        assert not at.selectbox
    chosen = found(scenario_set, text_id)[0]
    assert esc_free(chosen.symbol or chosen.title) in esc_free(text(at))


def esc_free(words: str) -> str:
    return re.sub(r"\\(.)", r"\1", words)


@pytest.mark.parametrize(("scenario_set", "open_id"), OPENED, ids=map(pair_id, OPENED))
def test_an_open_text_is_the_default_and_starts_from_no_invented_vote(
    scenario_set: ScenarioSet, open_id: str
) -> None:
    """A text awaiting its vote is what the view opens on; every member of its body starts
    neither for nor against, and a caption says that start is not a record."""
    default = default_decision(scenario_set)
    assert default is not None and default[0].id == open_id
    body = default[1]
    at = open_vote(scenario_set)
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    assert len(at.segmented_control) == len(body.members)
    for member in body.members:
        assert at.segmented_control(key=control(open_id, member)).value == UNRECORDED_START
    assert f"decided by the {body.name}: every member starts at" in esc_free(text(at))
    assert "which is not a record of how they would vote" in esc_free(text(at))
    assert "Changed from" not in text(at)
    expect_outcome(at, scenario_set, open_id, dict.fromkeys(body.members, UNRECORDED_START))
    assert titled(at, "The starting vote")
    assert at.session_state["test.returned_text"] is None


@pytest.mark.parametrize(("scenario_set", "open_id"), OPENED, ids=map(pair_id, OPENED))
def test_a_vote_on_an_open_text_is_a_what_if_from_its_start(
    scenario_set: ScenarioSet, open_id: str
) -> None:
    """Every member voting yes on the open text: the outcome is its body's, what follows is
    the content's, and the what-if is every member's change from the start."""
    body = found(scenario_set)[1]
    at = open_vote(scenario_set, dict.fromkeys(body.members, "yes"))
    assert not at.exception, at.exception
    expect_outcome(at, scenario_set, open_id, dict.fromkeys(body.members, "yes"))
    assert "Changed from the start: " in esc_free(text(at))
    assert at.session_state["test.returned"] == dict.fromkeys(body.members, "yes")


@pytest.mark.parametrize(("scenario_set", "open_id"), OPENED, ids=map(pair_id, OPENED))
def test_choosing_another_text_simulates_it_and_puts_it_in_the_link(
    scenario_set: ScenarioSet, open_id: str
) -> None:
    """Choosing the recorded text in the page: its controls (keyed by text) start from its
    record, the what-if of the open text is dropped, and the link names the text; choosing the
    open text again starts it afresh, as its link (without a what-if) says."""
    text_ = found(scenario_set, other_text(scenario_set, open_id))[0]
    member = found(scenario_set)[1].members[0]
    at = open_vote(scenario_set, {member: "no"})
    at.selectbox(key="vote.text").set_value(text_.id).run()
    assert not at.exception, at.exception
    assert not at.warning
    assert at.session_state["test.returned_text"] == text_.id
    assert at.session_state["test.returned"] == {}
    record = decision(scenario_set, text_.id)
    for voter, vote in record.items():
        assert at.segmented_control(key=control(text_.id, voter)).value == vote
    expect_outcome(at, scenario_set, text_.id, record)
    at.selectbox(key="vote.text").set_value(open_id).run()
    assert at.session_state["test.returned_text"] is None
    assert at.segmented_control(key=control(open_id, member)).value == UNRECORDED_START
    assert at.session_state["test.returned"] == {}


@pytest.mark.parametrize(("scenario_set", "open_id"), OPENED, ids=map(pair_id, OPENED))
def test_a_new_link_in_the_same_session_replaces_the_chosen_text(
    scenario_set: ScenarioSet, open_id: str
) -> None:
    """Back or Forward: a link naming another text moves the choice to it."""
    text_ = found(scenario_set, other_text(scenario_set, open_id))[0]
    at = open_vote(scenario_set)
    at.session_state["test.text"] = text_.id
    at.run()
    assert at.selectbox(key="vote.text").value == text_.id
    at.session_state["test.text"] = None
    at.run()
    assert at.selectbox(key="vote.text").value == open_id
    assert at.session_state["test.returned_text"] is None


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
    voted = decided(scenario_set)
    body = voted[1] if voted else scenario_set.bodies[0]
    assert f"The {body.name}'s record on this question" in text(at)


def test_the_tiny_councils_record_reads_as_written() -> None:
    at = open_vote(SETS["tiny-set"])
    assert "3 recorded votes from 4 March 2025 to 17 November 2025 (2 drafts, 1 amendment)" in (
        text(at)
    )
    drawn = figure(at, "Recorded votes on the question")
    assert sorted(y for t in drawn["data"] for y in t["y"]) == [6, 10, 14]


@pytest.mark.parametrize(("scenario_set", "text_id"), SWINGABLE, ids=map(pair_id, SWINGABLE))
def test_a_what_if_given_as_overrides_changes_the_outcome_and_what_follows(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    member = swing(scenario_set, text_id)
    assert member is not None
    name, body = names(scenario_set)[member], found(scenario_set, text_id)[1]
    at = open_vote(scenario_set, {member: "no"}, text_id)
    assert not at.exception, at.exception
    assert at.segmented_control(key=control(text_id, member)).value == "no"
    changed = decision(scenario_set, text_id) | {member: "no"}
    expect_outcome(at, scenario_set, text_id, changed)
    assert f"Changed from the record: {name} yes → no." in text(at)
    against = [m for m, v in changed.items() if v == "no"]
    what_if = titled(at, "What-if vote")
    label = f"<b>{name}</b>" if member in body.permanent else name
    assert f"{label} (changed)" in trace(what_if, f"Against ({len(against)})")["text"]
    assert at.session_state["test.returned"] == {member: "no"}


@pytest.mark.parametrize(("scenario_set", "text_id"), SWINGABLE, ids=map(pair_id, SWINGABLE))
def test_changing_votes_in_the_page_updates_the_outcome_and_the_returned_what_if(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    member, record = swing(scenario_set, text_id), decision(scenario_set, text_id)
    assert member is not None
    at = open_vote(scenario_set, text=text_id)
    at.segmented_control(key=control(text_id, member)).set_value("no").run()
    expect_outcome(at, scenario_set, text_id, record | {member: "no"})
    assert at.session_state["test.returned"] == {member: "no"}
    abstaining = sorted(m for m, v in record.items() if v == "yes" and m != member)
    for other in abstaining:
        at.segmented_control(key=control(text_id, other)).set_value("abstain")
    at.segmented_control(key=control(text_id, member)).set_value("yes").run()
    expect_outcome(at, scenario_set, text_id, record | dict.fromkeys(abstaining, "abstain"))
    assert at.session_state["test.returned"] == dict.fromkeys(abstaining, "abstain")


def session(scenario_set: ScenarioSet, text_id: str, link: dict[str, str]) -> AppTest:
    at = AppTest.from_function(
        vote_page,
        default_timeout=60,
        kwargs={"scenario_set": scenario_set, "overrides": {}, "text": text_id},
    )
    at.session_state["test.url"] = link
    return at.run()


@pytest.mark.parametrize(("scenario_set", "text_id"), SWINGABLE, ids=map(pair_id, SWINGABLE))
def test_votes_changed_one_after_another_persist_when_the_what_if_is_echoed_back(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    member, other = str(swing(scenario_set, text_id)), other_member(scenario_set, text_id)
    at = session(scenario_set, text_id, {})
    at.segmented_control(key=control(text_id, member)).set_value("no").run()
    at.segmented_control(key=control(text_id, other)).set_value("absent").run()
    assert at.session_state["test.url"] == {member: "no", other: "absent"}
    expect_outcome(
        at, scenario_set, text_id, decision(scenario_set, text_id) | {member: "no", other: "absent"}
    )


@pytest.mark.parametrize(("scenario_set", "text_id"), SWINGABLE, ids=map(pair_id, SWINGABLE))
def test_a_new_link_in_the_same_session_replaces_the_what_if(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    member, other = str(swing(scenario_set, text_id)), other_member(scenario_set, text_id)
    record = decision(scenario_set, text_id)
    at = session(scenario_set, text_id, {member: "no"})
    at.session_state["test.url"] = {other: "no"}
    at.run()
    assert at.segmented_control(key=control(text_id, member)).value == record[member]
    assert at.segmented_control(key=control(text_id, other)).value == "no"
    expect_outcome(at, scenario_set, text_id, record | {other: "no"})


@pytest.mark.parametrize(("scenario_set", "text_id"), SWINGABLE, ids=map(pair_id, SWINGABLE))
def test_reset_returns_to_the_recorded_vote(scenario_set: ScenarioSet, text_id: str) -> None:
    member, other = str(swing(scenario_set, text_id)), other_member(scenario_set, text_id)
    record = decision(scenario_set, text_id)
    at = open_vote(scenario_set, {member: "no", other: "absent"}, text_id)
    at.button(key="vote.reset").click().run()
    assert at.segmented_control(key=control(text_id, member)).value == record[member]
    assert at.segmented_control(key=control(text_id, other)).value == record[other]
    expect_outcome(at, scenario_set, text_id, record)
    assert at.session_state["test.returned"] == {}


@pytest.mark.parametrize(("scenario_set", "text_id"), SWINGABLE, ids=map(pair_id, SWINGABLE))
def test_bad_overrides_are_ignored_with_a_notice_and_nothing_breaks(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    member, other = str(swing(scenario_set, text_id)), other_member(scenario_set, text_id)
    body = found(scenario_set, text_id)[1]
    assert "zzz" not in decision(scenario_set, text_id)
    at = open_vote(scenario_set, {"zzz": "no", other: "<b>maybe</b>", member: "abstain"}, text_id)
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 2
    plain = [esc_free(w) for w in warnings]  # the Markdown escapes taken out
    assert sum(f"not a member of the {body.name}" in w for w in plain) == 1
    assert not any("<b>" in w for w in warnings)
    assert at.session_state["test.returned"] == {member: "abstain"}
    expect_outcome(at, scenario_set, text_id, decision(scenario_set, text_id) | {member: "abstain"})


@pytest.mark.parametrize("scenario_set", VOTED, ids=set_id)
def test_a_set_without_a_record_shows_the_decision_and_its_simulator(
    scenario_set: ScenarioSet,
) -> None:
    at = open_vote(scenario_set.model_copy(update={"council_record": ()}))
    assert not at.exception, at.exception
    assert len(figures_of(at)) == len([t for t in scenario_set.drafts if t.vote]) + 1
    assert "record on this question" not in text(at)
    text_id = found(scenario_set)[0].id
    expect_outcome(at, scenario_set, text_id, decision(scenario_set))


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


@pytest.mark.parametrize(("scenario_set", "text_id"), RECORDED, ids=map(pair_id, RECORDED))
def test_a_body_of_any_rule_and_size_is_simulated_under_its_own_rule(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    """The same recorded vote, decided by a simple-majority body of the same members: no veto
    holders are marked, the rule is said in its own words, and the outcome is the majority's."""
    body = found(scenario_set, text_id)[1]
    board = Body(id=body.id, name="Board", rule="simple-majority", members=body.members)
    others = tuple(b for b in scenario_set.bodies if b.id != body.id)
    changed = scenario_set.model_copy(update={"bodies": (board, *others)})
    at = open_vote(changed, text=text_id)
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    assert explain(board) in text(at)
    assert "Article 27(3)" not in text(at)
    assert not any(c.label.endswith("(permanent)") for c in at.segmented_control)
    adopted = decide(board, decision(scenario_set, text_id), names(scenario_set))
    assert f"Outcome: {adopted.reason}." in text(at)
