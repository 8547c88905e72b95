"""``python -m explorer``: validate prints problems or an OK line; schema prints JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.__main__ import main


def test_validate_prints_ok_with_counts_for_a_good_set(
    tiny_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tiny_set)]) == 0
    assert capsys.readouterr().out == (
        "OK tiny-set: 2 scenarios, 3 actors, 2 issues, 3 stances, 2 sources, 1 observations\n"
    )


def test_validate_prints_problems_and_fails_for_a_bad_set(
    tiny_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tiny_set / "actors.yaml"
    path.write_text(path.read_text().replace("kind: armed_group", "kind: militia"))
    assert main(["validate", str(tiny_set)]) == 1
    assert capsys.readouterr().out == (
        f"{tiny_set}/actors.yaml:14: actors[2].kind: 'militia' is not an actor kind of this "
        "set; declare it under actor_kinds in vocabulary.yaml, or use one of "
        "state, organisation, armed_group, body, bloc\n"
    )


def test_validate_a_folder_of_sets_reports_each(
    tiny_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tiny_set.parent / "empty-set").mkdir()
    assert main(["validate", str(tiny_set.parent)]) == 1
    out = capsys.readouterr().out
    assert "OK tiny-set:" in out
    assert "sets/empty-set/set.yaml: required file is missing" in out


def test_schema_is_the_json_schema_of_a_scenario_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Scenario"
    assert schema["additionalProperties"] is False
    assert {"id", "status", "likelihood", "narrative", "events"} <= set(schema["properties"])
