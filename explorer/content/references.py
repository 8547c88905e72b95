"""Find every cross-reference in a model by its ``Ref`` annotation.

The model declares which fields name other objects (``ActorId``, ``SourceId``...); this module
walks an instance and yields each reference with its location, so the loader can check them
all in one place instead of one hand-written check per field.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from explorer.content.problems import Loc
from explorer.content.types import Ref


def _ref_kind(annotation: Any) -> str | None:
    if get_origin(annotation) is Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, Ref):
                return meta.kind
        return _ref_kind(get_args(annotation)[0])
    for arg in get_args(annotation):
        if (kind := _ref_kind(arg)) is not None:
            return kind
    return None


@cache
def _ref_fields(model: type[BaseModel]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name, info in model.model_fields.items():
        kind = next((m.kind for m in info.metadata if isinstance(m, Ref)), None)
        out[name] = kind or _ref_kind(info.annotation)
    return out


def iter_references(obj: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, str]]:
    """Yield ``(location, kind, id)`` for every reference inside ``obj``."""
    for name, kind in _ref_fields(type(obj)).items():
        yield from _walk(getattr(obj, name), kind, (*loc, name))


def _walk(value: Any, kind: str | None, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    if isinstance(value, BaseModel):
        yield from iter_references(value, loc)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, kind, (*loc, index))
    elif isinstance(value, str) and kind is not None:
        yield loc, kind, value
