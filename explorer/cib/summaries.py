"""One-sentence findings for each CIB figure and panel: its alt text and visible caption."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from explorer.cib.balance import Solution, descriptor_margins
from explorer.cib.matrix import CrossImpactMatrix
from explorer.cib.search import Search
from explorer.cib.succession import Succession


def tableau_summary(solutions: Sequence[Solution], fixed: Mapping[str, str]) -> str:
    given = "; ".join(f"{d} = {v}" for d, v in fixed.items())
    where = f" with {given} imposed" if given else ""
    if not solutions:
        return f"No consistent scenario{where}."
    ties = sum(1 for s in solutions if s.consistency_value == 0)
    return (
        f"{len(solutions)} consistent scenarios{where}; {ties} of them hold only by a tie "
        f"(consistency value 0). The highest total impact score is "
        f"{max(s.total_impact_score for s in solutions)}."
    )


def truncation_note(result: Search) -> str:
    """What a search cut short leaves out ("" when it found and kept everything)."""
    kept = len(result.solutions)
    if result.stopped:
        return (
            f"Showing the first {kept} of at least {result.found} consistent scenarios: the "
            f"search stopped at its work budget after {result.nodes:,} partial scenarios, so "
            "there may be more. Fix some descriptors to narrow the search."
        )
    if result.found > kept:
        return (
            f"Showing the first {kept} of {result.found} consistent scenarios found: no more "
            "are kept. Fix some descriptors to narrow the search."
        )
    return ""


def balance_summary(m: CrossImpactMatrix, scenario: Mapping[str, str], title: str) -> str:
    margins = descriptor_margins(m, scenario)
    behind = {d: x for d, x in margins.items() if x < 0}
    if not behind:
        ties = [d for d, x in margins.items() if x == 0]
        extra = f" ({', '.join(ties)} only by a tie)" if ties else ""
        return f"In {title}, every chosen variant has the highest score of its descriptor{extra}."
    worst = ", ".join(f"{d} ({x})" for d, x in behind.items())
    return f"In {title}, other variants score higher for: {worst}."


def succession_summary(label: str, path: Succession) -> str:
    steps = len(path.path) - 1
    if path.ends_in == "cycle":
        size = len(path.attractor)
        return (
            f"{label}: after {path.attractor_start} steps, succession enters a cycle of "
            f"{size} scenarios and never settles."
        )
    if steps == 0:
        return f"{label} is a fixed point of succession: nothing in it moves."
    return f"{label}: succession settles on a consistent scenario after {steps} step(s)."
