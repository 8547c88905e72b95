"""Shared CIB fixtures: a small matrix of two descriptors with a hostile variant name, and
ScenarioWizard files generated at test time (hostile sizes included)."""

from __future__ import annotations

import pytest

from explorer.cib import HEADER, CrossImpactMatrix, load_matrix

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def m() -> CrossImpactMatrix:
    """A and B pull each other into step: (a1, b1) and (a2, b2) are consistent."""
    return load_matrix(
        {
            "descriptors": [
                {"name": "A", "variants": ["a1", "a2"]},
                {"name": "B", "variants": ["b1", "b2", HOSTILE]},
            ],
            "impacts": {
                "A:a1": {"B:b1": 2, "B:b2": -1, f"B:{HOSTILE}": -1},
                "A:a2": {"B:b2": 2, "B:b1": -1, f"B:{HOSTILE}": -1},
                "B:b1": {"A:a1": 1, "A:a2": -1},
                "B:b2": {"A:a2": 1, "A:a1": -1},
            },
        }
    )


def scw_file(sizes: list[int], judgment: int = 0, names: list[str] | None = None) -> str:
    """A ScenarioWizard project written line by line (not by ``write_scw``, which only writes
    matrices the app accepts): descriptors of ``sizes`` variants named ``names`` (``D0``...),
    every judgment ``judgment``."""
    names = names or [f"D{i}" for i in range(len(sizes))]
    lines = [f"{HEADER} 4.0", "generated.scw"]
    for name, size in zip(names, sizes, strict=True):
        lines += [f"&{name}", *(f" -v{b}" for b in range(size))]
    width = sum(sizes)
    lines += ["#"] * 5
    lines += [",".join([f"{judgment:2d} "] * width)] * width
    return "\r\n".join([*lines, "#", ""])
