"""Cross-impact balance (CIB) analysis: consistent scenarios, impact balances and succession.

CIB (Weimer-Jehle; the desktop tool ScenarioWizard) describes a system by descriptors, each with
mutually exclusive variants, and by judgments ``C[(i, a), (j, b)]`` from -3 (strongly hinders)
to +3 (strongly promotes): how variant ``a`` of descriptor ``i`` acts on variant ``b`` of
descriptor ``j``. A scenario picks one variant per descriptor.

Conventions (ScenarioWizard's, checked against the published Somewhereland example):

- The impact score of variant ``b`` of descriptor ``j`` under scenario ``s`` is the sum over
  every descriptor ``i`` of ``C[(i, s_i), (j, b)]``. Self blocks (``i == j``) are allowed and
  counted, as ScenarioWizard files may carry them.
- The margin of descriptor ``j`` is ``score(j, s_j) - max over b != s_j of score(j, b)``;
  ``consistency_value`` is the smallest margin, ``inconsistency = max(0, -consistency_value)``
  and ``total_impact_score`` is the sum over ``j`` of ``score(j, s_j)``. A scenario is
  consistent at threshold ``t`` when its inconsistency is at most ``t``; ties count as consistent.
- Global succession moves every descriptor at once to a variant of maximal score; on a tie the
  current variant stays if it is maximal, else the lowest-index maximum is taken.
- A *fixed* descriptor (``fixed={"Council outcome": "No resolution"}``) is imposed from outside,
  as in CIB intervention analysis: it keeps its variant and its own margin is not required.

The search is exact: a depth-first branch and bound over descriptors that drops a partial
scenario as soon as some assigned descriptor could no longer reach its threshold even if every
unassigned descriptor pushed it as far as it can. Descriptors with the most leverage are
assigned first, and partial scenarios are expanded in numpy blocks, one descriptor per level.

Usage::

    m = load_matrix({
        "descriptors": [{"name": "Economy", "variants": ["Weak", "Strong"]}, ...],
        "impacts": {"Economy:Strong": {"Society:Calm": 2, "Society:Unrest": -2}},
    })
    for solution in consistent_scenarios(m):
        print(solution.variants, solution.consistency_value)
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import product
from typing import Literal

import numpy as np

from explorer.content.model import CibFile
from explorer.errors import ScenarioError

JUDGMENT_RANGE = range(-3, 4)
MAX_SUCCESSION_STEPS = 10_000
_BLOCK = 1 << 13  # partial scenarios expanded together; bounds memory, keeps numpy calls few

Judgment = tuple[str, str, str, str]
"""(impacting descriptor, its variant, impacted descriptor, its variant)."""
Scenario = Sequence[str] | Mapping[str, str]
"""Variant names in descriptor order, or a mapping descriptor -> variant naming every one."""


class CibError(ScenarioError):
    """A matrix, judgment or scenario that does not fit; the message names the offending part."""


@dataclass(frozen=True)
class Descriptor:
    name: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class CrossImpactMatrix:
    """Descriptors and judgments; ``cells[r][c]`` is how variant ``r`` acts on variant ``c``,
    both numbered through all descriptors' variants in order. Immutable and hashable."""

    descriptors: tuple[Descriptor, ...]
    cells: tuple[tuple[int, ...], ...]

    def __post_init__(self) -> None:
        if not self.descriptors:
            raise CibError("a matrix needs at least one descriptor")
        seen: set[str] = set()
        for descriptor in self.descriptors:
            if descriptor.name in seen:
                raise CibError(f"descriptor {descriptor.name!r} is declared twice")
            seen.add(descriptor.name)
            if len(descriptor.variants) < 2:
                raise CibError(f"descriptor {descriptor.name!r} needs at least two variants")
            if len(set(descriptor.variants)) != len(descriptor.variants):
                raise CibError(f"descriptor {descriptor.name!r} names a variant twice")
        size = sum(len(d.variants) for d in self.descriptors)
        if len(self.cells) != size or any(len(row) != size for row in self.cells):
            raise CibError(f"the judgments must form a {size} x {size} table")
        if any(type(value) is not int for row in self.cells for value in row):
            raise CibError("every judgment must be a whole number")

    @cached_property
    def offsets(self) -> tuple[int, ...]:
        """Where each descriptor's variants start in the numbering of ``cells``."""
        starts = [0]
        for descriptor in self.descriptors[:-1]:
            starts.append(starts[-1] + len(descriptor.variants))
        return tuple(starts)

    @cached_property
    def array(self) -> np.ndarray:
        table = np.array(self.cells, dtype=np.int64)
        table.flags.writeable = False
        return table

    @cached_property
    def digest(self) -> str:
        """A short content hash, e.g. to key a cache."""
        payload = json.dumps([[(d.name, d.variants) for d in self.descriptors], self.cells])
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    @property
    def scenario_count(self) -> int:
        return math.prod(len(d.variants) for d in self.descriptors)

    def descriptor_position(self, name: str) -> int:
        for position, descriptor in enumerate(self.descriptors):
            if descriptor.name == name:
                return position
        raise CibError(f"{name!r} is not a descriptor of this matrix")

    def variant_position(self, descriptor: str, variant: str) -> int:
        """The position of ``variant`` within ``descriptor``; a clear error if either is unknown."""
        variants = self.descriptors[self.descriptor_position(descriptor)].variants
        if variant not in variants:
            known = ", ".join(variants)
            raise CibError(f"{variant!r} is not a variant of {descriptor!r} ({known})")
        return variants.index(variant)

    def index(self, descriptor: str, variant: str) -> int:
        """The row/column of ``descriptor:variant`` in ``cells``."""
        position = self.descriptor_position(descriptor)
        return self.offsets[position] + self.variant_position(descriptor, variant)

    def judgment(self, key: Judgment) -> int:
        impacting, variant, impacted, target = key
        return self.cells[self.index(impacting, variant)][self.index(impacted, target)]


