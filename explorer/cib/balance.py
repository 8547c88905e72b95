"""Scoring scenarios: impact balances, each descriptor's margin and the CIB measures.

Conventions (ScenarioWizard's, checked against the published Somewhereland example):

- The impact score of variant ``b`` of descriptor ``j`` under scenario ``s`` is the sum over
  every descriptor ``i`` of ``C[(i, s_i), (j, b)]``, self blocks included.
- The margin of descriptor ``j`` is ``score(j, s_j) - max over b != s_j of score(j, b)``;
  ``consistency_value`` is the smallest margin, ``inconsistency = max(0, -consistency_value)``
  and ``total_impact_score`` is the sum over ``j`` of ``score(j, s_j)``. A scenario is
  consistent at threshold ``t`` when its inconsistency is at most ``t``; ties count as consistent.
- A *fixed* descriptor (``fixed={"Council outcome": "No resolution"}``) is imposed from outside,
  as in CIB intervention analysis: it keeps its variant and its own margin is not required.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from explorer.cib.matrix import CibError, CrossImpactMatrix

Scenario = Sequence[str] | Mapping[str, str]
"""Variant names in descriptor order, or a mapping descriptor -> variant naming every one."""


@dataclass(frozen=True)
class Solution:
    """A scenario with its CIB measures (see the module docstring for the conventions)."""

    variants: tuple[str, ...]
    consistency_value: int
    inconsistency: int
    total_impact_score: int


def scenario_positions(m: CrossImpactMatrix, scenario: Scenario) -> tuple[int, ...]:
    """Variant positions, one per descriptor, from either form of scenario."""
    if isinstance(scenario, Mapping):
        for name in scenario:
            m.descriptor_position(name)
        missing = [d.name for d in m.descriptors if d.name not in scenario]
        if missing:
            raise CibError(f"the scenario gives no variant for {', '.join(missing)}")
        names = [scenario[d.name] for d in m.descriptors]
    elif isinstance(scenario, str) or not isinstance(scenario, Sequence):
        raise CibError("a scenario is a list of variant names or a mapping descriptor -> variant")
    else:
        names = list(scenario)
        if len(names) != len(m.descriptors):
            count = len(m.descriptors)
            raise CibError(f"the scenario names {len(names)} variants; the matrix has {count}")
    return tuple(m.variant_position(d.name, v) for d, v in zip(m.descriptors, names, strict=True))


def fixed_positions(m: CrossImpactMatrix, fixed: Mapping[str, str] | None) -> dict[int, int]:
    """descriptor position -> variant position of the imposed descriptors."""
    return {m.descriptor_position(d): m.variant_position(d, v) for d, v in (fixed or {}).items()}


def variant_scores(m: CrossImpactMatrix, choice: Sequence[int]) -> list[int]:
    """The impact score of every variant, numbered as in ``cells``, under ``choice``."""
    rows = [m.cells[start + c] for start, c in zip(m.offsets, choice, strict=True)]
    return [sum(column) for column in zip(*rows, strict=True)]


def _margins(m: CrossImpactMatrix, choice: Sequence[int], scores: Sequence[int]) -> list[int]:
    margins = []
    for start, c, descriptor in zip(m.offsets, choice, m.descriptors, strict=True):
        block = scores[start : start + len(descriptor.variants)]
        margins.append(block[c] - max(s for b, s in enumerate(block) if b != c))
    return margins


def measure(m: CrossImpactMatrix, choice: Sequence[int], skip: Mapping[int, int]) -> Solution:
    """The measures of ``choice``, leaving out the margins of the descriptors in ``skip``."""
    scores = variant_scores(m, choice)
    margins = [x for j, x in enumerate(_margins(m, choice, scores)) if j not in skip]
    value = min(margins, default=0)
    return Solution(
        variants=tuple(d.variants[c] for d, c in zip(m.descriptors, choice, strict=True)),
        consistency_value=value,
        inconsistency=max(0, -value),
        total_impact_score=sum(
            scores[start + c] for start, c in zip(m.offsets, choice, strict=True)
        ),
    )


def impact_balance(m: CrossImpactMatrix, scenario: Scenario) -> dict[str, dict[str, int]]:
    """Every variant's impact score under ``scenario``: ``{descriptor: {variant: score}}``."""
    scores = variant_scores(m, scenario_positions(m, scenario))
    return {
        d.name: {v: scores[start + b] for b, v in enumerate(d.variants)}
        for start, d in zip(m.offsets, m.descriptors, strict=True)
    }


def contributions(m: CrossImpactMatrix, scenario: Scenario) -> dict[str, dict[str, dict[str, int]]]:
    """Why each score is what it is: ``{impacted: {variant: {impacting descriptor: share}}}``."""
    choice = scenario_positions(m, scenario)
    return {
        d.name: {
            v: {
                source.name: m.cells[m.offsets[i] + choice[i]][start + b]
                for i, source in enumerate(m.descriptors)
            }
            for b, v in enumerate(d.variants)
        }
        for start, d in zip(m.offsets, m.descriptors, strict=True)
    }


def evaluate(
    m: CrossImpactMatrix, scenario: Scenario, *, fixed: Mapping[str, str] | None = None
) -> Solution:
    """The CIB measures of one scenario (fixed descriptors' own margins are not counted)."""
    return measure(m, scenario_positions(m, scenario), fixed_positions(m, fixed))


def descriptor_margins(m: CrossImpactMatrix, scenario: Scenario) -> dict[str, int]:
    """Each descriptor's margin: negative where another variant would score higher."""
    choice = scenario_positions(m, scenario)
    margins = _margins(m, choice, variant_scores(m, choice))
    return {d.name: x for d, x in zip(m.descriptors, margins, strict=True)}
