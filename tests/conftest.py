"""Shared fixtures: a tiny valid scenario set to break in one place per test."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.content import ScenarioSet, load_set

ROOT = Path(__file__).resolve().parent.parent
TINY_SET = ROOT / "tests" / "fixtures" / "tiny-set"


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