@dataclass(frozen=True)
class Solution:
    """A scenario with its CIB measures (see the module docstring for the conventions)."""

    variants: tuple[str, ...]
    consistency_value: int
    inconsistency: int
    total_impact_score: int


@dataclass(frozen=True)
class Search:
    """The consistent scenarios, best first, and how many partial scenarios were visited."""

    solutions: tuple[Solution, ...]
    nodes: int


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


# ---------------------------------------------------------------------------------------------
# Building matrices


def _judgment_value(value: object, where: str) -> int:
    if type(value) is not int or value not in JUDGMENT_RANGE:
        raise CibError(f"{where}: {value!r} is not a judgment (use a whole number from -3 to 3)")
    return value


def _build(
    descriptors: Sequence[Descriptor], judgments: Mapping[Judgment, int]
) -> CrossImpactMatrix:
    size = sum(len(d.variants) for d in descriptors)
    empty = CrossImpactMatrix(tuple(descriptors), tuple((0,) * size for _ in range(size)))
    return with_judgments(empty, judgments)


def _split_key(descriptors: Sequence[Descriptor], key: object) -> tuple[str, str]:
    """``"Descriptor:variant"`` -> (descriptor, variant); names may themselves hold colons."""
    if not isinstance(key, str):
        raise CibError(f"{key!r} is not a 'Descriptor:variant' key")
    prefixed = [(d, key[len(d.name) + 1 :]) for d in descriptors if key.startswith(d.name + ":")]
    if not prefixed:
        raise CibError(f"{key!r} does not name a descriptor of this matrix ('Descriptor:variant')")
    matches = [(d.name, v) for d, v in prefixed if v in d.variants]
    if len(matches) > 1:
        raise CibError(f"{key!r} is ambiguous: it could be {' or '.join(map(str, matches))}")
    if not matches:
        descriptor, variant = prefixed[0]
        known = ", ".join(descriptor.variants)
        raise CibError(f"{variant!r} is not a variant of {descriptor.name!r} ({known})")
    return matches[0]


def _descriptor(entry: object, position: int) -> Descriptor:
    if not isinstance(entry, Mapping) or set(entry) != {"name", "variants"}:
        raise CibError(f"descriptors[{position}] must be a mapping with name and variants only")
    name, variants = entry["name"], entry["variants"]
    if not isinstance(name, str) or not name.strip():
        raise CibError(f"descriptors[{position}].name must be a non-empty text")
    if isinstance(variants, str) or not isinstance(variants, Sequence):
        raise CibError(f"descriptors[{position}].variants must be a list of names")
    if not all(isinstance(v, str) and v.strip() for v in variants):
        raise CibError(f"descriptors[{position}].variants must be non-empty texts")
    return Descriptor(name, tuple(variants))


