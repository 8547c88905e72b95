"""The Council and Reality check views at the Streamlit seam, for every set: the recorded vote,
the simulator and its what-if (given as overrides, as a shared link does, or changed in the
page), the record of past votes, and each scenario's signposts and projections against what
happened. Expected members, counts and names come from each set; the fixture's own votes are
checked by value. Caches are cleared between tests by the autouse fixture in
tests/app/conftest.py."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest
from streamlit.testing.v1 import AppTest

from explorer.content import Draft, RecordedVote, ScenarioSet
from explorer.council import following_scenario, recorded_votes, tally
from explorer.formats import day
from tests.app.conftest import figures_of
from tests.conftest import SETS, set_id, sets_where

VOTE_LABELS = {"yes": "In favour", "no": "Against", "abstain": "Abstaining", "absent": "Absent"}


# AppTest runs these functions' source as a script of its own, where annotations are evaluated
# at definition: hence the quoted names.
def council_page(scenario_set: "ScenarioSet", overrides: dict[str, str]) -> None:  # noqa: UP037
    """As the app does: the what-if starts from ``overrides`` (or from a link the test put in
    ``test.url``), and what the view returns is written back to the link."""
    import streamlit as st

    from tests.app.conftest import linked_view

    link = st.session_state.setdefault("test.url", overrides)
    shown = linked_view(scenario_set, "council", {"votes": tuple(sorted(link.items()))})
    st.session_state["test.url"] = st.session_state["test.returned"] = dict(shown.votes)


def reality_page(scenario_set: "ScenarioSet", scenario_ids: list[str]) -> None:  # noqa: UP037
    from tests.app.conftest import linked_view

    a, b = (*scenario_ids, None)[:2]
    linked_view(scenario_set, "reality", {"a": a, "b": b})


def open_council(scenario_set: ScenarioSet, overrides: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_function(
        council_page,
        default_timeout=60,
        kwargs={"scenario_set": scenario_set, "overrides": overrides or {}},
    )
    return at.run()


def open_reality(scenario_set: ScenarioSet, scenario_ids: list[str]) -> AppTest:
    at = AppTest.from_function(
        reality_page,
        default_timeout=60,
        kwargs={"scenario_set": scenario_set, "scenario_ids": scenario_ids},
    )
    return at.run()


def text(at: AppTest) -> str:
    """Everything written as Markdown or caption, with the content escaping taken out."""
    values = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return re.sub(r"\\(.)", r"\1", "\n".join(values))


def figure(at: AppTest, title: str) -> dict:
    return next(f for f in figures_of(at) if f["layout"]["title"]["text"] == title)


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)


def voted(scenario_set: ScenarioSet) -> list[tuple[Draft, RecordedVote]]:
    return [(d, d.vote) for d in scenario_set.drafts if d.vote]


def decision(scenario_set: ScenarioSet) -> dict[str, str]:
    """The vote the simulator starts from (the first recorded one): member id -> vote."""
    return dict(recorded_votes(voted(scenario_set)[0][1]))


def names(scenario_set: ScenarioSet) -> dict[str, str]:
    return {a.id: a.name for a in scenario_set.actors}


def permanent(scenario_set: ScenarioSet) -> list[str]:
    return sorted(a.id for a in scenario_set.actors if a.council_seat == "permanent")


def outcome(scenario_set: ScenarioSet, votes: Mapping[str, str]) -> tuple[bool, str]:
    """Whether ``votes`` (member id -> vote) adopt the draft, and the page's outcome line."""
    named = names(scenario_set)
    result = tally(
        {named[m]: v for m, v in votes.items()},
        [named[p] for p in permanent(scenario_set) if p in votes],
    )
    return result.adopted, f"Outcome: {result.reason}."


def leads_to(scenario_set: ScenarioSet, adopted: bool) -> str:
    follows = following_scenario(scenario_set, voted(scenario_set)[0][0].id, adopted)
    if follows is None:
        return "No scenario of this set follows from this outcome."
    return f"Leads to the scenario **{follows.label}**."


def vetoer(scenario_set: ScenarioSet) -> str:
    """A permanent member that voted yes: its no is a what-if that matters."""
    record = decision(scenario_set)
    return next(p for p in permanent(scenario_set) if record.get(p) == "yes")


def other_member(scenario_set: ScenarioSet) -> str:
    return next(m for m in sorted(decision(scenario_set)) if m != vetoer(scenario_set))


