"""A body's record on the question: past votes named by text, checked under Art. 27(3).

Past votes name members as text (a past Council held states that are not actors of the set),
so members are compared by a normalised name (``member_key``) with known aliases resolved.
"""

from __future__ import annotations

from collections.abc import Collection

from explorer.content import CouncilVote
from explorer.voting.rules import Tally, VoteError, tally

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
