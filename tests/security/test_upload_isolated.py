"""Uploads load in a child process with a budget of time and memory: the server keeps neither
what parsing costs nor any input's excess, and a refusal names the upload."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from explorer.uploads import load_upload
from explorer.uploads.isolated import load_upload_isolated
from tests.conftest import SET_FOLDERS


def zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*.yaml")):
            archive.writestr(
                f"{folder.name}/{path.relative_to(folder).as_posix()}", path.read_bytes()
            )
    return buffer.getvalue()


@pytest.mark.parametrize("folder", list(SET_FOLDERS.values()), ids=list(SET_FOLDERS))
def test_a_set_loaded_in_the_child_is_the_set_loaded_here(folder: Path) -> None:
    data = zipped(folder)
    here = load_upload(data, f"{folder.name}.zip", taken={"taken-id"})
    there = load_upload_isolated(data, f"{folder.name}.zip", taken={"taken-id"})
    assert there.problems == here.problems == ()
    assert there.set == here.set
    assert dict(there.files) == dict(here.files)


def test_a_refusal_in_the_child_is_the_refusal_here() -> None:
    here = load_upload(b"not a zip", "broken.zip")
    assert load_upload_isolated(b"not a zip", "broken.zip") == here
    assert here.set is None and here.problems


def test_an_upload_over_its_time_is_stopped_and_refused_by_name() -> None:
    folder = next(iter(SET_FOLDERS.values()))
    result = load_upload_isolated(zipped(folder), "slow.zip", seconds=0.001)
    assert result.set is None
    (problem,) = result.problems
    assert problem.file == "slow.zip"
    assert "took longer than 0.001 s" in problem.message


def test_an_upload_over_its_memory_is_refused_by_name() -> None:
    folder = max(SET_FOLDERS.values(), key=lambda f: sum(p.stat().st_size for p in f.rglob("*")))
    result = load_upload_isolated(zipped(folder), "heavy.zip", memory_mb=1)
    assert result.set is None
    (problem,) = result.problems
    assert problem.file == "heavy.zip"
    assert "1 MB" in problem.message