def load_matrix(data: Mapping) -> CrossImpactMatrix:
    """Build a matrix from plain data (e.g. parsed YAML or JSON).

    Parameters
    ----------
    data:
        ``{"descriptors": [{"name": str, "variants": [str, ...]}, ...],
        "impacts": {"Descriptor:variant": {"Descriptor:variant": int}}}``; judgments are whole
        numbers from -3 to 3, a missing cell is 0, ``impacts`` may be left out.

    Raises
    ------
    CibError
        Naming the unknown key, descriptor or variant, or the judgment out of range.
    """
    if not isinstance(data, Mapping) or not set(data) <= {"descriptors", "impacts"}:
        raise CibError("a matrix is a mapping with 'descriptors' and optional 'impacts'")
    entries = data.get("descriptors")
    if isinstance(entries, str) or not isinstance(entries, Sequence):
        raise CibError("'descriptors' must be a list")
    descriptors = [_descriptor(entry, i) for i, entry in enumerate(entries)]
    impacts = data.get("impacts") or {}
    if not isinstance(impacts, Mapping):
        raise CibError("'impacts' must map 'Descriptor:variant' to a mapping of judgments")
    judgments: dict[Judgment, int] = {}
    for source, row in impacts.items():
        impacting = _split_key(descriptors, source)
        if not isinstance(row, Mapping):
            raise CibError(f"impacts[{source!r}] must map 'Descriptor:variant' to a judgment")
        for target, value in row.items():
            impacted = _split_key(descriptors, target)
            judgments[(*impacting, *impacted)] = _judgment_value(
                value, f"impacts[{source!r}][{target!r}]"
            )
    return _build(descriptors, judgments)


def from_cib_file(cib: CibFile) -> CrossImpactMatrix:
    """The matrix of a set's ``cib.yaml``. Raises ``CibError`` if two sections judge the same
    pair of descriptors or a name is unknown (the loader reports the latter with its line)."""
    descriptors = [Descriptor(d.name, d.variants) for d in cib.descriptors]
    judgments: dict[Judgment, int] = {}
    pairs: set[tuple[str, str]] = set()
    for section in cib.sections:
        pair = (section.impacting, section.impacted)
        if pair in pairs:
            raise CibError(f"two sections judge how {pair[0]!r} acts on {pair[1]!r}")
        pairs.add(pair)
        for variant, row in section.impacts.items():
            for target, value in row.items():
                judgments[(section.impacting, variant, section.impacted, target)] = value
    return _build(descriptors, judgments)


def with_judgments(m: CrossImpactMatrix, judgments: Mapping[Judgment, int]) -> CrossImpactMatrix:
    """A copy of ``m`` with some judgments replaced, e.g. ``{("D1", "v1", "D2", "v2"): 3}``."""
    cells = [list(row) for row in m.cells]
    for key, value in judgments.items():
        if not isinstance(key, tuple) or len(key) != 4:
            raise CibError(f"{key!r} is not (descriptor, variant, descriptor, variant)")
        where = "{} {} -> {} {}".format(*key)
        cells[m.index(key[0], key[1])][m.index(key[2], key[3])] = _judgment_value(value, where)
    return CrossImpactMatrix(m.descriptors, tuple(tuple(row) for row in cells))


# ---------------------------------------------------------------------------------------------
# Evaluating scenarios


def _choice(m: CrossImpactMatrix, scenario: Scenario) -> tuple[int, ...]:
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


def _fixed(m: CrossImpactMatrix, fixed: Mapping[str, str] | None) -> dict[int, int]:
    """descriptor position -> variant position of the imposed descriptors."""
    return {m.descriptor_position(d): m.variant_position(d, v) for d, v in (fixed or {}).items()}


def _scores(m: CrossImpactMatrix, choice: Sequence[int]) -> list[int]:
    rows = [m.cells[start + c] for start, c in zip(m.offsets, choice, strict=True)]
    return [sum(column) for column in zip(*rows, strict=True)]


def _margins(m: CrossImpactMatrix, choice: Sequence[int], scores: Sequence[int]) -> list[int]:
    margins = []
    for start, c, descriptor in zip(m.offsets, choice, m.descriptors, strict=True):
        block = scores[start : start + len(descriptor.variants)]
        margins.append(block[c] - max(s for b, s in enumerate(block) if b != c))
    return margins


def _solution(m: CrossImpactMatrix, choice: Sequence[int], skip: Mapping[int, int]) -> Solution:
    scores = _scores(m, choice)
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
    scores = _scores(m, _choice(m, scenario))
    return {
        d.name: {v: scores[start + b] for b, v in enumerate(d.variants)}
        for start, d in zip(m.offsets, m.descriptors, strict=True)
    }


