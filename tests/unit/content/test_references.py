"""``iter_references`` finds every field marked with ``Ref``, however it is nested: alone,
optional, in a list, in a model, in a list of models."""

from __future__ import annotations

from explorer.content import (
    ActorId,
    CitedSources,
    Id,
    IssueId,
    Model,
    Perspective,
    ScenarioId,
    ScenarioSet,
    Sources,
    Text,
    iter_references,
)


class Inner(Model):
    actor: ActorId
    note: Text


class Outer(Model):
    id: Id
    title: Text
    issue: IssueId
    scenario: ScenarioId | None = None
    pair: tuple[ScenarioId, ScenarioId]
    sources: Sources = ()
    cited: CitedSources
    inner: Inner
    inners: tuple[Inner, ...] = ()


def test_every_shape_of_reference_is_found_with_its_location() -> None:
    outer = Outer(
        id="o",
        title="Not a reference",
        issue="force",
        scenario="adopted",
        pair=("adopted", "rejected"),
        sources=("wire", "record"),
        cited=("record",),
        inner=Inner(actor="north", note="n"),
        inners=(Inner(actor="south", note="s"), Inner(actor="east", note="e")),
    )
    assert list(iter_references(outer)) == [
        (("issue",), "issue", "force"),
        (("scenario",), "scenario", "adopted"),
        (("pair", 0), "scenario", "adopted"),
        (("pair", 1), "scenario", "rejected"),
        (("sources", 0), "source", "wire"),
        (("sources", 1), "source", "record"),
        (("cited", 0), "source", "record"),
        (("inner", "actor"), "actor", "north"),
        (("inners", 0, "actor"), "actor", "south"),
        (("inners", 1, "actor"), "actor", "east"),
    ]


def test_an_absent_optional_reference_yields_nothing() -> None:
    outer = Outer(
        id="o",
        title="t",
        issue="force",
        pair=("a", "b"),
        cited=("r",),
        inner=Inner(actor="n", note="n"),
    )
    assert [kind for _, kind, _ in iter_references(outer)] == [
        "issue",
        "scenario",
        "scenario",
        "source",
        "actor",
    ]
    perspective = Perspective(attribution="An outlet", text="t", sources=("wire",))
    assert list(iter_references(perspective)) == [(("sources", 0), "source", "wire")]


def test_locations_start_from_the_given_prefix() -> None:
    inner = Inner(actor="north", note="n")
    assert list(iter_references(inner, ("drafts", 2))) == [
        (("drafts", 2, "actor"), "actor", "north")
    ]


def test_a_text_yields_its_proponents_vote_members_and_clause_references(
    tiny: ScenarioSet,
) -> None:
    assert list(iter_references(tiny.drafts[0])) == [
        (("proponents", 0), "actor", "north"),
        (("decision", "vote", "yes", 0), "actor", "north"),
        (("decision", "vote", "yes", 1), "actor", "south"),
        (("decision", "vote", "sources", 0), "source", "un-record"),
        (("decision", "follows", "adopted"), "scenario", "adopted"),
        (("decision", "follows", "not_adopted"), "scenario", "rejected"),
        (("clauses", 0, "issue"), "issue", "force-now"),
        (("clauses", 0, "sources", 0), "source", "un-record"),
        (("sources", 0), "source", "un-record"),
    ]
