"""The views, each declared once: id, label, component, whether it compares a pair, what a set
must hold for it, and its data function.

The sidebar, the URL parser, the exports and the tests read this one table (STYLE.md G15). The
component and the data function are named, not imported: a view's module is imported when the
view is first shown, and the data functions pull in pandas, which would otherwise hold up the
first chart of a fresh server by a second.

    >>> [v.id for v in offered(scenario_set)]
    ['overview', 'timeline', 'stakeholders', 'outcomes', 'sources']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.content import ScenarioSet

if TYPE_CHECKING:
    import pandas as pd

    from explorer.views.state import ViewState

DATA_MODULE = "explorer.views.data"


@dataclass(frozen=True)
class View:
    """One view of a scenario set."""

    id: str
    label: str
    compares: bool
    """Its data depends on the compared pair (A and B), so its downloads name the pair."""
    holds: Callable[[ScenarioSet], bool]
    """Whether a set holds what the view needs; a view is offered only where it does."""
    needs: str
    """What the set lacks when ``holds`` is false, for the notice: 'no texts'."""

    @property
    def component(self) -> str:
        """The module under ``components/`` whose ``render(set, state) -> state`` draws it."""
        return f"components.{self.id}"

    def table(self, scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
        """The data the view shows, as one table (``explorer.views.data.<id>_table``)."""
        build = getattr(importlib.import_module(DATA_MODULE), f"{self.id}_table")
        return build(scenario_set, state)


def _always(scenario_set: ScenarioSet) -> bool:
    return True


def _has_vote(scenario_set: ScenarioSet) -> bool:
    """A text with a recorded decision by a body of the set, or a body's record."""
    voted = bool(scenario_set.bodies) and any(t.vote for t in scenario_set.drafts)
    return voted or bool(scenario_set.council_record)


def _has_reality(scenario_set: ScenarioSet) -> bool:
    return bool(scenario_set.observations) or any(s.signposts for s in scenario_set.scenarios)


VIEWS: dict[str, View] = {
    v.id: v
    for v in (
        View("overview", "Overview", False, _always, ""),
        View("timeline", "Timeline", True, _always, ""),
        View("stakeholders", "Stakeholders", True, lambda s: bool(s.stances), "no positions"),
        View("outcomes", "Outcomes", True, _always, ""),
        View("texts", "Texts", False, lambda s: bool(s.drafts), "no texts"),
        View("sources", "Sources", False, _always, ""),
        View("vote", "Vote", False, _has_vote, "no recorded vote"),
        View("reality", "Reality check", True, _has_reality, "no observations or signposts"),
        View("whatif", "What-if", False, lambda s: s.cib is not None, "no cross-impact matrix"),
    )
}
DEFAULT_VIEW = "overview"


def offered(scenario_set: ScenarioSet) -> list[View]:
    """The views this set can fill, in the order they are listed."""
    return [v for v in VIEWS.values() if v.holds(scenario_set)]
