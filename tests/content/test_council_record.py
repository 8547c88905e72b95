"""The Council's voting record on the Gaza war, October 2023 to mid-2026, closed by the two votes
of 11 March 2026 on the regional war with Iran: every record's counts reproduce its recorded
outcome under Article 27(3), every record cites its sources, and what the reference leaves
unconfirmed stays unconfirmed."""

from __future__ import annotations

import pytest

from explorer.content import CouncilVote, load_catalog
from explorer.voting import member_key, tally_record

GAZA = load_catalog()["gaza-unsc-2025"]
RECORD = GAZA.council_record
PERMANENT = ("China", "France", "Russian Federation", "United Kingdom", "United States")
PERMANENT_KEYS = {member_key(p) for p in PERMANENT}


def test_the_record_holds_eighteen_drafts_and_three_amendments_in_date_order() -> None:
    """Sixteen Gaza drafts and three amendments, then the two Iran-war drafts of 2026."""
    kinds = [v.kind for v in RECORD]
    assert (kinds.count("draft"), kinds.count("amendment")) == (18, 3)
    assert [v.date for v in RECORD] == sorted(v.date for v in RECORD)


@pytest.mark.parametrize("vote", RECORD, ids=lambda v: v.id)
def test_each_record_reproduces_its_outcome(vote: CouncilVote) -> None:
    result = tally_record(vote, PERMANENT)
    assert result.adopted == (vote.outcome == "adopted")
    assert bool(result.vetoed_by) == (vote.outcome == "vetoed")
    assert sorted(map(member_key, result.vetoed_by)) == sorted(map(member_key, vote.vetoed_by))
    assert vote.outcome != "insufficient_votes" or result.yes < 9


@pytest.mark.parametrize("vote", RECORD, ids=lambda v: v.id)
def test_each_record_counts_the_fifteen_members(vote: CouncilVote) -> None:
    assert vote.yes + vote.no + vote.abstain + vote.absent == 15


@pytest.mark.parametrize("vote", RECORD, ids=lambda v: v.id)
def test_each_record_cites_sources_that_resolve(vote: CouncilVote) -> None:
    known = {s.id for s in GAZA.sources}
    assert vote.sources
    assert set(vote.sources) <= known


def test_only_permanent_members_are_recorded_as_vetoing() -> None:
    named = {member_key(n) for v in RECORD for n in v.vetoed_by}
    assert named <= PERMANENT_KEYS


def test_only_confirmed_symbols_are_recorded() -> None:
    """Symbols seen only as unattributed 'candidates' (e.g. S/2023/970) are left out."""
    assert {v.symbol for v in RECORD if v.symbol} == {
        "S/2023/772",
        "S/2023/773",
        "S/2023/792",
        "S/2023/795",
        "S/2024/173",
        "S/2024/254",
        "S/2024/835",
        "S/2025/748",
    }
    assert not any("970" in (v.symbol or "") or "cand" in (v.symbol or "") for v in RECORD)


def test_unconfirmed_abstainers_stay_unnamed() -> None:
    amendments = [v for v in RECORD if v.kind == "amendment"]
    assert [v.abstaining is None for v in amendments] == [False, True, True]


def test_the_decision_of_the_set_is_the_last_gaza_vote_and_matches_its_draft() -> None:
    """Resolution 2803 is the last vote on a Gaza text; only the 2026 Iran-war votes follow."""
    last = next(v for v in reversed(RECORD) if v.date.year < 2026)
    draft = next(d for d in GAZA.drafts if d.vote)
    assert draft.vote is not None
    assert (last.date, last.symbol, last.outcome) == (draft.vote.date, draft.symbol, "adopted")
    assert (last.yes, last.no, last.abstain) == (
        len(draft.vote.yes),
        len(draft.vote.no),
        len(draft.vote.abstain),
    )
    assert last.resolution == draft.resolution == "S/RES/2803 (2025)"


def test_the_2026_votes_are_resolution_2817_adopted_and_a_russian_draft_short_of_nine() -> None:
    """The votes sheet's two votes of 11 March 2026, cast by the 2026 membership."""
    votes = [v for v in RECORD if v.date.year == 2026]
    assert [(v.yes, v.no, v.abstain, v.outcome, v.resolution) for v in votes] == [
        (13, 0, 2, "adopted", "S/RES/2817 (2026)"),
        (4, 2, 9, "insufficient_votes", None),
    ]
    russian = votes[1]
    assert not tally_record(russian, PERMANENT).vetoed_by and "Latvia" in russian.against


def test_the_us_vetoed_seven_drafts_and_one_amendment() -> None:
    """Six drafts on the war and one on Palestine's UN membership; press counts differ."""
    us = [v for v in RECORD if "United States" in v.vetoed_by]
    assert sum(v.kind == "draft" for v in us) == 7
    assert sum(v.kind == "amendment" for v in us) == 1
