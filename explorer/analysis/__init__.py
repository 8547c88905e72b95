"""What the views derive from a set: scenario comparison, series, reality check and text summaries.

The pandas tables live in ``explorer.analysis.tables``, imported on its own: pandas takes a
second to import, and the first chart of a fresh server does not need it."""

from explorer.analysis.compare import (
    ACTOR_GROUPS,
    ClauseRow,
    ObservedPoint,
    StanceChange,
    StanceView,
    actor_group,
    aligned_clauses,
    observed_points,
    scenario_events,
    source_usage,
    stance_changes,
    stances_under,
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
    "ACTOR_GROUPS",
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
    "actor_group",
    "aligned_clauses",
    "as_of",
    "as_of_sentence",
    "changes_summary",
    "check_signposts",
    "divergence_summary",
    "divergences",
    "framing",
    "heatmap_summary",
    "observed_points",
    "salience_summary",
    "scenario_events",
    "score",
    "source_usage",
    "stance_changes",
    "stances_under",
    "timeline_summary",
    "trajectory_summary",
    "tree_summary",
]
