"""Vote: the recorded votes on the set's texts, a simulator of the decision under its body's
rule (any body, any size), and the body's record on the question over time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import streamlit as st

from components import url
from components.chart import ChartContent, chart
from explorer.content import Body, Draft, RecordedVote, ScenarioSet
from explorer.formats import day
from explorer.text import escape_markdown as esc
from explorer.views import ViewState
from explorer.voting import (
    VOTES,
    Vote,
    VoteError,
    apply_overrides,
    body_of,
    changed_votes,
    decide,
    decided,
    explain,
    following_scenario,
    member_labels,
    recorded_votes,
)
from explorer.voting import figures as vf
from explorer.voting.tables import record_table

VOTE_WORDS = {"yes": "Yes", "no": "No", "abstain": "Abstain", "absent": "Absent"}


AGREED = ("consensus", "unanimity")
"""Rules under which members agree rather than vote: the record is a decision, not a vote."""


PERMANENT_KEY = "Names in bold with a ringed mark: permanent members, whose vote against is a veto."


def _key(member: str) -> str:
    return f"vote.member.{member}"


def _seed(record: Mapping[str, Vote], votes: Mapping[str, Vote]) -> None:
    """Set the members' controls from ``votes`` when the link changed from outside (see
    ``components.url``) or a control has lost its state."""
    for member in record:
        if url.changed_outside() or _key(member) not in st.session_state:
            st.session_state[_key(member)] = votes[member]


def _reset(record: Mapping[str, Vote]) -> None:
    for member, vote in record.items():
        st.session_state[_key(member)] = vote


def _labels(scenario_set: ScenarioSet, body: Body) -> dict[str, str]:
    """The body's members: actor id -> a label naming each distinctly."""
    return member_labels(body.members, {a.id: a.name for a in scenario_set.actors})


def _permanent(scenario_set: ScenarioSet, body: Body) -> dict[str, str]:
    """The members whose no is a veto (only where the rule has them): actor id -> label."""
    labels = _labels(scenario_set, body)
    return {m: labels[m] for m in body.permanent}


def _recorded(scenario_set: ScenarioSet, draft: Draft, body: Body, vote: RecordedVote) -> None:
    names = {a.id: a.name for a in scenario_set.actors}
    labels = _labels(scenario_set, body)
    record = recorded_votes(vote)
    by_name = {labels[m]: v for m, v in record.items()}
    permanent = list(_permanent(scenario_set, body).values())
    reason = decide(body, record, names).reason
    what = "decision" if body.rule in AGREED else "recorded vote"
    title = f"{draft.symbol or draft.kind.capitalize()}: {what} of {day(vote.date)}"
    st.markdown(f"**{esc(draft.title)}**")
    if permanent:
        st.caption(PERMANENT_KEY)
    chart(
        f"vote.seats.{draft.id}",
        (scenario_set.content_hash,),
        lambda: ChartContent(
            vf.seat_chart(by_name, permanent, title, reason),
            vf.seats_summary(by_name, title, reason),
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
    scenario_set: ScenarioSet, draft: Draft, body: Body, overrides: Mapping[str, str]
) -> dict[str, str]:
    names = _labels(scenario_set, body)
    permanent = _permanent(scenario_set, body)
    record = recorded_votes(draft.vote) if draft.vote else {}
    seeded, ignored = apply_overrides(record, overrides, body.name)
    for notice in ignored:
        st.warning(esc(notice))
    _seed(record, seeded)
    st.markdown(f"### What if the vote had gone otherwise? {esc(draft.symbol or draft.title)}")
    st.caption(esc(explain(body)))
    st.button("Reset to the recorded vote", key="vote.reset", on_click=_reset, args=(record,))
    votes = _controls(
        sorted(record, key=lambda m: (m not in permanent, names[m])), names, permanent
    )
    by_name = {names[m]: v for m, v in votes.items()}
    result = decide(body, votes, names)
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
    follows = following_scenario(scenario_set, draft, result.adopted)
    if follows:
        st.markdown(f"Leads to the scenario **{esc(follows.label)}**.")
        st.caption(esc(follows.narrative.headline))
    else:
        st.markdown("No scenario of this set follows from this outcome.")
    title = "What-if vote" if changed else "The vote as recorded"
    chart(
        "vote.simulated",
        (scenario_set.content_hash, draft.id, tuple(sorted(votes.items()))),
        lambda: ChartContent(
            vf.seat_chart(
                by_name, list(permanent.values()), title, result.reason, {names[m] for m in changed}
            ),
            vf.seats_summary(by_name, title, result.reason),
        ),
    )
    return changed


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    """Draw the view; return ``state`` with its what-if: member actor id -> vote, where it
    differs from the record of the decision (the first text with a recorded vote)."""
    overrides = dict(state.votes)
    voted = [(t, body_of(scenario_set, t), t.vote) for t in scenario_set.drafts if t.vote]
    found = decided(scenario_set)
    changed: dict[str, str] = {}
    try:
        if found:
            st.markdown(
                "### Recorded decisions" if found[1].rule in AGREED else "### Recorded votes"
            )
            for text, body, vote in voted:
                if body:
                    _recorded(scenario_set, text, body, vote)
            changed = _simulator(scenario_set, *found, overrides)
        else:
            st.info("No text of this set has a recorded decision.")
    except VoteError as err:
        st.error(esc(str(err)))
    record = scenario_set.council_record
    if record:
        body = found[1] if found else next(iter(scenario_set.bodies), None)
        st.markdown(
            f"### {esc(f'The {body.name}' if body else 'The body')}'s record on this question"
        )
        sources = {s.id: s.cited_as for s in scenario_set.sources}
        chart(
            "vote.record",
            (scenario_set.content_hash,),
            lambda: ChartContent(
                vf.record_chart(record, scenario_set.info.decision_date),
                vf.record_summary(record),
                record_table(record, sources),
            ),
        )
    return replace(state, votes=tuple(sorted(changed.items())))
