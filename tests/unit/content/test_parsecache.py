"""The parse cache: a set folder loaded from kept entries is the set parsed afresh, for every
set; a changed file, a changed parser or a damaged entry is parsed again; a refusal is never
kept; an upload writes nothing; an unwritable folder only costs the parse."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import pytest

from explorer.content import load_files, load_set, read_folder, yamlfile
from explorer.content import parsecache as pc
from explorer.content.parsecache import CACHE_VARIABLE
from explorer.uploads import load_upload
from tests.conftest import SET_FOLDERS


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    kept = tmp_path / "kept"
    monkeypatch.setenv(CACHE_VARIABLE, str(kept))
    return kept


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every file ``yamlfile.parse`` parses from now on."""
    seen: list[bytes] = []
    real = yamlfile.parse

    def counted(raw: bytes) -> yamlfile.YamlDocument:
        seen.append(raw)
        return real(raw)

    monkeypatch.setattr(yamlfile, "parse", counted)
    return seen


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.marshal")) if folder.is_dir() else []


@pytest.mark.parametrize("name", sorted(SET_FOLDERS))
def test_a_set_read_from_kept_entries_is_the_set_parsed_afresh(
    name: str, folder: Path, parses: list[bytes]
) -> None:
    fresh = load_set(SET_FOLDERS[name])
    files = read_folder(SET_FOLDERS[name])
    assert isinstance(files, dict) and fresh.set is not None
    assert len(parses) == len(files)
    assert len(entries(folder)) == len(set(files.values()))
    parses.clear()
    kept = load_set(SET_FOLDERS[name])
    assert parses == []
    assert kept == fresh
    assert kept.set.model_dump() == fresh.set.model_dump()


def test_a_changed_file_is_parsed_again(tiny_set: Path, folder: Path, parses: list[bytes]) -> None:
    load_set(tiny_set)
    path = tiny_set / "set.yaml"
    path.write_text(path.read_text().replace("title:", "title: Changed", 1))
    parses.clear()
    result = load_set(tiny_set)
    assert parses == [path.read_bytes()]
    assert result.set is not None and result.set.info.title.startswith("Changed")


def test_an_entry_of_another_parser_is_not_read(
    tiny_set: Path, folder: Path, parses: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_set(tiny_set)
    parses.clear()
    monkeypatch.setattr(pc, "_parser_digest", lambda: b"another parser")
    load_set(tiny_set)
    assert len(parses) == len(entries(folder)) // 2


@pytest.mark.parametrize("damage", [b"", b"\x00not marshal", b"\xe9\x01\x00\x00\x00"])
def test_a_damaged_entry_is_parsed_again_and_replaced(
    tiny_set: Path, folder: Path, parses: list[bytes], damage: bytes
) -> None:
    fresh = load_set(tiny_set)
    for entry in entries(folder):
        entry.write_bytes(damage)
    parses.clear()
    assert load_set(tiny_set) == fresh
    assert len(parses) == len(entries(folder))
    assert all(entry.read_bytes() != damage for entry in entries(folder))


def test_a_refused_file_is_never_kept(tiny_set: Path, folder: Path) -> None:
    (tiny_set / "actors.yaml").write_bytes(b"actors: [unclosed")
    first = load_set(tiny_set)
    second = load_set(tiny_set)
    assert first.problems and first == second
    files = read_folder(tiny_set)
    assert isinstance(files, dict)
    refused = files["actors.yaml"]
    assert len(entries(folder)) == len(set(files.values()) - {refused})


def test_an_upload_writes_nothing(tiny_set: Path, folder: Path) -> None:
    files = read_folder(tiny_set)
    assert isinstance(files, dict)
    assert load_files("tiny-set", files, "tiny-set.zip").set is not None
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        for name, data in files.items():
            zipped.writestr(f"tiny-set/{name}", data)
    assert load_upload(archive.getvalue(), "tiny-set.zip").set is not None
    scenario = (
        files["scenarios/rejected.yaml"]
        .replace(b"id: rejected", b"id: other")
        .replace(b"label: Rejected", b"label: Other")
        .replace(b"id: talks-collapse", b"id: other-signpost")
    )
    added = load_upload(scenario, "other.yaml", current=("tiny-set", files))
    assert added.set is not None, added.problems
    assert not folder.exists()


def test_an_empty_variable_turns_the_cache_off(
    tiny_set: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert pc.cache_folder() is None
    assert load_set(tiny_set).set is not None
    assert not (tmp_path / "xdg").exists()


def test_a_folder_that_cannot_be_written_only_costs_the_parse(
    tiny_set: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_bytes(b"")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocked / "kept"))
    assert load_set(tiny_set).set is not None


def test_a_user_with_no_home_loads_without_the_cache(
    tiny_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv(CACHE_VARIABLE)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    assert pc.cache_folder() is None
    assert load_set(tiny_set).set is not None


def test_the_oldest_entries_go_past_the_bound(
    folder: Path, parses: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    versions = [f"title: version {n}\n".encode() for n in range(5)]
    for n, raw in enumerate(versions[:4]):
        pc.parse(raw)
        written = folder / f"{hashlib.sha256(pc._parser_digest() + raw).hexdigest()}.marshal"
        os.utime(written, ns=(n * 10**9, n * 10**9))  # written a second apart, oldest first
    monkeypatch.setattr(pc, "MAX_ENTRIES", 3)
    pc.parse(versions[4])
    assert len(entries(folder)) == 3
    parses.clear()
    assert [pc.parse(raw).data for raw in versions[2:]] == [
        {"title": f"version {n}"} for n in (2, 3, 4)
    ]
    assert parses == [], "the three newest are kept"
    pc.parse(versions[0])
    assert parses == [versions[0]], "the oldest went"
