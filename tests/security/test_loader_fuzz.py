"""The loader never raises: random and mutated YAML gives problems or a set, nothing else.

The tiny set's files are mutated line by line (dropped, duplicated, replaced, swapped, random
bytes), replaced by random YAML documents, or fed hostile constructs (deep nesting, huge
strings, anchors and aliases, Python tags)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.content import LoadResult, Problem, load_files
from explorer.content import yamlfile as yamlfile
from tests.security.conftest import TINY_FILES

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = sorted(TINY_FILES)
SNIPPETS = [
    "&a [1, 2]",
    "*a",
    "*undefined",
    "<<: *a",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:builtins.eval",
    "!!binary AAAA",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!timestamp 2025-11-17",
    "? [complex, key]",
    "{",
    "]",
    "- - - -",
    "key: value: other",
    "\t- tabbed",
    "%YAML 1.1",
    "---",
    "...",
    "--- !!str",
    "value: 2025-13-45",
    "value: 1e400",
    "value: .nan",
    "value: 0x1F",
    "value: ~",
    "value: [unknown, 3, -3, 2.5]",
    "id: Not An Id!",
    "id: " + "a" * 200,
    "title: " + "x" * 6000,
    "sources: [no-such-source]",
    "default_pair: [adopted, adopted]",
    "parent: adopted",
    "\ufeffkey: bom",
    "\x00",
    "\udcff",
]


def assert_problems_or_a_set(result: LoadResult, shown_as: str = "tiny-set") -> None:
    assert isinstance(result, LoadResult)
    assert (result.set is None) == bool(result.problems)
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.file.startswith(shown_as)
        assert problem.line is None or problem.line >= 1
        assert str(problem)


def load(files: dict[str, bytes]) -> LoadResult:
    result = load_files("tiny-set", files, "tiny-set")
    assert_problems_or_a_set(result)
    return result


def test_the_tiny_set_loads() -> None:
    assert load(dict(TINY_FILES)).set is not None


line_text = st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=80))


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, bytes]:
    files = dict(TINY_FILES)
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(NAMES))
        lines = files[name].decode("utf-8", "replace").split("\n")
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        operation = draw(st.sampled_from(["drop", "duplicate", "replace", "insert", "swap"]))
        if operation == "drop":
            del lines[at]
        elif operation == "duplicate":
            lines.insert(at, lines[at])
        elif operation == "replace":
            indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
            lines[at] = indent + draw(line_text)
        elif operation == "insert":
            lines.insert(at, draw(line_text))
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        files[name] = "\n".join(lines).encode("utf-8", "surrogatepass")
    return files


@FUZZ
@given(mutated())
def test_mutated_files_give_problems_or_a_set(files: dict[str, bytes]) -> None:
    load(files)


@FUZZ
@given(st.sampled_from(NAMES), st.binary(max_size=3000), st.integers(0, 3000))
def test_random_bytes_in_a_file_give_problems(name: str, noise: bytes, at: int) -> None:
    files = dict(TINY_FILES)
    original = files[name]
    files[name] = original[:at] + noise + original[at:]
    load(files)


json_like = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=30),
        st.sampled_from(["adopted", "rejected", "north", "un-record", "2025-11-17", "unknown"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(
            st.one_of(st.text(max_size=15), st.sampled_from(["id", "title", "sources", "date"])),
            children,
            max_size=6,
        ),
    ),
    max_leaves=40,
)


@FUZZ
@given(st.sampled_from([*NAMES, "scenarios/new.yaml", "unknown.yaml", "../escape.yaml"]), json_like)
def test_random_yaml_documents_give_problems_or_a_set(name: str, document: object) -> None:
    files = dict(TINY_FILES)
    files[name] = yaml.safe_dump(document, allow_unicode=True).encode()
    load(files)


@pytest.mark.parametrize(
    "text",
    [
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
            for p, c in zip("abcdefg", "bcdefgh", strict=True)
        )
        + "title: *h\n",
        "a: &a {b: *a}\n",
        "<<: &m {title: x}\nother: *m\n",
    ],
    ids=["billion laughs", "recursive alias", "merge key"],
)
def test_alias_tricks_are_refused_or_reported(text: str) -> None:
    files = dict(TINY_FILES, **{"set.yaml": text.encode()})
    result = load(files)
    assert any(p.file == "tiny-set/set.yaml" for p in result.problems)


def test_a_python_tag_is_a_problem_and_runs_nothing(tmp_path: Path) -> None:
    canary = tmp_path / "ran"
    payload = (
        "id: adopted\n"
        f"title: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path "
        f"['{canary}']]\n"
    )
    files = dict(TINY_FILES, **{"scenarios/adopted.yaml": payload.encode()})
    (problem,) = [p for p in load(files).problems if p.file.endswith("adopted.yaml")]
    assert problem.line == 2 and "python" in problem.message
    assert not canary.exists()


@pytest.mark.parametrize("size", [yamlfile.MAX_FILE_BYTES - 100, yamlfile.MAX_FILE_BYTES + 1])
def test_a_huge_string_is_a_problem_not_a_hang(size: int) -> None:
    text = b"title: " + b"x" * (size - 8) + b"\n"
    result = load(dict(TINY_FILES, **{"set.yaml": text}))
    messages = [p.message for p in result.problems if p.file == "tiny-set/set.yaml"]
    assert any(("5000" in m or "5,000" in m or "limit" in m) for m in messages), messages


@pytest.mark.parametrize("depth", [10, 100, 990, 1_001, 100_000])
@pytest.mark.parametrize("style", ["flow", "block sequence", "block mapping"])
def test_deep_nesting_is_a_problem_not_a_crash(depth: int, style: str) -> None:
    if style == "flow":
        text = "[" * depth + "]" * depth
    elif style == "block sequence":
        text = "- " * depth + "x"
    elif depth <= 1_001:  # indentation grows with depth: 1000 levels are already 500 kB
        text = "".join(" " * i + "a:\n" for i in range(depth)) + " " * depth + "x"
    else:
        text = "a:\n" + " " * depth + "b: x\n"  # deep indentation, shallow nesting
    result = load(dict(TINY_FILES, **{"actors.yaml": text.encode()}))
    assert any(p.file == "tiny-set/actors.yaml" for p in result.problems)
