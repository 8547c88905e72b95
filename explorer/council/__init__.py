"""Decisions by a voting body: Security Council arithmetic (Art. 27(3)), recorded votes.

Its figures are in ``explorer.council.figures`` (plotly) and the record as a table in
``explorer.council.tables`` (pandas); neither is imported here."""

from explorer.council.rules import (
    AFFIRMATIVE_VOTES_REQUIRED,
    COUNCIL_SIZE,
    FOLLOWING_SCENARIOS,
    PERMANENT_MEMBERS,
    VOTES,
    Tally,
    Vote,
    VoteError,
    apply_overrides,
    changed_votes,
    following_scenario,
    member_key,
    recorded_votes,
    tally,
    tally_record,
)

__all__ = [
    "AFFIRMATIVE_VOTES_REQUIRED",
    "COUNCIL_SIZE",
    "FOLLOWING_SCENARIOS",
    "PERMANENT_MEMBERS",
    "VOTES",
    "Tally",
    "Vote",
    "VoteError",
    "apply_overrides",
    "changed_votes",
    "following_scenario",
    "member_key",
    "recorded_votes",
    "tally",
    "tally_record",
]
