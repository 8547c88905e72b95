"""Every scenario set under a folder, each loaded on its own so one broken set hides no other."""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from pathlib import Path

from explorer.content.files import ScenarioSet
from explorer.content.loader import load_set
from explorer.content.problems import Problem

SCENARIOS_ROOT = Path(__file__).resolve().parents[2] / "scenarios"
ROOT_VARIABLE = "SCENARIO_EXPLORER_SCENARIOS"


@dataclass(frozen=True)
class Catalog:
    """The valid sets by id, and the problems of those that did not load."""

    sets: dict[str, ScenarioSet] = field(default_factory=dict)
    problems: dict[str, tuple[Problem, ...]] = field(default_factory=dict)

    def __getitem__(self, set_id: str) -> ScenarioSet:
        return self.sets[set_id]

    @property
    def ids(self) -> list[str]:
        return list(self.sets)

    def with_set(self, extra: ScenarioSet) -> Catalog:
        """A new catalog that also holds ``extra`` (e.g. one session's upload); this one is
        left as it is, since it may be shared by every session."""
        return Catalog({**self.sets, extra.id: extra}, dict(self.problems))


def scenarios_root() -> Path:
    """``scenarios/`` of this project, unless the environment names another folder."""
    return Path(os.environ.get(ROOT_VARIABLE) or SCENARIOS_ROOT)


def load_catalog(root: Path | None = None) -> Catalog:
    """Load every set folder directly under ``root``, sorted by folder name.

    The cycle collector is paused meanwhile: loading makes millions of objects, nearly all kept,
    and collecting while they are made doubled the load time of a large catalog; what loading
    throws away is freed by reference counting all the same."""
    root = root or scenarios_root()
    catalog = Catalog()
    collecting = gc.isenabled()
    gc.disable()
    try:
        for folder in sorted(
            p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")
        ):
            result = load_set(folder, shown_as=f"{root.name}/{folder.name}")
            if result.set is not None:
                catalog.sets[result.set.id] = result.set
            else:
                catalog.problems[folder.name] = result.problems
    finally:
        if collecting:
            gc.enable()
    return catalog
