"""The voting rules: each a pure function from the members' votes to a ``Tally``.

Members vote ``yes``, ``no``, ``abstain`` or ``absent``. "Present and voting" means yes or no:
an abstaining member is present but not voting (UN practice, Rules of Procedure of the General
Assembly, rule 86). ``decide`` applies a body's declared rule to votes by its members.

Usage::

    >>> tally({"United States": "no", "France": "yes"}, permanent=("United States",)).reason
    'not adopted: 1 affirmative vote, 9 required'
    >>> simple_majority({"a": "yes", "b": "no"}).reason
    'not adopted: 1 in favour, 1 against; more in favour than against required'

Errors: ``VoteError`` (a ``ValueError``) for a vote list that cannot be counted.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from explorer.content import Body
from explorer.errors import ScenarioError
from explorer.formats import count

Vote = Literal["yes", "no", "abstain", "absent"]
VOTES: tuple[Vote, ...] = ("yes", "no", "abstain", "absent")
AFFIRMATIVE_VOTES_REQUIRED = 9


class VoteError(ScenarioError):
    """A vote list that cannot be counted: a non-member, an unknown vote, a member twice."""


@dataclass(frozen=True)
class Tally:
    """The count of one vote and its outcome under a rule.

    ``permanent_against`` names every permanent member voting no (Security Council only);
    ``vetoed_by`` names them only when the text had the nine affirmative votes (as the UN
    counts a veto). ``reason`` is one plain sentence, with members named as the keys of the
    votes counted.
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


def _counts(votes: Mapping[str, str]) -> dict[str, int]:
    unknown = [f"{member!r}: {vote!r}" for member, vote in votes.items() if vote not in VOTES]
    if unknown:
        raise VoteError(f"unknown vote for {', '.join(unknown)}: use one of {', '.join(VOTES)}")
    return {vote: sum(1 for v in votes.values() if v == vote) for vote in VOTES}


def _line(counts: Mapping[str, int]) -> str:
    return (
        f"{counts['yes']} in favour, {counts['no']} against, "
        + count(counts["abstain"], "abstention", "abstentions")
        + (f", {counts['absent']} absent" if counts["absent"] else "")
    )


def _result(counts: Mapping[str, int], adopted: bool, required: str) -> Tally:
    reason = (
        f"adopted: {_line(counts)}"
        if adopted
        else f"not adopted: {counts['yes']} in favour, {counts['no']} against; {required} required"
    )
    return Tally(**counts, adopted=adopted, permanent_against=(), vetoed_by=(), reason=reason)


def tally(
    votes: Mapping[str, str],
    permanent: Collection[str],
    labels: Mapping[str, str] | None = None,
) -> Tally:
    """Security Council, Art. 27(3) of the UN Charter: adopted with at least 9 affirmative
    votes and no permanent member voting no. A permanent member's abstention or absence is no
    veto (the Council's practice since 1946); a permanent no is counted as a veto only when
    the text had the nine votes, otherwise the text fails for lack of votes.

    ``permanent`` names the permanent members as the keys of ``votes`` are spelt. Votes are
    counted by key; ``labels`` (key -> display label, default the key) only names members in
    ``permanent_against``, ``vetoed_by`` and ``reason``."""
    counts = _counts(votes)
    shown = labels or {}
    against = tuple(
        sorted(shown.get(m, m) for m, v in votes.items() if v == "no" and m in permanent)
    )
    enough = counts["yes"] >= AFFIRMATIVE_VOTES_REQUIRED
    vetoed_by = against if enough else ()
    adopted = enough and not against
    if adopted:
        reason = f"adopted: {_line(counts)}"
    elif vetoed_by:
        reason = f"not adopted: vetoed by {_and(vetoed_by)}"
    else:
        reason = (
            "not adopted: "
            + count(counts["yes"], "affirmative vote", "affirmative votes")
            + f", {AFFIRMATIVE_VOTES_REQUIRED} required"
        )
    return Tally(
        **counts,
        adopted=adopted,
        permanent_against=against,
        vetoed_by=vetoed_by,
        reason=reason,
    )


def general_assembly(votes: Mapping[str, str], important: bool) -> Tally:
    """General Assembly, Art. 18 of the UN Charter: on important questions (18(2)) two-thirds
    of the members present and voting, otherwise (18(3)) a majority of them. Present and voting
    means yes or no: abstentions and absences do not count. With nobody voting, not adopted."""
    counts = _counts(votes)
    voting = counts["yes"] + counts["no"]
    if important:
        adopted = voting > 0 and 3 * counts["yes"] >= 2 * voting
        return _result(counts, adopted, "two-thirds of those present and voting")
    return _result(counts, counts["yes"] > counts["no"], "a majority of those present and voting")


