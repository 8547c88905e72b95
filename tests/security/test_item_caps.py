"""Caps on item counts (``explorer.content.limits``): every shipped set stays ten times below
each cap; a list, a set's scenario files or its values across files past a cap are refused with
the file, the line, the field and the limit, for a set on disk and an upload alike."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
import yaml

from explorer.content import load_files, read_folder, yamlfile
from explorer.content.limits import (
    MAX_ITEMS,
    MAX_LIST_ITEMS,
    MAX_SCENARIOS,
    MAX_SET_VALUES,
    cap_of,
    too_many_items,
)
from explorer.content.problems import Loc, field_path
from explorer.uploads import load_upload
from tests.conftest import SET_FOLDERS

FOLDERS = list(SET_FOLDERS.values())
NAMES = list(SET_FOLDERS)


def _files(folder: Path) -> dict[str, bytes]:
    files = read_folder(folder)
    assert isinstance(files, dict), files
    return files


def _lists(data: object, loc: Loc = ()) -> Iterator[tuple[Loc, list]]:
    """Every list in ``data`` with where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _lists(value, (*loc, key))
    elif isinstance(data, list):
        yield loc, data
        for index, item in enumerate(data):
            yield from _lists(item, (*loc, index))


def _key(loc: Loc) -> str | None:
    return next((part for part in reversed(loc) if isinstance(part, str)), None)


@pytest.mark.parametrize("folder", FOLDERS, ids=NAMES)
def test_every_list_of_every_set_is_ten_times_below_its_cap(folder: Path) -> None:
    for name, raw in _files(folder).items():
        for loc, items in _lists(yamlfile.parse(raw).data):
            assert 10 * len(items) <= cap_of(_key(loc)), (name, field_path(loc), len(items))


@pytest.mark.parametrize("folder", FOLDERS, ids=NAMES)
def test_every_set_is_ten_times_below_the_set_caps(folder: Path) -> None:
    files = _files(folder)
    scenarios = [name for name in files if name.startswith("scenarios/")]
    assert 10 * len(scenarios) <= MAX_SCENARIOS
    assert 10 * sum(yamlfile.parse(raw).values for raw in files.values()) <= MAX_SET_VALUES


def _padded(files: Mapping[str, bytes], key: str) -> tuple[str, Loc, bytes] | None:
    """The first list under ``key`` in the set's files, grown one item past its cap by repeating
    its first item (written as YAML aliases, so the file stays small)."""
    for name in sorted(files):
        data = yamlfile.parse(files[name]).data
        for loc, items in _lists(data):
            if _key(loc) == key and items and isinstance(items[0], dict):
                items.extend([items[0]] * (cap_of(key) + 1 - len(items)))
                return name, loc, yaml.safe_dump(data, sort_keys=False).encode()
    return None


def _zipped(set_id: str, files: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, raw in files.items():
            archive.writestr(f"{set_id}/{name}", raw)
    return buffer.getvalue()


@pytest.mark.parametrize("folder", FOLDERS, ids=NAMES)
@pytest.mark.parametrize("key", sorted(MAX_ITEMS))
def test_a_list_past_its_cap_is_refused_naming_file_line_field_and_limit(
    folder: Path, key: str
) -> None:
    files = _files(folder)
    padded = _padded(files, key)
    if padded is None:
        pytest.skip(f"{folder.name} has no list of records under {key}")
    name, loc, raw = padded
    assert len(raw) <= yamlfile.MAX_FILE_BYTES
    expected = f"holds {cap_of(key) + 1:,} items; the limit for {key} is {cap_of(key):,}; refused"
    on_disk = load_files(folder.name, {**files, name: raw}, folder.name).problems
    uploaded = load_upload(_zipped(folder.name, {**files, name: raw}), f"{folder.name}.zip")
    in_zip = f"{folder.name}.zip/{folder.name}"
    for problems, shown_as in ((on_disk, folder.name), (uploaded.problems, in_zip)):
        assert len(problems) == 1, problems
        (problem,) = problems
        assert (problem.file, problem.field, problem.message) == (
            f"{shown_as}/{name}",
            field_path(loc),
            expected,
        )
        assert problem.line is not None
        assert f"{key}:" in raw.decode().splitlines()[problem.line - 1]


def test_any_other_list_is_capped_too() -> None:
    raw = ("anything: [" + ", ".join(["1"] * (MAX_LIST_ITEMS + 1)) + "]\n").encode()
    node = yaml.compose(raw.decode())
    found = too_many_items(node)
    assert found is not None
    assert (found.line, found.field) == (1, "anything")
    assert found.message == (
        f"holds {MAX_LIST_ITEMS + 1:,} items; the limit for anything is {MAX_LIST_ITEMS:,}; refused"
    )


def test_the_first_list_past_its_cap_in_the_file_is_named() -> None:
    late = "points: [" + ", ".join(["{x: 1}"] * (MAX_ITEMS["points"] + 1)) + "]"
    early = "actors: [" + ", ".join(["{x: 1}"] * (MAX_ITEMS["actors"] + 1)) + "]"
    found = too_many_items(yaml.compose(f"a: 1\n{early}\n{late}\n"))
    assert found is not None and (found.line, found.field) == (2, "actors")


@pytest.mark.parametrize("folder", FOLDERS, ids=NAMES)
def test_more_scenario_files_than_the_cap_are_refused_naming_the_folder(folder: Path) -> None:
    files = _files(folder)
    first = next(name for name in sorted(files) if name.startswith("scenarios/"))
    extra = {f"scenarios/extra-{i}.yaml": files[first] for i in range(MAX_SCENARIOS)}
    count = len(extra) + sum(1 for name in files if name.startswith("scenarios/"))
    problems = load_files(folder.name, {**files, **extra}, folder.name).problems
    assert [str(p) for p in problems] == [
        f"{folder.name}/scenarios/: {count:,} scenario files; the limit is {MAX_SCENARIOS:,}; "
        "refused"
    ]


@pytest.mark.parametrize("folder", FOLDERS, ids=NAMES)
def test_more_values_across_files_than_the_set_cap_are_refused_where_passed(
    folder: Path,
) -> None:
    files = _files(folder)
    rows = ", ".join(["[" + ", ".join(["1"] * 999) + "]"] * 90)
    heavy = f"filler: [{rows}]\n".encode()
    per_file = yamlfile.parse(heavy).values
    extra = {f"scenarios/zz-{i}.yaml": heavy for i in range(MAX_SET_VALUES // per_file + 1)}
    problems = load_files(folder.name, {**files, **extra}, folder.name).problems
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.file == f"{folder.name}/scenarios/zz-{len(extra) - 1}.yaml"
    assert problem.message.startswith("the set's files hold ")
    assert f"the limit for a set is {MAX_SET_VALUES:,}; refused here" in problem.message
