"""A text's decision and its what-if: the texts a body decides, the one shown first, the
votes a simulation starts from (the record, or an unrecorded start), votes changed by the
reader, and the scenario the content declares to follow each outcome.

    >>> text, body = decided(scenario_set)
    >>> following_scenario(scenario_set, text, adopted=True).id
    'us-draft-adopted'
"""

from __future__ import annotations

from collections.abc import Mapping

from explorer.content import Body, Draft, RecordedVote, Scenario, ScenarioSet
from explorer.voting.rules import VOTES, Vote, VoteError


def body_of(scenario_set: ScenarioSet, text: Draft) -> Body | None:
    """The body that decides ``text``: the one its decision names, else the set's first."""
    wanted = text.decision.body if text.decision else None
    if wanted is None:
        return scenario_set.bodies[0] if scenario_set.bodies else None
    return next((b for b in scenario_set.bodies if b.id == wanted), None)


def decided(scenario_set: ScenarioSet) -> tuple[Draft, Body] | None:
    """The first text with a recorded vote, and its body (whose record on the question the
    Vote view shows); None when no text has one."""
    for text in scenario_set.drafts:
        body = body_of(scenario_set, text)
        if text.vote and body:
            return text, body
    return None


OPEN_STATUSES = frozenset({"proposed", "circulated"})
"""Statuses of a text still awaiting its decision."""
UNRECORDED_START: Vote = "abstain"
"""Where a member of an undecided text starts: neither for nor against, not a record. The
content maps no stance to a vote, so none is invented from one."""


def decisions(scenario_set: ScenarioSet) -> list[tuple[Draft, Body]]:
    """Every text with a decision (recorded vote or not) whose body the set declares, in the
    set's order, each with the body that decides it."""
    found = [(t, body_of(scenario_set, t)) for t in scenario_set.drafts if t.decision]
    return [(text, body) for text, body in found if body]


def is_open(text: Draft) -> bool:
    """Whether ``text`` awaits its decision: not yet voted, its status still pending."""
    return text.vote is None and text.status in OPEN_STATUSES


def default_decision(scenario_set: ScenarioSet) -> tuple[Draft, Body] | None:
    """The decision the Vote view opens on: the text open now if the set has one, else the
    first with a recorded vote, else the first with a decision; None when there is none.

    A reader opening the view of a set with an open question asks how that vote could go: the
    question the set is about now, not a vote already cast. Where nothing is open, the record
    is the natural start, as before texts could be open."""
    found = decisions(scenario_set)
    return next(
        (pair for pair in found if is_open(pair[0])),
        next((pair for pair in found if pair[0].vote), found[0] if found else None),
    )


def chosen_decision(scenario_set: ScenarioSet, text_id: str | None) -> tuple[Draft, Body] | None:
    """The decision on text ``text_id`` (None, or a text without a decision: the default)."""
    found = (pair for pair in decisions(scenario_set) if pair[0].id == text_id)
    return next(found, None) or default_decision(scenario_set)


def starting_votes(text: Draft, body: Body) -> dict[str, Vote]:
    """Member actor id -> the vote a simulation of ``text`` starts from: its recorded vote, or
    for a text without one every member of ``body`` at ``UNRECORDED_START``.

    Raises
    ------
    VoteError
        An actor appears in two lists of the recorded vote.
    """
    if text.vote:
        return recorded_votes(text.vote)
    return dict.fromkeys(body.members, UNRECORDED_START)


def recorded_votes(vote: RecordedVote) -> dict[str, Vote]:
    """Member actor id -> vote, from a text's recorded vote.

    Raises
    ------
    VoteError
        An actor appears in two lists.
    """
    out: dict[str, Vote] = {}
    for value, members in zip(VOTES, (vote.yes, vote.no, vote.abstain, vote.absent), strict=True):
        for member in members:
            if member in out:
                raise VoteError(f"{member} is recorded as voting both {out[member]} and {value}")
            out[member] = value
    return out


def apply_overrides(
    recorded: Mapping[str, Vote], overrides: Mapping[str, str], body_name: str
) -> tuple[dict[str, Vote], list[str]]:
    """The recorded votes with ``overrides`` (member id -> vote) applied, and a sentence for
    each override ignored because its member did not vote or its vote is not a vote."""
    votes = dict(recorded)
    ignored = []
    for member, vote in overrides.items():
        if member not in recorded:
            ignored.append(f"Ignored a vote for {_clip(member)}: not a member of the {body_name}.")
        elif vote not in VOTES:
            ignored.append(
                f"Ignored vote {_clip(vote)} for {member}: use one of {', '.join(VOTES)}."
            )
        else:
            votes[member] = vote  # type: ignore[assignment]
    return votes, ignored


def _clip(text: str) -> str:
    return repr(text if len(text) <= 30 else text[:29] + "…")


def changed_votes(recorded: Mapping[str, str], votes: Mapping[str, str]) -> dict[str, str]:
    """The members whose vote differs from the record: the shareable what-if."""
    return {member: vote for member, vote in votes.items() if recorded.get(member) != vote}


def following_scenario(scenario_set: ScenarioSet, text: Draft, adopted: bool) -> Scenario | None:
    """The scenario the text's decision declares to follow the outcome (``follows``), or None
    when the content declares none."""
    follows = text.decision.follows if text.decision else None
    if follows is None:
        return None
    scenario_id = follows.adopted if adopted else follows.not_adopted
    return scenario_set.scenario(scenario_id) if scenario_id else None
