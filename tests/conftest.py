"""Shared fixtures: a tiny valid scenario set to break in one place per test, and every set the
tests run over: each set under ``scenarios/`` (or the folder ``SCENARIO_EXPLORER_SCENARIOS``
names) and each fixture set under ``tests/fixtures/``. Sets on disk are loaded through the
parse cache (``explorer.content.parsecache``), in a folder of this test run."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.content import ScenarioSet, load_set, scenarios_root
from explorer.content.parsecache import CACHE_VARIABLE

if CACHE_VARIABLE not in os.environ:  # kept parses go to a folder of this run, not the user's
    os.environ[CACHE_VARIABLE] = tempfile.mkdtemp(prefix="explorer-yaml-cache-")
    atexit.register(shutil.rmtree, os.environ[CACHE_VARIABLE], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TINY_SET = FIXTURES / "tiny-set"


def _set_folders() -> dict[str, Path]:
    return {
        folder.name: folder
        for parent in (scenarios_root(), FIXTURES)
        for folder in sorted(parent.iterdir())
        if (folder / "set.yaml").is_file()
    }


def _loaded(folder: Path) -> ScenarioSet:
    result = load_set(folder)
    assert result.set is not None, result.problems
    return result.set


SET_FOLDERS = _set_folders()
SETS: dict[str, ScenarioSet] = {name: _loaded(folder) for name, folder in SET_FOLDERS.items()}
"""Every set the tests run over, by id."""


def sets_where(holds: Callable[[ScenarioSet], object]) -> list[ScenarioSet]:
    """The sets for which ``holds`` is true: parametrise with ``ids=set_id``."""
    return [s for s in SETS.values() if holds(s)]


def set_id(scenario_set: ScenarioSet) -> str:
    return scenario_set.id


@pytest.fixture
def tiny_set(tmp_path: Path) -> Path:
    """A fresh copy of the tiny set, as ``<tmp>/sets/tiny-set``."""
    target = tmp_path / "sets" / "tiny-set"
    shutil.copytree(TINY_SET, target)
    return target


@pytest.fixture
def tiny(tiny_set: Path) -> ScenarioSet:
    """The tiny set, loaded."""
    result = load_set(tiny_set)
    assert result.set is not None
    return result.set


@pytest.fixture
def edit(tiny_set: Path) -> Callable[[str, str, str], Path]:
    """Replace ``old`` by ``new`` in one file of the tiny set (``old`` must be there)."""

    def _edit(name: str, old: str, new: str) -> Path:
        path = tiny_set / name
        text = path.read_text()
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1))
        return tiny_set

    return _edit


def unwrapped(label: str) -> str:
    """A chart label as written: lines joined, a word broken with a hyphen made whole."""
    return label.replace("-<br>", "").replace("<br>", " ")
