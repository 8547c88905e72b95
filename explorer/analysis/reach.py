"""How far a set's content reaches: its as_of, its newest dated source and its own words on
coverage, as the one line the Overview opens with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explorer.content import ScenarioSet, Source, precision_of
from explorer.formats import day

_PRECISE = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True)
class Reach:
    """The set's ``as_of``, its newest source by publication date (None when no source gives
    one) and its ``coverage`` text (None when the set says nothing)."""

    as_of: dt.date
    newest: Source | None
    coverage: str | None

    def line(self) -> str:
        """``Content as of 1 July 2026; newest source: Reuters, "Title", 3 October 2026.``"""
        if self.newest is None or self.newest.published is None:
            return f"Content as of {day(self.as_of)}; no source gives its publication date."
        source = self.newest
        return (
            f"Content as of {day(self.as_of)}; newest source: {source.cited_as}, "
            f"\u201c{source.title}\u201d, {day(source.published)}."
        )


def content_reach(scenario_set: ScenarioSet) -> Reach:
    """The newest source is the latest ``published``; of two on the same first day, the more
    precise one (a day within a month), then the first in sources.yaml."""
    dated = [s for s in scenario_set.sources if s.published is not None]
    newest = max(
        dated,
        key=lambda s: (s.published, _PRECISE[precision_of(s.published)]),  # type: ignore[arg-type]
        default=None,
    )
    return Reach(scenario_set.info.as_of, newest, scenario_set.info.coverage)
