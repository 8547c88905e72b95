"""Shared CIB fixtures: a small matrix of two descriptors with a hostile variant name."""

from __future__ import annotations

import pytest

from explorer.cib import CrossImpactMatrix, load_matrix

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
