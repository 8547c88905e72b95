"""YAML numbers follow YAML 1.2's core schema (no YAML 1.1 surprises: base 60, underscores,
``0b``, leading-zero octals), anything else stays a string for the model to judge; the size
guard says what it counted, and a problem prints as one line of bounded length."""

from __future__ import annotations

import math
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.content import ScenarioSet, load_set
from explorer.content.limits import MAX_ITEMS
from explorer.content.problems import MAX_LINE, MAX_QUOTED, Problem
from explorer.content.yamlfile import MAX_NODES, over_limit, parse
from tests.conftest import SET_FOLDERS, SETS, set_id


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2:30", "2:30"),
        ("190:20:30.15", "190:20:30.15"),
        ("1_000", "1_000"),
        ("1_000.5", "1_000.5"),
        ("0b101", "0b101"),
        ("0o17", 15),
        ("0o8", "0o8"),
        ("0x1F", 31),
        ("010", 10),
        ("+12", 12),
        ("-7", -7),
        ("0", 0),
        ("1.5", 1.5),
        ("-.5", -0.5),
        ("1e3", 1000.0),
        ("1.", 1.0),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("12:00", "12:00"),
        ("1.2.3", "1.2.3"),
        ("true", True),
        ("no", "no"),
        ("2025-11-17", "2025-11-17"),
        ("'2'", "2"),
    ],
)
def test_a_scalar_reads_as_yaml_1_2_core_says(text: str, value: object) -> None:
    read = parse(f"value: {text}\n".encode()).data["value"]
    assert read == value and type(read) is type(value)


def test_not_a_number_is_a_float() -> None:
    assert math.isnan(parse(b"value: .nan\n").data["value"])


def test_a_base_60_value_is_a_type_error_naming_file_line_and_field(
    edit: Callable[[str, str, str], Path],
) -> None:
    folder = edit("positions.yaml", "    value: 2\n", "    value: 2:30\n")
    problems = [str(p) for p in load_set(folder).problems]
    assert len(problems) == 1 and "positions.yaml:4: stances[0].value" in problems[0]
    assert "'2:30'" in problems[0]


ACTOR = "- {{id: a{0}, name: A{0}, kind: state, council_seat: none, region: R}}\n"


def test_ten_thousand_actors_are_refused_by_the_actors_cap_not_as_an_alias_bomb() -> None:
    raw = ("actors:\n" + "".join(ACTOR.format(i) for i in range(10_000))).encode()
    assert len(raw) < 1_000_000
    error = over_limit(raw)
    assert error is not None
    assert "alias" not in error.message
    assert (error.line, error.field) == (1, "actors")
    assert error.message == (
        f"holds 10,000 items; the limit for actors is {MAX_ITEMS['actors']:,}; refused"
    )


def test_a_large_file_without_aliases_is_not_called_an_alias_bomb() -> None:
    tags = ", ".join(["1"] * 300)
    rows = "".join(f"- {{id: a{i}, tags: [{tags}]}}\n" for i in range(400))
    raw = f"actors:\n{rows}".encode()
    assert len(raw) < 1_000_000
    error = over_limit(raw)
    assert error is not None
    assert "alias" not in error.message
    assert error.message == (
        f"holds more than {MAX_NODES:,} values (keys, values and list items, counted one by "
        f"one); the limit per file is {MAX_NODES:,}; refused"
    )


def test_a_file_whose_aliases_expand_past_the_limit_names_the_aliases() -> None:
    raw = b"a: &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n".encode()
        for i in range(5)
    )
    error = over_limit(raw)
    assert error is not None and error.message.startswith("aliases expand to more than")


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_every_problem_of_a_huge_value_prints_as_one_short_line(
    scenario_set: ScenarioSet, tmp_path: Path
) -> None:
    folder = tmp_path / scenario_set.id
    shutil.copytree(SET_FOLDERS[scenario_set.id], folder)
    with (folder / "set.yaml").open("a") as file:
        file.write(f"{'k' * 1000}: 1\ndefault_pair: ['{'v' * 65_000}', '{'w' * 65_000}']\n")
    printed = [str(problem) for problem in load_set(folder).problems]
    assert printed and any("…" in line for line in printed)
    assert all(len(line) <= MAX_LINE and "\n" not in line for line in printed), printed


def test_a_long_quoted_value_is_shortened_and_the_rest_kept() -> None:
    printed = str(Problem("set.yaml", 3, "id", f"'{'x' * 500}' is not a valid id"))
    assert printed == f"set.yaml:3: id: '{'x' * MAX_QUOTED}…' is not a valid id"
