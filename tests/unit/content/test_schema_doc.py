"""docs/scenario.schema.json is what `python -m explorer schema` prints today."""

from __future__ import annotations

import json
from pathlib import Path

from explorer.content import Scenario

SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "scenario.schema.json"


def test_the_published_schema_is_current() -> None:
    assert json.loads(SCHEMA.read_text()) == Scenario.model_json_schema(), (
        "regenerate it: uv run python -m explorer schema > docs/scenario.schema.json"
    )
