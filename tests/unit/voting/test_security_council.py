"""The Security Council rule, Article 27(3): nine affirmative votes and no permanent member
against; an abstention or an absence of a permanent member is not a veto, and a permanent no is
counted as a veto only when the text had the nine votes. Bad vote lists are errors, never
silent miscounts; votes are checked against the body, not a fixed size. What follows a vote is
what the content declares."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.content import Body, CouncilVote, Decision, Follows, RecordedVote, ScenarioSet
from explorer.voting import (
    PERMANENT_MEMBERS,
    VoteError,
    apply_overrides,
    changed_votes,
    decide,
    following_scenario,
    member_key,
    recorded_votes,
    tally,
    tally_record,
)

P5 = ["China", "France", "Russia", "United Kingdom", "United States"]
P5_KEYWORDS = dict(zip(["china", "france", "russia", "uk", "us"], P5, strict=True))
ELECTED = [f"Elected {n}" for n in range(1, 11)]


def council(
    yes: int = 0, no: int = 0, abstain: int = 0, absent: int = 0, **p5: str
) -> dict[str, str]:
    """The P5 votes as given by keyword (default yes), then ten elected members filling the
    rest of the counts."""
    votes = {name: p5.get(keyword, "yes") for keyword, name in P5_KEYWORDS.items()}
    remaining = {"yes": yes, "no": no, "abstain": abstain, "absent": absent}
    for vote in votes.values():
        remaining[vote] -= 1
    fill = [v for v, n in remaining.items() for _ in range(n)]
    assert len(fill) == 10 and min(remaining.values()) >= 0, "the counts must add up to 15"
    return votes | dict(zip(ELECTED, fill, strict=True))


def test_exactly_nine_in_favour_and_no_permanent_against_is_adopted() -> None:
    result = tally(council(yes=9, abstain=6), P5)
    assert result.adopted
    assert (result.yes, result.no, result.abstain, result.absent) == (9, 0, 6, 0)
    assert result.permanent_against == result.vetoed_by == ()
    assert result.reason == "adopted: 9 in favour, 0 against, 6 abstentions"


def test_eight_in_favour_is_not_adopted_even_with_no_vote_against() -> None:
    result = tally(council(yes=8, abstain=7), P5)
    assert not result.adopted
    assert result.vetoed_by == ()
    assert result.reason == "not adopted: 8 affirmative votes, 9 required"


def test_a_single_permanent_no_vetoes_a_text_with_fourteen_votes() -> None:
    result = tally(council(yes=14, no=1, us="no"), P5)
    assert not result.adopted
    assert result.permanent_against == result.vetoed_by == ("United States",)
    assert result.reason == "not adopted: vetoed by United States"


def test_a_permanent_no_without_nine_votes_is_not_counted_as_a_veto() -> None:
    result = tally(council(yes=5, no=4, abstain=6, france="no", uk="no", us="no"), P5)
    assert not result.adopted
    assert result.permanent_against == ("France", "United Kingdom", "United States")
    assert result.vetoed_by == ()
    assert result.reason == "not adopted: 5 affirmative votes, 9 required"


def test_two_vetoes_are_named_in_order() -> None:
    result = tally(council(yes=10, no=3, abstain=2, russia="no", china="no"), P5)
    assert result.vetoed_by == ("China", "Russia")
    assert result.reason == "not adopted: vetoed by China and Russia"


def test_an_elected_member_voting_no_is_not_a_veto() -> None:
    result = tally(council(yes=13, no=2), P5)
    assert result.adopted
    assert result.reason == "adopted: 13 in favour, 2 against, 0 abstentions"


@pytest.mark.parametrize("vote", ["abstain", "absent"])
def test_a_permanent_abstention_or_absence_is_not_a_veto(vote: str) -> None:
    counts = {"yes": 13, vote: 2}
    result = tally(council(**counts, china=vote, russia=vote), P5)
    assert result.adopted
    assert result.permanent_against == ()


def test_all_abstain_is_not_adopted() -> None:
    votes = dict.fromkeys([*P5, *ELECTED], "abstain")
    result = tally(votes, P5)
    assert not result.adopted
    assert (result.yes, result.abstain) == (0, 15)
    assert result.reason == "not adopted: 0 affirmative votes, 9 required"


def test_absences_are_counted_and_do_not_count_towards_nine() -> None:
    result = tally(council(yes=9, abstain=1, absent=5), P5)
    assert result.adopted
    assert result.absent == 5
    assert result.reason == "adopted: 9 in favour, 0 against, 1 abstention, 5 absent"
    short = tally(council(yes=8, absent=7), P5)
    assert not short.adopted
    assert short.reason == "not adopted: 8 affirmative votes, 9 required"


def test_one_vote_in_favour_is_singular() -> None:
    result = tally({"France": "yes", "United States": "no"}, P5)
    assert result.reason == "not adopted: 1 affirmative vote, 9 required"


def test_a_voter_that_is_not_a_member_of_the_body_is_an_error() -> None:
    body = Body(id="c", name="Security Council", rule="security-council", members=("a", "b"))
    with pytest.raises(VoteError, match="'x' voted, but the Security Council has 2 members"):
        decide(body, {"a": "yes", "x": "yes"}, {})


def test_a_body_of_any_size_is_counted_without_a_cap() -> None:
    members = tuple(f"m{n}" for n in range(20))
    body = Body(id="c", name="Council", rule="security-council", members=members)
    result = decide(body, dict.fromkeys(members, "yes"), {})
    assert result.adopted and result.yes == 20


@pytest.mark.parametrize("bad", ["Yes", "veto", "", "for"])
def test_an_unknown_vote_is_an_error_naming_the_member_and_the_value(bad: str) -> None:
    with pytest.raises(VoteError, match=rf"unknown vote for 'France': '{bad}': use one of yes"):
        tally({"China": "yes", "France": bad}, P5)


def test_vote_error_is_a_value_error() -> None:
    assert issubclass(VoteError, ValueError)


def test_reason_names_members_as_the_keys_are_given() -> None:
    votes = {"usa": "no", **{f"m{n}": "yes" for n in range(9)}}
    assert tally(votes, ["usa"]).reason == "not adopted: vetoed by usa"


def test_permanent_members_are_the_callers_to_name() -> None:
    """A no by a member not listed as permanent is no veto, whatever its name."""
    result = tally(council(yes=14, no=1, us="no"), ["China"])
    assert result.adopted


@settings(deadline=None)  # no wall-clock limit: the machine is shared
@given(st.lists(st.sampled_from(["yes", "no", "abstain", "absent"]), min_size=15, max_size=15))
def test_adopted_exactly_with_nine_yes_and_no_permanent_no(votes: list[str]) -> None:
    members = dict(zip([*P5, *ELECTED], votes, strict=True))
    result = tally(members, P5)
    p5_no = any(members[p] == "no" for p in P5)
    assert result.adopted == (votes.count("yes") >= 9 and not p5_no)
    assert result.yes + result.no + result.abstain + result.absent == 15
    assert bool(result.vetoed_by) == (votes.count("yes") >= 9 and p5_no)


def record(**fields: object) -> CouncilVote:
    base: dict[str, object] = {
        "id": "v",
        "date": dt.date(2024, 1, 1),
        "kind": "draft",
        "sponsor": "Somewhere",
        "subject": "A text",
        "yes": 13,
        "no": 1,
        "abstain": 1,
        "outcome": "vetoed",
        "sources": ("s",),
    }
    return CouncilVote.model_validate(base | fields)


def test_a_record_is_tallied_from_its_counts_and_names_with_russia_normalised() -> None:
    vote = record(against=("Russian Federation",), abstaining=("United Kingdom",))
    result = tally_record(vote, ["China", "France", "Russia", "United Kingdom", "United States"])
    assert result.vetoed_by == ("Russian Federation",)
    assert (result.yes, result.no, result.abstain) == (13, 1, 1)


def test_a_record_without_named_abstainers_still_tallies() -> None:
    vote = record(yes=10, no=1, abstain=4, against=("United States",))
    assert tally_record(vote).reason == "not adopted: vetoed by United States"


def test_a_record_counting_votes_against_without_names_cannot_be_decided() -> None:
    with pytest.raises(VoteError, match="v: 1 against but not named"):
        tally_record(record())


def test_a_record_naming_a_member_twice_is_an_error() -> None:
    vote = record(against=("France",), abstaining=("France",))
    with pytest.raises(VoteError, match="France is named twice"):
        tally_record(vote)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Russian Federation", "russia"),
        ("  united  KINGDOM ", "united kingdom"),
        ("United States of America", "united states"),
        ("Malta", "malta"),
    ],
)
def test_member_names_are_normalised(name: str, key: str) -> None:
    assert member_key(name) == key


def test_the_permanent_members_are_the_five_of_the_charter() -> None:
    assert {member_key(p) for p in PERMANENT_MEMBERS} == {member_key(p) for p in P5}


def recorded(**lists: tuple[str, ...]) -> RecordedVote:
    return RecordedVote(date=dt.date(2025, 1, 1), sources=("s",), **lists)


def test_recorded_votes_map_each_member_to_its_vote() -> None:
    vote = recorded(yes=("a", "b"), no=("c",), abstain=("d",), absent=("e",))
    assert recorded_votes(vote) == {
        "a": "yes",
        "b": "yes",
        "c": "no",
        "d": "abstain",
        "e": "absent",
    }


def test_a_member_recorded_twice_is_an_error() -> None:
    with pytest.raises(VoteError, match="a is recorded as voting both yes and abstain"):
        recorded_votes(recorded(yes=("a",), abstain=("a",)))


def test_overrides_replace_recorded_votes_and_bad_ones_are_ignored_with_a_reason() -> None:
    record_ = {"usa": "yes", "chn": "abstain"}
    votes, ignored = apply_overrides(
        record_, {"usa": "no", "xyz": "no", "chn": "maybe", "rus": "yes"}, "Security Council"
    )
    assert votes == {"usa": "no", "chn": "abstain"}
    assert ignored == [
        "Ignored a vote for 'xyz': not a member of the Security Council.",
        "Ignored vote 'maybe' for chn: use one of yes, no, abstain, absent.",
        "Ignored a vote for 'rus': not a member of the Security Council.",
    ]


def test_overrides_ignored_are_clipped() -> None:
    _, ignored = apply_overrides({}, {"x" * 200: "no"}, "Board")
    assert len(ignored[0]) < 100


def test_changed_votes_are_only_those_that_differ_from_the_record() -> None:
    record_ = {"usa": "yes", "chn": "abstain", "fra": "yes"}
    assert changed_votes(record_, {"usa": "no", "chn": "abstain", "fra": "yes"}) == {"usa": "no"}
    assert changed_votes(record_, record_) == {}


def test_the_following_scenario_is_the_one_the_content_declares(tiny: ScenarioSet) -> None:
    text = tiny.drafts[0]
    adopted = following_scenario(tiny, text, adopted=True)
    rejected = following_scenario(tiny, text, adopted=False)
    assert adopted is not None and adopted.id == "adopted"
    assert rejected is not None and rejected.id == "rejected"


def test_scenario_ids_alone_no_longer_say_what_follows(tiny: ScenarioSet) -> None:
    """A scenario named like the old convention (council-deadlock) follows nothing unless the
    text's decision declares it."""
    deadlock = tiny.scenarios[1].model_copy(update={"id": "council-deadlock"})
    undeclared = tiny.drafts[0].model_copy(update={"decision": Decision(vote=tiny.drafts[0].vote)})
    changed = tiny.model_copy(update={"scenarios": (*tiny.scenarios, deadlock)})
    assert following_scenario(changed, undeclared, adopted=False) is None
    assert following_scenario(changed, undeclared, adopted=True) is None


def test_only_the_outcomes_declared_have_a_scenario(tiny: ScenarioSet) -> None:
    half = tiny.drafts[0].model_copy(
        update={"decision": Decision(vote=tiny.drafts[0].vote, follows=Follows(adopted="adopted"))}
    )
    follows = following_scenario(tiny, half, adopted=True)
    assert follows is not None and follows.id == "adopted"
    assert following_scenario(tiny, half, adopted=False) is None