VOTED = sets_where(voted)
WITH_RECORD = sets_where(lambda s: s.council_record)
VETOABLE = [
    s
    for s in VOTED
    if any(decision(s).get(p) == "yes" for p in permanent(s))
    and any(v == "yes" and m not in permanent(s) for m, v in decision(s).items())
]
EVERY_SET = list(SETS.values())


def expect_outcome(at: AppTest, scenario_set: ScenarioSet, votes: Mapping[str, str]) -> None:
    adopted, line = outcome(scenario_set, votes)
    page = text(at)
    assert line in page
    assert leads_to(scenario_set, adopted) in page


@pytest.mark.parametrize("scenario_set", VOTED, ids=set_id)
def test_the_council_view_shows_the_recorded_vote_the_simulator_and_the_record(
    scenario_set: ScenarioSet,
) -> None:
    at = open_council(scenario_set)
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    drafts = voted(scenario_set)
    assert len(figures_of(at)) == len(drafts) + 1 + bool(scenario_set.council_record)
    named, seats = names(scenario_set), permanent(scenario_set)
    for draft, vote in drafts:
        recorded = figure(at, f"{draft.symbol or 'Draft'}: recorded vote of {day(vote.date)}")
        by_vote = recorded_votes(vote)
        for choice, label in VOTE_LABELS.items():
            members = [m for m, v in by_vote.items() if v == choice]
            if members:
                shown = trace(recorded, f"{label} ({len(members)})")
                assert len(shown["x"]) == len(members)
                assert sorted(shown["text"]) == sorted(
                    f"<b>{named[m]}</b>" if m in seats else named[m] for m in members
                )
    record = decision(scenario_set)
    expect_outcome(at, scenario_set, record)
    assert len(at.segmented_control) == len(record)
    for member, vote in record.items():
        assert at.segmented_control(key=f"council.vote.{member}").value == vote
    assert at.session_state["test.returned"] == {}


@pytest.mark.parametrize("scenario_set", WITH_RECORD, ids=set_id)
def test_the_record_of_past_votes_is_drawn_with_the_decision_marked(
    scenario_set: ScenarioSet,
) -> None:
    record = scenario_set.council_record
    at = open_council(scenario_set)
    drawn = figure(at, "The Council's recorded votes on the question")
    assert sum(len(t["x"]) for t in drawn["data"]) == len(record)
    vetoed = [v for v in record if v.outcome == "vetoed" and v.kind == "draft"]
    if vetoed:
        assert len(trace(drawn, "Vetoed (drafts)")["x"]) == len(vetoed)
    assert {a["text"] for a in drawn["layout"]["annotations"]} >= {"the decision"}
    first, last = min(v.date for v in record), max(v.date for v in record)
    assert f"{len(record)} recorded votes from {day(first)} to {day(last)}" in text(at)


def test_the_tiny_councils_record_reads_as_written() -> None:
    at = open_council(SETS["tiny-set"])
    assert "3 recorded votes from 4 March 2025 to 17 November 2025 (2 drafts, 1 amendment)" in (
        text(at)
    )
    drawn = figure(at, "The Council's recorded votes on the question")
    assert sorted(y for t in drawn["data"] for y in t["y"]) == [6, 10, 14]


@pytest.mark.parametrize("scenario_set", VETOABLE, ids=set_id)
def test_a_what_if_given_as_overrides_changes_the_outcome_and_what_follows(
    scenario_set: ScenarioSet,
) -> None:
    member = vetoer(scenario_set)
    name = names(scenario_set)[member]
    at = open_council(scenario_set, {member: "no"})
    assert not at.exception, at.exception
    assert at.segmented_control(key=f"council.vote.{member}").value == "no"
    changed = decision(scenario_set) | {member: "no"}
    assert outcome(scenario_set, changed) != outcome(scenario_set, decision(scenario_set))
    expect_outcome(at, scenario_set, changed)
    assert f"Changed from the record: {name} yes → no." in text(at)
    against = [m for m, v in changed.items() if v == "no"]
    what_if = figure(at, "What-if vote")
    assert f"<b>{name}</b> (changed)" in trace(what_if, f"Against ({len(against)})")["text"]
    assert at.session_state["test.returned"] == {member: "no"}


