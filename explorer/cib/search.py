"""Finding every consistent scenario of a matrix, exactly.

The search is a depth-first branch and bound over descriptors that drops a partial scenario as
soon as some assigned descriptor could no longer reach its threshold even if every unassigned
descriptor pushed it as far as it can. Descriptors with the most leverage are assigned first,
and partial scenarios are expanded in numpy blocks, one descriptor per level.

The search has a budget it cannot exceed (``explorer.cib.limits``): it keeps the first
``max_solutions`` consistent scenarios it finds and goes on counting the others, and it stops
before visiting more than ``max_nodes`` partial scenarios. A result cut short says so
(``Search.truncated``); blocks shrink as matrices widen, so memory stays bounded too.

Usage::

    for solution in consistent_scenarios(m):
        print(solution.variants, solution.consistency_value)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import product

import numpy as np

from explorer.cib.balance import Solution, fixed_positions, measure
from explorer.cib.limits import MAX_NODES, MAX_SOLUTIONS
from explorer.cib.matrix import CibError, CrossImpactMatrix

_BLOCK = 1 << 13  # partial scenarios expanded together; bounds memory, keeps numpy calls few
_CELLS = 1 << 24  # at most this many numbers in one block's pairwise comparison


@dataclass(frozen=True)
class Search:
    """The consistent scenarios kept (the first found, then ranked best first), how many
    were found in all, how many partial scenarios were visited, and whether the work budget
    ran out (then ``found`` is a lower bound)."""

    solutions: tuple[Solution, ...]
    nodes: int
    found: int
    stopped: bool = False

    @property
    def truncated(self) -> bool:
        """Whether some consistent scenarios are not among ``solutions``, or may not be."""
        return self.stopped or self.found > len(self.solutions)


def _threshold(max_inconsistency: int) -> int:
    if type(max_inconsistency) is not int or max_inconsistency < 0:
        raise CibError(f"max_inconsistency must be a whole number >= 0, not {max_inconsistency!r}")
    return max_inconsistency


def _budget(name: str, value: int) -> int:
    if type(value) is not int or value < 0:
        raise CibError(f"{name} must be a whole number >= 0, not {value!r}")
    return value


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
    threshold, imposed = _threshold(max_inconsistency), fixed_positions(m, fixed)
    ranges = [
        [imposed[j]] if j in imposed else range(len(d.variants))
        for j, d in enumerate(m.descriptors)
    ]
    found = [measure(m, choice, imposed) for choice in product(*ranges)]
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
    max_solutions: int
    max_nodes: int

    def __post_init__(self) -> None:
        m = self.m
        self.sizes = [len(d.variants) for d in m.descriptors]
        self.block = max(1, min(_BLOCK, _CELLS // (max(self.sizes) ** 2 * sum(self.sizes))))
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
        self.nodes = self.count = 0
        self.stopped = False
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
            solutions.append(measure(self.m, choice, self.imposed))
        return Search(_ranked(self.m, solutions), self.nodes, self.count, self.stopped)

    def _expand(self, level: int, scores: np.ndarray, chosen: np.ndarray) -> None:
        """Add descriptor ``order[level]`` to each partial scenario (its variant positions in
        ``chosen``, its scores so far in ``scores``), keep the viable ones, go deeper; stop for
        good when the next expansion would go over the budget."""
        if self.stopped:
            return
        if level == len(self.order):
            room = self.max_solutions - sum(len(kept) for kept in self.found)
            if room > 0:
                self.found.append(chosen[:room])
            self.count += len(chosen)
            return
        j = self.order[level]
        variants = np.array([self.imposed[j]] if j in self.imposed else range(self.sizes[j]))
        if self.nodes + len(scores) * len(variants) > self.max_nodes:
            self.stopped = True
            return
        rows = self.table[self.m.offsets[j] + variants]
        scores = (scores[:, None, :] + rows[None, :, :]).reshape(-1, scores.shape[1])
        chosen = np.concatenate(
            [np.repeat(chosen, len(variants), axis=0), np.tile(variants, len(chosen))[:, None]],
            axis=1,
        )
        self.nodes += len(scores)
        keep = self._viable(level + 1, scores, chosen)
        scores, chosen = scores[keep], chosen[keep]
        for begin in range(0, len(scores), self.block):
            end = begin + self.block
            self._expand(level + 1, scores[begin:end], chosen[begin:end])

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
    m: CrossImpactMatrix,
    max_inconsistency: int = 0,
    *,
    fixed: Mapping[str, str] | None = None,
    max_solutions: int = MAX_SOLUTIONS,
    max_nodes: int = MAX_NODES,
) -> Search:
    """Every scenario with inconsistency at most ``max_inconsistency``, exactly, within the
    budget: at most ``max_solutions`` kept and ``max_nodes`` partial scenarios visited (the
    count the benchmark reports). See ``Search`` for what a result cut short holds."""
    searcher = _Searcher(
        m,
        _threshold(max_inconsistency),
        fixed_positions(m, fixed),
        _budget("max_solutions", max_solutions),
        _budget("max_nodes", max_nodes),
    )
    return searcher.run()


def consistent_scenarios(
    m: CrossImpactMatrix, max_inconsistency: int = 0, *, fixed: Mapping[str, str] | None = None
) -> list[Solution]:
    """Every scenario whose inconsistency is at most ``max_inconsistency`` (0: the consistent
    ones, ties included), best first: highest consistency value, then total impact score.
    Within ``search``'s default budget: use ``search`` to learn whether the list was cut short.

    ``fixed`` imposes variants from outside (intervention analysis): those descriptors keep
    the given variant and their own margins are not required.

    Raises
    ------
    CibError
        For an unknown descriptor or variant in ``fixed`` or a negative threshold.
    """
    return list(search(m, max_inconsistency, fixed=fixed).solutions)
