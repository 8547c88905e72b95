"""Council: the recorded votes, a simulator of the decision under Article 27(3) of the Charter,
and the Council's record on the question over time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import streamlit as st

from components import url
from components.chart import ChartContent, chart
from explorer.content import Draft, RecordedVote, ScenarioSet
from explorer.council import (
    VOTES,
    Vote,
    VoteError,
    apply_overrides,
    changed_votes,
    following_scenario,
    recorded_votes,
    tally,
)
from explorer.council import figures as cf
from explorer.council.tables import record_table
from explorer.formats import day
from explorer.text import escape_markdown as esc
from explorer.views import ViewState

VOTE_WORDS = {"yes": "Yes", "no": "No", "abstain": "Abstain", "absent": "Absent"}
RULE = (
    "Article 27(3) of the UN Charter: a draft is adopted with at least 9 votes in favour and no "
    "permanent member against. A permanent member's abstention or absence is not a veto."
)


def _key(member: str) -> str:
    return f"council.vote.{member}"


def _seed(record: Mapping[str, Vote], votes: Mapping[str, Vote]) -> None:
    """Set the members' controls from ``votes`` when the link changed from outside (see
    ``components.url``) or a control has lost its state."""
    for member in record:
        if url.changed_outside() or _key(member) not in st.session_state:
            st.session_state[_key(member)] = votes[member]


def _reset(record: Mapping[str, Vote]) -> None:
    for member, vote in record.items():
        st.session_state[_key(member)] = vote


def _permanent(scenario_set: ScenarioSet) -> dict[str, str]:
    """Permanent members: actor id -> name."""
    return {a.id: a.name for a in scenario_set.actors if a.council_seat == "permanent"}


def _recorded(scenario_set: ScenarioSet, draft: Draft, vote: RecordedVote) -> None:
    names = {a.id: a.name for a in scenario_set.actors}
    by_name = {names[m]: v for m, v in recorded_votes(vote).items()}
    permanent = list(_permanent(scenario_set).values())
    reason = tally(by_name, permanent).reason
    title = f"{draft.symbol or 'Draft'}: recorded vote of {day(vote.date)}"
    st.markdown(f"**{esc(draft.title)}**")
    chart(
        f"council.seats.{draft.id}",
        (scenario_set.content_hash,),
        lambda: ChartContent(
            cf.seat_chart(by_name, permanent, title, reason),
            cf.seats_summary(by_name, title, reason),
        ),
    )


def _controls(
    members: list[str], names: Mapping[str, str], permanent: Mapping[str, str]
) -> dict[str, Vote]:
    """One vote control per member, permanent members first, in three columns."""
    votes: dict[str, Vote] = {}
    for index, column in enumerate(st.columns(3)):
        with column:
            for member in members[index::3]:
                votes[member] = st.segmented_control(
                    esc(names[member]) + (" (permanent)" if member in permanent else ""),
                    VOTES,
                    format_func=VOTE_WORDS.get,
                    required=True,
                    key=_key(member),
                )
    return votes


def _simulator(
    scenario_set: ScenarioSet, draft: Draft, vote: RecordedVote, overrides: Mapping[str, str]
) -> dict[str, str]:
    names = {a.id: a.name for a in scenario_set.actors}
    permanent = _permanent(scenario_set)
    record = recorded_votes(vote)
    seeded, ignored = apply_overrides(record, overrides)
    for notice in ignored:
        st.warning(esc(notice))
    _seed(record, seeded)
    st.markdown(f"### What if the vote had gone otherwise? {esc(draft.symbol or draft.title)}")
    st.caption(esc(RULE))
    st.button("Reset to the recorded vote", key="council.reset", on_click=_reset, args=(record,))
    votes = _controls(
        sorted(record, key=lambda m: (m not in permanent, names[m])), names, permanent
    )
    by_name = {names[m]: v for m, v in votes.items()}
    result = tally(by_name, [name for m, name in permanent.items() if m in votes])
    changed = changed_votes(record, votes)
    st.badge(
        "Adopted" if result.adopted else "Not adopted",
        color="green" if result.adopted else "red",
        icon=":material/check_circle:" if result.adopted else ":material/block:",
    )
    st.markdown(f"**Outcome: {esc(result.reason)}.**")
    if changed:
        moves = [f"{names[m]} {record[m]} → {v}" for m, v in changed.items()]
        st.markdown(esc("Changed from the record: " + "; ".join(moves) + "."))
    follows = following_scenario(scenario_set, draft.id, result.adopted)
    if follows:
        st.markdown(f"Leads to the scenario **{esc(follows.label)}**.")
        st.caption(esc(follows.narrative.headline))
    else:
        st.markdown("No scenario of this set follows from this outcome.")
    title = "What-if vote" if changed else "The vote as recorded"
    chart(
        "council.simulated",
        (scenario_set.content_hash, draft.id, tuple(sorted(votes.items()))),
        lambda: ChartContent(
            cf.seat_chart(
                by_name, list(permanent.values()), title, result.reason, {names[m] for m in changed}
            ),
            cf.seats_summary(by_name, title, result.reason),
        ),
    )
    return changed


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    """Draw the view; return ``state`` with its what-if: member actor id -> vote, where it
    differs from the record of the decision (the first draft with a recorded vote)."""
    overrides = dict(state.votes)
    voted = [(d, d.vote) for d in scenario_set.drafts if d.vote]
    changed: dict[str, str] = {}
    try:
        if voted:
            st.markdown("### Recorded votes")
            for draft, vote in voted:
                _recorded(scenario_set, draft, vote)
            changed = _simulator(scenario_set, *voted[0], overrides)
        else:
            st.info("No draft of this set has a recorded vote.")
    except VoteError as err:
        st.error(esc(str(err)))
    record = scenario_set.council_record
    if record:
        st.markdown("### The Council's record on this question")
        sources = {s.id: s.publisher for s in scenario_set.sources}
        chart(
            "council.record",
            (scenario_set.content_hash,),
            lambda: ChartContent(
                cf.record_chart(record, scenario_set.info.decision_date),
                cf.record_summary(record),
                record_table(record, sources),
            ),
        )
    return replace(state, votes=tuple(sorted(changed.items())))
