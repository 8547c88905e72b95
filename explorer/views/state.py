"""The view state: what a page shows, its defaults for a set, and the sentence describing it.

A ``ViewState`` is an immutable value; changes go through ``dataclasses.replace``. Its URL form
is in ``explorer.views.url``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from explorer.analysis.compare import offered_groups, scenario_events, tracks_in_use
from explorer.content import Catalog, ScenarioSet
from explorer.views.registry import DEFAULT_VIEW, VIEWS

VIEW_CHOICES = ("text", "votes", "fixed", "judgments", "as_of", "salience", "search")
"""Fields that views (not the sidebar) choose: carried from the URL into each rerun."""
Judgment = tuple[str, str, str, str]


@dataclass(frozen=True)
class ViewState:
    """What the page shows. ``b`` is None when one scenario is shown alone."""

    set: str
    a: str
    b: str | None
    view: str
    groups: tuple[str, ...]
    tracks: tuple[str, ...]
    issues: tuple[str, ...]
    dates: tuple[dt.date, dt.date]
    actor: str | None = None
    text: str | None = None
    """Vote: the text simulated; None means the default (``voting.default_decision``)."""
    votes: tuple[tuple[str, str], ...] = ()
    """Vote what-if: (member actor id, vote) where it differs from where the text starts."""
    fixed: tuple[tuple[str, str], ...] = ()
    """Cross-impact what-if: (descriptor, variant) imposed."""
    judgments: tuple[tuple[Judgment, int], ...] = ()
    """Cross-impact what-if: changed judgments, ((impacting d, v, impacted d, v), value)."""
    as_of: dt.date | None = None
    """Stakeholders: positions as recorded on this date; None means the newest."""
    salience: str | None = None
    """Stakeholders: the issue of the position and salience map; None means the first shown."""
    search: str = ""
    """Sources: the words searched for in titles and publishers."""


_DATE_RANGES: dict[str, tuple[dt.date, dt.date]] = {}


def date_range(scenario_set: ScenarioSet) -> tuple[dt.date, dt.date]:
    """From the earliest event to the latest event or trajectory point of any scenario
    (remembered per content hash: every rerun asks for it several times)."""
    if scenario_set.content_hash not in _DATE_RANGES:
        if len(_DATE_RANGES) > 256:
            _DATE_RANGES.clear()
        _DATE_RANGES[scenario_set.content_hash] = _date_range(scenario_set)
    return _DATE_RANGES[scenario_set.content_hash]


def _date_range(scenario_set: ScenarioSet) -> tuple[dt.date, dt.date]:
    dates = [e.when for s in scenario_set.scenarios for e in scenario_events(scenario_set, s)]
    dates += [p.date for s in scenario_set.scenarios for t in s.trajectories for p in t.points]
    dates += [e.end for s in scenario_set.scenarios for e in s.events if e.end]
    dates = dates or [scenario_set.info.decision_date]
    low, high = min(dates), max(dates)  # plain dates: a widget reads a date's exact type
    return dt.date(low.year, low.month, low.day), dt.date(high.year, high.month, high.day)


def default_state(catalog: Catalog, set_id: str | None = None) -> ViewState:
    """What a set opens with: its default pair on the overview, every filter open."""
    scenario_set = catalog[set_id or catalog.ids[0]]
    a, b = scenario_set.info.default_pair
    return ViewState(
        set=scenario_set.id,
        a=a,
        b=b,
        view=DEFAULT_VIEW,
        groups=tuple(g.id for g in offered_groups(scenario_set)),
        tracks=tuple(t.id for t in tracks_in_use(scenario_set)),
        issues=tuple(i.id for i in scenario_set.issues),
        dates=date_range(scenario_set),
    )


def with_view_choices(state: ViewState, requested: ViewState) -> ViewState:
    """``state`` with the choices views make (council votes, what-if) taken from ``requested``,
    unless the set has changed, which starts them afresh."""
    if state.set != requested.set:
        return state
    return replace(state, **{name: getattr(requested, name) for name in VIEW_CHOICES})


def pair_label(scenario_set: ScenarioSet, a: str, b: str | None) -> str:
    """``US draft adopted vs Russian draft prevails``, or A's label alone."""
    return " vs ".join(scenario_set.scenario(s).label for s in (a, b) if s)


def describe(state: ViewState, catalog: Catalog) -> str:
    """One sentence for the caption, the share text and the browser title."""
    pair = pair_label(catalog[state.set], state.a, state.b)
    return f"{pair}: {VIEWS[state.view].label.lower()}"


def tab_title(state: ViewState, catalog: Catalog) -> str:
    """The browser tab's title: the view, then the set, then the app (the tab cuts the end)."""
    return f"{VIEWS[state.view].label} · {catalog[state.set].info.title} · Scenario Explorer"
