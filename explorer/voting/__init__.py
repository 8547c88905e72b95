"""Decisions by vote: the voting rules (Security Council Art. 27(3), General Assembly Art. 18,
simple and qualified majority, unanimity, consensus), a text's decision and its what-if, and a
body's record of past votes.

Its figures are in ``explorer.voting.figures`` (plotly) and the record as a table in
``explorer.voting.tables`` (pandas); neither is imported here."""

from explorer.voting.record import PERMANENT_MEMBERS, member_key, tally_record
from explorer.voting.rules import (
    AFFIRMATIVE_VOTES_REQUIRED,
    RULE_WORDS,
    VOTES,
    Tally,
    Vote,
    VoteError,
    consensus,
    decide,
    explain,
    general_assembly,
    member_labels,
    qualified_majority,
    simple_majority,
    tally,
    unanimity,
)
from explorer.voting.whatif import (
    OPEN_STATUSES,
    UNRECORDED_START,
    apply_overrides,
    body_of,
    changed_votes,
    chosen_decision,
    decided,
    decisions,
    default_decision,
    following_scenario,
    is_open,
    recorded_votes,
    starting_votes,
)

__all__ = [
    "AFFIRMATIVE_VOTES_REQUIRED",
    "OPEN_STATUSES",
    "PERMANENT_MEMBERS",
    "RULE_WORDS",
    "UNRECORDED_START",
    "VOTES",
    "Tally",
    "Vote",
    "VoteError",
    "apply_overrides",
    "body_of",
    "changed_votes",
    "chosen_decision",
    "consensus",
    "decide",
    "decided",
    "decisions",
    "default_decision",
    "explain",
    "following_scenario",
    "general_assembly",
    "is_open",
    "member_key",
    "member_labels",
    "qualified_majority",
    "recorded_votes",
    "simple_majority",
    "starting_votes",
    "tally",
    "tally_record",
    "unanimity",
]
