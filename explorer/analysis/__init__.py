"""What the views derive from a set: scenario comparison, series, reality check and text summaries.

The pandas tables live in ``explorer.analysis.tables``, imported on its own: pandas takes a
second to import, and the first chart of a fresh server does not need it."""

from explorer.analysis.compare import (
    ClauseRow,
    ObservedPoint,
    StanceChange,
    StanceView,
    actors_in,
    aligned_clauses,
    groups_of,
    observed_points,
    offered_groups,
    scenario_events,
    source_usage,
    stance_changes,
    stance_dates,
    stances_under,
    tracks_in_use,
)
from explorer.analysis.reality import (
    Divergence,
    Evidence,
    Framing,
    SignpostCheck,
    as_of,
    as_of_sentence,
    check_signposts,
    divergence_summary,
    divergences,
    framing,
    score,
)
from explorer.analysis.series import (
    EventSeries,
    TrajectorySeries,
)
from explorer.analysis.summaries import (
    changes_summary,
    heatmap_summary,
    salience_summary,
    timeline_summary,
    trajectory_summary,
    tree_summary,
)

__all__ = [
    "ClauseRow",
    "Divergence",
    "EventSeries",
    "Evidence",
    "Framing",
    "ObservedPoint",
    "SignpostCheck",
    "StanceChange",
    "StanceView",
    "TrajectorySeries",
    "actors_in",
    "aligned_clauses",
    "as_of",
    "as_of_sentence",
    "changes_summary",
    "check_signposts",
    "divergence_summary",
    "divergences",
    "framing",
    "groups_of",
    "heatmap_summary",
    "observed_points",
    "offered_groups",
    "salience_summary",
    "scenario_events",
    "score",
    "source_usage",
    "stance_changes",
    "stance_dates",
    "stances_under",
    "timeline_summary",
    "tracks_in_use",
    "trajectory_summary",
    "tree_summary",
]
