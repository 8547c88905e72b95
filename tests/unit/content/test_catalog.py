"""The lazy catalog: a cheap index at start, each set loaded on first use and kept (bounded),
the same sets and problems as loading everything at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.content import ScenarioSet, load_catalog, open_catalog
from explorer.content.catalog import LazySets
from tests.conftest import SET_FOLDERS, SETS, set_id


@pytest.fixture
def every_set(tmp_path: Path) -> Path:
    """A folder holding a copy of every set the tests run over."""
    root = tmp_path / "every"
    for name, folder in SET_FOLDERS.items():
        shutil.copytree(folder, root / name)
    return root


def test_opening_reads_the_index_and_loads_no_set(every_set: Path) -> None:
    catalog = open_catalog(every_set)
    assert catalog.ids == sorted(SETS)
    assert not any(catalog.is_loaded(i) for i in catalog.ids)
    assert not catalog.problems


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_a_set_is_loaded_on_first_use_as_the_loader_loads_it(
    every_set: Path, scenario_set: ScenarioSet
) -> None:
    catalog = open_catalog(every_set)
    assert catalog.title(scenario_set.id) == scenario_set.info.title
    loaded = catalog[scenario_set.id]
    assert loaded.content_hash == scenario_set.content_hash
    assert loaded == scenario_set
    assert catalog.is_loaded(scenario_set.id)
    assert [i for i in catalog.ids if catalog.is_loaded(i)] == [scenario_set.id]
    assert catalog[scenario_set.id] is loaded


def test_the_lazy_catalog_holds_what_loading_everything_holds(every_set: Path) -> None:
    lazy, eager = open_catalog(every_set), load_catalog(every_set)
    assert lazy.ids == eager.ids
    assert dict(lazy.sets) == dict(eager.sets)
    assert dict(lazy.problems) == dict(eager.problems) == {}


def test_a_set_with_an_unreadable_set_yaml_is_a_problem_from_the_start(tiny_set: Path) -> None:
    broken = tiny_set.parent / "broken-set"
    broken.mkdir()
    (broken / "set.yaml").write_text("title: [unclosed\n")
    catalog = open_catalog(tiny_set.parent)
    assert catalog.ids == ["tiny-set"]
    assert dict(catalog.problems) == dict(load_catalog(tiny_set.parent).problems)
    assert str(catalog.problems["broken-set"][0]).startswith(
        "sets/broken-set/set.yaml:2: not valid YAML"
    )


def test_a_set_broken_beyond_its_title_leaves_the_index_when_first_used(tiny_set: Path) -> None:
    broken = tiny_set.parent / "a-broken-set"
    shutil.copytree(tiny_set, broken)
    (broken / "actors.yaml").write_text("actors: [unclosed\n")
    catalog = open_catalog(tiny_set.parent)
    assert catalog.ids == ["a-broken-set", "tiny-set"]
    assert "a-broken-set" in catalog.sets
    assert catalog.sets.get("a-broken-set") is None
    assert catalog.ids == ["tiny-set"]
    assert "a-broken-set" not in catalog.sets
    assert (
        catalog.problems["a-broken-set"] == load_catalog(tiny_set.parent).problems["a-broken-set"]
    )
    with pytest.raises(KeyError):
        catalog["a-broken-set"]


def test_the_catalog_keeps_a_bounded_number_of_sets(every_set: Path) -> None:
    catalog = open_catalog(every_set, kept=1)
    first, second = catalog.ids[:2]
    kept = catalog[first]
    catalog[second]
    assert catalog.is_loaded(second) and not catalog.is_loaded(first)
    assert catalog[first] == kept
    assert catalog.is_loaded(first) and not catalog.is_loaded(second)


def test_an_extra_set_joins_one_view_of_the_catalog_only(
    every_set: Path, tiny: ScenarioSet
) -> None:
    catalog = open_catalog(every_set)
    first = catalog.ids[0]
    extra = tiny.model_copy(update={"id": "my-upload"})
    with_extra = catalog.with_set(extra)
    assert isinstance(with_extra.sets, LazySets)
    assert with_extra.ids == [*catalog.ids, "my-upload"]
    assert with_extra["my-upload"] is extra and with_extra.is_loaded("my-upload")
    assert with_extra.title("my-upload") == tiny.info.title
    assert "my-upload" not in catalog.sets
    assert not with_extra.is_loaded(first)
