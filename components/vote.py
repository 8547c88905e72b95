"""Vote: the recorded votes on the set's texts, a simulator of the decision under its body's
rule (any body, any size), and the body's record on the question over time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import streamlit as st

from components import url
from components.badges import markdown_badge
from components.chart import ChartContent, chart
from explorer.content import Body, Draft, RecordedVote, ScenarioSet
from explorer.formats import day
from explorer.text import escape_markdown as esc
from explorer.views import ViewState
from explorer.voting import (
    UNRECORDED_START,
    VOTES,
    Vote,
    VoteError,
    apply_overrides,
    body_of,
    changed_votes,
    chosen_decision,
    decide,
    decided,
    decisions,
    default_decision,
    explain,
    following_scenario,
    member_labels,
    recorded_votes,
    starting_votes,
)
from explorer.voting import figures as vf
from explorer.voting.tables import record_table

VOTE_WORDS = {"yes": "Yes", "no": "No", "abstain": "Abstain", "absent": "Absent"}


AGREED = ("consensus", "unanimity")
"""Rules under which members agree rather than vote: the record is a decision, not a vote."""


OUTCOME_BADGES = {
    True: markdown_badge("Adopted", "green", ":material/check_circle:"),
    False: markdown_badge("Not adopted", "red", ":material/block:"),
}


PERMANENT_KEY = "Names in bold with a ringed mark: permanent members, whose vote against is a veto."


def _key(text: str, member: str) -> str:
    return f"vote.member.{text}.{member}"


def _seed(text: str, record: Mapping[str, Vote], votes: Mapping[str, Vote]) -> None:
    """Set the members' controls from ``votes`` when the link changed from outside (see
    ``components.url``) or a control has lost its state."""
    outside = url.changed_outside()
    for member in record:
        if outside or _key(text, member) not in st.session_state:
            st.session_state[_key(text, member)] = votes[member]


def _reset(text: str, record: Mapping[str, Vote]) -> None:
    for member, vote in record.items():
        st.session_state[_key(text, member)] = vote


def _choose(scenario_set: ScenarioSet, linked: str | None) -> tuple[Draft, Body] | None:
    """The decision to simulate: a choice of every decided text (when there is more than one),
    seeded from the link's text (``linked``; None: the default) as the votes are."""
    found = decisions(scenario_set)
    start = chosen_decision(scenario_set, linked)
    if start is None:
        return None
    if url.changed_outside() or st.session_state.get("vote.text") not in (t.id for t, _ in found):
        st.session_state["vote.text"] = start[0].id
    if len(found) > 1:
        titles = {t.id: t.symbol or t.title for t, _ in found}
        st.selectbox("Text to simulate", list(titles), format_func=titles.get, key="vote.text")
    return chosen_decision(scenario_set, st.session_state["vote.text"])


def _labels(scenario_set: ScenarioSet, body: Body) -> dict[str, str]:
    """The body's members: actor id -> a label naming each distinctly."""
    return member_labels(body.members, {a.id: a.name for a in scenario_set.actors})


def _permanent(scenario_set: ScenarioSet, body: Body) -> dict[str, str]:
    """The members whose no is a veto (only where the rule has them): actor id -> label."""
    labels = _labels(scenario_set, body)
    return {m: labels[m] for m in body.permanent}


def _recorded(
    scenario_set: ScenarioSet, draft: Draft, body: Body, vote: RecordedVote, heading: str
) -> None:
    """The recorded vote's title (under ``heading``, in the same element, when there is one)
    and its seat chart."""
    names = {a.id: a.name for a in scenario_set.actors}
    labels = _labels(scenario_set, body)
    record = recorded_votes(vote)
    by_name = {labels[m]: v for m, v in record.items()}
    permanent = list(_permanent(scenario_set, body).values())
    reason = decide(body, record, names).reason
    what = "decision" if body.rule in AGREED else "recorded vote"
    title = f"{draft.symbol or draft.kind.capitalize()}: {what} of {day(vote.date)}"
    st.markdown(f"{heading}**{esc(draft.title)}**")
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
    members: list[str], names: Mapping[str, str], permanent: Mapping[str, str], text: str
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
                    key=_key(text, member),
                )
    return votes


def _simulator(
    scenario_set: ScenarioSet, draft: Draft, body: Body, overrides: Mapping[str, str]
) -> dict[str, str]:
    names = _labels(scenario_set, body)
    permanent = _permanent(scenario_set, body)
    record = starting_votes(draft, body)
    seeded, ignored = apply_overrides(record, overrides, body.name)
    for notice in ignored:
        st.warning(esc(notice))
    _seed(draft.id, record, seeded)
    question = "What if the vote had gone otherwise?" if draft.vote else "How could the vote go?"
    st.markdown(f"### {question} {esc(draft.symbol or draft.title)}")
    notes = [explain(body)]
    if not draft.vote:
        notes.append(
            f"No vote is recorded on this text, decided by the {body.name}: every member "
            f"starts at {VOTE_WORDS[UNRECORDED_START].lower()}, which is not a record of "
            "how they would vote."
        )
    st.caption("\n\n".join(esc(note) for note in notes))
    reset = "Reset to the recorded vote" if draft.vote else "Reset to the start"
    st.button(reset, key="vote.reset", on_click=_reset, args=(draft.id, record))
    votes = _controls(
        sorted(record, key=lambda m: (m not in permanent, names[m])), names, permanent, draft.id
    )
    by_name = {names[m]: v for m, v in votes.items()}
    result = decide(body, votes, names)
    changed = changed_votes(record, votes)
    # The badge, the outcome, the changes and what follows as one element: the same paragraphs,
    # three elements fewer on every change of a vote.
    lines = [OUTCOME_BADGES[result.adopted], f"**Outcome: {esc(result.reason)}.**"]
    if changed:
        moves = [f"{names[m]} {record[m]} → {v}" for m, v in changed.items()]
        start = "the record" if draft.vote else "the start"
        lines.append(esc(f"Changed from {start}: " + "; ".join(moves) + "."))
    follows = following_scenario(scenario_set, draft, result.adopted)
    lines.append(
        f"Leads to the scenario **{esc(follows.label)}**."
        if follows
        else "No scenario of this set follows from this outcome."
    )
    st.markdown("\n\n".join(lines))
    if follows:
        st.caption(esc(follows.narrative.headline))
    title = (
        "What-if vote" if changed else "The vote as recorded" if draft.vote else "The starting vote"
    )
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
    """Draw the view; return ``state`` with its text (None: the default) and its what-if:
    member actor id -> vote, where it differs from where the chosen text starts."""
    overrides = dict(state.votes)
    voted = [(t, body_of(scenario_set, t), t.vote) for t in scenario_set.drafts if t.vote]
    found = decided(scenario_set)
    changed: dict[str, str] = {}
    text_id = state.text
    try:
        if found:
            heading = "Recorded decisions" if found[1].rule in AGREED else "Recorded votes"
            drawn = [(text, body, vote) for text, body, vote in voted if body]
            if not drawn:
                st.markdown(f"### {heading}")
            for index, (text, body, vote) in enumerate(drawn):
                _recorded(scenario_set, text, body, vote, "" if index else f"### {heading}\n\n")
        chosen = _choose(scenario_set, state.text)
        if chosen:
            linked = chosen_decision(scenario_set, state.text)
            overrides = overrides if linked and linked[0] == chosen[0] else {}
            changed = _simulator(scenario_set, *chosen, overrides)
            default = default_decision(scenario_set)
            text_id = None if default and default[0].id == chosen[0].id else chosen[0].id
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
    return replace(state, text=text_id, votes=tuple(sorted(changed.items())))
