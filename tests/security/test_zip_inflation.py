"""Heavy zips: an entry is inflated in bounded pieces, whatever its compression method, and
inflating stops at the first limit passed, with a message naming the entry and the limit.

The bombs are made at test time (256 MiB of zeros, streamed into the zip), never stored. The
checks count bytes and measure memory; none times anything."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
from collections.abc import Iterator

import pytest

from explorer import publish
from explorer.content import ScenarioSet, read_folder
from explorer.uploads import archive, load_upload
from explorer.zipfiles import inflated
from tests.conftest import SET_FOLDERS, SETS, set_id
from tests.security.conftest import TINY_FILES

BOMB_BYTES = 256 * 2**20
DECLARED = 1000
METHODS = {"deflate": zipfile.ZIP_DEFLATED, "bzip2": zipfile.ZIP_BZIP2, "lzma": zipfile.ZIP_LZMA}
ALL_METHODS = {"stored": zipfile.ZIP_STORED, **METHODS}


def _declare(data: bytes, name: str, size: int) -> bytes:
    """The zip with the unpacked size of entry ``name`` rewritten in both its headers."""
    patched = bytearray(data)
    local = patched.find(name.encode()) - 30
    central = patched.rfind(name.encode()) - 46
    assert (
        patched[local : local + 4] == b"PK\x03\x04"
        and patched[central : central + 4] == b"PK\x01\x02"
    )
    struct.pack_into("<I", patched, local + 22, size)
    struct.pack_into("<I", patched, central + 24, size)
    return bytes(patched)


def bomb_zip(method: int) -> bytes:
    """The tiny set plus ``scenarios/bomb.yaml``: ``BOMB_BYTES`` of zeros packed with
    ``method``, declaring ``DECLARED`` bytes, so that every check of the headers passes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in TINY_FILES.items():
            zipped.writestr(f"tiny-set/{name}", data)
        info = zipfile.ZipInfo("tiny-set/scenarios/bomb.yaml", (2026, 1, 1, 0, 0, 0))
        info.compress_type = method
        info.external_attr = 0o644 << 16
        zeros = bytes(2**20)
        with zipped.open(info, "w") as entry:
            for _ in range(BOMB_BYTES // len(zeros)):
                entry.write(zeros)
    return _declare(buffer.getvalue(), "tiny-set/scenarios/bomb.yaml", DECLARED)


@pytest.fixture(scope="module", params=list(METHODS))
def bomb(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    return request.param, bomb_zip(METHODS[request.param])


@pytest.fixture
def inflated_bytes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A counter of the bytes the archive reader has inflated from the bomb's entry."""
    counted = [0]

    def counting(data: bytes, info: zipfile.ZipInfo, piece: int) -> Iterator[bytes]:
        for chunk in inflated(data, info, piece):
            counted[0] += len(chunk) if info.filename.endswith("bomb.yaml") else 0
            yield chunk

    monkeypatch.setattr(archive, "inflated", counting)
    yield counted


def test_a_bomb_is_small_and_passes_every_check_of_its_headers(bomb: tuple[str, bytes]) -> None:
    _, data = bomb
    assert len(data) < archive.MAX_UPLOAD_BYTES
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("tiny-set/scenarios/bomb.yaml")
    assert info.file_size == DECLARED < archive.RATIO_FLOOR


def test_a_bomb_stops_at_its_declared_size_naming_the_entry_and_the_limit(
    bomb: tuple[str, bytes], inflated_bytes: list[int]
) -> None:
    method, data = bomb
    tracemalloc.start()
    try:
        result = load_upload(data, "bomb.zip")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.set is None
    text = "\n".join(map(str, result.problems))
    assert "bomb.zip/tiny-set/scenarios/bomb.yaml: unpacks to more than the 1,000 bytes" in text
    assert inflated_bytes[0] <= DECLARED + archive._CHUNK, method
    assert peak < 8 * 2**20, f"{method}: {peak:,} bytes at the peak"


@pytest.mark.parametrize("size", [0, 1, 70_000, 300_000])
@pytest.mark.parametrize("method", list(ALL_METHODS))
def test_every_method_inflates_in_bounded_pieces_to_the_same_bytes(method: str, size: int) -> None:
    content = (b"title: the same line again and again\n" * (size // 37 + 1))[:size]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", ALL_METHODS[method]) as zipped:
        zipped.writestr("set.yaml", content)
    data = buffer.getvalue()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("set.yaml")
    pieces = list(inflated(data, info, 4096))
    assert b"".join(pieces) == content
    assert all(0 < len(piece) <= 4096 for piece in pieces)


def test_an_unknown_compression_method_is_refused_naming_the_entry() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zipped:
        zipped.writestr("tiny-set/set.yaml", TINY_FILES["set.yaml"])
    data = bytearray(buffer.getvalue())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        struct.pack_into("<H", data, data.find(signature) + offset, 99)
    text = "\n".join(map(str, load_upload(bytes(data), "odd.zip").problems))
    assert "odd.zip/tiny-set/set.yaml: cannot be unpacked" in text and "99" in text


def test_a_damaged_entry_is_refused_by_its_checksum() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zipped:
        for name, content in TINY_FILES.items():
            zipped.writestr(f"tiny-set/{name}", content)
    data = bytearray(buffer.getvalue())
    at = data.find(TINY_FILES["set.yaml"][:20])
    data[at] ^= 0x20
    text = "\n".join(map(str, load_upload(bytes(data), "bad.zip").problems))
    assert "bad.zip/tiny-set/set.yaml: its checksum does not match" in text


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_every_sets_own_export_uploads_back_unchanged(scenario_set: ScenarioSet) -> None:
    files = read_folder(SET_FOLDERS[scenario_set.id])
    assert isinstance(files, dict)
    data = publish.set_zip(scenario_set, files, "http://localhost:8501/")
    result = load_upload(data, f"{scenario_set.id}.zip")
    assert result.problems == ()
    assert dict(result.files) == files
    assert result.set is not None and result.set.content_hash == scenario_set.content_hash