def simple_majority(votes: Mapping[str, str]) -> Tally:
    """Simple majority: more yes than no among the members present and voting (a tie fails;
    abstentions and absences do not count)."""
    counts = _counts(votes)
    return _result(counts, counts["yes"] > counts["no"], "more in favour than against")


def qualified_majority(votes: Mapping[str, str], threshold: float) -> Tally:
    """Qualified majority: yes at least ``threshold`` (a share, 0 to 1) of the members present
    and voting (yes or no). With nobody voting, not adopted."""
    counts = _counts(votes)
    share = Fraction(str(threshold))
    voting = counts["yes"] + counts["no"]
    adopted = voting > 0 and counts["yes"] >= share * voting
    return _result(counts, adopted, f"{float(share):.0%} of those present and voting in favour")


def unanimity(votes: Mapping[str, str]) -> Tally:
    """Unanimity: every member present votes yes. An abstention blocks it (an abstaining member
    is present and does not vote yes); an absence does not. With nobody present, not adopted."""
    counts = _counts(votes)
    adopted = counts["yes"] > 0 and counts["no"] == counts["abstain"] == 0
    return _result(counts, adopted, "every member present in favour")


def consensus(votes: Mapping[str, str]) -> Tally:
    """Consensus: adopted unless a member votes no (an objection). Abstentions and absences do
    not block it; with nobody present, not adopted."""
    counts = _counts(votes)
    adopted = counts["no"] == 0 and counts["absent"] < len(votes)
    return _result(counts, adopted, "no objection")


RULE_WORDS: dict[str, str] = {
    "security-council": (
        "Article 27(3) of the UN Charter: a draft is adopted with at least 9 votes in favour "
        "and no permanent member against. A permanent member's abstention or absence is not "
        "a veto."
    ),
    "general-assembly": (
        "Article 18 of the UN Charter: a majority of the members present and voting, or "
        "two-thirds on an important question. Abstaining members are not counted as voting."
    ),
    "simple-majority": (
        "Simple majority: adopted with more votes in favour than against; abstentions and "
        "absences do not count, and a tie fails."
    ),
    "qualified-majority": (
        "Qualified majority: adopted when the votes in favour reach {share} of the members "
        "present and voting (in favour or against)."
    ),
    "unanimity": (
        "Unanimity: adopted only if every member present votes in favour; an abstention "
        "blocks it, an absence does not."
    ),
    "consensus": (
        "Consensus: adopted unless a member objects (votes against); abstentions and "
        "absences do not block it."
    ),
}


def explain(body: Body) -> str:
    """The body's rule in one or two plain sentences."""
    words = RULE_WORDS[body.rule]
    if body.rule == "general-assembly":
        words += " This is " + ("an important question." if body.important else "not one.")
    return words.format(share=f"{body.threshold or 0:.0%}")


def member_labels(members: Collection[str], names: Mapping[str, str]) -> dict[str, str]:
    """Actor id -> a label to show for each of ``members``: its name (``names``, else the id),
    followed by the id in brackets where two members' names are alike (equal once case is
    folded), so that every member is named distinctly.

    >>> member_labels(["n1", "n2", "s"], {"n1": "Northland", "n2": "northland", "s": "South"})
    {'n1': 'Northland (n1)', 'n2': 'northland (n2)', 's': 'South'}
    """
    shown = {m: names.get(m, m) for m in members}
    alike = Counter(_fold(name) for name in shown.values())
    return {m: f"{name} ({m})" if alike[_fold(name)] > 1 else name for m, name in shown.items()}


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def decide(body: Body, votes: Mapping[str, str], names: Mapping[str, str]) -> Tally:
    """Decide ``votes`` (member actor id -> vote) under ``body``'s rule. Votes are counted by
    actor id; ``reason`` and the veto holders name the members by ``names`` (actor id ->
    name), distinctly (see ``member_labels``).

    Raises
    ------
    VoteError
        A voter that is not a member of the body, or a vote that is not one of the four.
    """
    outside = [m for m in votes if m not in body.members]
    if outside:
        raise VoteError(
            f"{', '.join(map(repr, outside))} voted, but the {body.name} has "
            f"{count(len(body.members), 'member', 'members')} and that is not one of them"
        )
    if body.rule == "security-council":
        return tally(votes, body.permanent, member_labels(body.members, names))
    if body.rule == "general-assembly":
        return general_assembly(votes, bool(body.important))
    if body.rule == "qualified-majority":
        return qualified_majority(votes, body.threshold or 1.0)
    rule = {"simple-majority": simple_majority, "unanimity": unanimity, "consensus": consensus}
    return rule[body.rule](votes)
