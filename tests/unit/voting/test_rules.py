"""Every voting rule's arithmetic, as tables of cases: General Assembly Art. 18 (two-thirds of
those present and voting on important questions, else a majority; abstentions are not voting),
simple majority (a tie fails), qualified majority at a threshold, unanimity (an abstention
blocks, an absence does not), consensus (one objection blocks). ``decide`` applies a body's
declared rule and names members by name; each rule's words say what it counts."""

from __future__ import annotations

import pytest

from explorer.content import RULE_NAMES, Body
from explorer.voting import (
    RULE_WORDS,
    VoteError,
    consensus,
    decide,
    explain,
    general_assembly,
    qualified_majority,
    simple_majority,
    unanimity,
)


def votes(yes: int = 0, no: int = 0, abstain: int = 0, absent: int = 0) -> dict[str, str]:
    counts = {"yes": yes, "no": no, "abstain": abstain, "absent": absent}
    cast = [vote for vote, n in counts.items() for _ in range(n)]
    return {f"m{i}": vote for i, vote in enumerate(cast)}


@pytest.mark.parametrize(
    ("counts", "important", "adopted"),
    [
        ({"yes": 2, "no": 1}, True, True),  # exactly two-thirds
        ({"yes": 5, "no": 3}, True, False),  # 62.5%
        ({"yes": 2, "no": 1, "abstain": 100}, True, True),  # abstentions are not voting
        ({"yes": 20, "no": 11, "abstain": 150, "absent": 12}, True, False),
        ({"yes": 120, "no": 14, "abstain": 45}, True, True),
        ({"abstain": 5}, True, False),  # nobody voting
        ({"yes": 3, "no": 2}, False, True),
        ({"yes": 3, "no": 3}, False, False),  # a tie is no majority
        ({"yes": 1, "abstain": 50}, False, True),
        ({"abstain": 5}, False, False),
    ],
)
def test_general_assembly_counts_members_present_and_voting(
    counts: dict[str, int], important: bool, adopted: bool
) -> None:
    assert general_assembly(votes(**counts), important).adopted is adopted


def test_general_assembly_says_what_was_required() -> None:
    result = general_assembly(votes(yes=5, no=3, abstain=2), important=True)
    assert result.reason == (
        "not adopted: 5 in favour, 3 against; two-thirds of those present and voting required"
    )


@pytest.mark.parametrize(
    ("counts", "adopted"),
    [
        ({"yes": 2, "no": 1}, True),
        ({"yes": 2, "no": 2}, False),  # a tie fails
        ({"yes": 1, "no": 0, "abstain": 9}, True),
        ({"yes": 0, "no": 0, "abstain": 3}, False),
        ({"yes": 3, "no": 4, "absent": 2}, False),
    ],
)
def test_simple_majority_needs_more_yes_than_no(counts: dict[str, int], adopted: bool) -> None:
    assert simple_majority(votes(**counts)).adopted is adopted


def test_a_tie_under_simple_majority_says_so() -> None:
    assert simple_majority(votes(yes=2, no=2)).reason == (
        "not adopted: 2 in favour, 2 against; more in favour than against required"
    )


@pytest.mark.parametrize(
    ("counts", "threshold", "adopted"),
    [
        ({"yes": 6, "no": 4}, 0.6, True),  # exactly the threshold
        ({"yes": 5, "no": 4}, 0.6, False),
        ({"yes": 11, "no": 4, "abstain": 10}, 0.55, True),
        ({"yes": 7, "no": 3}, 0.7, True),  # 0.7 read exactly, not as 0.69999...
        ({"abstain": 3}, 0.5, False),
        ({"yes": 3}, 1.0, True),
    ],
)
def test_qualified_majority_needs_the_share_of_those_voting(
    counts: dict[str, int], threshold: float, adopted: bool
) -> None:
    assert qualified_majority(votes(**counts), threshold).adopted is adopted


