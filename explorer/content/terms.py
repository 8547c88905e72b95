"""A vocabulary names each id once: the check of a parsed ``vocabulary.yaml`` that spans its
entries. (Whether content uses declared words is checked while each file is validated; see
``explorer.content.types``.)"""

from __future__ import annotations

from explorer.content.parsed import Parsed
from explorer.content.problems import Problem
from explorer.content.rules import duplicates


def repeated_terms(item: Parsed) -> list[Problem]:
    """Each id a parsed ``vocabulary.yaml`` declares twice in one list."""
    problems = []
    for name in ("tracks", "actor_kinds", "groups", "text_kinds"):
        terms = getattr(item.model, name) or ()
        entries = [(item, (name, index, "id"), term.id) for index, term in enumerate(terms)]
        problems.extend(duplicates(name.rstrip("s").replace("_", " "), entries))
    return problems
