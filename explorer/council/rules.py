"""Security Council arithmetic: Article 27(3) of the UN Charter, and what follows from a vote.

A substantive decision is adopted with at least nine affirmative votes and no negative vote of a
permanent member. A permanent member's abstention or absence is not a veto (the Council's
practice since 1946). The UN counts a permanent member's no as a veto only when the text had the
nine affirmative votes; otherwise the text simply fails for lack of votes, and ``Tally.vetoed_by``
stays empty while ``Tally.permanent_against`` still names who voted no.

Usage::

    >>> result = tally({"United States": "no", "France": "yes"}, permanent=PERMANENT_MEMBERS)
    >>> result.reason
    'not adopted: 1 affirmative vote, 9 required'

Errors: ``VoteError`` (a ``ValueError``) for a vote list that cannot be counted.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from explorer.content import CouncilVote, RecordedVote, Scenario, ScenarioSet
from explorer.errors import ScenarioError
from explorer.formats import count

Vote = Literal["yes", "no", "abstain", "absent"]
VOTES: tuple[Vote, ...] = ("yes", "no", "abstain", "absent")
COUNCIL_SIZE = 15
AFFIRMATIVE_VOTES_REQUIRED = 9
PERMANENT_MEMBERS: tuple[str, ...] = (
    "China",
    "France",
    "Russia",
    "United Kingdom",
    "United States",
)
# Other spellings of the permanent members found in UN records and the press.
_ALIASES: dict[str, str] = {
    "russian federation": "russia",
    "people's republic of china": "china",
    "united kingdom of great britain and northern ireland": "united kingdom",
    "uk": "united kingdom",
    "united states of america": "united states",
    "usa": "united states",
    "us": "united states",
}


class VoteError(ScenarioError):
    """A vote list that cannot be counted: too many members, an unknown vote, a member twice."""


@dataclass(frozen=True)
class Tally:
    """The count of one vote and its outcome under Article 27(3).

    ``permanent_against`` names every permanent member voting no; ``vetoed_by`` names them only
    when the text had the nine affirmative votes (as the UN counts a veto). ``reason`` is one
    plain sentence, with members named as the keys of the votes passed to ``tally``.
    """

    yes: int
    no: int
    abstain: int
    absent: int
    adopted: bool
    permanent_against: tuple[str, ...]
    vetoed_by: tuple[str, ...]
    reason: str


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def tally(votes: Mapping[str, str], permanent: Collection[str]) -> Tally:
    """Count a Security Council vote and decide it under Article 27(3).

    Parameters
    ----------
    votes
        Member -> ``yes``, ``no``, ``abstain`` or ``absent``, for at most 15 members. The keys
        are used as written in ``reason``: pass display names or ids, as the reader should see.
    permanent
        The permanent members, spelt as the keys of ``votes``. Whether the members are the
        Council's actual membership is for the caller to check.

    Returns
    -------
    Tally
        The counts, the outcome and a one-sentence reason.

    Raises
    ------
    VoteError
        More than 15 members, or a vote that is not one of the four values.
    """
    if len(votes) > COUNCIL_SIZE:
        raise VoteError(
            f"{len(votes)} members voted, but the Council has {COUNCIL_SIZE}: "
            "remove the members that do not sit on it"
        )
    unknown = [f"{member!r}: {vote!r}" for member, vote in votes.items() if vote not in VOTES]
    if unknown:
        raise VoteError(f"unknown vote for {', '.join(unknown)}: use one of {', '.join(VOTES)}")
    counts = {vote: sum(1 for v in votes.values() if v == vote) for vote in VOTES}
    against = tuple(sorted(m for m, v in votes.items() if v == "no" and m in permanent))
    enough = counts["yes"] >= AFFIRMATIVE_VOTES_REQUIRED
    vetoed_by = against if enough else ()
    adopted = enough and not against
    if adopted:
        reason = (
            f"adopted: {counts['yes']} in favour, {counts['no']} against, "
            + count(counts["abstain"], "abstention", "abstentions")
            + (f", {counts['absent']} absent" if counts["absent"] else "")
        )
    elif vetoed_by:
        reason = f"not adopted: vetoed by {_and(vetoed_by)}"
    else:
        reason = (
            "not adopted: "
            + count(counts["yes"], "affirmative vote", "affirmative votes")
            + f", {AFFIRMATIVE_VOTES_REQUIRED} required"
        )
    return Tally(
        yes=counts["yes"],
        no=counts["no"],
        abstain=counts["abstain"],
        absent=counts["absent"],
        adopted=adopted,
        permanent_against=against,
        vetoed_by=vetoed_by,
        reason=reason,
    )


def member_key(name: str) -> str:
    """A member's name for comparison: case-folded, with known aliases resolved
    (``"Russian Federation"`` and ``"Russia"`` compare equal)."""
    key = " ".join(name.split()).casefold()
    return _ALIASES.get(key, key)


def tally_record(record: CouncilVote, permanent: Collection[str] = PERMANENT_MEMBERS) -> Tally:
    """Tally a recorded vote from its counts and named lists, to check its recorded outcome.

    Members are compared with ``permanent`` through ``member_key``; names in ``reason`` are the
    record's. A list the record leaves out (unconfirmed) counts as that many unnamed members,
    which is safe for votes in favour and abstentions but not for votes against.

    Raises
    ------
    VoteError
        The record counts votes against without naming who cast them (a veto cannot be told),
        or names a member twice.
    """
    if record.against is None and record.no:
        raise VoteError(
            f"vote {record.id}: {record.no} against but not named, so a veto cannot be told"
        )
    votes: dict[str, str] = {}
    lists = (
        (record.in_favour, record.yes, "yes"),
        (record.against, record.no, "no"),
        (record.abstaining, record.abstain, "abstain"),
        (None, record.absent, "absent"),
    )
    for names, size, vote in lists:
        members = names if names is not None else [f"unnamed {vote} {i + 1}" for i in range(size)]
        for member in members:
            if member in votes:
                raise VoteError(f"vote {record.id}: {member} is named twice")
            votes[member] = vote
    keys = {member_key(p) for p in permanent}
    return tally(votes, [m for m in votes if member_key(m) in keys])


def recorded_votes(vote: RecordedVote) -> dict[str, Vote]:
    """Member actor id -> vote, from a draft's recorded vote.

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
    recorded: Mapping[str, Vote], overrides: Mapping[str, str]
) -> tuple[dict[str, Vote], list[str]]:
    """The recorded votes with ``overrides`` (member id -> vote) applied, and a sentence for
    each override ignored because its member did not vote or its vote is not a vote."""
    votes = dict(recorded)
    ignored = []
    for member, vote in overrides.items():
        if member not in recorded:
            ignored.append(f"Ignored a vote for {_clip(member)}: not a member of this Council.")
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


# Scenario ids, in order of preference, that follow from the decision's outcome. ``{draft}``
# is the id of the draft put to the vote.
FOLLOWING_SCENARIOS: dict[bool, tuple[str, ...]] = {
    True: ("{draft}-adopted", "adopted"),
    False: ("council-deadlock", "{draft}-rejected", "rejected"),
}


def following_scenario(scenario_set: ScenarioSet, draft_id: str, adopted: bool) -> Scenario | None:
    """The scenario of the set that a vote's outcome leads to, by naming convention.

    The adoption of draft ``d`` leads to the scenario ``d-adopted`` (else ``adopted``); its
    failure, by veto or too few votes, to ``council-deadlock`` (else ``d-rejected``, then
    ``rejected``). Only scenarios that start at the decision (no parent) qualify: branches begin
    later. None when the set has no such scenario.
    """
    roots = {s.id: s for s in scenario_set.scenarios if s.parent is None}
    for pattern in FOLLOWING_SCENARIOS[adopted]:
        scenario = roots.get(pattern.format(draft=draft_id))
        if scenario:
            return scenario
    return None