@pytest.mark.parametrize("scenario_set", VETOABLE, ids=set_id)
def test_changing_votes_in_the_page_updates_the_outcome_and_the_returned_what_if(
    scenario_set: ScenarioSet,
) -> None:
    member, record = vetoer(scenario_set), decision(scenario_set)
    at = open_council(scenario_set)
    at.segmented_control(key=f"council.vote.{member}").set_value("no").run()
    expect_outcome(at, scenario_set, record | {member: "no"})
    assert at.session_state["test.returned"] == {member: "no"}
    elected = sorted(
        m for m, v in record.items() if v == "yes" and m not in permanent(scenario_set)
    )
    in_favour = sum(v == "yes" for v in record.values())
    abstaining = elected[: max(1, in_favour - 8)]
    for other in abstaining:
        at.segmented_control(key=f"council.vote.{other}").set_value("abstain")
    at.segmented_control(key=f"council.vote.{member}").set_value("yes").run()
    changed = record | dict.fromkeys(abstaining, "abstain")
    adopted, _ = outcome(scenario_set, changed)
    assert not adopted
    expect_outcome(at, scenario_set, changed)
    assert at.session_state["test.returned"] == dict.fromkeys(abstaining, "abstain")


@pytest.mark.parametrize("scenario_set", VETOABLE, ids=set_id)
def test_votes_changed_one_after_another_persist_when_the_what_if_is_echoed_back(
    scenario_set: ScenarioSet,
) -> None:
    member, other = vetoer(scenario_set), other_member(scenario_set)
    at = AppTest.from_function(
        council_page, default_timeout=60, kwargs={"scenario_set": scenario_set, "overrides": {}}
    )
    at.session_state["test.url"] = {}
    at.run()
    at.segmented_control(key=f"council.vote.{member}").set_value("no").run()
    at.segmented_control(key=f"council.vote.{other}").set_value("absent").run()
    assert at.session_state["test.url"] == {member: "no", other: "absent"}
    expect_outcome(at, scenario_set, decision(scenario_set) | {member: "no", other: "absent"})


@pytest.mark.parametrize("scenario_set", VETOABLE, ids=set_id)
def test_a_new_link_in_the_same_session_replaces_the_what_if(scenario_set: ScenarioSet) -> None:
    member, other, record = vetoer(scenario_set), other_member(scenario_set), decision(scenario_set)
    at = AppTest.from_function(
        council_page, default_timeout=60, kwargs={"scenario_set": scenario_set, "overrides": {}}
    )
    at.session_state["test.url"] = {member: "no"}
    at.run()
    at.session_state["test.url"] = {other: "no"}
    at.run()
    assert at.segmented_control(key=f"council.vote.{member}").value == record[member]
    assert at.segmented_control(key=f"council.vote.{other}").value == "no"
    expect_outcome(at, scenario_set, record | {other: "no"})


@pytest.mark.parametrize("scenario_set", VETOABLE, ids=set_id)
def test_reset_returns_to_the_recorded_vote(scenario_set: ScenarioSet) -> None:
    member, other, record = vetoer(scenario_set), other_member(scenario_set), decision(scenario_set)
    at = open_council(scenario_set, {member: "no", other: "absent"})
    at.button(key="council.reset").click().run()
    assert at.segmented_control(key=f"council.vote.{member}").value == record[member]
    assert at.segmented_control(key=f"council.vote.{other}").value == record[other]
    expect_outcome(at, scenario_set, record)
    assert at.session_state["test.returned"] == {}


@pytest.mark.parametrize("scenario_set", VETOABLE, ids=set_id)
def test_bad_overrides_are_ignored_with_a_notice_and_nothing_breaks(
    scenario_set: ScenarioSet,
) -> None:
    member, other = vetoer(scenario_set), other_member(scenario_set)
    assert "zzz" not in decision(scenario_set)
    at = open_council(scenario_set, {"zzz": "no", other: "<b>maybe</b>", member: "abstain"})
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 2
    assert sum("not a member of this Council" in w for w in warnings) == 1
    assert not any("<b>" in w for w in warnings)
    assert at.session_state["test.returned"] == {member: "abstain"}
    expect_outcome(at, scenario_set, decision(scenario_set) | {member: "abstain"})


@pytest.mark.parametrize("scenario_set", VOTED, ids=set_id)
def test_a_set_without_a_council_record_shows_the_decision_and_its_simulator(
    scenario_set: ScenarioSet,
) -> None:
    at = open_council(scenario_set.model_copy(update={"council_record": ()}))
    assert not at.exception, at.exception
    assert len(figures_of(at)) == len(voted(scenario_set)) + 1
    assert "The Council's record on this question" not in text(at)
    expect_outcome(at, scenario_set, decision(scenario_set))


