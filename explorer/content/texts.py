"""The texts of a set (drafts, proposals, treaties): clauses by issue, proponents, a kind, a
status from the general vocabulary, and the decision on them; and the older drafts.yaml form
(``sponsor``, a top-level ``vote``, ``failed``), still read, with problems pointed at the field
as it was written.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal, Self

from pydantic import model_validator

from explorer.content.dates import SourceDate
from explorer.content.decisions import Decision, RecordedVote
from explorer.content.types import ActorId, CitedSources, Id, IssueId, Model, Text, TextKind


class Clause(Model):
    issue: IssueId
    summary: Text
    quote: Text | None = None
    sources: CitedSources


TextStatus = Literal[
    "proposed",
    "circulated",
    "adopted",
    "rejected",
    "vetoed",
    "withdrawn",
    "not_put_to_vote",
    "in_force",
    "suspended",
]
UNTABLED: frozenset[TextStatus] = frozenset({"proposed"})
"""Statuses of a text not yet tabled: it has no circulation date yet."""
# Older files: ``sponsor`` (one proponent), a top-level ``vote`` (the default body's decision)
# and the status ``failed`` (read as rejected). LEGACY_PATHS maps where a field is read from to
# where an older file wrote it, so that problems point at the line as written.
_LEGACY_STATUS = {"failed": "rejected"}
LEGACY_PATHS: dict[tuple[str | int, ...], tuple[str | int, ...]] = {
    ("decision", "vote"): ("vote",),
    ("proponents", 0): ("sponsor",),
}


def as_written(loc: tuple[str | int, ...], lines: Collection[tuple[str | int, ...]]) -> tuple:
    """``loc`` in drafts.yaml as an older file wrote it (``sponsor``, a top-level ``vote``),
    when the file (``lines``: the paths it holds) has nothing at the newer path."""
    if loc[:1] != ("drafts",) or len(loc) < 3:
        return loc
    for new, old in LEGACY_PATHS.items():
        if loc[2 : 2 + len(new)] == new and (*loc[:2], *new) not in lines:
            return (*loc[:2], *old, *loc[2 + len(new) :])
    return loc


class Draft(Model):
    """A text before a body: a draft, a proposal, a treaty. Its ``decision`` is the vote on it.
    ``circulated`` may be left out only while the text is not yet tabled (``UNTABLED``)."""

    id: Id
    title: Text
    kind: TextKind = "draft"
    proponents: tuple[ActorId, ...] = ()
    symbol: Text | None = None
    circulated: SourceDate | None = None
    status: TextStatus
    resolution: Text | None = None
    decision: Decision | None = None
    note: Text | None = None
    clauses: tuple[Clause, ...]
    sources: CitedSources

    @model_validator(mode="before")
    @classmethod
    def _read_legacy_fields(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if "sponsor" in data:
            if "proponents" in data:
                raise ValueError("give proponents or the older sponsor, not both")
            data["proponents"] = [data.pop("sponsor")]
        if "vote" in data:
            decision = data.get("decision")
            if isinstance(decision, dict) and "vote" in decision:
                raise ValueError("give the vote under decision, not also at the top")
            data["decision"] = {
                **(decision if isinstance(decision, dict) else {}),
                "vote": data.pop("vote"),
            }
        status = data.get("status")
        if isinstance(status, str):
            data["status"] = _LEGACY_STATUS.get(status, status)
        return data

    @model_validator(mode="after")
    def _tabled_texts_are_dated(self) -> Self:
        if self.circulated is None and self.status not in UNTABLED:
            untabled = ", ".join(sorted(UNTABLED))
            raise ValueError(
                f"circulated (the date the text was tabled) is required unless its status is "
                f"{untabled}, for a text not yet tabled; this one is {self.status}"
            )
        return self

    @property
    def vote(self) -> RecordedVote | None:
        """The recorded vote of its decision, if any."""
        return self.decision.vote if self.decision else None
