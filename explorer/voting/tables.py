"""A body's record on the question as a table: one row per recorded vote, for the data
panel and the view's CSV. No Streamlit here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from explorer.content import CouncilVote
from explorer.formats import day
from explorer.voting.figures import OUTCOME_STYLES


def _names(names: tuple[str, ...] | None) -> str:
    return "not confirmed" if names is None else ", ".join(names)


def record_table(record: Sequence[CouncilVote], source_names: Mapping[str, str]) -> pd.DataFrame:
    """Every recorded vote with its counts, outcome, named members and sources (by name)."""
    return pd.DataFrame(
        [
            {
                "date": day(v.date),
                "kind": v.kind,
                "symbol": v.symbol or "not confirmed",
                "sponsor": v.sponsor,
                "subject": v.subject,
                "in favour": v.yes,
                "against": v.no,
                "abstaining": v.abstain,
                "absent": v.absent,
                "outcome": OUTCOME_STYLES[v.outcome].label,
                "vetoed by": ", ".join(v.vetoed_by),
                "resolution": v.resolution or "",
                "named against": _names(v.against),
                "named abstaining": _names(v.abstaining),
                "note": v.note or "",
                "sources": ", ".join(source_names.get(s, s) for s in v.sources),
            }
            for v in record
        ]
    )
