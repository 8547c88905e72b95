"""Identity by id in links: descriptor names, and variant names within a descriptor, that a link
cannot tell apart (equal after NFKC normalisation and case folding, or with the same URL token)
are refused at load, in cib.yaml and in .scw files, with a message naming both. In every set,
each descriptor and variant a link names reopens as itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.cib import CibError, ScwError, load_matrix, read_scw
from explorer.content import Catalog, ScenarioSet, load_set
from explorer.content.matrix_rules import same_in_link
from explorer.views import default_state, encode, parse
from tests.conftest import set_id, sets_where
from tests.unit.cib.conftest import scw_file

WITH_MATRIX = sets_where(lambda s: s.cib is not None)
CLASHES = {
    "case": ("Council", "council"),
    "token": ("Aid flow", "aid-flow"),
    "accent": ("Élan", "Elan"),
    "nfkc": ("ﬁnance", "finance"),  # the "fi" ligature
    "fold": ("Straße", "STRASSE"),
}


@pytest.mark.parametrize(("first", "later"), CLASHES.values(), ids=list(CLASHES))
def test_descriptors_a_link_cannot_tell_apart_are_refused_naming_both(
    first: str, later: str
) -> None:
    descriptors = [{"name": first, "variants": ["a", "b"]}, {"name": later, "variants": ["a", "b"]}]
    with pytest.raises(CibError, match="cannot be told apart") as caught:
        load_matrix({"descriptors": descriptors})
    assert repr(first) in str(caught.value) and repr(later) in str(caught.value)


@pytest.mark.parametrize(("first", "later"), CLASHES.values(), ids=list(CLASHES))
def test_variants_a_link_cannot_tell_apart_are_refused_naming_both(first: str, later: str) -> None:
    with pytest.raises(CibError, match="variant of 'D'") as caught:
        load_matrix({"descriptors": [{"name": "D", "variants": [first, later]}]})
    assert repr(first) in str(caught.value) and repr(later) in str(caught.value)


def test_the_same_variant_names_in_two_descriptors_are_fine() -> None:
    descriptors = [{"name": n, "variants": ["High", "Low"]} for n in ("Prices", "Wages")]
    assert len(load_matrix({"descriptors": descriptors}).descriptors) == 2


@pytest.mark.parametrize(("first", "later"), CLASHES.values(), ids=list(CLASHES))
def test_a_scw_file_with_names_a_link_cannot_tell_apart_is_refused(first: str, later: str) -> None:
    with pytest.raises(ScwError, match="cannot be told apart") as caught:
        read_scw(scw_file([2, 2], names=[first, later]))
    assert repr(first) in str(caught.value) and repr(later) in str(caught.value)


def test_a_cib_yaml_with_such_descriptors_has_a_problem_at_the_later_name(
    edit: Callable[[str, str, str], Path],
) -> None:
    folder = edit("cib.yaml", "  - name: Aid\n", "  - name: VOTE\n")
    (problem,) = [p for p in load_set(folder).problems if "cannot be told apart" in p.message]
    assert problem.file.endswith("cib.yaml") and problem.line is not None
    assert problem.field == "descriptors[2].name"
    assert "'VOTE'" in problem.message and "'Vote'" in problem.message


def test_a_cib_yaml_with_such_variants_has_a_problem_at_the_later_variant(
    edit: Callable[[str, str, str], Path],
) -> None:
    folder = edit("cib.yaml", "variants: [Flows, Blocked]", "variants: [Flows, flows]")
    (problem,) = [p for p in load_set(folder).problems if "cannot be told apart" in p.message]
    assert problem.field == "descriptors[2].variants[1]"
    assert "'flows'" in problem.message and "'Flows'" in problem.message
    assert "variant of 'Aid'" in problem.message


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_every_name_of_every_matrix_is_told_apart_in_a_link(scenario_set: ScenarioSet) -> None:
    assert scenario_set.cib is not None
    descriptors = scenario_set.cib.descriptors
    assert same_in_link([d.name for d in descriptors]) == []
    assert all(same_in_link(d.variants) == [] for d in descriptors)


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_a_link_reopens_each_fixed_descriptor_as_itself(scenario_set: ScenarioSet) -> None:
    assert scenario_set.cib is not None
    catalog = Catalog({scenario_set.id: scenario_set})
    base = replace(default_state(catalog, scenario_set.id), view="whatif")
    for descriptor in scenario_set.cib.descriptors:
        for variant in descriptor.variants:
            state = replace(base, fixed=((descriptor.name, variant),))
            again, notices = parse(encode(state, catalog), catalog)
            assert (again.fixed, notices) == (state.fixed, [])
