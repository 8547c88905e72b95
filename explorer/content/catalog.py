"""Every scenario set under a folder, each loaded on its own so one broken set hides no other.

Two ways to open a folder: ``load_catalog`` loads every set at once (the command line, tests);
``open_catalog`` reads only a cheap index (each set's id and title, from its ``set.yaml``) and
loads a set when it is first asked for, keeping the most recently used ones (the app: a catalog
of a hundred sets opens as fast as one set).
"""

from __future__ import annotations

import gc
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from explorer.content import parsecache, yamlfile
from explorer.content.files import ScenarioSet
from explorer.content.loader import LoadResult, is_id, load_set
from explorer.content.problems import Problem

SCENARIOS_ROOT = Path(__file__).resolve().parents[2] / "scenarios"
ROOT_VARIABLE = "SCENARIO_EXPLORER_SCENARIOS"
KEPT_SETS = 64
"""How many loaded sets a lazy catalog keeps; one evicted is loaded again when asked for. With
24, fifty sessions each on its own set evicted each other, so every rerun reloaded its set
(``bench/scale.py``: median switch 54 s, no session finished); a Gaza-size set holds about 3 MB,
so 64 bound the kept sets to about 200 MB."""


class _Shelf:
    """The shared, locked state of a lazy catalog: the index, the loaded sets, the problems."""

    def __init__(self, root: Path, capacity: int) -> None:
        self.root = root
        self.capacity = capacity
        self.titles: dict[str, str] = {}
        self.loaded: OrderedDict[str, ScenarioSet] = OrderedDict()
        self.problems: dict[str, tuple[Problem, ...]] = {}
        self.lock = threading.RLock()
        for folder in _set_folders(root):
            title = _indexed_title(folder)
            if title is None:  # no cheap title: load it now, which names every problem
                self._load(folder.name)
            else:
                self.titles[folder.name] = title

    def get(self, set_id: str) -> ScenarioSet | None:
        with self.lock:
            if set_id in self.loaded:
                self.loaded.move_to_end(set_id)
                return self.loaded[set_id]
            return self._load(set_id) if set_id in self.titles else None

    def _load(self, set_id: str) -> ScenarioSet | None:
        result = _paused_collector_load(self.root / set_id, self.root.name)
        if result.set is None:
            self.titles.pop(set_id, None)
            self.problems[set_id] = result.problems
            return None
        self.titles[set_id] = result.set.info.title
        self.loaded[set_id] = result.set
        while len(self.loaded) > self.capacity:
            self.loaded.popitem(last=False)
        return result.set


class LazySets(Mapping[str, ScenarioSet]):
    """The sets of a lazy catalog by id, in folder order, and any extra sets (a session's
    upload) after them. Membership and iteration read the index; getting a set loads it."""

    def __init__(self, shelf: _Shelf, extra: Mapping[str, ScenarioSet] | None = None) -> None:
        self._shelf = shelf
        self._extra = dict(extra or {})

    def __getitem__(self, set_id: str) -> ScenarioSet:
        found = self._extra.get(set_id) or self._shelf.get(set_id)
        if found is None:
            raise KeyError(set_id)
        return found

    def __contains__(self, set_id: object) -> bool:
        return set_id in self._extra or set_id in self._shelf.titles

    def __iter__(self) -> Iterator[str]:
        with self._shelf.lock:
            indexed = list(self._shelf.titles)
        return iter([*indexed, *(i for i in self._extra if i not in self._shelf.titles)])

    def __len__(self) -> int:
        return len(list(iter(self)))

    def title(self, set_id: str) -> str:
        extra = self._extra.get(set_id)
        return extra.info.title if extra else self._shelf.titles[set_id]

    def is_loaded(self, set_id: str) -> bool:
        return set_id in self._extra or set_id in self._shelf.loaded

    def with_set(self, extra: ScenarioSet) -> LazySets:
        return LazySets(self._shelf, {**self._extra, extra.id: extra})


@dataclass(frozen=True)
class Catalog:
    """The valid sets by id, and the problems of those that did not load."""

    sets: Mapping[str, ScenarioSet] = field(default_factory=dict)
    problems: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)

    def __getitem__(self, set_id: str) -> ScenarioSet:
        return self.sets[set_id]

    @property
    def ids(self) -> list[str]:
        return list(self.sets)

    def title(self, set_id: str) -> str:
        """A set's title, without loading it."""
        if isinstance(self.sets, LazySets):
            return self.sets.title(set_id)
        return self.sets[set_id].info.title

    def is_loaded(self, set_id: str) -> bool:
        """Whether getting the set is immediate (it is loaded) rather than a read of its files."""
        return not isinstance(self.sets, LazySets) or self.sets.is_loaded(set_id)

    def with_set(self, extra: ScenarioSet) -> Catalog:
        """A new catalog that also holds ``extra`` (e.g. one session's upload); this one is
        left as it is, since it may be shared by every session."""
        if isinstance(self.sets, LazySets):
            return Catalog(self.sets.with_set(extra), self.problems)
        return Catalog({**self.sets, extra.id: extra}, dict(self.problems))


def scenarios_root() -> Path:
    """``scenarios/`` of this project, unless the environment names another folder."""
    return Path(os.environ.get(ROOT_VARIABLE) or SCENARIOS_ROOT)


def open_catalog(root: Path | None = None, kept: int = KEPT_SETS) -> Catalog:
    """The sets under ``root`` from a cheap index, each loaded on first use; a set whose
    ``set.yaml`` gives no title is loaded at once, so that its problems are known."""
    shelf = _Shelf(root or scenarios_root(), kept)
    return Catalog(LazySets(shelf), shelf.problems)


def load_catalog(root: Path | None = None) -> Catalog:
    """Load every set folder directly under ``root``, sorted by folder name."""
    root = root or scenarios_root()
    sets: dict[str, ScenarioSet] = {}
    problems: dict[str, tuple[Problem, ...]] = {}
    for folder in _set_folders(root):
        result = _paused_collector_load(folder, root.name)
        if result.set is not None:
            sets[result.set.id] = result.set
        else:
            problems[folder.name] = result.problems
    return Catalog(sets, problems)


def _set_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _indexed_title(folder: Path) -> str | None:
    """The title in ``set.yaml``, read within the usual limits; None if anything is amiss."""
    try:
        raw = (folder / "set.yaml").read_bytes()
    except OSError:
        return None
    doc = yamlfile.read(raw, f"{folder.name}/set.yaml", parsecache.parse)
    data = doc.data if isinstance(doc, yamlfile.YamlDocument) else None
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() and is_id(folder.name) else None


def _paused_collector_load(folder: Path, root_name: str) -> LoadResult:
    """Load one set with the cycle collector paused: loading makes millions of objects, nearly
    all kept, and collecting while they are made doubled the load time of a large catalog; what
    loading throws away is freed by reference counting all the same."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return load_set(folder, shown_as=f"{root_name}/{folder.name}")
    finally:
        if collecting:
            gc.enable()
