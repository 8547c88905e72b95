"""Caps on how many items a set may hold: the one home of the item limits.

The byte, file and value limits say how big a file may be; these say how many records a list may
hold, so that loading a set and drawing any view of it stay bounded. A list is capped by the key
it is under (``actors``, ``points``...; ``MAX_ITEMS``), or by ``MAX_LIST_ITEMS`` when its key has
no cap of its own; a set has at most ``MAX_SCENARIOS`` scenario files and ``MAX_SET_VALUES``
values across all its files. Each cap is ten times or more the largest shipped set's count
(recorded beside it); ``bench/caps.py`` measures a set at the caps.

``too_many_items`` walks a composed YAML document before anything is built from it, visiting each
node once (an alias is not walked again), so its cost is the file's own size.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from explorer.content.problems import Loc, field_path

MAX_ITEMS: dict[str, int] = {
    "actors": 500,  # largest shipped: 41
    "clauses": 200,  # 7 in one text
    "drafts": 100,  # texts; 2
    "events": 1_000,  # 30 in one file
    "indicators": 100,  # 5
    "issues": 100,  # 7
    "observations": 1_000,  # 47
    "perspectives": 200,  # 9
    "points": 1_000,  # per trajectory; 5
    "reactions": 1_000,  # 5
    "sections": 2_000,  # 22 (a matrix of 40 descriptors has at most 1,560)
    "signposts": 200,  # 9
    "sources": 5_000,  # 232
    "stances": 5_000,  # 344
    "trajectories": 100,  # per scenario; 5
    "values": 100,  # per observation; 3
    "votes": 1_000,  # recorded votes; 19
}
"""The most items a list under each key may hold, in any file of a set."""
MAX_LIST_ITEMS = 1_000
"""The most items of any other list (members of a body, ids a record cites...; largest: 32)."""
MAX_SCENARIOS = 100
"""Scenario files in ``scenarios/`` (largest shipped set: 6)."""
MAX_SET_VALUES = 200_000
"""Keys, values and list items across all files of a set, aliases expanded (largest shipped set:
about 12,700)."""


@dataclass(frozen=True)
class TooMany:
    """A list over its cap: where it starts, its field, and the message."""

    line: int
    field: str
    message: str


def cap_of(key: str | None) -> int:
    """The most items a list under ``key`` may hold."""
    return MAX_ITEMS.get(key, MAX_LIST_ITEMS) if key is not None else MAX_LIST_ITEMS


def too_many_items(root: yaml.Node) -> TooMany | None:
    """The first list (in file order) that holds more items than its cap, or None. Its line is
    the line of its key (of the item, for a list in a list)."""
    seen: set[int] = set()
    found: list[tuple[int, Loc, int, int]] = []
    stack: list[tuple[yaml.Node, Loc, int]] = [(root, (), root.start_mark.line + 1)]
    while stack:
        node, loc, line = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(
                (value, (*loc, _key(key)), key.start_mark.line + 1) for key, value in node.value
            )
        elif isinstance(node, yaml.SequenceNode):
            cap = cap_of(_name(loc))
            if len(node.value) > cap:
                found.append((line, loc, len(node.value), cap))
            stack.extend(
                (item, (*loc, index), item.start_mark.line + 1)
                for index, item in enumerate(node.value)
            )
    if not found:
        return None
    line, loc, count, cap = min(found, key=lambda f: f[0])
    message = f"holds {count:,} items; the limit for {_name(loc) or 'a list'} is {cap:,}; refused"
    return TooMany(line, field_path(loc), message)


def _key(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else "?"


def _name(loc: Loc) -> str | None:
    """The key a list is under (the nearest one, for a list in a list)."""
    return next((part for part in reversed(loc) if isinstance(part, str)), None)


def too_many_values(total: int) -> str:
    """The message for a set whose files together hold ``total`` values, over the cap."""
    return (
        f"the set's files hold {total:,} values so far (keys, values and list items, counted "
        f"one by one); the limit for a set is {MAX_SET_VALUES:,}; refused here"
    )
