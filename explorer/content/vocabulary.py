"""The words a set declares for itself in ``vocabulary.yaml``: its event tracks, actor kinds,
actor groups and text kinds, and the defaults for what it leaves out.

A set written before vocabularies shows exactly as before: the defaults are the Security
Council words the app started with. ``resolve`` turns the file (or its absence) into the
``Vocabulary`` a loaded set carries, with each group's member actors worked out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Self

from pydantic import Field, model_validator

from explorer.content.entities import Actor
from explorer.content.types import DEFAULT_TERMS, ActorId, Id, Model, TermId, Text

Scalar = bool | int | str
OTHERS = "others"
"""The id of the implicit group of actors in no declared group."""


class Term(Model):
    """One word of a vocabulary: an id that content uses and the label a reader sees."""

    id: TermId
    label: Text


class Group(Model):
    """An actor group: named by ``members`` (actor ids) or by a ``where`` rule over actor
    fields (every field must match; a list value means any of its values)."""

    id: Id
    label: Text
    members: tuple[ActorId, ...] | None = None
    where: dict[str, Scalar | list[Scalar]] | None = None

    @model_validator(mode="after")
    def _one_way(self) -> Self:
        if (self.members is None) == (self.where is None):
            raise ValueError("give exactly one of members or where")
        unknown = [name for name in self.where or {} if name not in Actor.model_fields]
        if unknown:
            raise ValueError(
                f"where names {', '.join(map(repr, unknown))}, not an actor field "
                f"(one of {', '.join(Actor.model_fields)})"
            )
        if self.id == OTHERS:
            raise ValueError(
                f"{OTHERS!r} is the app's group of actors in no declared group; use another id"
            )
        return self

    def holds(self, actor: Actor) -> bool:
        if self.members is not None:
            return actor.id in self.members
        rule = self.where or {}
        return all(
            getattr(actor, name, None) in (wanted if isinstance(wanted, list) else [wanted])
            for name, wanted in rule.items()
        )


class VocabularyFile(Model):
    """``vocabulary.yaml``: each list is optional; what is left out takes the defaults."""

    tracks: Annotated[tuple[Term, ...], Field(min_length=1)] | None = None
    actor_kinds: Annotated[tuple[Term, ...], Field(min_length=1)] | None = None
    groups: tuple[Group, ...] | None = None
    text_kinds: Annotated[tuple[Term, ...], Field(min_length=1)] | None = None


class ActorGroup(Model):
    """A group with its member actors resolved, in the set's actor order."""

    id: Id
    label: Text
    members: tuple[str, ...]


class Vocabulary(Model):
    """A loaded set's vocabulary, defaults applied; ``groups`` ends with the implicit
    ``others`` group when some actor is in no declared group."""

    tracks: tuple[Term, ...]
    actor_kinds: tuple[Term, ...]
    groups: tuple[ActorGroup, ...]
    text_kinds: tuple[Term, ...]


def _terms(*pairs: tuple[str, str]) -> tuple[Term, ...]:
    return tuple(Term(id=i, label=label) for i, label in pairs)


DEFAULTS = VocabularyFile(
    tracks=_terms(*DEFAULT_TERMS["tracks"]),
    actor_kinds=_terms(*DEFAULT_TERMS["actor_kinds"]),
    groups=(
        Group(id="p5", label="Council: permanent members", where={"council_seat": "permanent"}),
        Group(id="elected", label="Council: elected members", where={"council_seat": "elected"}),
        Group(
            id="parties",
            label="Parties to the conflict",
            where={"party": True, "council_seat": "none"},
        ),
    ),
    text_kinds=_terms(*DEFAULT_TERMS["text_kinds"]),
)
DEFAULT_OTHERS_LABEL = "Other states and bodies"
OTHERS_LABEL = "Other actors"


def with_defaults(declared: VocabularyFile | None) -> VocabularyFile:
    """The declared lists, each one left out taken from ``DEFAULTS``."""
    declared = declared or VocabularyFile()
    return VocabularyFile(
        **{
            name: getattr(declared, name)
            if getattr(declared, name) is not None
            else getattr(DEFAULTS, name)
            for name in VocabularyFile.model_fields
        }
    )


def term_ids(declared: VocabularyFile | None) -> dict[str, list[str]]:
    """The ids of each term list, defaults applied: the loader's validation context."""
    full = with_defaults(declared)
    return {name: [t.id for t in getattr(full, name) or ()] for name in DEFAULT_TERMS}


def resolve(declared: VocabularyFile | None, actors: Sequence[Actor]) -> Vocabulary:
    """The set's vocabulary: defaults applied, each group's members found among ``actors``."""
    full = with_defaults(declared)
    groups = [
        ActorGroup(id=g.id, label=g.label, members=tuple(a.id for a in actors if g.holds(a)))
        for g in full.groups or ()
    ]
    grouped = {member for group in groups for member in group.members}
    rest = tuple(a.id for a in actors if a.id not in grouped)
    if rest:
        default_groups = declared is None or declared.groups is None
        label = DEFAULT_OTHERS_LABEL if default_groups else OTHERS_LABEL
        groups.append(ActorGroup(id=OTHERS, label=label, members=rest))
    return Vocabulary(
        tracks=full.tracks or (),
        actor_kinds=full.actor_kinds or (),
        groups=tuple(groups),
        text_kinds=full.text_kinds or (),
    )
