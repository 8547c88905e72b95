"""A set on disk and an upload pass one YAML guard: the same file is refused with the same
message, at the same line, whichever way it arrives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from explorer.content import load_set
from explorer.uploads import load_upload

ALIAS_BOMB = b"a: &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n".encode()
    for i in range(5)
)
HOSTILE = {
    "deep": b"actors:\n  - " + b"[" * 80 + b"]" * 80 + b"\n",
    "aliases": ALIAS_BOMB,
}


def zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*.yaml")):
            archive.writestr(
                f"{folder.name}/{path.relative_to(folder).as_posix()}", path.read_bytes()
            )
    return buffer.getvalue()


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_refused_alike_on_disk_and_in_an_upload(
    tiny_set: Path, case: str
) -> None:
    (tiny_set / "actors.yaml").write_bytes(HOSTILE[case])
    on_disk = load_set(tiny_set, shown_as="tiny-set").problems
    uploaded = load_upload(zipped(tiny_set), "tiny-set.zip").problems
    assert [str(p) for p in on_disk] == [str(p).removeprefix("tiny-set.zip/") for p in uploaded]
    assert len(on_disk) == 1 and on_disk[0].file == "tiny-set/actors.yaml"


def test_a_file_over_the_size_limit_is_refused_at_the_same_size(tiny_set: Path) -> None:
    """An upload's entry is judged by its declared size, before it is unpacked."""
    (tiny_set / "actors.yaml").write_bytes(b"actors: []\n" + b"#" * 1_000_000)
    (on_disk,) = load_set(tiny_set, shown_as="tiny-set").problems
    (uploaded,) = load_upload(zipped(tiny_set), "tiny-set.zip").problems
    assert on_disk.message == "file is 1,000,011 bytes; the limit is 1,000,000"
    assert uploaded.message == "unpacks to 1,000,011 bytes; the limit per file is 1,000,000"


def test_a_single_scenario_upload_passes_the_same_guard(tiny_set: Path) -> None:
    deep = b"id: deep\ntitle: " + b"[" * 80 + b"]" * 80 + b"\n"
    (tiny_set / "scenarios" / "deep.yaml").write_bytes(deep)
    (on_disk,) = load_set(tiny_set, shown_as="tiny-set").problems
    (tiny_set / "scenarios" / "deep.yaml").unlink()
    files = {p.relative_to(tiny_set).as_posix(): p.read_bytes() for p in tiny_set.rglob("*.yaml")}
    (uploaded,) = load_upload(deep, "deep.yaml", current=("tiny-set", files)).problems
    assert (uploaded.line, uploaded.message) == (on_disk.line, on_disk.message)
    assert uploaded.message == "nested more than 64 levels deep (81 levels); refused"