def contributions(m: CrossImpactMatrix, scenario: Scenario) -> dict[str, dict[str, dict[str, int]]]:
    """Why each score is what it is: ``{impacted: {variant: {impacting descriptor: share}}}``."""
    choice = _choice(m, scenario)
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
    return _solution(m, _choice(m, scenario), _fixed(m, fixed))


def descriptor_margins(m: CrossImpactMatrix, scenario: Scenario) -> dict[str, int]:
    """Each descriptor's margin: negative where another variant would score higher."""
    choice = _choice(m, scenario)
    margins = _margins(m, choice, _scores(m, choice))
    return {d.name: x for d, x in zip(m.descriptors, margins, strict=True)}


def succession(
    m: CrossImpactMatrix, start: Scenario, rule: Literal["global"] = "global"
) -> Succession:
    """Follow the global succession rule from ``start`` until a scenario repeats.

    Raises ``CibError`` for another rule or a path longer than ``MAX_SUCCESSION_STEPS``.
    """
    if rule != "global":
        raise CibError(f"{rule!r} is not a succession rule here (only 'global')")
    current = _choice(m, start)
    seen: dict[tuple[int, ...], int] = {}
    path: list[tuple[int, ...]] = []
    while current not in seen:
        if len(path) >= MAX_SUCCESSION_STEPS:
            raise CibError(f"no repeat within {MAX_SUCCESSION_STEPS} succession steps")
        seen[current] = len(path)
        path.append(current)
        scores = _scores(m, current)
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


# ---------------------------------------------------------------------------------------------
# Finding every consistent scenario


def _threshold(max_inconsistency: int) -> int:
    if type(max_inconsistency) is not int or max_inconsistency < 0:
        raise CibError(f"max_inconsistency must be a whole number >= 0, not {max_inconsistency!r}")
    return max_inconsistency


def _ranked(m: CrossImpactMatrix, solutions: list[Solution]) -> tuple[Solution, ...]:
    """Best first: highest consistency value, then highest total impact score, then order."""

    def key(solution: Solution) -> tuple:
        positions = [
            d.variants.index(v) for d, v in zip(m.descriptors, solution.variants, strict=True)
        ]
        return (-solution.consistency_value, -solution.total_impact_score, positions)

    return tuple(sorted(solutions, key=key))


def brute_force_consistent(
    m: CrossImpactMatrix, max_inconsistency: int = 0, *, fixed: Mapping[str, str] | None = None
) -> list[Solution]:
    """The same answer as ``consistent_scenarios`` by checking every scenario in plain Python:
    the test oracle and the benchmark's baseline, not for use on large matrices."""
    threshold, imposed = _threshold(max_inconsistency), _fixed(m, fixed)
    ranges = [
        [imposed[j]] if j in imposed else range(len(d.variants))
        for j, d in enumerate(m.descriptors)
    ]
    found = [_solution(m, choice, imposed) for choice in product(*ranges)]
    return list(_ranked(m, [s for s in found if s.inconsistency <= threshold]))


@dataclass(frozen=True)
class _Group:
    """Assigned, non-imposed descriptors of one size, checked together: their positions in the
    search order, their columns (one row per descriptor) and ``need`` restricted to them."""

    positions: np.ndarray
    columns: np.ndarray
    need: np.ndarray


