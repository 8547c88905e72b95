"""Nothing passes between sessions through a shared cache: each cache is keyed by all its result
depends on (never by content alone) and holds a bounded number of entries.

Session 1 uploads a set; session 2 uploads the same files under another folder name and
downloads the set's zip: it holds session 2's folder, set id and link, not session 1's."""

from __future__ import annotations

import ast
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from components import data, export
from explorer.content import ScenarioSet, read_folder
from explorer.uploads import load_upload
from explorer.zipfiles import deterministic_zip
from tests.conftest import SET_FOLDERS, SETS, set_id
from tests.security.conftest import ROOT, clear_streamlit_caches

CACHES = {"cache_data", "cache_resource"}


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    clear_streamlit_caches()
    yield
    clear_streamlit_caches()


SETS_DAY = SETS[next(iter(SETS))].info.as_of


def _upload(files: dict[str, bytes], folder: str) -> ScenarioSet:
    data = deterministic_zip({f"{folder}/{k}": v for k, v in files.items()}, SETS_DAY)
    result = load_upload(data, "upload.zip")
    assert result.problems == () and result.set is not None
    return result.set


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_the_same_files_under_two_folder_names_download_as_two_zips(
    scenario_set: ScenarioSet,
) -> None:
    files = read_folder(SET_FOLDERS[scenario_set.id])
    assert isinstance(files, dict)
    first, second = _upload(files, "first-name"), _upload(files, "second-name")
    assert first.content_hash == second.content_hash
    base = "https://explorer.example/"
    export.set_zip(first, files, base)
    data = export.set_zip(second, files, base)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert {name.split("/", 1)[0] for name in archive.namelist()} == {"second-name"}
    metadata = json.loads(archive.read("second-name/metadata.json"))
    assert metadata["id"] == "second-name"
    assert "set=second-name" in metadata["link"] and "first-name" not in metadata["link"]
    assert b"first-name" not in data


def _cache_decorators(path: Path) -> Iterator[tuple[ast.FunctionDef, ast.Call | ast.Attribute]]:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(target, ast.Attribute) and target.attr in CACHES:
                    yield node, decorator


SHARED_CACHES = [
    (path, function, decorator)
    for path in sorted((ROOT / "components").glob("*.py"))
    for function, decorator in _cache_decorators(path)
    if function.args.args  # a cache of a function without arguments holds one value
]


def test_the_components_hold_shared_caches() -> None:
    assert {function.name for _, function, _ in SHARED_CACHES} >= {"_set_zip"}


def test_the_shared_store_of_built_figures_is_bounded_in_entries_and_bytes() -> None:
    store = data._shared()
    assert (store.max_entries, store.max_bytes) == (data.SHARED_ENTRIES, data.SHARED_BYTES)
    assert 0 < data.SHARED_ENTRIES <= 1_000 and 0 < data.SHARED_BYTES <= 100_000_000


@pytest.mark.parametrize(
    ("path", "function", "decorator"),
    SHARED_CACHES,
    ids=[f"{path.stem}.{function.name}" for path, function, _ in SHARED_CACHES],
)
def test_every_shared_cache_with_a_key_is_bounded(
    path: Path, function: ast.FunctionDef, decorator: ast.Call | ast.Attribute
) -> None:
    keywords = {k.arg for k in decorator.keywords} if isinstance(decorator, ast.Call) else set()
    assert "max_entries" in keywords, f"{path.name}: {function.name} has no max_entries"
