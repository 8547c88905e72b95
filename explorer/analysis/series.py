"""The series a view draws: one scenario's events or trajectories under its label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from explorer.content import Event, Trajectory


@dataclass(frozen=True)
class EventSeries:
    """The events of one scenario, drawn in the style of its position (A first, then B)."""

    label: str
    events: Sequence[Event]


@dataclass(frozen=True)
class TrajectorySeries:
    """The projected indicator paths of one scenario."""

    label: str
    trajectories: Sequence[Trajectory]
