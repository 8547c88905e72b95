"""An upload reaches the server only once a child process has loaded it within a budget of time
and memory; past either it is refused by name, and a valid set loads as it does anywhere."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from explorer.uploads import load_upload
from explorer.uploads.isolated import load_upload_within_budget
from tests.conftest import SET_FOLDERS


def zipped(folder: Path, appended: dict[str, bytes] | None = None) -> bytes:
    """The set folder zipped, with ``appended`` bytes at the end of the files it names."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*.yaml")):
            name = path.relative_to(folder).as_posix()
            raw = path.read_bytes() + (appended or {}).get(name, b"")
            archive.writestr(f"{folder.name}/{name}", raw)
    return buffer.getvalue()


@pytest.mark.parametrize("folder", list(SET_FOLDERS.values()), ids=list(SET_FOLDERS))
def test_a_valid_set_passes_the_child_and_loads_as_it_does_here(folder: Path) -> None:
    data = zipped(folder)
    here = load_upload(data, f"{folder.name}.zip", taken={"taken-id"})
    there = load_upload_within_budget(data, f"{folder.name}.zip", taken={"taken-id"})
    assert there.problems == here.problems == ()
    assert there.set == here.set
    assert dict(there.files) == dict(here.files)


def test_a_refusal_in_the_child_is_the_refusal_here() -> None:
    here = load_upload(b"not a zip", "broken.zip")
    assert load_upload_within_budget(b"not a zip", "broken.zip") == here
    assert here.set is None and here.problems


def test_an_upload_over_its_time_is_stopped_and_refused_by_name() -> None:
    folder = next(iter(SET_FOLDERS.values()))
    result = load_upload_within_budget(zipped(folder), "slow.zip", seconds=0.001)
    assert result.set is None
    (problem,) = result.problems
    assert problem.file == "slow.zip"
    assert "took longer than 0.001 s" in problem.message


def test_an_upload_over_its_memory_is_refused_by_name() -> None:
    """A valid set made heavy (2,500 more sources, under 1 MB of YAML) against a budget of 1 MB."""
    folder = next(iter(SET_FOLDERS.values()))
    padding = "".join(
        f"  - id: padding-{i}\n    title: {'A long padding title. ' * 8}\n    publisher: P\n"
        f"    url: https://example.org/{i}\n    accessed: 2026-01-31\n    kind: news\n"
        for i in range(2_500)
    )
    data = zipped(folder, {"sources.yaml": padding.encode()})
    assert load_upload(data, "heavy.zip").set is not None
    result = load_upload_within_budget(data, "heavy.zip", memory_mb=1)
    assert result.set is None
    (problem,) = result.problems
    assert problem.file == "heavy.zip"
    assert "1 MB" in problem.message