@pytest.mark.parametrize(
    ("counts", "adopted"),
    [
        ({"yes": 5}, True),
        ({"yes": 4, "absent": 1}, True),  # an absence does not block
        ({"yes": 4, "abstain": 1}, False),  # an abstention does
        ({"yes": 4, "no": 1}, False),
        ({"absent": 3}, False),
    ],
)
def test_unanimity_needs_every_member_present_in_favour(
    counts: dict[str, int], adopted: bool
) -> None:
    assert unanimity(votes(**counts)).adopted is adopted


@pytest.mark.parametrize(
    ("counts", "adopted"),
    [
        ({"yes": 5}, True),
        ({"yes": 1, "abstain": 4}, True),
        ({"yes": 4, "no": 1}, False),  # one objection blocks
        ({"abstain": 2, "absent": 1}, True),
        ({"absent": 3}, False),
    ],
)
def test_consensus_is_blocked_by_one_objection(counts: dict[str, int], adopted: bool) -> None:
    assert consensus(votes(**counts)).adopted is adopted


def test_one_objection_under_consensus_says_so() -> None:
    assert consensus(votes(yes=4, no=1)).reason == (
        "not adopted: 4 in favour, 1 against; no objection required"
    )


def body(rule: str, **fields: object) -> Body:
    return Body.model_validate({"id": "b", "name": "Board", "rule": rule, **fields})


MEMBERS = ("a", "b", "c")
NAMES = {"a": "Ay", "b": "Bee", "c": "Cee"}


@pytest.mark.parametrize(
    ("declared", "cast", "adopted"),
    [
        (body("security-council", members=MEMBERS, permanent=("a",)), "yes", False),
        (body("general-assembly", members=MEMBERS, important=True), "yes", True),
        (body("general-assembly", members=MEMBERS), "no", True),
        (body("general-assembly", members=MEMBERS, important=True), "no", True),
        (body("simple-majority", members=MEMBERS), "yes", True),
        (body("qualified-majority", members=MEMBERS, threshold=0.75), "no", False),
        (body("qualified-majority", members=MEMBERS, threshold=0.6), "no", True),
        (body("unanimity", members=MEMBERS), "abstain", False),
        (body("consensus", members=MEMBERS), "abstain", True),
    ],
)
def test_decide_applies_the_bodys_declared_rule(declared: Body, cast: str, adopted: bool) -> None:
    """Two yes and one more vote (``cast``) by a body of three."""
    result = decide(declared, {"a": "yes", "b": "yes", "c": cast}, NAMES)
    assert result.adopted is adopted


def test_decide_names_veto_holders_by_name() -> None:
    members = tuple(f"m{n}" for n in range(10))
    council = body("security-council", members=members, permanent=("m0",))
    result = decide(council, {m: "yes" for m in members} | {"m0": "no"}, {"m0": "Ay"})
    assert result.vetoed_by == ("Ay",)
    assert result.reason == "not adopted: vetoed by Ay"


def test_only_the_security_council_rule_has_veto_holders() -> None:
    result = decide(body("simple-majority", members=MEMBERS), {"a": "no", "b": "yes"}, NAMES)
    assert result.permanent_against == result.vetoed_by == ()


def test_decide_refuses_a_vote_by_a_non_member() -> None:
    with pytest.raises(VoteError, match="'z' voted, but the Board has 3 members"):
        decide(body("consensus", members=MEMBERS), {"z": "yes"}, NAMES)


def test_an_unknown_vote_is_an_error_under_every_rule() -> None:
    for rule in (simple_majority, unanimity, consensus):
        with pytest.raises(VoteError, match="unknown vote for 'a': 'maybe'"):
            rule({"a": "maybe"})


@pytest.mark.parametrize("rule", RULE_NAMES)
def test_every_rule_is_explained_in_words(rule: str) -> None:
    fields: dict[str, object] = {"members": MEMBERS}
    if rule == "qualified-majority":
        fields["threshold"] = 0.6
    words = explain(body(rule, **fields))
    assert words.startswith(RULE_WORDS[rule].split(":")[0])
    assert "{" not in words
    if rule == "qualified-majority":
        assert "60%" in words
