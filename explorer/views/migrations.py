"""Old links keep working: dated migrations of query parameters, applied before parsing
(STYLE.md G8), each with a notice of what it changed."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

Params = dict[str, str | Sequence[str]]


def _rename_views(params: Params) -> tuple[Params, list[str]]:
    # 2026-12: "Any decision, any question": view=drafts became texts, view=council became vote.
    renamed = {"drafts": "texts", "council": "vote"}
    view = params.get("view")
    first = view if isinstance(view, str) else (view[0] if view else None)
    if first not in renamed:
        return params, []
    notice = f"This link's view={first} is now view={renamed[first]}."
    return {**params, "view": renamed[first]}, [notice]


# Dated migrations of old links (STYLE.md G8), applied in order before parsing: each returns
# the query parameters migrated, with a notice for each change it made.
MIGRATIONS: tuple[Callable[[Params], tuple[Params, list[str]]], ...] = (_rename_views,)


def migrate(params: Mapping[str, str | Sequence[str]]) -> tuple[Params, list[str]]:
    """``params`` with every migration applied, and the notices they gave."""
    out: Params = dict(params)
    notices: list[str] = []
    for migration in MIGRATIONS:
        out, said = migration(out)
        notices.extend(said)
    return out, notices