@dataclass
class _Searcher:
    """Branch and bound over descriptors in ``order``; see ``search``."""

    m: CrossImpactMatrix
    threshold: int
    imposed: dict[int, int]

    def __post_init__(self) -> None:
        m = self.m
        self.sizes = [len(d.variants) for d in m.descriptors]
        # Scores stay below (descriptors x largest judgment); small types are faster.
        reach = 2 * (len(self.sizes) + 1) * int(np.abs(m.array).max(initial=0)) + self.threshold
        self.dtype = np.int16 if reach < np.iinfo(np.int16).max else np.int64
        self.table = m.array.astype(self.dtype)
        gains = [self._gains(i) for i in range(len(m.descriptors))]
        self.order = sorted(
            range(len(m.descriptors)), key=lambda i: (i not in self.imposed, -int(gains[i].sum()))
        )
        # need[k][x, y]: the least S[x] - S[y] that lets x still beat y once descriptors
        # order[k:] are added, each acting as favourably to x as any of its variants can.
        remaining = np.zeros_like(self.table)
        need = [-self.threshold - remaining]
        for i in reversed(self.order):
            remaining = remaining + gains[i]
            need.append(-self.threshold - remaining)
        self.plans = [self._groups(level, table) for level, table in enumerate(need[::-1])]
        self.nodes = 0
        self.found: list[np.ndarray] = []

    def _gains(self, i: int) -> np.ndarray:
        """gains[x, y] = the most descriptor i can add to score(x) - score(y), x and y being
        variants of one descriptor (other cells are unused)."""
        start = self.m.offsets[i]
        rows = self.table[start : start + self.sizes[i]]
        if i in self.imposed:
            rows = rows[self.imposed[i] : self.imposed[i] + 1]
        return (rows[:, :, None] - rows[:, None, :]).max(axis=0)

    def _groups(self, level: int, need: np.ndarray) -> list[_Group]:
        """What to check once ``order[:level]`` is assigned."""
        by_size: dict[int, list[tuple[int, int]]] = {}
        for position, j in enumerate(self.order[:level]):
            if j not in self.imposed:
                by_size.setdefault(self.sizes[j], []).append((position, j))
        groups = []
        for size, members in by_size.items():
            columns = np.array([[self.m.offsets[j] + v for v in range(size)] for _, j in members])
            groups.append(
                _Group(
                    np.array([position for position, _ in members]),
                    columns,
                    need[columns[:, :, None], columns[:, None, :]],
                )
            )
        return groups

    def run(self) -> Search:
        width = self.table.shape[0]
        empty = np.zeros((1, 0), np.intp)
        self._expand(0, np.zeros((1, width), self.dtype), empty)
        choices = np.concatenate(self.found) if self.found else empty[:0]
        solutions = []
        for row in choices.tolist():
            choice = [0] * len(self.order)
            for j, position in zip(self.order, row, strict=True):
                choice[j] = position
            solutions.append(_solution(self.m, choice, self.imposed))
        return Search(_ranked(self.m, solutions), self.nodes)

    def _expand(self, level: int, scores: np.ndarray, chosen: np.ndarray) -> None:
        """Add descriptor ``order[level]`` to each partial scenario (its variant positions in
        ``chosen``, its scores so far in ``scores``), keep the viable ones, go deeper."""
        if level == len(self.order):
            self.found.append(chosen)
            return
        j = self.order[level]
        variants = np.array([self.imposed[j]] if j in self.imposed else range(self.sizes[j]))
        rows = self.table[self.m.offsets[j] + variants]
        scores = (scores[:, None, :] + rows[None, :, :]).reshape(-1, scores.shape[1])
        chosen = np.concatenate(
            [np.repeat(chosen, len(variants), axis=0), np.tile(variants, len(chosen))[:, None]],
            axis=1,
        )
        self.nodes += len(scores)
        keep = self._viable(level + 1, scores, chosen)
        scores, chosen = scores[keep], chosen[keep]
        for begin in range(0, len(scores), _BLOCK):
            self._expand(level + 1, scores[begin : begin + _BLOCK], chosen[begin : begin + _BLOCK])

    def _viable(self, level: int, scores: np.ndarray, chosen: np.ndarray) -> np.ndarray:
        """For each assigned descriptor, whether every variant could still reach the threshold
        against every other (dense arithmetic), then pick the answer for the chosen variant."""
        keep = np.ones(len(scores), dtype=bool)
        for group in self.plans[level]:
            block = scores[:, group.columns]
            lead = block[:, :, :, None] - block[:, :, None, :]
            able = (lead >= group.need).all(axis=3)
            picked = np.take_along_axis(able, chosen[:, group.positions, None], axis=2)
            keep &= picked[:, :, 0].all(axis=1)
        return keep


def search(
    m: CrossImpactMatrix, max_inconsistency: int = 0, *, fixed: Mapping[str, str] | None = None
) -> Search:
    """Every scenario with inconsistency at most ``max_inconsistency``, exactly, with the
    number of partial scenarios visited (for the benchmark)."""
    return _Searcher(m, _threshold(max_inconsistency), _fixed(m, fixed)).run()


def consistent_scenarios(
    m: CrossImpactMatrix, max_inconsistency: int = 0, *, fixed: Mapping[str, str] | None = None
) -> list[Solution]:
    """Every scenario whose inconsistency is at most ``max_inconsistency`` (0: the consistent
    ones, ties included), best first: highest consistency value, then total impact score.

    ``fixed`` imposes variants from outside (intervention analysis): those descriptors keep
    the given variant and their own margins are not required.

    Raises
    ------
    CibError
        For an unknown descriptor or variant in ``fixed`` or a negative threshold.
    """
    return list(search(m, max_inconsistency, fixed=fixed).solutions)
