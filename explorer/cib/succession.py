"""Succession: where the global rule takes a scenario, step by step, until one repeats.

Global succession moves every descriptor at once to a variant of maximal score; on a tie the
current variant stays if it is maximal, else the lowest-index maximum is taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from explorer.cib.balance import Scenario, scenario_positions, variant_scores
from explorer.cib.matrix import CibError, CrossImpactMatrix

MAX_SUCCESSION_STEPS = 10_000


@dataclass(frozen=True)
class Succession:
    """A succession path: ``path[0]`` is the start; from ``path[attractor_start]`` on the path
    repeats for ever (one scenario: a fixed point; several: a cycle)."""

    path: tuple[tuple[str, ...], ...]
    attractor_start: int

    @property
    def ends_in(self) -> Literal["fixed point", "cycle"]:
        return "fixed point" if len(self.attractor) == 1 else "cycle"

    @property
    def attractor(self) -> tuple[tuple[str, ...], ...]:
        return self.path[self.attractor_start :]


def succession(
    m: CrossImpactMatrix, start: Scenario, rule: Literal["global"] = "global"
) -> Succession:
    """Follow the global succession rule from ``start`` until a scenario repeats.

    Raises ``CibError`` for another rule or a path longer than ``MAX_SUCCESSION_STEPS``.
    """
    if rule != "global":
        raise CibError(f"{rule!r} is not a succession rule here (only 'global')")
    current = scenario_positions(m, start)
    seen: dict[tuple[int, ...], int] = {}
    path: list[tuple[int, ...]] = []
    while current not in seen:
        if len(path) >= MAX_SUCCESSION_STEPS:
            raise CibError(f"no repeat within {MAX_SUCCESSION_STEPS} succession steps")
        seen[current] = len(path)
        path.append(current)
        scores = variant_scores(m, current)
        step = []
        for start_at, c, descriptor in zip(m.offsets, current, m.descriptors, strict=True):
            block = scores[start_at : start_at + len(descriptor.variants)]
            best = max(block)
            step.append(c if block[c] == best else block.index(best))
        current = tuple(step)
    names = tuple(
        tuple(d.variants[c] for d, c in zip(m.descriptors, state, strict=True)) for state in path
    )
    return Succession(names, seen[current])