def test_the_tiny_decision_falls_short_and_leads_to_rejection() -> None:
    at = open_council(SETS["tiny-set"])
    assert "Outcome: not adopted: 2 affirmative votes, 9 required." in text(at)
    assert "Leads to the scenario **Rejected**." in text(at)


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_a_set_without_a_recorded_vote_says_so(scenario_set: ScenarioSet) -> None:
    unvoted = scenario_set.model_copy(
        update={
            "drafts": tuple(d.model_copy(update={"vote": None}) for d in scenario_set.drafts),
            "council_record": (),
        }
    )
    at = open_council(unvoted, {"north": "no"})
    assert not at.exception, at.exception
    assert [i.value for i in at.info] == ["No draft of this set has a recorded vote."]
    assert figures_of(at) == []
    assert at.session_state["test.returned"] == {}


def pair(scenario_set: ScenarioSet) -> list[str]:
    return list(scenario_set.info.default_pair)


FRAMINGS = {
    "realized": "Realized: this is what happened.",
    "counterfactual": "Counterfactual. What would have had to differ:",
    "open": "Open: may still unfold",
}
"""How the reality check introduces a scenario of each status (an open branch goes on to say
where it leaves its parent)."""


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_reality_check_marks_signposts_and_states_the_as_of_date(
    scenario_set: ScenarioSet,
) -> None:
    at = open_reality(scenario_set, pair(scenario_set))
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    page = text(at)
    newest = max(o.date for o in scenario_set.observations)
    assert f"As of {day(newest)}, the date of the newest observation." in page
    for scenario in (s for s in scenario_set.scenarios if s.id in pair(scenario_set)):
        assert FRAMINGS[scenario.status] in page
        statuses = []
        for signpost in scenario.signposts:
            bearing = [
                o for o in scenario_set.observations if signpost.id in (*o.supports, *o.contradicts)
            ]
            status = "Not yet observed"
            if bearing:
                newest_on = max(o.date for o in bearing)
                latest = [o for o in bearing if o.date == newest_on]
                status = (
                    "Supported"
                    if all(signpost.id in o.supports for o in latest)
                    else "Contradicted"
                )
            assert f"**{status}**: {signpost.text}" in page
            statuses.append(status)
            for o in bearing:
                verb = "supports" if signpost.id in o.supports else "contradicts"
                assert f"{o.date}, {verb}: {o.title} (" in page
        if statuses:
            noun = "signpost" if len(statuses) == 1 else "signposts"
            assert (
                f"{statuses.count('Supported')} of {len(statuses)} {noun} observed, "
                f"{statuses.count('Contradicted')} contradicted"
            ) in page


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_reality_check_draws_observed_values_over_each_projection(
    scenario_set: ScenarioSet,
) -> None:
    at = open_reality(scenario_set, pair(scenario_set))
    scenarios = [s for s in scenario_set.scenarios if s.id in pair(scenario_set)]
    scenarios.sort(key=lambda s: pair(scenario_set).index(s.id))
    used = {t.indicator for s in scenarios for t in s.trajectories}
    indicators = [i for i in scenario_set.indicators if i.id in used]
    charts = figures_of(at)
    assert len(charts) == len(indicators)
    observed = [(v.indicator, o.date) for o in scenario_set.observations for v in o.values]
    page = text(at)
    for chart, indicator in zip(charts, indicators, strict=True):
        shown = [t.get("name") for t in chart["data"]]
        assert ("Observed" in shown) == any(i == indicator.id for i, _ in observed)
        for letter, scenario in zip("AB", scenarios, strict=False):
            paths = [t for t in scenario.trajectories if t.indicator == indicator.id]
            assert (f"{letter}: {scenario.label} (projected)" in shown) == bool(paths)
            for path in paths:
                start, end = path.points[0].date, path.points[-1].date
                within = any(i == indicator.id and start <= d <= end for i, d in observed)
                stated = re.search(
                    re.escape(f"{indicator.label}, {scenario.label}: ")
                    + r"the latest observed value, .+? is (below|within|above) the projected range",
                    page,
                )
                none = f"{indicator.label}, {scenario.label}: no observed value within the"
                assert bool(stated) == within and (none in page) == (not within)


def test_the_reality_check_of_one_scenario_lists_its_evidence() -> None:
    tiny = SETS["tiny-set"]
    at = open_reality(tiny, ["adopted"])
    assert not at.exception, at.exception
    page = text(at)
    assert "1 of 1 signpost observed, 0 contradicted" in page
    assert "2025-12-07, supports: Trucks counted (Example Wire)" in page
    assert "Aid trucks per day, Adopted: no observed value within the projected period." in page
    assert len(figures_of(at)) == 1
